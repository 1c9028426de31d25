"""Helpers shared by the tests (conftest.py files cannot import each other by name)."""

from pathlib import Path

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
HOTDOG = SHARED / "datasets" / "hotdog"


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
