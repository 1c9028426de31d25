"""HEIC (the iPhone camera's format) and AVIF photos (issue 19, point 9), made by the real encoders.

HEIC needs the add-on (pillow-heif, GPLv2 wheels the app cannot ship): with it the photos train like any other;
without it each is listed with a reason that names what is missing. Pillow reads AVIF itself."""

import json
import os
import subprocess
import sys

import numpy as np
import pillow_heif
import pytest
from PIL import Image

from helpers import HOTDOG, REPO
from desktop_app.core.data.dataset import scan_dataset
from desktop_app.core.data.images import load_image


@pytest.fixture
def phone_photos(tmp_path):
    """Real hot-dog photos saved as HEIC (libheif with x265) and AVIF (libavif), next to JPEGs."""
    for label in ("hotdog", "not-hotdog"):
        (tmp_path / label).mkdir()
        for i, src in enumerate(sorted((HOTDOG / "train" / label).glob("*.jpg"))[:3]):
            photo = Image.open(src).convert("RGB")
            pillow_heif.from_pillow(photo).save(tmp_path / label / f"{i}.heic", format="HEIF", quality=90)
            photo.save(tmp_path / label / f"{i}.avif", quality=90)
            photo.save(tmp_path / label / f"{i}.jpg", quality=95)
    return tmp_path


def test_heic_and_avif_photos_are_read_like_jpegs(phone_photos):
    index = scan_dataset(phone_photos)
    assert not index.skipped and index.counts() == {"hotdog": 9, "not-hotdog": 9}
    jpeg = load_image(phone_photos / "hotdog" / "0.jpg", 224).astype(float)
    for suffix in (".heic", ".avif"):
        other = load_image(phone_photos / "hotdog" / f"0{suffix}", 224).astype(float)
        assert other.shape == jpeg.shape and np.abs(other - jpeg).mean() < 6  # the same photo, lossy twice


def test_without_the_add_on_a_heic_photo_is_listed_with_what_is_missing(phone_photos):
    """As the app installed without the add-on sees it: pillow-heif (and, to see its message too, Pillow's AVIF
    plugin) cannot be imported."""
    code = (
        "import json, sys\n"
        "sys.modules['pillow_heif'] = None\n"
        "sys.modules['PIL.AvifImagePlugin'] = None\n"
        "from desktop_app.core.data.dataset import scan_dataset\n"
        f"index = scan_dataset({str(phone_photos)!r})\n"
        "print(json.dumps({'counts': index.counts(), 'skipped': {s.path: s.reason for s in index.skipped}}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["counts"] == {"hotdog": 3, "not-hotdog": 3}  # the JPEGs
    assert len(found["skipped"]) == 12
    reasons = {os.path.splitext(path)[1]: reason for path, reason in found["skipped"].items()}
    assert reasons[".heic"] == ("HEIC photo (the iPhone camera's format): reading it needs the HEIC add-on "
                                 "(see Troubleshooting in the README); or save it as JPEG")
    assert reasons[".avif"] == ("AVIF picture: the Pillow library installed with this app cannot read AVIF; "
                                 "save it as JPEG")
