"""Shared test set-up: no display, and every test gets its own empty app folders and Keras cache."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
HOTDOG = SHARED / "datasets" / "hotdog"
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def isolated_app_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("appdirs")
    monkeypatch.setenv("FINETUNE_STUDIO_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("FINETUNE_STUDIO_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("KERAS_HOME", str(base / "keras"))
    return base


def write_image(path: Path, color=(200, 30, 30), size=(64, 48), mode="RGB", fmt=None, **save_args) -> Path:
    """A small picture: a coloured square on a neutral background, so classes differ visibly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    arr = np.full((size[1], size[0], 3), 120, np.uint8)
    h, w = size[1], size[0]
    arr[h // 4: 3 * h // 4, w // 8: w // 2] = color  # off-centre, so a mirrored copy differs
    img = Image.fromarray(arr, "RGB")
    if mode != "RGB":
        img = img.convert(mode)
    img.save(path, format=fmt, **save_args)
    return path


@pytest.fixture
def two_class_folder(tmp_path) -> Path:
    """root/red/*.png and root/blue/*.png, 6 each, slightly different so none are duplicates."""
    root = tmp_path / "colours"
    for label, color in (("red", (220, 20, 20)), ("blue", (20, 20, 220))):
        for i in range(6):
            write_image(root / label / f"{label}{i}.png", color=(color[0], color[1] + 5 * i, color[2]))
    return root
