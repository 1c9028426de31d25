"""A new model against the one in use: only comparable models are ranked, and luck is not called a gain."""

from desktop_app.core.models.comparison import Verdict, compare, mcnemar_exact
from desktop_app.core.models.metadata import HeldOutAnswers, ModelMetadata


def model(right: list[bool], classes=("hotdog", "not-hotdog"), paths=None, labels=None) -> ModelMetadata:
    """A model whose held-out answer on photo i is right when right[i] is."""
    paths = paths or [f"/photos/{i}.jpg" for i in range(len(right))]
    labels = labels or [classes[i % 2] for i in range(len(right))]
    probabilities = []
    for label, ok in zip(labels, right, strict=True):
        said = label if ok else next(c for c in classes if c != label)
        probabilities.append(tuple(0.9 if c == said else 0.1 / (len(classes) - 1) for c in classes))
    return ModelMetadata(classes=tuple(classes), validation=HeldOutAnswers(tuple(paths), tuple(labels),
                                                                          tuple(probabilities)))


def test_the_exact_mcnemar_test_counts_only_the_disagreements():
    assert mcnemar_exact(0, 0) == 1.0
    assert mcnemar_exact(5, 0) == 2 / 32  # five to none could still be luck (p = 0.0625)
    assert mcnemar_exact(0, 6) == 2 / 64
    assert abs(mcnemar_exact(10, 2) - 0.0386) < 1e-4
    assert mcnemar_exact(3, 3) == 1.0


def test_89_against_90_percent_on_200_photos_is_no_real_difference():
    old = [True] * 180 + [False] * 20
    new = [True] * 178 + [False] * 22  # two photos of 200
    result = compare(model(new), model(old))
    assert result.verdict is Verdict.NO_REAL_DIFFERENCE and (result.new_right, result.old_right) == (178, 180)
    assert result.words() == ("On the 200 held-out photos both were tested on, the new model is right on 178, "
                              "the model in use on 180. No real difference: they answer 2 photos differently, "
                              "which luck alone could explain.")


def test_a_clear_gain_or_loss_on_the_same_photos_is_named():
    old = [False] * 12 + [True] * 28
    new = [True] * 40
    assert compare(model(new), model(old)).verdict is Verdict.BETTER
    assert compare(model(old), model(new)).verdict is Verdict.WORSE
    assert "The new model is worse: of the 12 photos" in compare(model(old), model(new)).words()


def test_models_of_different_classes_or_photos_are_not_ranked():
    two = model([True] * 9 + [False])
    three = model([True] * 9 + [False], classes=("hotdog", "not-hotdog", "sausage"))
    assert compare(three, two).verdict is Verdict.DIFFERENT_CLASSES  # both 90 %, yet not comparable
    elsewhere = model([True] * 10, paths=[f"/other/{i}.jpg" for i in range(10)])
    assert compare(elsewhere, two).verdict is Verdict.NOT_ON_THE_SAME_PHOTOS
    assert compare(ModelMetadata(classes=two.classes), two).verdict is Verdict.NOT_ON_THE_SAME_PHOTOS


def test_a_photo_moved_to_another_class_between_the_runs_is_left_out():
    labels = ["hotdog", "not-hotdog"] * 5
    moved = ["not-hotdog", *labels[1:]]  # the user fixed the first photo's class before training again
    result = compare(model([True] * 10, labels=moved), model([True] * 10, labels=labels))
    assert result.photos == 9
