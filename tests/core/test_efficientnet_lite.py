"""EfficientNet-Lite: the project's script makes the bundled files from the unmodified PyTorch files, the
network has the published parameter counts, and with its ImageNet layer it names hot dogs "hotdog"."""

import hashlib
import json
import pickle
import subprocess
import sys

import numpy as np
import pytest

from helpers import HOTDOG, REPO, SHARED
from desktop_app.core import paths
from desktop_app.core.networks.efficientnet_lite import efficientnet_lite
from desktop_app.core.data.images import load_image

sys.path.insert(0, str(REPO / "scripts"))
import convert_efficientnet_lite as convert  # noqa: E402

SOURCES = SHARED / "models" / "sources" / "efficientnet_lite"
HOTDOG_CLASS = 934  # "hotdog" in imagenet_class_index.json


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The script's output, with and without the ImageNet layer, as anyone re-creating the files would run it."""
    out = tmp_path_factory.mktemp("converted")
    for extra in ([], ["--with-top"]):
        run = subprocess.run([sys.executable, str(REPO / "scripts" / "convert_efficientnet_lite.py"), "--sources",
                              str(SOURCES), "--out", str(out), *extra], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
    return out


def test_the_script_makes_the_bundled_files_byte_for_byte(converted):
    for _source, _sha, _count, name in convert.SOURCES.values():
        bundled = paths.RESOURCES_DIR / "models" / name
        assert hashlib.sha256((converted / name).read_bytes()).digest() == hashlib.sha256(bundled.read_bytes()).digest()


@pytest.mark.parametrize("variant, with_top, without_top", [("EfficientNetLite0", 4_694_024, 3_413_024),
                                                             ("EfficientNetLite2", 6_150_168, 4_869_168)])
def test_parameter_counts_match_provenance(variant, with_top, without_top):
    assert efficientnet_lite(variant, (224, 224, 3), include_top=True).count_params() == with_top
    assert efficientnet_lite(variant).count_params() == without_top


def test_with_its_imagenet_layer_lite0_names_hot_dogs(converted):
    model = efficientnet_lite("EfficientNetLite0", (224, 224, 3), include_top=True)
    model.load_weights(str(converted / "efficientnet_lite0_imagenet.weights.h5"))
    names = json.loads((SHARED / "models" / "imagenet_class_index.json").read_text())
    assert names[str(HOTDOG_CLASS)] == "hotdog"
    top5 = {}
    for label in ("hotdog", "not-hotdog"):
        photos = sorted((HOTDOG / "test" / label).glob("*.jpg"))
        x = np.stack([load_image(p, 224) for p in photos]).astype(np.float32)
        top5[label] = np.argsort(-model.predict_on_batch((x - 127) / 128), axis=1)[:, :5]
    # Measured: top-1 for 10 and top-5 for 14 of the 25 hot dogs; never top-1 for the 25 other photos.
    assert (top5["hotdog"][:, 0] == HOTDOG_CLASS).sum() >= 7
    assert (top5["hotdog"] == HOTDOG_CLASS).any(axis=1).sum() >= 11
    assert (top5["not-hotdog"][:, 0] == HOTDOG_CLASS).sum() == 0


def _legacy_torch_file(state_pickle: bytes) -> bytes:
    header = b"".join(pickle.dumps(x, protocol=2) for x in (convert._LEGACY_MAGIC, 1001, {"little_endian": True}))
    return header + state_pickle + pickle.dumps([], protocol=2)


def test_a_file_that_would_run_code_is_refused(tmp_path):
    class Evil:
        def __reduce__(self):
            import os
            return os.system, ("echo pwned",)

    data = _legacy_torch_file(pickle.dumps({"x": Evil()}, protocol=2))
    path = tmp_path / "evil.pth"
    path.write_bytes(data)
    with pytest.raises(pickle.UnpicklingError, match="refused: (posix|os|nt).system"):
        convert.read_state_dict(path, hashlib.sha256(data).hexdigest())


def test_a_file_with_another_checksum_is_not_read(tmp_path):
    path = tmp_path / "other.pth"
    path.write_bytes(_legacy_torch_file(pickle.dumps({}, protocol=2)))
    with pytest.raises(SystemExit, match="SHA-256"):
        convert.read_state_dict(path, "0" * 64)
