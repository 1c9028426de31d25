"""The model library: every model with what it knows, opened, renamed, deleted, shown in its folder."""

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.core import paths
from desktop_app.core.models.info import ModelInfo


@pytest.fixture
def library_models(snack_model, tmp_path):
    """Two models in the app's models folder (with their reports) and one opened from elsewhere."""
    paths.models_dir().mkdir(parents=True)
    made = []
    for name in ("Snacks A", "Snacks B"):
        made.append(Path(shutil.copy(snack_model, paths.models_dir() / f"{name}.keras")))
        shutil.copy(snack_model.with_name("snack report.html"), paths.models_dir() / f"{name} report.html")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    made.append(Path(shutil.copy(snack_model, elsewhere / "From a colleague.keras")))
    return made


def _row(library, name):
    return next(r for r in range(library.table.rowCount()) if library.table.item(r, 0).text().startswith(name))


def test_the_library_lists_models_with_what_they_know(qtbot, library_models, window):
    a, b, other = library_models
    window.settings.remember_model(other)
    window.predict_tab.open_button.click()  # "Choose Model…" opens the library
    library = window.library
    assert library.isVisible() and library.table.rowCount() == 3
    cells = [library.table.item(_row(library, "From a colleague"), c).text() for c in range(6)]
    name, knows, accuracy, network, trained, source = cells
    # The folder it learnt from (its number depends on which tests made photo folders before).
    learnt_from = Path(ModelInfo.read(other).dataset_root).name
    assert (name, knows, network, source) == ("From a colleague", "hotdog, not-hotdog", "mobilenet_v2_0.35",
                                             learnt_from) and learnt_from.startswith("photos")
    assert re.fullmatch(r"\d+% \(likely between \d+% and \d+%\)", accuracy), accuracy
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", trained)
    library.table.selectRow(_row(library, "Snacks B"))
    library.open_button.click()
    qtbot.waitUntil(lambda: window.session.ready and window.session.path == b, timeout=60000)
    assert not library.isVisible() and "Snacks B" in window.predict_tab.model_label.text()


def test_renaming_the_model_in_use_renames_its_report_and_the_tabs_follow(qtbot, library_models, window):
    a = library_models[0]
    window.open_model(str(a))
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    library = window.show_model_library()
    assert library.table.item(_row(library, "Snacks A"), 0).text() == "Snacks A  (in use)"
    library.rename(library.entries[_row(library, "Snacks A")], "Hot dogs: final?")
    renamed = paths.models_dir() / "Hot dogs_ final_.keras"
    assert renamed.is_file() and not a.exists()
    assert (paths.models_dir() / "Hot dogs_ final_ report.html").is_file()
    assert window.session.path == renamed and "Hot dogs_ final_" in window.predict_tab.model_label.text()
    assert "Hot dogs_ final_" in window.evaluate_tab.model_label.text()
    assert window.settings.last_model == str(renamed)
    library.rename(library.entries[_row(library, "Snacks B")], "Hot dogs_ final_")  # taken: refused, says why
    assert "There is already a model called" in window.last_failure_box.text()
    assert (paths.models_dir() / "Snacks B.keras").is_file()


def test_deleting_moves_the_model_and_its_report_to_the_trash(qtbot, library_models, window, tmp_path,
                                                             monkeypatch):
    trash = tmp_path / "xdg" / "Trash"
    for sub in ("files", "info"):
        (trash / sub).mkdir(parents=True)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: (asked.append(a[2]), QMessageBox.StandardButton.Yes)[1])
    a, b, _ = library_models
    window.open_model(str(a))
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    library = window.show_model_library()
    library.table.selectRow(_row(library, "Snacks A"))
    assert not library.delete_button.isEnabled()  # the model in use cannot be deleted
    library.table.selectRow(_row(library, "Snacks B"))
    library.delete_button.click()
    assert asked == ["Move “Snacks B” and its training report to the trash?"]
    assert not b.exists() and not (paths.models_dir() / "Snacks B report.html").exists()
    assert sorted(p.name for p in (trash / "files").iterdir()) == ["Snacks B report.html", "Snacks B.keras"]
    assert [library.table.item(r, 0).text() for r in range(library.table.rowCount())] == ["Snacks A  (in use)"]


def test_opening_a_model_file_starts_in_the_models_folder(qtbot, library_models, window, monkeypatch):
    started_in = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (started_in.append(a[2]), ("", ""))[1])
    library = window.show_model_library()
    library.other_button.click()
    assert started_in == [str(paths.models_dir())]
