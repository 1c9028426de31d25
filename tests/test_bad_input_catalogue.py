"""Every kind of bad or odd input the suite tries, and what happens (issue 19): README's table "Bad input, and
what happens" is made from this file (`python tests/test_bad_input_catalogue.py` prints it) and a test keeps
the two the same.

CLI holds the command-line cases, run here end to end: each ends with exit 2 and one plain line (exit 0 where
the input is fine after all), never "unexpected failure". TRIED_ELSEWHERE names the kinds other tests try,
each with the test that does; a test checks that test exists."""

import json
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import REPO, write_image  # noqa: E402

MODEL = REPO / "tests" / "fixtures" / "model_v0.1.0.keras"  # a real model (MobileNetV2 0.35, hot dogs)


@dataclass(frozen=True)
class Case:
    kind: str  # as the README names it
    args: tuple[str, ...]  # {t}: the folder of prepared inputs, {data}: two small classes, {model}: MODEL
    said: str  # what the one line says (part of it)
    code: int = 2


CLI = [
    # Settings
    Case("--epochs 0", ("train", "{data}", "--out", "{t}/m.keras", "--epochs", "0"),
         "Learning rounds (epochs) must be from 1 to 1000, not 0."),
    Case("--epochs written in words", ("train", "{data}", "--out", "{t}/m.keras", "--epochs", "ten"),
         "expected a number, not ten"),
    Case("--learning-rate nan", ("train", "{data}", "--out", "{t}/m.keras", "--learning-rate", "nan"),
         "The learning rate must be from 0.0001 to 1, not nan."),
    Case("--learning-rate inf", ("train", "{data}", "--out", "{t}/m.keras", "--learning-rate", "inf"),
         "The learning rate must be from 0.0001 to 1, not inf."),
    Case("--image-size 1", ("train", "{data}", "--out", "{t}/m.keras", "--backbone", "mobilenet_v2_0.35",
                            "--image-size", "1"), "MobileNetV2 0.35 sees pictures of 160, 192, 224 pixels, not 1."),
    Case("--image-size 100000 (once ran out of memory)",
         ("train", "{data}", "--out", "{t}/m.keras", "--backbone", "mobilenet_v2_0.35", "--image-size", "100000"),
         "sees pictures of 160, 192, 224 pixels, not 100000"),
    Case("--image-size without a named network", ("train", "{data}", "--out", "{t}/m.keras", "--image-size", "224"),
         "--image-size needs a network named with --backbone"),
    Case("--fine-tune-layers -1", ("train", "{data}", "--out", "{t}/m.keras", "--fine-tune-layers", "-1"),
         "expected a number of layers, 0, or auto"),
    Case("--seed -1", ("train", "{data}", "--out", "{t}/m.keras", "--seed", "-1"),
         "The random seed must be from 0 to 4294967295, not -1."),
    Case("--backbone that does not exist", ("train", "{data}", "--out", "{t}/m.keras", "--backbone", "vgg"),
         "Unknown network 'vgg'"),
    Case("--backbone whose weights are not installed", ("train", "{data}", "--out", "{t}/m.keras", "--backbone",
                                                       "resnet50"), "ResNet50 is not installed"),
    Case("predict --threshold nan", ("predict", "{model}", "{data}", "--threshold", "nan"),
         "The “not sure” threshold must be from 0 to 1, not nan."),
    Case("predict --threshold 5 (every answer 'needs 500 %')", ("predict", "{model}", "{data}", "--threshold", "5"),
         "The “not sure” threshold must be from 0 to 1, not 5.0."),
    Case("predict --top-k 0", ("predict", "{model}", "{data}", "--top-k", "0"),
         "--top-k) must be from 1 to 1000, not 0."),
    # Photo folders
    Case("a folder that does not exist", ("train", "{t}/nowhere", "--out", "{t}/m.keras"), "does not exist"),
    Case("an empty name for the folder (it meant the current one)", ("train", "", "--out", "{t}/m.keras"),
         "a file or folder is needed here, not an empty name"),
    Case("a file where a folder is needed", ("train", "{t}/notes.txt", "--out", "{t}/m.keras"),
         "is a file; choose a folder that holds one folder per class"),
    Case("a folder without class folders", ("train", "{t}/empty", "--out", "{t}/m.keras"),
         "Training needs at least two classes with images"),
    Case("a folder with one class", ("train", "{t}/one class", "--out", "{t}/m.keras"), "has only 'cats'"),
    Case("evaluate on a folder without the model's classes", ("evaluate", "{model}", "{t}/one class"),
         "at least two classes"),
    # Where the model goes
    Case("--out with an empty name", ("train", "{data}", "--out", ""),
         "a file or folder is needed here, not an empty name"),
    Case("--out inside a file", ("train", "{data}", "--out", "{t}/notes.txt/m.keras"),
         "Could not save m.keras: {t}/notes.txt is a file, not a folder."),
    Case("predict --csv naming a folder", ("predict", "{model}", "{data}", "--csv", "{t}/empty"),
         "Could not save empty: there is a folder of that name."),
    # Model files
    Case("a model file that does not exist", ("predict", "{t}/missing.keras", "{data}"),
         "The model file {t}/missing.keras does not exist."),
    Case("a text file named .keras", ("predict", "{t}/notes.keras", "{data}"),
         "notes.keras is not a FineTune Studio model, or the file is damaged."),
    Case("a model file cut short", ("predict", "{t}/truncated.keras", "{data}"), "is damaged"),
    Case("a folder named x.keras", ("predict", "{t}/folder.keras", "{data}"), "folder.keras is a folder, not a model"),
    Case("a model renamed .txt", ("predict", "{t}/model.txt", "{data}"),
         "model.txt is a model file under another name: rename it to end in .keras."),
    Case("a model renamed .h5", ("predict", "{t}/model.h5", "{data}"),
         "model.h5 is a model file under another name: rename it to end in .keras."),
    Case("a Keras model not made by this app", ("info", "{t}/plain.keras"), "was not made by FineTune Studio"),
    Case("model file: threshold 7", ("predict", "{t}/threshold 7.keras", "{data}"),
         "its “threshold” is not valid (7)"),
    Case("model file: threshold NaN", ("info", "{t}/threshold nan.keras"), "its “threshold” is not valid (nan)"),
    Case("model file: one class", ("predict", "{t}/one class.keras", "{data}"), "its “classes” is not valid"),
    Case("model file: the same class twice", ("info", "{t}/twice.keras"), "its “classes” is not valid"),
    Case("model file: picture size -5", ("predict", "{t}/size -5.keras", "{data}"), "its “image_size” is not valid"),
    Case("model file: picture size in words", ("info", "{t}/size big.keras"), "its “image_size” is not valid"),
    Case("model file: format version in words", ("info", "{t}/version two.keras"),
         "its “format_version” is not valid"),
    Case("model file from a newer app", ("predict", "{t}/version 99.keras", "{data}"),
         "was made by a newer FineTune Studio; please update the app."),
    # Project files
    Case("project: not JSON", ("train", "{t}/not json.ftsproject", "--out", "{t}/m.keras"),
         "is not a FineTune Studio project, or the file is damaged."),
    Case("project: a JSON list", ("info", "{t}/list.ftsproject"), "is not a FineTune Studio project"),
    Case("project: an empty file", ("info", "{t}/empty.ftsproject"), "is not a FineTune Studio project"),
    Case("project: 'sources' a text (once scanned the disk from /)", ("info", "{t}/sources text.ftsproject"),
         "“sources” should be a list of texts."),
    Case("project: 'added' naming a photo anywhere", ("train", "{t}/added anywhere.ftsproject", "--out", "{t}/m.keras"),
         "“added” names a photo outside the app's project photo folders"),
    Case("project: 'relabelled' holding a number", ("info", "{t}/relabelled number.ftsproject"),
         "“relabelled” should be a table of texts."),
    Case("project: format version in words", ("info", "{t}/version two.ftsproject"),
         "“format_version” should be a whole number."),
    Case("project from a newer app", ("info", "{t}/version 99.ftsproject"), "was made by a newer FineTune Studio"),
    Case("project file that does not exist", ("info", "{t}/missing.ftsproject"), "does not exist"),
    Case("project: a folder that is gone (the rest is used)", ("info", "{t}/one gone.ftsproject"),
         "The folder {t}/gone does not exist.", code=0),
    # Photos to predict, exports, weights
    Case("predict on files that are not photos", ("predict", "{model}", "{t}/notes.txt", "{t}/empty"),
         "No file could be read as an image"),
    Case("export checked on files that are not photos", ("export", "{model}", "--format", "keras", "--images",
                                                        "{t}/notes.txt"), "none could be read"),
    Case("export to a format that does not exist", ("export", "{model}", "--format", "onnx2"), "invalid choice"),
    Case("weights for a network that does not exist", ("import-weights", "vgg", "{t}/notes.keras"),
         "Unknown network 'vgg'"),
    Case("weights: the wrong file", ("import-weights", "efficientnet_b0", "{t}/notes.keras"), "checksum mismatch"),
    Case("weights: a folder instead of the file", ("import-weights", "efficientnet_b0", "{t}/empty"),
         "is a folder; name the weight file itself."),
]

TRIED_ELSEWHERE = [
    # Photos
    ("an empty file (0 bytes)", "listed: “empty file (0 bytes)”",
     "core/test_messy_folders.py::test_every_kind_of_file_is_used_or_listed_with_its_reason"),
    ("a text file named .jpg", "listed: “not an image, or an image format that cannot be read”",
     "core/test_messy_folders.py::test_every_kind_of_file_is_used_or_listed_with_its_reason"),
    ("random bytes named .png", "listed: “not an image …”",
     "core/test_messy_folders.py::test_every_kind_of_file_is_used_or_listed_with_its_reason"),
    ("a .txt file among the photos", "listed: “not an image file (type '.txt' is not supported)”",
     "core/test_messy_folders.py::test_every_kind_of_file_is_used_or_listed_with_its_reason"),
    ("a truncated JPEG or PNG", "listed by the scan: “file is truncated or damaged”",
     "core/test_dataset.py::test_the_scan_finds_a_truncated_photo_as_training_would"),
    ("a JPEG damaged inside (its ends look whole)", "listed when decoded: “file is truncated or damaged”",
     "core/test_features.py::test_file_that_fails_to_decode_is_skipped_with_reason"),
    ("a PNG of 52 megapixels (decompression bomb)", "listed, never decoded: “too many pixels”",
     "core/test_images.py::test_decompression_bomb_is_refused_before_decoding"),
    ("a file over 216 MB", "listed, never read: “file too large”",
     "core/test_special_files.py::test_a_file_larger_than_any_allowed_photo_is_not_read"),
    ("a link to /dev/zero named like a photo (once 19 GB of memory)", "listed: “not a regular file”, in seconds",
     "core/test_special_files.py::test_a_dataset_with_a_link_to_dev_zero_and_a_named_pipe_is_scanned_in_seconds"),
    ("a named pipe named like a photo (once hung the scan)", "listed: “not a regular file”, in seconds",
     "core/test_special_files.py::test_a_dataset_with_a_link_to_dev_zero_and_a_named_pipe_is_scanned_in_seconds"),
    ("special files in the window", "listed in the Dataset tab, nothing hangs",
     "gui/test_main_window.py::test_special_files_named_like_photos_are_listed_not_read_by_the_window"),
    ("a photo the user may not read (as a normal user)", "listed: “no permission to read the file”",
     "core/test_unreadable_as_user.py::test_the_scan_lists_an_unreadable_photo_and_folder_as_a_normal_user"),
    ("a folder the user may not open (as a normal user)", "listed: “no permission to open the folder”",
     "core/test_unreadable_as_user.py::test_the_scan_lists_an_unreadable_photo_and_folder_as_a_normal_user"),
    ("adding unreadable photos and folders to a project", "listed; the project still saves and reopens",
     "core/test_unreadable_as_user.py::test_a_project_copy_lists_an_unreadable_photo_and_folder_as_a_normal_user"),
    ("a pipe added to a project", "listed; the project still reopens",
     "core/test_project.py::test_a_photo_that_cannot_be_read_is_listed_and_the_project_still_reopens"),
    ("HEIC photos without the add-on", "listed: “HEIC photo … needs the HEIC add-on … or save it as JPEG”",
     "core/test_phone_formats.py::test_without_the_add_on_a_heic_photo_is_listed_with_what_is_missing"),
    ("HEIC photos with the add-on, AVIF photos", "used like JPEGs",
     "core/test_phone_formats.py::test_heic_and_avif_photos_are_read_like_jpegs"),
    ("CMYK, palette, transparent, 16-bit, WEBP, BMP, TIFF, animated GIF", "used (converted to RGB; first frame)",
     "core/test_messy_folders.py::test_every_kind_of_file_is_used_or_listed_with_its_reason"),
    ("a PNG named .jpg, upper-case .JPG", "used (read by content)",
     "core/test_messy_folders.py::test_every_kind_of_file_is_used_or_listed_with_its_reason"),
    ("a photo rotated by EXIF", "used upright", "core/test_images.py::test_exif_rotated_photo_is_upright"),
    ("6000×4500, 3×2 and 1200×40 pictures", "used (resized; big JPEGs decoded small)",
     "core/test_images.py::test_tiny_strip_and_huge_images_resize"),
    ("bytes after a JPEG's end marker", "used (cameras add maker notes)",
     "core/test_dataset.py::test_the_scan_finds_a_truncated_photo_as_training_would"),
    ("non-Latin and spaced file and folder names", "used",
     "core/test_dataset.py::test_nested_folders_upper_case_and_non_ascii_names"),
    (".DS_Store, Thumbs.db, ._ files, hidden files", "ignored silently",
     "core/test_dataset.py::test_junk_is_ignored_silently_and_bad_files_are_listed"),
    ("a folder link pointing back up (a loop)", "each photo once, no hang",
     "core/test_dataset.py::test_symlink_loop_does_not_hang"),
    ("a photo outside any class folder", "a note: “… is not inside a class folder”",
     "core/test_dataset.py::test_stray_file_at_root_is_reported"),
    ("a class folder with no usable photo", "left out, with a note",
     "core/test_dataset.py::test_empty_class_is_left_out_with_warning"),
    ("identical photos, the same photo in train and test", "named in the health check",
     "core/test_dataset.py::test_health_report_finds_imbalance_tiny_duplicates_and_overlap"),
    ("a class with a single photo", "trains, flagged in the health check",
     "core/test_messy_folders.py::test_a_class_with_one_picture_trains_and_is_flagged"),
    ("a read-only photo folder", "never written",
     "core/test_messy_folders.py::test_read_only_dataset_on_a_path_with_spaces_and_other_scripts_is_never_written"),
    ("photos deleted or changed during a run", "the run finishes, they are listed",
     "core/test_messy_folders.py::test_files_that_disappear_or_change_during_a_run_are_skipped_with_reasons"),
    ("the whole photo folder deleted during a run", "a plain message, nothing saved",
     "core/test_messy_folders.py::test_a_dataset_folder_removed_during_a_run_ends_with_a_clear_message"),
    # Settings, caches, outputs
    ("--fine-tune-epochs 100000, --learning-rate -0.1", "exit 2 with the range",
     "test_settings_in_range.py::test_the_cli_refuses_a_setting_out_of_range_before_looking_at_the_photos"),
    ("settings typed into the window", "the fields offer only the allowed range",
     "test_settings_in_range.py::test_the_window_offers_only_the_cores_range"),
    ("a damaged feature cache entry (wrong shape, NaN, not .npy)", "computed again, said once",
     "core/test_features.py::test_damaged_cache_entries_are_computed_again_and_said_once"),
    ("--out naming an existing folder", "the model is saved inside it",
     "test_cli.py::test_out_naming_a_folder_saves_the_model_inside_it"),
    ("--out in a folder without write permission", "exit 2 before any photo is read; the old model kept",
     "test_cli.py::test_model_that_cannot_be_written_exits_2_and_keeps_the_old_one"),
    ("a full disk while saving a model", "“the disk is full. Nothing was overwritten.”",
     "core/test_bundle.py::test_full_disk_leaves_previous_model_intact_and_says_so"),
    ("a full disk while exporting (a real 64 KB disk)", "“the disk is full. Nothing was overwritten.”",
     "core/test_export.py::test_tensorflows_own_writes_onto_a_full_disk_say_so_in_plain_words"),
    ("two trainings writing the same model", "the second: “another training is writing this model”",
     "core/test_one_writer.py::test_a_second_training_of_the_same_model_is_refused_at_once_and_a_killed_one_holds_nothing"),
    ("a model file whose layers would run code (Lambda)", "refused, the code never runs",
     "core/test_bundle.py::test_code_in_a_model_file_is_refused_not_run"),
    ("hostile project files opened in the window", "the field named; the open dataset stays",
     "gui/test_bad_input_in_window.py::test_a_hostile_project_file_is_refused_with_the_field_named"),
    ("a project's relative folders (once walked /etc)", "read from the project file's folder, shown in the window",
     "gui/test_bad_input_in_window.py::test_a_projects_folders_are_read_from_its_own_folder_and_shown"),
    ("a model with threshold 7 opened in the window", "the field named; no model in use",
     "gui/test_bad_input_in_window.py::test_a_model_file_with_impossible_settings_is_refused_by_name"),
    ("Stop or closing the window at every stage of a run", "ends in seconds, nothing half-written",
     "gui/test_interruptions.py::test_stop_in_each_stage"),
]


def _model_with(t: Path, name: str, **changes) -> None:
    with zipfile.ZipFile(MODEL) as src, zipfile.ZipFile(t / name, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "finetune_studio.json":
                data = json.dumps(dict(json.loads(data), **changes)).encode()
            dst.writestr(item, data)


def _project(t: Path, name: str, content: str | None = None, **fields) -> None:
    text = content if content is not None else json.dumps(
        {"format": "finetune-studio-project", "format_version": 1, "sources": [], **fields})
    (t / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, str]:
    t = tmp_path_factory.mktemp("bad inputs")
    for label, colour in (("red", (220, 20, 20)), ("blue", (20, 20, 220))):
        for i in range(3):
            write_image(t / "data" / label / f"{i}.png", color=(colour[0], colour[1] + 9 * i, colour[2]))
    (t / "notes.txt").write_text("shopping list")
    (t / "notes.keras").write_text("hello")
    (t / "empty").mkdir()
    (t / "folder.keras").mkdir()
    write_image(t / "one class" / "cats" / "a.png")
    (t / "truncated.keras").write_bytes(MODEL.read_bytes()[:500])
    shutil.copy(MODEL, t / "model.txt")
    shutil.copy(MODEL, t / "model.h5")
    with zipfile.ZipFile(MODEL) as src, zipfile.ZipFile(t / "plain.keras", "w") as dst:
        for item in src.infolist():
            if item.filename != "finetune_studio.json":
                dst.writestr(item, src.read(item))
    for name, changes in {"threshold 7": {"threshold": 7}, "threshold nan": {"threshold": float("nan")},
                          "one class": {"classes": ["a"]}, "twice": {"classes": ["a", "a"]},
                          "size -5": {"image_size": -5}, "size big": {"image_size": "big"},
                          "version two": {"format_version": "two"}, "version 99": {"format_version": 99}}.items():
        _model_with(t, f"{name}.keras", **changes)
    _project(t, "not json.ftsproject", "{not json")
    _project(t, "list.ftsproject", "[1, 2]")
    _project(t, "empty.ftsproject", "")
    _project(t, "sources text.ftsproject", sources="/")
    _project(t, "added anywhere.ftsproject", added={str(t / "data" / "red" / "0.png"): "red"})
    _project(t, "relabelled number.ftsproject", relabelled={"a.jpg": 7})
    _project(t, "version two.ftsproject", format_version="two")
    _project(t, "version 99.ftsproject", format_version=99)
    _project(t, "one gone.ftsproject", sources=["data", "gone"])
    return {"t": str(t), "data": str(t / "data"), "model": str(MODEL)}


@pytest.mark.parametrize("case", CLI, ids=[c.kind for c in CLI])
def test_the_command_line_says_what_is_wrong_in_one_line(capsys, inputs, case):
    from desktop_app.cli import main

    args = [a.format(**inputs) for a in case.args]
    try:
        code = main(args)
    except SystemExit as stopped:  # argparse refuses a value before the command runs
        code = stopped.code
    out, err = capsys.readouterr()
    said = case.said.format(**inputs)
    assert code == case.code, err
    assert said in (err if case.code else err + out)
    assert "unexpected failure" not in err and "Traceback" not in err
    if case.code:
        assert [line for line in err.splitlines() if "error: " in line] == [err.strip().splitlines()[-1]]


def test_every_kind_tried_elsewhere_names_a_test_that_exists():
    for _kind, _outcome, where in TRIED_ELSEWHERE:
        file, name = where.split("::")
        assert f"\ndef {name}(" in (REPO / "tests" / file).read_text(encoding="utf-8"), where


def readme_table() -> str:
    rows = ["| Input | What happens | Tried by |", "| --- | --- | --- |"]
    rows += [f"| {c.kind} | exit {c.code}: “{c.said.replace('{t}/', '…/')}” | "
             f"`test_bad_input_catalogue.py` |" for c in CLI]
    rows += [f"| {kind} | {outcome} | `{where.split('::')[0]}` |" for kind, outcome, where in TRIED_ELSEWHERE]
    return "\n".join(rows)


def test_the_readme_table_is_this_catalogue():
    assert len(CLI) + len(TRIED_ELSEWHERE) >= 60
    assert readme_table() in (REPO / "README.md").read_text(encoding="utf-8")


if __name__ == "__main__":
    print(readme_table())
