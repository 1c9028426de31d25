"""Evaluating on a folder says what it measured: shared classes only, and photos the model already saw."""

import shutil

import pytest

from helpers import damaged_inside, write_image
from desktop_app.core.data.dataset import scan_dataset
from desktop_app.core.errors import DatasetError
from desktop_app.core.models.evaluation import evaluate
from desktop_app.core.models.info import ModelInfo
from desktop_app.core.training.trainer import TrainingConfig, train

FAST = TrainingConfig(backbone="mobilenet_v2_0.35", image_size=64, epochs=10, fine_tune_layers=0)


@pytest.fixture
def model(two_class_folder, tmp_path):
    return train(scan_dataset(two_class_folder), tmp_path / "colours.keras", FAST).model_path


def test_photos_the_model_was_trained_on_are_counted(model, two_class_folder, tmp_path):
    ev = evaluate(model, two_class_folder)
    assert ev.n == 12 and ev.overlap_with_training == 12
    fresh = tmp_path / "fresh"
    for label, color in (("red", (230, 10, 10)), ("blue", (10, 10, 230))):
        for i in range(3):
            write_image(fresh / label / f"new{i}.png", color=(color[0], color[1] + 7 * i + 1, color[2]))
    shutil.copy(two_class_folder / "red" / "red0.png", fresh / "red" / "seen before.png")
    ev = evaluate(model, fresh)
    assert ev.n == 7 and ev.overlap_with_training == 1


def test_the_judged_folder_is_named_the_test_split_when_there_is_one(model, two_class_folder, tmp_path):
    assert evaluate(model, two_class_folder).judged == str(two_class_folder)
    split = tmp_path / "split"
    shutil.copytree(two_class_folder, split / "train")
    shutil.copytree(two_class_folder, split / "Test")
    ev = evaluate(model, split)
    assert ev.judged == str(split / "Test") and ev.n == 12  # only those, not the training photos as well


def test_a_folder_with_other_class_names_is_judged_on_the_shared_ones_and_says_so(model, two_class_folder, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(two_class_folder / "red", other / "red")
    shutil.copytree(two_class_folder / "blue", other / "azul")
    ev = evaluate(model, other)
    assert ev.n == 6 and ev.left_out == {"azul": 6} and ev.missing == ["blue"] and ev.skipped == []
    words = ev.class_mismatch_words()
    assert "“azul”" in words and "6 pictures in all" in words and "no pictures of “blue”" in words


def test_a_folder_sharing_no_class_is_refused_with_both_lists_of_names(model, two_class_folder, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(two_class_folder / "red", other / "rojo")
    shutil.copytree(two_class_folder / "blue", other / "azul")
    with pytest.raises(DatasetError, match=r"None of the folder's classes \(azul, rojo\) is one the model knows "
                                           r"\(blue, red\)"):
        evaluate(model, other)


def test_model_info_reads_what_the_library_and_report_show(model, two_class_folder):
    info = ModelInfo.read(model)
    assert info.name == "colours" and info.classes == ("blue", "red") and info.backbone == "mobilenet_v2_0.35"
    assert info.val_accuracy == 1.0 and info.counts == {"blue": 6, "red": 6} and info.skipped == ()
    assert info.threshold == info.recommended_threshold and info.created is not None
    assert info.dataset_root == str(two_class_folder)


def test_one_list_of_skipped_files_from_the_scan_and_the_run(two_class_folder, tmp_path):
    (two_class_folder / "red" / "empty.png").write_bytes(b"")  # found by the scan
    truncated = write_image(two_class_folder / "blue" / "truncated.jpg", size=(300, 300), fmt="JPEG")
    truncated.write_bytes(damaged_inside(truncated.read_bytes()))  # found only when decoded, during the run
    index = scan_dataset(two_class_folder)
    assert [s.path for s in index.skipped] == [str(two_class_folder / "red" / "empty.png")]
    result = train(index, tmp_path / "m.keras", FAST)
    names = sorted(s.path.rsplit("/", 1)[-1] for s in result.skipped)
    assert names == ["empty.png", "truncated.jpg"]
    assert ModelInfo.read(result.model_path).skipped == tuple(result.skipped)
    report = result.report_path.read_text(encoding="utf-8")
    assert "2 files could not be used" in report and "empty.png" in report and "truncated.jpg" in report
    assert "answers only when at least" in report or "always answers" in report
