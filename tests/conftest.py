"""Shared test set-up: no display, and every test gets its own empty app folders and Keras cache."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests read the English words, whatever language this machine is set to (the Chinese tests switch).
os.environ["FINETUNE_STUDIO_LANGUAGE"] = "en"

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import write_coloured_photos, write_image  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_app_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("appdirs")
    monkeypatch.setenv("FINETUNE_STUDIO_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("FINETUNE_STUDIO_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("KERAS_HOME", str(base / "keras"))
    return base


@pytest.fixture
def two_class_folder(tmp_path) -> Path:
    """root/red/*.png and root/blue/*.png, 6 each, slightly different so none are duplicates."""
    root = tmp_path / "colours"
    for label, color in (("red", (220, 20, 20)), ("blue", (20, 20, 220))):
        for i in range(6):
            write_image(root / label / f"{label}{i}.png", color=(color[0], color[1] + 5 * i, color[2]))
    return root


@pytest.fixture(scope="session")
def twenty_thousand_images(tmp_path_factory) -> Path:
    """20,000 small generated photos in two classes (red-ish, blue-ish), made once per test session."""
    return write_coloured_photos(tmp_path_factory.mktemp("scale") / "twenty thousand", 10_000)


@pytest.fixture(scope="session")
def snack_model(tmp_path_factory):
    """A real model (hotdog / not-hotdog), trained on 16 real photos before any window exists (so it does not
    overlap the window's background import of TensorFlow). Tests that change it work on a copy."""
    from desktop_app.core.data.dataset import scan_dataset
    from desktop_app.core.training.trainer import TrainingConfig, train

    from helpers import copy_hotdog_photos

    root = copy_hotdog_photos(tmp_path_factory.mktemp("photos"), 8)
    out = tmp_path_factory.mktemp("models") / "snack.keras"
    config = TrainingConfig(backbone="mobilenet_v2_0.35", image_size=96, epochs=10, fine_tune_layers=0)
    return train(scan_dataset(root), out, config).model_path
