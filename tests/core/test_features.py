"""Embeddings are computed once per image content, cached outside the dataset, and bad files are skipped."""

import shutil

import numpy as np

from helpers import damaged_inside, write_image
from desktop_app.core.networks.backbones import get_backbone
from desktop_app.core.data.dataset import scan_dataset
from desktop_app.core.networks.features import compute_embeddings
from desktop_app.core.progress import CancelToken, Phase

SMALL = get_backbone("mobilenet_v2_0.35")


class Recorder:
    def __init__(self):
        self.statuses, self.progress = [], []

    def on_stage(self, stage):
        self.statuses.append(stage)

    def on_progress(self, phase, done, total):
        self.progress.append((phase, done, total))

    def on_epoch_end(self, metrics):
        pass


def _listing(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_cache_computes_each_image_once(two_class_folder, isolated_app_dirs):
    before = _listing(two_class_folder)
    first = compute_embeddings(scan_dataset(two_class_folder).train, SMALL, 64)
    assert first.computed == 12 and first.features.shape == (12, 2, 2560)
    assert not np.allclose(first.features[:, 0], first.features[:, 1])  # the mirrored view differs
    rec = Recorder()
    again = compute_embeddings(scan_dataset(two_class_folder).train, SMALL, 64, rec)
    assert again.computed == 0 and np.array_equal(again.features, first.features)
    assert rec.progress == []
    for i in range(2):
        write_image(two_class_folder / "red" / f"new{i}.png", color=(90 + i, 0, 0))
    shutil.copy(two_class_folder / "blue" / "blue0.png", two_class_folder / "blue" / "renamed copy.png")
    rec = Recorder()
    grown = compute_embeddings(scan_dataset(two_class_folder).train, SMALL, 64, rec)
    assert grown.computed == 2 and len(grown.records) == 15
    assert rec.progress[-1] == (Phase.FEATURES, 2, 2)
    assert _listing(two_class_folder) == sorted(before + ["blue/renamed copy.png", "red/new0.png", "red/new1.png"])
    assert any((isolated_app_dirs / "cache" / "features").rglob("*.npy"))


def test_file_that_fails_to_decode_is_skipped_with_reason(two_class_folder):
    path = write_image(two_class_folder / "red" / "cut.jpg", size=(300, 300), fmt="JPEG")
    path.write_bytes(damaged_inside(path.read_bytes()))  # whole to the scan's cheap check; decoding finds out
    index = scan_dataset(two_class_folder)
    emb = compute_embeddings(index.train, SMALL, 64)
    assert [s.path for s in emb.skipped] == [str(path)] and "cannot decode image" in emb.skipped[0].reason
    assert len(emb.records) == 12


def test_cancel_stops_extraction(two_class_folder):
    token = CancelToken()
    token.cancel()
    import pytest
    from desktop_app.core.errors import Cancelled
    with pytest.raises(Cancelled):
        compute_embeddings(scan_dataset(two_class_folder).train, SMALL, 64, cancel=token)


def test_damaged_cache_entries_are_computed_again_and_said_once(two_class_folder, isolated_app_dirs):
    records = scan_dataset(two_class_folder).train
    first = compute_embeddings(records, SMALL, 64)
    entries = {p.stem: p for p in (isolated_app_dirs / "cache" / "features").rglob("*.npy")}
    wrong = [entries[r.sha256] for r in records[:4]]
    np.save(wrong[0], np.zeros(7, np.float16))  # valid .npy, wrong shape
    np.save(wrong[1], np.full((2, 2560), np.nan, np.float16))  # valid .npy, not numbers
    np.save(wrong[2], np.zeros((2, 99), np.float16))  # valid .npy, another network's size
    wrong[3].write_bytes(b"not numpy at all")
    again = compute_embeddings(records, SMALL, 64)  # used to fail: "unexpected failure (ValueError …)"
    assert again.computed == 4 and again.repaired == 4
    assert np.array_equal(again.features, first.features)
    assert compute_embeddings(records, SMALL, 64).repaired == 0  # overwritten with good ones
