"""Grad-CAM: a heatmap the size of the picture, hottest where the object that decides the answer is."""

import numpy as np
import pytest
from PIL import Image

from desktop_app.core.models.bundle import load_bundle
from desktop_app.core.data.dataset import scan_dataset
from desktop_app.core.models.forward import ForwardPass
from desktop_app.core.models.heatmap import HeatmapMaker, overlay
from desktop_app.core.training.trainer import TrainingConfig, train

SIZE = 224


def _picture(path, square_at=None, seed=0):
    """Grey noise; with square_at=(x, y), a 64-pixel red square there."""
    rng = np.random.default_rng(seed)
    pixels = np.clip(rng.normal(128, 20, (SIZE, SIZE, 3)), 0, 255).astype(np.uint8)
    if square_at is not None:
        x, y = square_at
        pixels[y:y + 64, x:x + 64] = (220, 30, 30)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(pixels).save(path)
    return path


@pytest.fixture(scope="module", params=["mobilenet_v2_0.35", "mobilenet_v2_1.0"])  # each bundled backbone
def square_model(tmp_path_factory, request):
    root = tmp_path_factory.mktemp("squares")
    rng = np.random.default_rng(1)
    for i in range(12):
        _picture(root / "square" / f"{i}.png", tuple(rng.integers(0, SIZE - 64, 2)), seed=i)
        _picture(root / "plain" / f"{i}.png", seed=100 + i)
    config = TrainingConfig(backbone=request.param, image_size=SIZE, epochs=20, fine_tune_layers=0)
    return train(scan_dataset(root), root.parent / "squares.keras", config).model_path


@pytest.mark.parametrize("corner", [(16, 16), (140, 24), (30, 150), (150, 150)])
def test_the_heat_peaks_on_the_object(square_model, tmp_path, corner):
    maker = HeatmapMaker(ForwardPass(load_bundle(square_model)))
    result = maker.explain(_picture(tmp_path / "new.png", corner, seed=999))
    assert result.label == "square" and result.confidence > 0.5
    assert result.heat.shape == result.image.shape[:2] == (SIZE, SIZE)
    assert result.heat.min() >= 0 and result.heat.max() == pytest.approx(1.0)
    y, x = np.unravel_index(np.argmax(result.heat), result.heat.shape)
    cx, cy = corner
    assert cx - 16 <= x < cx + 64 + 16 and cy - 16 <= y < cy + 64 + 16, (x, y)


def test_heat_for_another_class_and_the_overlay(square_model, tmp_path):
    maker = HeatmapMaker(ForwardPass(load_bundle(square_model)))
    result = maker.explain(_picture(tmp_path / "new.png", (16, 16)), label="plain")
    assert result.label == "plain" and result.confidence < 0.5
    shown = overlay(result.image, result.heat)
    assert shown.shape == result.image.shape and shown.dtype == np.uint8


def test_a_model_of_another_shape_has_no_heatmap():
    from desktop_app.core.models.bundle import ModelBundle
    from desktop_app.core.models.metadata import ModelMetadata
    from desktop_app.core.models.heatmap import heatmap_maker
    from desktop_app.core.tf_runtime import keras

    k = keras()
    inputs = k.Input((8, 8, 3))
    model = k.Model(inputs, k.layers.Dense(2, activation="softmax")(k.layers.Flatten()(inputs)))
    assert heatmap_maker(ForwardPass(ModelBundle(model, ModelMetadata(("a", "b"), image_size=8)))) is None
