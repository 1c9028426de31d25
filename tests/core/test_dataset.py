"""Scanning real-world folders: layouts, junk, bad files, empty classes, and the health report."""

import os
import shutil
from pathlib import Path

import pytest

from helpers import HOTDOG, write_image
from desktop_app.core.data.dataset import health_report, scan_dataset
from desktop_app.core.errors import DatasetError


def test_flat_layout(two_class_folder):
    index = scan_dataset(two_class_folder)
    assert index.classes == ["blue", "red"]
    assert index.counts() == {"blue": 6, "red": 6}
    assert index.test == [] and index.validation == [] and index.skipped == []


def test_train_test_layout_on_real_photos():
    index = scan_dataset(HOTDOG)
    assert index.classes == ["hotdog", "not-hotdog"]
    assert index.counts("train") == {"hotdog": 100, "not-hotdog": 100}
    assert index.counts("test") == {"hotdog": 25, "not-hotdog": 25}
    assert health_report(index).ok


def test_train_val_layout(tmp_path, two_class_folder):
    shutil.copytree(two_class_folder, tmp_path / "ds" / "train")
    for label in ("red", "blue"):
        write_image(tmp_path / "ds" / "Val" / label / "v.png", color=(1, 2, 3) if label == "red" else (9, 9, 9))
    index = scan_dataset(tmp_path / "ds")
    assert index.counts("validation") == {"blue": 1, "red": 1} and index.test == []


def test_junk_is_ignored_silently_and_bad_files_are_listed(two_class_folder):
    red = two_class_folder / "red"
    (red / ".DS_Store").write_bytes(b"\0\0\1")
    (red / "Thumbs.db").write_bytes(b"junk")
    (red / "._red0.png").write_bytes(b"resource fork")
    (red / "notes.txt").write_text("my notes")
    (red / "empty.jpg").write_bytes(b"")
    (red / "fake.jpg").write_text("not really a jpeg")
    index = scan_dataset(two_class_folder)
    reasons = {os.path.basename(s.path): s.reason for s in index.skipped}
    assert set(reasons) == {"notes.txt", "empty.jpg", "fake.jpg"}
    assert "not an image file" in reasons["notes.txt"]
    assert "empty" in reasons["empty.jpg"] and "not an image" in reasons["fake.jpg"]
    assert index.counts()["red"] == 6


def test_nested_folders_upper_case_and_non_ascii_names(tmp_path):
    root = tmp_path / "mes photos é"
    write_image(root / "chats 猫" / "2023" / "été" / "IMG_1.JPG", fmt="JPEG")
    write_image(root / "chats 猫" / "b.PNG", color=(1, 1, 1))
    write_image(root / "chiens" / "c.png", color=(2, 2, 2))
    index = scan_dataset(root)
    assert index.counts() == {"chats 猫": 2, "chiens": 1}


def test_symlink_loop_does_not_hang(two_class_folder):
    os.symlink(two_class_folder / "red", two_class_folder / "red" / "loop")
    index = scan_dataset(two_class_folder)
    assert index.counts()["red"] == 6


def test_empty_class_is_left_out_with_warning(two_class_folder):
    (two_class_folder / "green").mkdir()
    (two_class_folder / "green" / "broken.jpg").write_bytes(b"")
    index = scan_dataset(two_class_folder)
    assert index.classes == ["blue", "red"]
    assert any("'green'" in w for w in index.warnings)


def test_stray_file_at_root_is_reported(two_class_folder):
    write_image(two_class_folder / "stray.png")
    index = scan_dataset(two_class_folder)
    assert any("stray.png" in w for w in index.warnings)


@pytest.mark.parametrize("setup, message", [
    ("missing", "does not exist"),
    ("file", "is a file"),
    ("one_class", "at least two classes"),
    ("no_class", "at least two classes"),
])
def test_unusable_folders_give_clear_errors(tmp_path, setup, message):
    root = tmp_path / "data"
    if setup == "file":
        root.write_text("x")
    elif setup == "one_class":
        write_image(root / "only" / "a.png")
    elif setup == "no_class":
        root.mkdir()
    with pytest.raises(DatasetError, match=message):
        scan_dataset(root)


def test_health_report_finds_imbalance_tiny_duplicates_and_overlap(tmp_path):
    for i in range(12):
        write_image(tmp_path / "train" / "many" / f"{i}.png", color=(i * 10, 0, 0))
    for i in range(3):
        write_image(tmp_path / "train" / "few" / f"{i}.png", color=(0, i * 10, 0))
    shutil.copy(tmp_path / "train" / "many" / "0.png", tmp_path / "train" / "many" / "copy.png")
    shutil.copy(tmp_path / "train" / "many" / "5.png", tmp_path / "train" / "many" / "copy of 5.png")
    shutil.copy(tmp_path / "train" / "many" / "1.png", tmp_path / "train" / "few" / "mislabelled.png")
    write_image(tmp_path / "test" / "many" / "t.png", color=(20, 0, 0))  # same pixels as train/many/2.png
    write_image(tmp_path / "test" / "few" / "t.png", color=(7, 7, 7))
    report = health_report(scan_dataset(tmp_path))
    text = " ".join(report.problems)
    assert "unbalanced" in text and "'few' has only 4" in text
    assert "more than once" in text and "different classes" in text
    assert len(report.overlap) == 1 and "both the training and the test" in text
    shown = [p for problem in report.photos for p in problem]
    assert len(shown) == len(set(shown))  # each set of identical files under one problem, not several


def test_the_scan_finds_a_truncated_photo_as_training_would(tmp_path):
    for i in range(3):
        write_image(tmp_path / "a" / f"{i}.jpg", fmt="JPEG", color=(200, 10 * i, 10))
        write_image(tmp_path / "b" / f"{i}.png", color=(10, 10 * i, 200))
    cut = tmp_path / "a" / "cut.jpg"
    whole = next((HOTDOG / "train" / "hotdog").glob("*.jpg")).read_bytes()  # a real photo, half of it kept
    cut.write_bytes(whole[: len(whole) // 2])
    cut_png = tmp_path / "b" / "cut.png"
    whole = (tmp_path / "b" / "0.png").read_bytes()
    cut_png.write_bytes(whole[: len(whole) // 2])
    extra = tmp_path / "a" / "trailing bytes.jpg"  # cameras append data after the end marker: still whole
    extra.write_bytes((tmp_path / "a" / "1.jpg").read_bytes() + b"maker notes")
    index = scan_dataset(tmp_path)
    assert {Path(s.path).name: s.reason for s in index.skipped} == {
        "cut.jpg": "file is truncated or damaged", "cut.png": "file is truncated or damaged"}
    assert str(extra) in {r.path for r in index.train}
    assert "2 files could not be used" in " ".join(health_report(index).problems)
