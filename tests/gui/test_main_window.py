"""The real window, driven as a user would: load a folder, train, stop, close, drop photos."""

import os
from pathlib import Path

import pytest

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from actions import TIMEOUT, cell, drop, load, start_and_wait_for_progress
from desktop_app.core import paths

def test_window_opens_with_four_tabs(window):
    assert window.windowTitle() == "FineTune Studio"
    assert [window.tabs.tabText(i) for i in range(4)] == ["1  Dataset", "2  Train", "3  Predict", "4  Evaluate"]
    assert not window.training_tab.train_button.isEnabled()


def test_dropping_a_folder_on_the_window_loads_it(qtbot, window, small_photos):
    with qtbot.waitSignal(window.project_session.opened, timeout=30000):
        drop(window, [small_photos])
    assert window.tabs.currentWidget() is window.dataset_tab
    assert window.training_tab.train_button.isEnabled()


def test_unavailable_backbones_are_greyed_with_the_reason(window):
    combo = window.training_tab.backbone
    item = combo.model().item(combo.findData("resnet50"))
    assert not item.isEnabled() and "import-weights" in item.toolTip()
    assert combo.currentData() == "best"  # the default, also when nothing was saved yet


def test_health_report_lists_skipped_files(qtbot, window, small_photos):
    (small_photos / "hotdog" / "broken.jpg").write_bytes(b"")
    load(qtbot, window, small_photos)
    tab = window.dataset_tab
    assert [tab.classes.item(i).text() for i in range(2)] == ["hotdog — 8 pictures", "not-hotdog — 8 pictures"]
    assert "could not be used" in tab.health.text()
    assert tab.skipped.list.count() == 1 and "broken.jpg: empty file" in tab.skipped.list.item(0).text()
    assert tab.grid.rowCount() == 8
    qtbot.waitUntil(lambda: all(tab.grid.has_thumbnail(i) for i in range(8)), timeout=15000)
    placeholder = QColor(Qt.GlobalColor.lightGray)
    icon = cell(tab.grid, 0, 0, Qt.ItemDataRole.DecorationRole)
    assert icon.pixmap(32).toImage().pixelColor(16, 16) != placeholder


def test_train_then_predict_dropped_photos(qtbot, window, small_photos, tmp_path, monkeypatch):
    load(qtbot, window, small_photos)
    tab = window.training_tab
    tab.epochs.setValue(12)
    with qtbot.waitSignal(tab.model_trained, timeout=TIMEOUT) as trained:
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
        assert tab.is_running() and tab.stop_button.isEnabled()
    model = Path(trained.args[0])
    assert model.parent == paths.models_dir() and model.suffix == ".keras" and model.is_file()
    assert tab.chart.point_count() == 12
    assert "right" in tab.result.text() and "%" in tab.result.text()
    report = model.with_name(model.stem + " report.html")
    assert QUrl.fromLocalFile(str(report)).toString() in tab.result.text()
    qtbot.waitUntil(report.is_file, timeout=30000)  # written by the engine just after Done
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=30000)

    predict = window.predict_tab
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    broken = tmp_path / "broken.jpg"
    broken.write_text("not a photo")
    hotdog = sorted((small_photos / "hotdog").glob("*.jpg"))[0]
    other = sorted((small_photos / "not-hotdog").glob("*.jpg"))[0]
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, [hotdog, other, broken])
    table = predict.results
    assert table.rowCount() == 3
    assert [cell(table, r, 1) for r in range(3)] == ["hotdog", "not-hotdog", "cannot read"]
    assert "not an image" in cell(table, 2, 2)
    window.tabs.setCurrentWidget(predict)  # thumbnails are decoded for rows on screen
    qtbot.waitUntil(lambda: table.has_thumbnail(0) and table.has_thumbnail(1))
    assert cell(table, 2, 0, Qt.ItemDataRole.DecorationRole) is None  # a file that cannot be read has none
    csv_path = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(csv_path), ""))
    predict.export_button.click()
    assert predict.hint.text() == f"Saved the 3 answers to {csv_path}."  # said, not silent
    lines = csv_path.read_text().splitlines()
    assert lines[0] == "path,label,best_guess,confidence,hotdog,not-hotdog,not_sure,error" and len(lines) == 4


def test_declining_to_close_keeps_training(qtbot, window, small_photos, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    tab = start_and_wait_for_progress(qtbot, window, small_photos)
    assert not window.close()
    assert tab.is_running()


def test_unexpected_worker_errors_reach_the_user_as_a_dialog_with_details(qtbot, window, small_photos,
                                                                         monkeypatch):
    from desktop_app.core.training.trainer import TrainingConfig

    load(qtbot, window, small_photos)
    # The backbone refuses 8-pixel inputs: an error no user input normally produces.
    monkeypatch.setattr(window.training_tab, "config",
                        lambda: TrainingConfig(backbone="mobilenet_v2_1.0", image_size=8, epochs=5))
    with qtbot.waitSignal(window.training_tab.failed, timeout=TIMEOUT):
        qtbot.mouseClick(window.training_tab.train_button, Qt.MouseButton.LeftButton)
    box = window.last_failure_box
    assert "went wrong" in box.text() and "Traceback" in box.detailedText()
    assert window.training_tab.stage.text() == "Training failed."


def test_a_model_that_cannot_be_saved_is_explained_in_plain_words(qtbot, window, small_photos):
    paths.models_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.models_dir().write_text("a file where the models folder should be")
    load(qtbot, window, small_photos)
    window.training_tab.epochs.setValue(5)
    with qtbot.waitSignal(window.training_tab.failed, timeout=TIMEOUT):
        qtbot.mouseClick(window.training_tab.train_button, Qt.MouseButton.LeftButton)
    box = window.last_failure_box
    assert f"{paths.models_dir()} is a file, not a folder" in box.text() and box.detailedText() == ""
    assert paths.models_dir().read_text() == "a file where the models folder should be"


def test_settings_and_recent_folders_persist(qtbot, window, small_photos, tmp_path):
    from PySide6.QtCore import QSettings
    from desktop_app.gui.main_window import MainWindow

    load(qtbot, window, small_photos)
    window.training_tab.epochs.setValue(33)
    window.training_tab._save_settings()
    window.close()
    again = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), warm_engine=False)
    qtbot.addWidget(again)
    assert again.training_tab.epochs.value() == 33
    assert again.dataset_tab.recent.itemData(0) == str(small_photos)


def test_help_about_says_what_computes(qtbot, window, monkeypatch):
    from desktop_app.core.tf_runtime import compute_words, gpu_names

    told = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: told.append(text))
    qtbot.waitUntil(lambda: window.tensorflow is not None, timeout=TIMEOUT)
    about = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu().actions()[0]
    about.trigger()
    assert compute_words(gpu_names()) in told[0] and "TensorFlow 2." in told[0] and "FineTune Studio 0." in told[0]


def test_a_hidden_chart_draws_nothing_until_it_is_shown(qtbot, window, small_photos):
    load(qtbot, window, small_photos)
    chart = window.training_tab.chart
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        window.tabs.setCurrentWidget(window.training_tab)
    qtbot.wait(300)  # any other draw that showing it asked for
    window.tabs.setCurrentWidget(window.dataset_tab)
    draws = []
    chart.drawn.connect(lambda: draws.append(chart.point_count()))
    for name in ("mustard", "ketchup"):  # each edit gives the Train tab the dataset again, and clears its chart
        assert window.project_session.add_class(name)
    qtbot.wait(300)
    assert draws == []  # hidden, it is not needed
    window.tabs.setCurrentWidget(window.training_tab)
    qtbot.waitUntil(lambda: len(draws) == 1, timeout=10000)
    qtbot.wait(300)
    assert draws == [0]  # once, the latest


def test_picture_sizes_are_the_chosen_networks_own(window, make_window):
    tab = window.training_tab
    tab.advanced.setChecked(True)  # where Picture size is
    assert tab.backbone.currentData() == "best" and tab.backbone.currentText().startswith("Best for my photos")
    assert tab.image_size.currentText() == "Each network's own" and not tab.image_size.isEnabled()
    assert tab.config().backbone == "best" and tab.config().image_size is None
    tab.backbone.setCurrentIndex(tab.backbone.findData("efficientnet_lite2"))
    assert [tab.image_size.itemData(i) for i in range(tab.image_size.count())] == [260, 288, 320]
    assert tab.image_size.currentData() == 320 and "(recommended)" in tab.image_size.currentText()
    tab.backbone.setCurrentIndex(tab.backbone.findData("mobilenet_v2_1.0"))
    assert tab.image_size.currentData() == 224 and tab.config().image_size == 224 and tab.image_size.isEnabled()
    tab.image_size.setCurrentIndex(tab.image_size.findData(160))
    tab._save_settings()
    again = make_window()
    assert again.training_tab.config().backbone == "mobilenet_v2_1.0" and again.training_tab.config().image_size == 160


def test_the_window_opens_what_it_is_given_and_has_the_usual_menu_entries(qtbot, window, small_photos, snack_model,
                                                                        monkeypatch):
    # A file manager's "Open with" passes paths: a folder goes to the Dataset tab, a model into use.
    with qtbot.waitSignal(window.project_session.opened, timeout=30000):
        window.open_paths([str(small_photos)])
    window.open_paths([str(snack_model)])
    qtbot.waitUntil(lambda: window.session.ready and window.session.path == Path(snack_model), timeout=60000)

    dataset_menu = next(a for a in window.menuBar().actions() if a.text() == "&Dataset").menu()
    assert [a.text() for a in dataset_menu.actions()][0] == "Open &Folder…"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q" and window.quit_action in dataset_menu.actions()

    told = []
    monkeypatch.setattr("desktop_app.gui.system.QDesktopServices.openUrl", lambda url: False)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    window.show_models_folder()  # no file manager here: the path is said instead of nothing happening
    assert told == [f"Nothing on this computer could open it; it is here:\n{paths.models_dir()}"]
    window.training_tab.result.linkActivated.emit(QUrl.fromLocalFile("/somewhere/snack report.html").toString())
    assert told[-1].endswith("it is here:\n/somewhere/snack report.html")  # the training report's link, likewise
    window.quit_action.trigger()
    assert not window.isVisible()


def test_the_training_chart_keeps_a_readable_height_in_a_small_window(qtbot, window):
    from desktop_app.core.data.dataset import SkippedFile

    window.resize(1024, 600)
    tab = window.training_tab
    window.tabs.setCurrentWidget(tab)
    tab.advanced.setChecked(True)
    tab.skipped.show_files([SkippedFile(f"/photos/{i}.jpg", "file is truncated or damaged") for i in range(3)])
    qtbot.wait(100)  # the layout settles
    assert tab.skipped.isVisible() and tab.chart.height() >= 260  # was squeezed to ~90 px, titles lost


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="Unix special files")
def test_special_files_named_like_photos_are_listed_not_read_by_the_window(qtbot, window, small_photos):
    os.symlink("/dev/zero", small_photos / "hotdog" / "zero.jpg")
    os.mkfifo(small_photos / "hotdog" / "pipe.jpg")
    load(qtbot, window, small_photos)  # it used to hang on the pipe, or fill the memory from /dev/zero
    listed = [window.dataset_tab.skipped.list.item(i).text()
              for i in range(window.dataset_tab.skipped.list.count())]
    assert sorted(listed) == ["pipe.jpg: not a regular file (a device, pipe or socket), so it is not read",
                              "zero.jpg: not a regular file (a device, pipe or socket), so it is not read"]
