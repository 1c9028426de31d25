"""Building and fixing the dataset in the window: classes, photos, label mistakes, undo, projects.

After every kind of edit the user's photo folder is byte-for-byte, time-for-time what it was.
"""

import shutil
import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from actions import drop, load
from desktop_app.core.data.project import Project
from desktop_app.core.models.bundle import read_metadata, update_metadata
from desktop_app.gui.jobs import wait_until_idle
from helpers import copy_hotdog_photos, tree_snapshot


def counts(tab) -> dict[str, int]:
    return dict(tab.session.index.counts())


def class_rows(tab) -> list[str]:
    return [tab.classes.item(i).text() for i in range(tab.classes.count())]


def select(tab, rows) -> list[str]:
    view = tab.thumbnails
    view.clearSelection()
    for row in rows:
        view.selectionModel().select(tab.grid.index(row), QItemSelectionModel.SelectionFlag.Select)
    return tab.selected_photos()


def drop_on_class(tab, name, files) -> None:
    item = next(tab.classes.item(i) for i in range(tab.classes.count())
                if tab.classes.item(i).data(Qt.ItemDataRole.UserRole) == name)
    drop(tab.classes.viewport(), files, at=tab.classes.visualItemRect(item).center())


@pytest.fixture
def photos(small_photos):
    return small_photos, tree_snapshot(small_photos)


def test_classes_are_made_renamed_and_deleted_with_undo_and_redo(qtbot, window, photos, monkeypatch):
    folder, before = photos
    tab = window.dataset_tab
    load(qtbot, window, folder)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("sausage", True))
    tab.new_class_action.trigger()
    assert tab.current_class() == "sausage" and "sausage — 0 pictures" in class_rows(tab)
    assert counts(tab) == {"hotdog": 8, "not-hotdog": 8}  # an empty class is listed, not trained on
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("wurst", True))
    tab.rename_class_action.trigger()
    assert tab.current_class() == "wurst" and "sausage — 0 pictures" not in class_rows(tab)
    assert window.project_session.rename_class("hotdog", "热狗") and set(counts(tab)) == {"热狗", "not-hotdog"}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.show_class("not-hotdog")
    tab.delete_class_action.trigger()
    assert counts(tab) == {"热狗": 8} and not window.training_tab.train_button.isEnabled()
    assert "at least two classes" in window.training_tab.stage.text()
    for _ in range(4):
        tab.undo_action.trigger()
    assert counts(tab) == {"hotdog": 8, "not-hotdog": 8} and class_rows(tab) == ["hotdog — 8 pictures",
                                                                                 "not-hotdog — 8 pictures"]
    assert window.training_tab.train_button.isEnabled()
    tab.redo_action.trigger()
    tab.redo_action.trigger()
    assert "wurst — 0 pictures" in class_rows(tab)
    assert not window.project_session.add_class("hotdog")
    assert window.last_failure_box.text() == "There is already a class called “hotdog”."
    assert tree_snapshot(folder) == before


def test_photos_are_moved_left_out_taken_back_added_dropped_and_pasted(qtbot, window, photos, tmp_path):
    folder, before = photos
    tab = window.dataset_tab
    load(qtbot, window, folder)
    tab.show_class("hotdog")
    moved = select(tab, [0, 1])
    assert window.project_session.move_photos(moved, "not-hotdog") and counts(tab) == {"hotdog": 6, "not-hotdog": 10}
    tab.show_class("hotdog")
    select(tab, [0])
    tab.exclude_action.trigger()
    assert counts(tab) == {"hotdog": 5, "not-hotdog": 10} and class_rows(tab)[-1] == "Left out — 1 picture"
    tab.show_class("\0left out")
    assert not tab.exclude_action.isEnabled() and tab.include_action.isEnabled()
    select(tab, [0])
    tab.include_action.trigger()
    assert counts(tab) == {"hotdog": 6, "not-hotdog": 10}

    extra = copy_hotdog_photos(tmp_path / "more", 10)  # the 9th and 10th are new
    new = [p for p in sorted((extra / "hotdog").glob("*.jpg")) if not (folder / "hotdog" / p.name).exists()]
    project = window.project_session.project
    with qtbot.waitSignal(window.project_session.photos_added, timeout=30000) as added:
        drop_on_class(tab, "hotdog", new)  # copied and checked off the GUI thread
    assert added.args == [2] and counts(tab)["hotdog"] == 8
    assert all(str(project.photos_dir()) in p for p in project.added)  # copies, never the originals
    image = QImage(64, 48, QImage.Format.Format_RGB888)
    image.fill(QColor(200, 40, 40))
    QApplication.clipboard().setImage(image)
    tab.show_class("not-hotdog")
    with qtbot.waitSignal(window.project_session.photos_added, timeout=30000):
        tab.paste_action.trigger()
    assert counts(tab) == {"hotdog": 8, "not-hotdog": 11}
    for _ in range(5):
        tab.undo_action.trigger()
    assert counts(tab) == {"hotdog": 8, "not-hotdog": 8}
    assert tree_snapshot(folder) == before


def test_photos_being_added_show_progress_one_batch_at_a_time_and_stop_adds_nothing(qtbot, window, photos, tmp_path,
                                                                                    monkeypatch):
    folder, before = photos
    tab, session = window.dataset_tab, window.project_session
    load(qtbot, window, folder)
    tab.show_class("hotdog")
    extra = copy_hotdog_photos(tmp_path / "more", 10) / "hotdog"
    gate, real = threading.Event(), Project.import_photos

    def slow_disk(project, files, cancel=None):  # the real import, each photo waiting for the test
        steps = real(project, files, cancel)
        while True:
            try:
                step = next(steps)
            except StopIteration as end:
                return end.value
            yield step
            assert gate.wait(30)

    monkeypatch.setattr(Project, "import_photos", slow_disk)
    tab.add_photos([str(extra)], "hotdog")
    qtbot.waitUntil(tab.adding_box.isVisible, timeout=30000)
    assert tab.adding_label.text() == "Adding photos: 1 of 10" and tab.adding_progress.maximum() == 10
    assert not tab.add_photos_action.isEnabled() and not session.add_photos([str(extra)], "not-hotdog")
    with qtbot.waitSignal(session.photos_added) as stopped:
        qtbot.mouseClick(tab.stop_adding_button, Qt.MouseButton.LeftButton)
    gate.set()
    assert wait_until_idle(30)
    assert stopped.args == [0] and not tab.adding_box.isVisible() and tab.add_photos_action.isEnabled()
    assert counts(tab) == {"hotdog": 8, "not-hotdog": 8} and session.undo_stack.count() == 0
    with qtbot.waitSignal(session.photos_added, timeout=30000) as added:
        tab.add_photos([str(extra)], "hotdog")  # now to the end (the copy made before the stop is reused)
    assert added.args == [10] and counts(tab)["hotdog"] == 18 and session.undo_stack.count() == 1
    assert tree_snapshot(folder) == before


def test_a_saved_project_comes_back_after_a_restart(qtbot, make_window, photos, tmp_path):
    folder, before = photos
    first = make_window()
    tab, session = first.dataset_tab, first.project_session
    load(qtbot, first, folder)
    assert first.windowTitle() == f"{folder.name} — FineTune Studio"  # nothing to save yet
    session.add_class("mustard")
    tab.show_class("hotdog")
    session.move_photos(select(tab, [0, 1, 2]), "mustard")
    assert "*" in first.windowTitle()
    path = session.save(str(tmp_path / "snacks"))
    assert path.name == "snacks.ftsproject" and first.windowTitle().startswith("snacks — ")
    out = session.export_photos(str(tmp_path / "exported"))
    assert {p.name: len(list(p.iterdir())) for p in out.iterdir()} == {"hotdog": 5, "mustard": 3, "not-hotdog": 8}
    first.close()
    again = make_window()  # same settings file: the last project comes back
    qtbot.waitUntil(lambda: again.project_session.index is not None, timeout=30000)
    assert again.project_session.project.path == path
    assert counts(again.dataset_tab) == {"hotdog": 5, "not-hotdog": 8, "mustard": 3}
    assert tree_snapshot(folder) == before


@pytest.fixture(scope="module")
def mislabelled(tmp_path_factory):
    """16 real photos with two labels swapped, and a real model trained on them."""
    from desktop_app.core.data.dataset import scan_dataset
    from desktop_app.core.training.trainer import TrainingConfig, train

    root = copy_hotdog_photos(tmp_path_factory.mktemp("mislabelled"), 8)
    for label, other in (("hotdog", "not-hotdog"), ("not-hotdog", "hotdog")):
        shutil.move(sorted((root / label).glob("*.jpg"))[0], root / other)
    config = TrainingConfig(backbone="mobilenet_v2_0.35", image_size=96, epochs=10, fine_tune_layers=0)
    model = train(scan_dataset(root), tmp_path_factory.mktemp("models") / "doubts.keras", config).model_path
    return root, model


def test_check_labels_lists_doubted_photos_and_moves_them(qtbot, window, mislabelled):
    folder, model = mislabelled
    before = tree_snapshot(folder)
    tab = window.dataset_tab
    load(qtbot, window, folder)
    window.open_model(str(model))
    qtbot.waitUntil(lambda: window.session.ready and window.check_labels_action.isEnabled(), timeout=60000)
    dialog = window.show_check_labels()
    assert dialog.list.count() == len(dialog.suspects) > 0
    confidences = [p.confidence for p, _ in dialog.suspects]
    assert confidences == sorted(confidences, reverse=True)  # surest disagreement first
    first, filed = dialog.current()
    assert dialog.move_button.text() == f"Move to “{first.label}”" and first.label != filed
    dialog.move_button.click()
    project = window.project_session.project
    assert project.relabelled == {first.path: first.label} and dialog.list.count() == len(dialog.suspects) - 1
    if dialog.list.count():
        p, _ = dialog.current()
        dialog.exclude_button.click()
        assert p.path in project.excluded
        tab.undo_action.trigger()
        assert project.excluded == []
    assert tree_snapshot(folder) == before
    dialog.close()


def test_check_labels_says_what_its_doubts_rest_on_and_enter_moves_nothing(qtbot, window, mislabelled, tmp_path):
    folder, model = mislabelled
    load(qtbot, window, folder)
    window.open_model(str(model))
    qtbot.waitUntil(lambda: window.session.ready and window.check_labels_action.isEnabled(), timeout=60000)
    dialog = window.show_check_labels()
    assert "had not seen it" in dialog.intro.text() and "Many are photos filed under the wrong class" not in \
        dialog.intro.text()
    assert not dialog.move_button.isDefault() and not dialog.move_button.autoDefault()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert window.project_session.project.relabelled == {} and window.project_session.project.excluded == []
    dialog.close()

    # The same model with every held-out answer made unsure: nothing stands out, and it says so.
    unsure = tmp_path / "unsure.keras"
    shutil.copy(model, unsure)
    answers = read_metadata(unsure).validation
    flat = tuple(tuple(0.5 + (p - 0.5) * 0.4 for p in row) for row in answers.probabilities)  # at most 70 % sure
    update_metadata(unsure, validation=replace(answers, probabilities=flat))
    window.open_model(str(unsure))
    qtbot.waitUntil(lambda: window.session.ready and window.session.path == unsure, timeout=60000)
    dialog = window.show_check_labels()
    assert dialog.suspects and "Nothing stands out: none of these" in dialog.intro.text()
    dialog.close()


def test_health_problems_show_their_photos_with_the_same_actions(qtbot, window, small_photos):
    copy = small_photos / "not-hotdog" / "same as a hot dog.jpg"
    shutil.copy(sorted((small_photos / "hotdog").glob("*.jpg"))[0], copy)
    before = tree_snapshot(small_photos)
    tab = window.dataset_tab
    load(qtbot, window, small_photos)
    problem = next(i for i, p in enumerate(tab.session.health.problems) if "filed under different classes" in p)
    assert f'<a href="{problem}">Show these photos</a>' in tab.health.text()
    tab.health.linkActivated.emit(str(problem))
    assert len(tab.grid.paths) == 2 and str(copy) in tab.grid.paths and tab.exclude_action.isEnabled()
    select(tab, [tab.grid.paths.index(str(copy))])
    tab.exclude_action.trigger()
    assert not any("filed under different classes" in p for p in tab.session.health.problems)
    assert counts(tab) == {"hotdog": 8, "not-hotdog": 8} and tree_snapshot(small_photos) == before


def test_a_double_clicked_photo_opens_large(qtbot, window, small_photos):
    tab = window.dataset_tab
    load(qtbot, window, small_photos)
    rect = tab.thumbnails.visualRect(tab.grid.index(0))
    qtbot.mouseClick(tab.thumbnails.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.thumbnails.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: tab.viewer is not None and tab.viewer.isVisible(), timeout=5000)
    assert tab.viewer.path == tab.grid.paths[0] and tab.viewer.picture.pixmap() is not None
    tab.viewer.close()


def test_unsaved_edits_are_saved_dropped_or_kept_as_the_user_says(qtbot, make_window, photos, tmp_path, monkeypatch):
    folder, before = photos
    window = make_window()
    tab = window.dataset_tab
    load(qtbot, window, folder)
    window.project_session.add_class("mustard")
    answers, asked = [], []

    def question(parent, title, text, buttons, default):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    button = QMessageBox.StandardButton
    answers.append(button.Cancel)  # another folder: the user stays with the edits
    tab.load_folder(str(tmp_path))
    assert window.project_session.project.sources == [str(folder)] and any("mustard" in row for row in class_rows(tab))
    assert "has changes that are not saved" in asked[0]
    answers.append(button.Cancel)  # quitting, then thinking better of it
    assert not window.close()
    answers.append(button.Save)  # saving first asks where (a new project has no file yet)
    monkeypatch.setattr(tab, "_on_save_as_clicked", lambda: window.project_session.save(str(tmp_path / "kept")))
    assert window.close()
    assert "mustard" in (tmp_path / "kept.ftsproject").read_text()
    assert tree_snapshot(folder) == before
    assert len(asked) == 3


def test_dropped_edits_are_gone_and_a_clean_project_closes_unasked(qtbot, make_window, photos, monkeypatch):
    folder, _ = photos
    window = make_window()
    tab = window.dataset_tab
    load(qtbot, window, folder)
    window.project_session.add_class("mustard")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    load(qtbot, window, folder)  # the same folder afresh, the edit let go
    assert not any("mustard" in row for row in class_rows(tab))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked with nothing to save"))
    assert window.close()
