"""The TFLite copy the command line's one-shot calls run with LiteRT, sparing TensorFlow's import (issue 20,
point 3); the real photos' answers are compared in tests/e2e/test_hotdog.py."""

import numpy as np
import pytest

from desktop_app.core.data.dataset import scan_dataset
from desktop_app.core.errors import ModelFileError
from desktop_app.core.models import tflite
from desktop_app.core.models.bundle import load_bundle, set_threshold, update_metadata
from desktop_app.core.models.prediction import Predictor
from desktop_app.core.training.trainer import TrainingConfig, train


def test_the_copy_is_used_when_asked_for_kept_across_a_new_threshold_and_checked_against_the_classes(
        two_class_folder, tmp_path):
    config = TrainingConfig(backbone="mobilenet_v2_0.35", image_size=64, epochs=10, fine_tune_layers=0)
    model = train(scan_dataset(two_class_folder), tmp_path / "colours.keras", config).model_path
    assert not Predictor(model, quick=True).quick  # none is kept yet: the Keras model answers
    kept = tflite.keep_copy(load_bundle(model), model)
    assert kept is not None and kept.is_file()
    set_threshold(model, 0.9)  # the model file changes, its network does not
    assert tflite.copy_path(model) == kept
    quick, keras = Predictor(model, quick=True), Predictor(model)
    assert quick.quick and not keras.quick and quick.threshold == 0.9
    photos = sorted(two_class_folder.rglob("*.png"))
    got, expected = quick.predict(photos), keras.predict(photos)
    assert [p.label for p in got] == [p.label for p in expected]
    assert np.allclose([list(p.probabilities.values()) for p in got],
                       [list(p.probabilities.values()) for p in expected], atol=1e-4)
    update_metadata(model, classes=("red", "green", "blue"))  # edited by hand: three names, two outputs
    with pytest.raises(ModelFileError, match="inconsistent"):
        Predictor(model, quick=True)
