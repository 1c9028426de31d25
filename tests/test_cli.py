"""The command line: JSON on stdout's last line, one-line errors, exit codes 0 / 1 / 2 (the bad inputs:
test_bad_input_catalogue.py)."""

import json
import shutil
import re
import os
import subprocess
import sys
from pathlib import Path


from helpers import deny_write, write_image
from desktop_app.cli import main
from desktop_app.core.tf_runtime import compute_words, gpu_names


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def last_json(out):
    return json.loads(out.strip().splitlines()[-1])


def test_model_that_cannot_be_written_exits_2_and_keeps_the_old_one(capsys, tmp_path, two_class_folder,
                                                                   monkeypatch):
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / "m.keras").write_bytes(b"previous model")
    deny_write(folder, monkeypatch)
    try:
        code, out, err = run(capsys, "train", two_class_folder, "--out", folder / "m.keras", "--backbone",
                             "mobilenet_v2_0.35", "--image-size", 160, "--epochs", 5, "--fine-tune-layers", 0)
    finally:
        folder.chmod(0o755)
    assert code == 2
    expected = f"error: Could not save m.keras: there is no permission to write in {folder}."
    assert err.strip().splitlines() == [expected]  # said before any photo was looked at, not after training
    assert (folder / "m.keras").read_bytes() == b"previous model"


def test_out_naming_a_folder_saves_the_model_inside_it(capsys, tmp_path, two_class_folder):
    folder = tmp_path / "my models"
    folder.mkdir()
    code, out, err = run(capsys, "train", two_class_folder, "--out", folder, "--backbone", "mobilenet_v2_0.35",
                         "--image-size", 160, "--epochs", 5, "--fine-tune-layers", 0, "--json")
    assert code == 0, err
    inside = folder / f"{two_class_folder.name}.keras"
    assert last_json(out)["model"] == str(inside) and inside.is_file()
    assert not (tmp_path / "my models.keras").exists()  # where it used to land, beside the folder


def test_train_predict_evaluate_json(capsys, tmp_path, two_class_folder):
    model = tmp_path / "colours.keras"
    code, out, err = run(capsys, "train", two_class_folder, "--out", model, "--backbone", "mobilenet_v2_0.35",
                         "--image-size", 160, "--epochs", 10, "--fine-tune-layers", 0, "--all-gpus", "--json")
    assert code == 0, err
    result = last_json(out)
    assert result["model"] == str(model) and model.is_file()
    gpus = gpu_names()
    assert compute_words(gpus) in err
    assert result["devices"] == (len(gpus) if len(gpus) >= 2 else 1)
    assert ("--all-gpus splits the work between two or more GPUs" in err) == (len(gpus) < 2)
    assert result["classes"] == ["blue", "red"] and result["counts"] == {"blue": 6, "red": 6}
    assert 0 <= result["val_accuracy"] <= 1 and result["skipped"] == [] and result["seconds"] > 0
    assert "Looking at each photo once (computing features)..." in err and "Photos looked at: 12/12" in err

    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"")
    table = tmp_path / "results.csv"
    code, out, err = run(capsys, "predict", model, two_class_folder / "red" / "red0.png", broken, "--json",
                         "--csv", table, "--threshold", "1")  # nothing is that sure: "not sure"
    assert code == 0
    first, second = last_json(out)
    assert first["label"] == "red" and set(first["probabilities"]) == {"blue", "red"} and not first["sure"]
    assert first["confidence"] == max(first["probabilities"].values())
    assert second == {"path": str(broken), "error": "empty file (0 bytes)"}
    assert ": not sure — best guess red at " in out and "needs 100%" in out
    assert table.read_text().splitlines()[1].startswith(f"{two_class_folder / 'red' / 'red0.png'},not sure,red,")

    code, out, err = run(capsys, "evaluate", model, two_class_folder, "--json")
    assert code == 0
    ev = last_json(out)
    assert ev["n"] == 12 and ev["classes"] == ["blue", "red"] and sum(map(sum, ev["confusion_matrix"])) == 12
    assert set(ev["per_class"]["red"]) == {"precision", "recall", "f1", "support"} and ev["skipped"] == []
    assert ev["threshold"] == result["threshold"] and 0 < ev["answered"] <= 1 and ev["accuracy_answered"] == 1.0
    # The very photos it learnt from: said in the JSON and on stderr.
    assert ev["overlap_with_training"] == 12 and ev["left_out_classes"] == {} and ev["missing_classes"] == []
    assert "the model was trained on 12 of these photos" in err
    # The advice the window gives: here the learning curve's (12 photos, each colour found from the first share).
    assert [a["class"] for a in ev["advice"]] == [""] and "To improve this model:\n- More photos" in out

    code, out, err = run(capsys, "info", model, "--json")
    assert code == 0
    facts = last_json(out)
    assert facts["classes"] == ["blue", "red"] and facts["counts"] == {"blue": 6, "red": 6}
    assert facts["threshold"] == result["threshold"] and facts["dataset"] == str(two_class_folder)
    assert out.startswith("Model colours: blue, red\n")


def test_info_names_every_folder_a_project_reads(capsys, tmp_path, two_class_folder):
    """A project file names its folders (a hand-edited one could name any): info says which, found from the
    project file's own folder, and where the copies of added photos are."""
    from desktop_app.core.data.project import Project
    from desktop_app.core.progress import drive

    project = Project.from_folder(two_class_folder)
    project.adopt(drive(project.import_photos([write_image(tmp_path / "new" / "g.png", color=(0, 200, 0))])), "red")
    project.sources.append(str(tmp_path / "gone"))
    saved = project.save(tmp_path / "projects" / "mine")
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["sources"][0] = "../" + two_class_folder.relative_to(tmp_path).as_posix()  # as a user may write it
    saved.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "info", saved, "--json")
    assert code == 0, err
    facts = last_json(out)
    assert facts["sources"] == [str(two_class_folder), str(tmp_path / "gone")]
    assert facts["counts"] == {"blue": 6, "red": 7} and facts["added"] == 1
    assert facts["copies_folders"] == [str(Path(next(iter(project.added))).parent)]
    assert f"  {two_class_folder}\n" in out and f"  {tmp_path / 'gone'} (not found)\n" in out
    assert "and 1 added photo, a copy kept in " in out and "  red: 7 pictures\n" in out


def test_backbones_lists_availability(capsys):
    code, out, _ = run(capsys, "backbones", "--json")
    listing = {b["id"]: b for b in last_json(out)}
    assert code == 0 and listing["mobilenet_v2_1.0"]["available"] and not listing["resnet50"]["available"]
    assert "import-weights" in listing["resnet50"]["reason"]
    assert out.startswith("best                default    Best for my photos: compares EfficientNet-Lite0, "
                          "EfficientNet-Lite2 on your photos and trains on the best")
    lite0 = listing["efficientnet_lite0"]
    assert lite0["available"] and lite0["image_sizes"] == [224, 256, 288, 320] and lite0["image_size"] == 320
    assert "picture sizes 224, 256, 288, 320 px (320 unless --image-size says otherwise)" in out


def test_a_picture_size_the_network_does_not_allow_is_refused_before_any_work(capsys, two_class_folder, tmp_path):
    code, out, err = run(capsys, "train", two_class_folder, "--out", tmp_path / "m.keras", "--backbone",
                         "efficientnet_lite2", "--image-size", 224)
    assert code == 2 and not (tmp_path / "m.keras").exists()
    assert err.strip().splitlines()[-1] == "error: EfficientNet-Lite2 sees pictures of 260, 288, 320 pixels, not 224."
    code, out, err = run(capsys, "train", two_class_folder, "--out", tmp_path / "m.keras", "--image-size", 224)
    assert code == 2 and err.strip().splitlines()[-1] == ("error: --image-size needs a network named with "
                                                          "--backbone: with 'best' each network looks at its own "
                                                          "picture size.")


def test_unexpected_failure_exits_1_without_traceback(capsys, monkeypatch, two_class_folder):
    from desktop_app.core.data import dataset

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(dataset, "scan_dataset", explode)
    code, out, err = run(capsys, "train", two_class_folder, "--out", "m.keras")
    assert code == 1 and "disk on fire" in err and "Traceback" not in err


def test_export_checks_on_the_training_photos_by_default(capsys, tmp_path, two_class_folder):
    model = tmp_path / "colours.keras"
    assert run(capsys, "train", two_class_folder, "--out", model, "--backbone", "mobilenet_v2_0.35",
               "--image-size", 160, "--epochs", 5, "--fine-tune-layers", 0)[0] == 0
    code, out, err = run(capsys, "export", model, "--format", "keras", "--format", "onnx", "--json")
    assert code == 0, err
    first, onnx = last_json(out)  # every format: the core's tests
    folder = tmp_path / "colours exports"
    assert first["path"] == str(folder / "colours.keras") and (folder / "colours.keras").is_file()
    assert first["images_checked"] == 12 and first["same_answer_share"] == 1.0
    assert onnx["path"] == str(folder / "colours.onnx") and onnx["same_answer_share"] == 1.0
    assert onnx["max_difference"] <= 1e-4  # ONNX Runtime's answers, against the app's
    assert (folder / "labels.txt").read_text() == "blue\nred\n"
    assert "## colours.onnx — ONNX (.onnx)" in (folder / "README.md").read_text(encoding="utf-8")
    steps = [line.strip() for line in err.splitlines() if "of 4" in line]  # each step said as it begins
    assert steps[0] == "Opening the model (step 1 of 4)" and steps[2].startswith("Making Keras (.keras) (step 3 of 4")
    assert re.fullmatch(r"Checking it on 12 photos against the model \(step 4 of 4, about \d+ s left\)", steps[3])


def test_install_launcher_puts_this_installation_in_the_menu(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, out, err = run(capsys, "install-launcher", "--json")
    entry = tmp_path / "data" / "applications" / "finetune-studio.desktop"
    assert code == 0 and last_json(out) == {"path": str(entry)}, err
    assert "is now in the application menu" in out
    assert f"Exec={sys.executable} -m desktop_app" in entry.read_text()


def test_the_window_command_prints_its_help_instead_of_opening():
    out = subprocess.run([sys.executable, "-m", "desktop_app", "--help"], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0 and out.stdout.startswith("usage: finetune-studio-gui [-h] [PATH ...]")
    assert "a model (.keras) to use" in out.stdout


def test_sort_moves_photos_into_class_folders_and_undo_sort_puts_them_back(capsys, tmp_path, two_class_folder):
    model = tmp_path / "colours.keras"
    assert run(capsys, "train", two_class_folder, "--out", model, "--backbone", "mobilenet_v2_0.35",
               "--image-size", 160, "--epochs", 5, "--fine-tune-layers", 0)[0] == 0
    pile = tmp_path / "pile"
    shutil.copytree(two_class_folder, pile)
    before = {p: p.read_bytes() for p in pile.rglob("*") if p.is_file()}
    code, out, err = run(capsys, "sort", model, pile, "--into", tmp_path / "sorted", "--move", "--threshold", 0,
                         "--json")
    assert code == 0, err
    result = last_json(out)
    assert result["moved"] and sum(result["per_class"].values()) == len(before) and result["left"] == []
    assert set(result["per_class"]) <= {"blue", "red"}
    assert f"Moved {len(before)} photos into" in out and "finetune-studio undo-sort" in out
    assert not any(p.is_file() for p in pile.rglob("*"))
    code, out, err = run(capsys, "undo-sort", tmp_path / "sorted", "--json")
    assert code == 0 and last_json(out) == {"restored": len(before), "kept": []}, err
    assert {p: p.read_bytes() for p in pile.rglob("*") if p.is_file()} == before
