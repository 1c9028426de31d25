"""Real users' folders, end to end through the core: odd files are skipped with reasons, runs finish,
and nothing in the user's folder is ever changed."""

import io
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from helpers import deny_read, tree_snapshot, write_image
from desktop_app.core.data.dataset import health_report, scan_dataset
from desktop_app.core.errors import DatasetError
from desktop_app.core.models.evaluation import evaluate
from desktop_app.core.models.prediction import Prediction, Predictor
from desktop_app.core.progress import Phase
from desktop_app.core.training.trainer import TrainingConfig, train

FAST = dict(backbone="mobilenet_v2_0.35", image_size=64, epochs=10, fine_tune_layers=0)


def _messy_class(folder: Path, monkeypatch) -> tuple[set[str], dict[str, str]]:
    """Every kind of file users keep among their photos. Returns (names that must be used, {name: reason})."""
    write_image(folder / "plain.jpg", fmt="JPEG")
    write_image(folder / "UPPER.JPG", fmt="JPEG", color=(210, 30, 30))
    write_image(folder / "png_named.jpg", fmt="PNG", color=(200, 40, 30))
    write_image(folder / "cmyk.jpg", mode="CMYK", fmt="JPEG", color=(190, 30, 30))
    write_image(folder / "palette.png", mode="P", fmt="PNG", transparency=0, color=(180, 30, 30))
    write_image(folder / "rgba.png", mode="RGBA", fmt="PNG", color=(170, 30, 30))
    write_image(folder / "anim.gif", mode="P", fmt="GIF", color=(160, 30, 30))
    write_image(folder / "photo.webp", fmt="WEBP", color=(150, 30, 30))
    write_image(folder / "photo.bmp", fmt="BMP", color=(140, 30, 30))
    write_image(folder / "photo.tiff", fmt="TIFF", color=(130, 30, 30))
    write_image(folder / "huge.jpg", size=(6000, 4500), fmt="JPEG", color=(220, 60, 30))
    write_image(folder / "tiny.png", size=(3, 2), color=(220, 70, 30))
    write_image(folder / "strip.png", size=(1200, 40), color=(220, 80, 30))
    write_image(folder / "deeper" / "and deeper" / "nested.png", color=(220, 90, 30))
    write_image(folder / "фото 照片.png", color=(220, 100, 30))
    img16 = Image.new("I;16", (64, 48), 40000)
    img16.save(folder / "sixteen.png")
    rotated = Image.new("RGB", (40, 20), (230, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    rotated.save(folder / "rotated.jpg", exif=exif.tobytes())
    usable = {"plain.jpg", "UPPER.JPG", "png_named.jpg", "cmyk.jpg", "palette.png", "rgba.png", "anim.gif",
              "photo.webp", "photo.bmp", "photo.tiff", "huge.jpg", "tiny.png", "strip.png", "nested.png",
              "фото 照片.png", "sixteen.png", "rotated.jpg"}

    (folder / "zero.jpg").write_bytes(b"")
    (folder / "text.jpg").write_text("I am a text file with a photo's name")
    (folder / "random.png").write_bytes(os.urandom(4096))
    (folder / "notes.txt").write_text("shopping list")
    bomb = io.BytesIO()
    Image.new("1", (7200, 7200)).save(bomb, "PNG")
    (folder / "bomb.png").write_bytes(bomb.getvalue())
    deny_read(write_image(folder / "locked.png", color=(1, 2, 3)), monkeypatch)
    reasons = {"zero.jpg": "empty file", "text.jpg": "not an image", "random.png": "not an image",
               "notes.txt": "not an image file", "bomb.png": "too many pixels", "locked.png": "no permission"}

    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "._plain.jpg").write_bytes(b"AppleDouble")
    os.symlink(folder, folder / "deeper" / "loop")  # a link back up: must not be walked for ever
    return usable, reasons


def test_every_kind_of_file_is_used_or_listed_with_its_reason(tmp_path, monkeypatch):
    root = tmp_path / "my photos"
    usable, reasons = _messy_class(root / "red", monkeypatch)
    for i in range(6):
        write_image(root / "blue" / f"b{i}.png", color=(20, 20 + 10 * i, 220))
    truncated = write_image(root / "blue" / "truncated.jpg", size=(300, 300), fmt="JPEG", color=(20, 20, 200))
    truncated.write_bytes(truncated.read_bytes()[:1500])  # the header survives; the scan checks it is whole
    write_image(root / "stray at the root.png")

    index = scan_dataset(root)
    assert {Path(r.path).name for r in index.train if r.label == "red"} == usable
    skipped = {Path(s.path).name: s.reason for s in index.skipped}
    assert set(skipped) == {*reasons, "truncated.jpg"}  # the scan and the run agree on what is usable
    assert skipped["truncated.jpg"] == "file is truncated or damaged"
    for name, reason in reasons.items():
        assert reason in skipped[name], (name, skipped[name])
    assert any("stray at the root.png" in w for w in index.warnings)

    result = train(index, tmp_path / "model.keras", TrainingConfig(**FAST))
    assert result.counts == {"blue": 6, "red": len(usable)}
    late = {Path(s.path).name: s.reason for s in result.skipped if s.path not in {x.path for x in index.skipped}}
    assert late == {}  # nothing the scan let through failed later
    red = Predictor(result.model_path).predict([root / "red" / "rotated.jpg", root / "red" / "huge.jpg"])
    assert [p.label for p in red] == ["red", "red"]


def test_a_class_with_one_picture_trains_and_is_flagged(tmp_path):
    for i in range(6):
        write_image(tmp_path / "many" / f"{i}.png", color=(220, 10 * i, 20))
    write_image(tmp_path / "lonely" / "only.png", color=(20, 20, 220))
    index = scan_dataset(tmp_path)
    assert any("'lonely' has only 1 image" in p for p in health_report(index).problems)
    result = train(index, tmp_path / "m.keras", TrainingConfig(**FAST))
    assert result.counts == {"lonely": 1, "many": 6}
    assert Predictor(result.model_path).predict([tmp_path / "lonely" / "only.png"])[0].label == "lonely"


def test_read_only_dataset_on_a_path_with_spaces_and_other_scripts_is_never_written(tmp_path, two_class_folder):
    root = tmp_path / "Données d'été 2024" / "猫 と 犬"
    shutil.copytree(two_class_folder, root)
    for p in [root, *root.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    before = tree_snapshot(root)
    try:
        result = train(scan_dataset(root), tmp_path / "out" / "m.keras", TrainingConfig(**FAST))
        ev = evaluate(result.model_path, root)
        preds = Predictor(result.model_path).predict([root])
        after = tree_snapshot(root)
    finally:
        for p in [root, *root.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
    assert after == before
    assert ev.n == 12 and ev.accuracy == 1.0
    assert len(preds) == 12 and all(isinstance(p, Prediction) for p in preds)


class FilesVanish:
    """An observer that deletes (or rewrites) files the moment feature extraction starts."""

    def __init__(self, action):
        self.action = action

    def on_stage(self, stage):
        pass

    def on_progress(self, phase, done, total):
        if phase is Phase.FEATURES and done == 0:
            self.action()

    def on_epoch_end(self, metrics):
        pass


def test_files_that_disappear_or_change_during_a_run_are_skipped_with_reasons(two_class_folder, tmp_path):
    index = scan_dataset(two_class_folder)

    def meddle():
        (two_class_folder / "red" / "red0.png").unlink()
        write_image(two_class_folder / "red" / "red1.png", color=(0, 255, 0))  # now a different picture
        for p in sorted((two_class_folder / "blue").iterdir())[:2]:
            p.unlink()

    result = train(index, tmp_path / "m.keras", TrainingConfig(**FAST), FilesVanish(meddle))
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert reasons["red0.png"] == "file no longer exists"
    assert "changed after the folder was read" in reasons["red1.png"]
    assert sum("no longer exists" in r for r in reasons.values()) == 3
    assert result.counts == {"blue": 4, "red": 4}
    assert result.model_path.is_file()


def test_a_dataset_folder_removed_during_a_run_ends_with_a_clear_message(two_class_folder, tmp_path):
    index = scan_dataset(two_class_folder)
    with pytest.raises(DatasetError, match="Fewer than two classes have images that can be read"):
        train(index, tmp_path / "m.keras", TrainingConfig(**FAST), FilesVanish(lambda: shutil.rmtree(two_class_folder)))
    assert not (tmp_path / "m.keras").exists()
