"""Files named like photos that are not regular files, or far too large, are skipped with a reason: a link to
/dev/zero once filled 19 GB of memory and a named pipe hung the scan for ever."""

import os
import threading

import pytest

from helpers import copy_hotdog_photos
from desktop_app.core.data.dataset import scan_dataset
from desktop_app.core.data.images import MAX_FILE_BYTES, read_bytes
from desktop_app.core.errors import ImageError

unix_only = pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"),
                               reason="named pipes and /dev/zero are Unix things")


def _finishes(function, seconds: float = 30):
    """function()'s result, or a failure (instead of a test that hangs) when it has not returned in time."""
    outcome: list = []

    def run():
        try:
            outcome.append((True, function()))
        except Exception as exc:  # raised again on the test's thread
            outcome.append((False, exc))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    returned, value = outcome[0]
    if not returned:
        raise value
    return value


@unix_only
def test_a_dataset_with_a_link_to_dev_zero_and_a_named_pipe_is_scanned_in_seconds(tmp_path):
    root = copy_hotdog_photos(tmp_path / "photos", 3)
    os.symlink("/dev/zero", root / "hotdog" / "zero.jpg")
    os.mkfifo(root / "hotdog" / "pipe.jpg")
    index = _finishes(lambda: scan_dataset(root))
    reasons = {os.path.basename(s.path): s.reason for s in index.skipped}
    assert set(reasons) == {"zero.jpg", "pipe.jpg"}
    assert all(r.startswith("not a regular file") for r in reasons.values()), reasons
    assert len(index.train) == 6


@unix_only
def test_every_reader_of_photos_refuses_special_files(tmp_path):
    os.mkfifo(tmp_path / "pipe.jpg")
    for special in ("/dev/zero", tmp_path / "pipe.jpg"):
        with pytest.raises(ImageError, match="not a regular file"):
            _finishes(lambda special=special: read_bytes(special))
    with pytest.raises(ImageError, match="is a folder"):
        read_bytes(tmp_path)


def test_a_file_larger_than_any_allowed_photo_is_not_read(tmp_path):
    huge = tmp_path / "huge.bmp"
    with open(huge, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space, and it must not be read into memory either
    with pytest.raises(ImageError, match="file too large"):
        read_bytes(huge)
