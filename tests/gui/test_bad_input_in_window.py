"""The probe's bad inputs through the window (issue 19, point 11): project files edited by hand or by
someone else, a model file with impossible settings, settings typed out of range. Each gets the same plain
message as in the command line, and the window goes on working."""

import json
import time
import zipfile

import pytest

from actions import load
from desktop_app.core.data.project import FORMAT, FORMAT_VERSION


def _project_file(tmp_path, name="hostile", **fields):
    path = tmp_path / "projects" / f"{name}.ftsproject"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, **fields}), encoding="utf-8")
    return path


@pytest.mark.parametrize("fields, said", [
    ({"sources": "/"}, "“sources” should be a list of texts"),  # once scanned the whole disk from /
    ({"sources": [], "added": {"/etc/passwd.jpg": "secrets"}}, "“added” names a photo outside"),
    ({"sources": [], "relabelled": {"a.jpg": 7}}, "“relabelled” should be a table of texts"),
    ({"sources": [], "format_version": 99}, "made by a newer FineTune Studio"),
], ids=["sources-a-string", "added-from-anywhere", "relabelled-a-number", "newer-version"])
def test_a_hostile_project_file_is_refused_with_the_field_named(qtbot, window, small_photos, tmp_path, fields, said):
    load(qtbot, window, small_photos)
    before = window.project_session.index
    started = time.monotonic()
    window.open_paths([str(_project_file(tmp_path, **fields))])
    assert time.monotonic() - started < 2  # refused before anything is read
    assert said in window.last_failure_box.text()
    assert window.project_session.index is before  # the open dataset stays as it was
    load(qtbot, window, small_photos)  # and the window goes on working


def test_a_projects_folders_are_read_from_its_own_folder_and_shown(qtbot, window, small_photos, tmp_path):
    """Relative folders are taken from the project file's folder (not wherever the app was started) and the
    Dataset tab names every folder the project reads."""
    relative = "../" * len((tmp_path / "projects").parts) + str(small_photos).lstrip("/")
    path = _project_file(tmp_path, name="relative", sources=[relative])
    with qtbot.waitSignal(window.project_session.opened, timeout=30000):
        window.open_paths([str(path)])
    assert window.project_session.index.counts() == {"hotdog": 8, "not-hotdog": 8}
    summary = window.dataset_tab.summary.text()
    assert f'href="{small_photos.as_uri()}"' in summary and "Photos from:" in summary


def test_a_model_file_with_impossible_settings_is_refused_by_name(qtbot, window, snack_model, tmp_path):
    edited = tmp_path / "edited.keras"
    with zipfile.ZipFile(snack_model) as src, zipfile.ZipFile(edited, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "finetune_studio.json":
                meta = json.loads(data)
                meta["threshold"] = 7  # every answer would need 700 %
                data = json.dumps(meta).encode()
            dst.writestr(item, data)
    window.open_paths([str(edited)])
    qtbot.waitUntil(lambda: getattr(window, "last_failure_box", None) is not None, timeout=30000)
    assert "threshold" in window.last_failure_box.text() and "7" in window.last_failure_box.text()
    assert window.session.info is None  # no model in use, rather than one that answers nothing
