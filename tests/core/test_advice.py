"""'To improve this model': the confusions, largest first, and the class that needs photos."""

import shutil

import numpy as np

from helpers import HOTDOG
from desktop_app.core.models.advice import advise
from desktop_app.core.models.evaluation import ClassMetrics, Evaluation
from desktop_app.core.models.prediction import Prediction


def _evaluation(classes, matrix, mistakes=()):
    n = int(np.sum(matrix))
    right = sum(matrix[i][i] for i in range(len(classes)))
    per_class = {}
    for i, c in enumerate(classes):
        support, found = sum(matrix[i]), matrix[i][i]
        said = sum(row[i] for row in matrix)
        per_class[c] = ClassMetrics(found / said if said else 0.0, found / support, 0.0, support)
    return Evaluation(classes, right / n, n, matrix, per_class, list(mistakes), [], [], 0.0, np.ones(n), np.ones(n))


def test_the_largest_confusions_come_first_with_the_photos_that_show_them():
    classes = ["rose", "tulip", "daisy"]
    matrix = [[40, 7, 1], [2, 45, 0], [0, 0, 30]]
    wrong = [(Prediction(f"/p/rose{i}.jpg", "tulip", 0.9 - i / 100, {}, True), "rose") for i in range(7)]
    wrong.append((Prediction("/p/tulip0.jpg", "rose", 0.8, {}, True), "tulip"))
    advice = advise(_evaluation(classes, matrix, wrong), {"rose": 48, "tulip": 47, "daisy": 30})
    assert [a.label for a in advice] == ["rose", "tulip", "rose"]  # 7 roses taken for tulips, 2 tulips, 1 rose
    assert advice[0].words == ("Add photos of “rose” that look like “tulip”: the model took 7 of the 48 “rose” "
                               "photos for “tulip” (see them among the mistakes).")
    assert advice[0].examples == [f"/p/rose{i}.jpg" for i in range(6)] and advice[1].examples == ["/p/tulip0.jpg"]


def test_a_class_with_few_photos_that_is_found_less_often_needs_photos():
    classes = ["cat", "dog"]
    matrix = [[48, 2], [5, 5]]
    advice = advise(_evaluation(classes, matrix), {"cat": 50, "dog": 10})
    [few] = [a for a in advice if "needs more photos" in a.words]
    assert few.label == "dog" and "it has 10 for training, against 50" in few.words and "finds only 50%" in few.words
    assert not [a for a in advise(_evaluation(classes, [[48, 2], [1, 9]]), {"cat": 50, "dog": 50})
                if "needs more photos" in a.words]  # balanced, found as often: no such advice


def test_on_an_unbalanced_copy_of_the_hot_dog_photos_it_names_the_class_that_needs_photos(tmp_path):
    """Real photos, a real model: 60 hot dogs against 6 other pictures."""
    from desktop_app.core.data.dataset import scan_dataset
    from desktop_app.core.models.bundle import read_metadata
    from desktop_app.core.models.evaluation import validation_evaluation
    from desktop_app.core.training.trainer import TrainingConfig, train

    for label, n in (("hotdog", 60), ("not-hotdog", 6)):
        (tmp_path / "photos" / label).mkdir(parents=True)
        for photo in sorted((HOTDOG / "train" / label).glob("*.jpg"))[:n]:
            shutil.copy(photo, tmp_path / "photos" / label)
    result = train(scan_dataset(tmp_path / "photos"), tmp_path / "m.keras",
                   TrainingConfig(backbone="mobilenet_v2_0.35", image_size=96, epochs=10, fine_tune_layers=0))
    meta = read_metadata(result.model_path)
    ev = validation_evaluation(meta)
    advice = advise(ev, meta.dataset.train_counts)
    needs = [a.label for a in advice if "needs more photos" in a.words]
    assert needs == ["not-hotdog"], (ev.per_class, [a.words for a in advice])


def test_the_learning_curve_says_whether_more_photos_of_the_same_kind_would_help():
    ev = _evaluation(["cat", "dog"], [[45, 5], [5, 45]])
    [climbing] = [a for a in advise(ev, {"cat": 50, "dog": 50}, [(25, 0.70), (50, 0.78), (75, 0.83), (100, 0.86)])
                  if not a.label]
    assert climbing.words.startswith("More photos will likely help")
    assert "70% with 25 photos, 78% with 50 photos" in climbing.words
    # A line through (log2 photos, accuracy): 8 points a doubling, and doubling 100 photos is 100 more.
    assert "Twice as many (about 100 more) would likely add about 8 points." in climbing.words
    [flat] = [a for a in advise(ev, {"cat": 50, "dog": 50}, [(25, 0.89), (50, 0.90), (75, 0.90), (100, 0.90)])
              if not a.label]
    assert flat.words.startswith("More photos like these would add little")
    assert not [a for a in advise(ev, {"cat": 50, "dog": 50}) if not a.label]  # no curve measured: no such advice


def test_training_measures_the_curve_on_growing_shares_of_the_photos(tmp_path):
    from desktop_app.core.data.dataset import scan_dataset
    from desktop_app.core.models.bundle import read_metadata
    from desktop_app.core.training.trainer import TrainingConfig, train
    from helpers import copy_hotdog_photos

    root = copy_hotdog_photos(tmp_path / "photos", 12)
    result = train(scan_dataset(root), tmp_path / "m.keras",
                   TrainingConfig(backbone="mobilenet_v2_0.35", image_size=96, epochs=10, fine_tune_layers=0))
    curve = read_metadata(result.model_path).learning_curve
    assert [n for n, _ in curve] == [6, 12, 18, 24] and all(0 <= a <= 1 for _, a in curve)
    assert curve[-1][1] == result.val_accuracy  # the last point is the model's own held-out accuracy
