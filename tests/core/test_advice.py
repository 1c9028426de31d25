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
