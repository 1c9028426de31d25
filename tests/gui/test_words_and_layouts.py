"""What a new user tripped over: counts in plain words, settings that never change unseen, empty panes that
say what will appear, photos shown at their real size, and the last result still there after a restart."""

import shutil
from dataclasses import replace

from PySide6.QtGui import QGuiApplication

from actions import load
from helpers import write_image
from desktop_app.core.data.dataset import SkippedFile
from desktop_app.core.models.bundle import read_metadata, update_metadata
from desktop_app.core.training.trainer import TrainingConfig


def test_one_file_reads_as_one_file(window):
    skipped = window.training_tab.skipped
    skipped.show_files([SkippedFile("/photos/a.jpg", "file is truncated or damaged")])
    assert skipped.heading.text() == "<b>1 file could not be used:</b>"
    skipped.show_files([SkippedFile(f"/photos/{i}.jpg", "file is truncated or damaged") for i in range(3)])
    assert skipped.heading.text() == "<b>3 files could not be used:</b>"


def test_a_changed_setting_shows_on_the_folded_box_and_the_defaults_come_back_in_one_click(qtbot, window):
    tab = window.training_tab
    assert tab.advanced.text() == "Advanced settings" and not tab.restore_defaults.isEnabled()
    tab.epochs.setValue(33)  # a one-off change, remembered for the next run and the next start
    assert tab.advanced.text() == "Advanced settings (changed from the defaults)" and not tab.advanced.isChecked()
    tab.restore_defaults.click()
    assert tab.epochs.value() == TrainingConfig.epochs and tab.advanced.text() == "Advanced settings"


def test_folded_advanced_settings_leave_no_empty_strip(qtbot, window):
    tab = window.training_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.wait(50)
    below = tab.train_button.mapTo(tab, tab.train_button.rect().topLeft()).y()
    above = tab.advanced.mapTo(tab, tab.advanced.rect().bottomLeft()).y()
    assert below - above < 16  # the QGroupBox left a framed, empty 22 px strip here


def test_an_empty_list_of_pictures_says_what_would_be_in_it(qtbot, window):
    view = window.evaluate_tab.mistakes
    view.clear()
    assert "No mistakes" in view.hint

    def ink(v) -> int:
        image = v.grab().toImage()
        background = image.pixelColor(image.width() // 2, 3)
        return sum(image.pixelColor(x, y) != background
                   for x in range(4, image.width() - 4, 3) for y in range(4, image.height() - 4, 3))

    with_hint = ink(view)
    view.set_hint("")
    assert with_hint > ink(view) + 20


def test_the_large_view_shows_a_photo_at_its_real_size_when_the_screen_has_room(window, tmp_path):
    from desktop_app.gui.widgets.image_viewer import SCREEN_SHARE, ImageViewer

    photo = write_image(tmp_path / "wide.jpg", size=(700, 300))
    viewer = ImageViewer(str(photo), "caption", None, window)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert (viewer.picture.source.width(), viewer.picture.source.height()) == (700, 300)  # was cut to 640 x 274
    assert viewer.width() <= screen.width() * SCREEN_SHARE + 1
    viewer.close()
    smaller = write_image(tmp_path / "smaller.jpg", size=(600, 300))  # fits the 800 x 800 off-screen screen
    viewer = ImageViewer(str(smaller), "caption", None, window)
    viewer.show()
    assert viewer.picture.width() >= 600 and viewer.picture.height() >= 300  # the dialog makes room for it
    viewer.close()


def test_after_a_restart_the_train_tab_shows_how_the_model_in_use_learnt(qtbot, window, small_photos,
                                                                         snack_model, tmp_path):
    model = tmp_path / "snack.keras"
    shutil.copy(snack_model, model)
    meta = read_metadata(model)
    update_metadata(model, dataset=replace(meta.dataset, root=str(small_photos)))
    load(qtbot, window, small_photos)
    window.open_model(str(model))
    tab = window.training_tab
    qtbot.waitUntil(lambda: "The model in use" in tab.result.text(), timeout=30000)
    assert f"On {meta.val_count} pictures it had not seen" in tab.result.text()
    window.tabs.setCurrentWidget(tab)
    assert tab.chart.point_count() == len(meta.history) and tab.chart.kept is not None


def test_a_fine_tuned_model_says_whose_held_out_answers_the_evaluate_tab_shows(qtbot, window, snack_model, tmp_path):
    model = tmp_path / "tuned.keras"
    shutil.copy(snack_model, model)
    update_metadata(model, fine_tuned=True, val_count=5, val_accuracy=0.8)
    window.open_model(str(model))
    tab = window.evaluate_tab
    qtbot.waitUntil(lambda: tab.evaluation is not None, timeout=30000)
    summary = tab.summary.text()
    assert "before the top of the network was fine-tuned" in summary
    assert "right 80% (likely between 37% and 96%) on the 5 held-out" in summary


def test_the_evaluate_charts_keep_a_readable_size_at_1024_by_600(qtbot, window, snack_model):
    window.resize(1024, 600)
    window.open_model(str(snack_model))
    tab = window.evaluate_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.evaluation is not None and tab.confusion.chart is not None, timeout=30000)
    qtbot.wait(100)  # the layout settles
    for chart in (tab.confusion, tab.coverage):
        assert chart.height() >= 220 and chart.width() >= 250, (chart.width(), chart.height())
    assert tab.threshold.isVisible() and tab.save_threshold_button.isVisible()


def test_every_line_of_a_finished_runs_result_is_shown(qtbot, make_window, snack_model, small_photos):
    from fake_training import fake_trainer

    window = make_window(fake_trainer(snack_model))
    window.resize(1100, 760)
    tab = window.training_tab
    load(qtbot, window, small_photos)
    window.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.model_trained, timeout=60000):
        tab.start_training()
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    qtbot.wait(100)  # the layout settles
    assert "Saved as" in tab.result.text()
    assert tab.result.height() >= tab.result.heightForWidth(tab.result.width())  # no line hidden under the chart


def test_another_model_in_use_takes_the_last_ones_curves_away(qtbot, window, small_photos, snack_model, tmp_path):
    mine, other = tmp_path / "mine.keras", tmp_path / "other.keras"
    for path, root in ((mine, small_photos), (other, tmp_path / "elsewhere")):
        shutil.copy(snack_model, path)
        update_metadata(path, dataset=replace(read_metadata(path).dataset, root=str(root)))
    load(qtbot, window, small_photos)
    tab = window.training_tab
    window.open_model(str(mine))
    qtbot.waitUntil(lambda: "The model in use, <b>mine</b>" in tab.result.text(), timeout=30000)
    window.open_model(str(other))
    qtbot.waitUntil(lambda: window.session.ready and window.session.info.name == "other", timeout=30000)
    assert tab.result.text() == ""
