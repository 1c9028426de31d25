"""The camera, with a fake one offscreen: photos recorded into a class, live answers, and teaching the project
from a wrong answer. Without a camera, the window says so and everything else works."""

import hashlib
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from actions import drop, load
from desktop_app.core.models.bundle import read_metadata
from desktop_app.core.models.prediction import Predictor
from fake_camera import FakeCamera, cameras_of
from fake_training import fake_trainer
from helpers import HOTDOG

HOTDOG_TEST = sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))
OTHER_TEST = sorted((HOTDOG / "test" / "not-hotdog").glob("*.jpg"))


def counts(window) -> dict[str, int]:
    return window.project_session.index.counts("train")


def open_capture(qtbot, window, small_photos, camera):
    load(qtbot, window, small_photos)
    window.dataset_tab.show_class("hotdog")
    window.dataset_tab.open_camera()
    dialog = window.dataset_tab.capture
    qtbot.waitUntil(dialog.record_button.isEnabled, timeout=10000)  # the first frame has come
    return dialog


def test_hold_to_record_adds_the_photos_to_the_class_as_jpeg_files_with_undo(qtbot, make_window, small_photos):
    camera = FakeCamera(HOTDOG_TEST[:5], fps=25)
    window = make_window(cameras=cameras_of(camera))
    dialog = open_capture(qtbot, window, small_photos, camera)
    assert dialog.class_box.currentText() == "hotdog" and counts(window) == {"hotdog": 8, "not-hotdog": 8}
    dialog.rate.setValue(10)

    with qtbot.waitSignal(window.project_session.photos_added, timeout=30000) as added:
        qtbot.mousePress(dialog.record_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(dialog.recorded) >= 6, timeout=10000)
        assert dialog.recording and "Recording: " in dialog.counter.text()
        recorded = len(dialog.recorded)
        qtbot.mouseRelease(dialog.record_button, Qt.MouseButton.LeftButton)
    # Frames a tenth of a second apart, each a file of its own.
    assert not dialog.recording and added.args == [recorded]
    assert counts(window) == {"hotdog": 8 + added.args[0], "not-hotdog": 8}
    copies = [p for p, label in window.project_session.project.added.items() if label == "hotdog"]
    assert len(copies) == added.args[0] and all(p.endswith(".jpg") for p in copies)
    assert all(Path(p).read_bytes()[:3] == b"\xff\xd8\xff" for p in copies)  # JPEG files
    assert all(str(small_photos) not in p for p in copies)  # never in the user's photo folders
    assert "added to the project" in dialog.counter.text()

    # The space bar records too, into the class chosen in the window.
    dialog.class_box.setCurrentText("not-hotdog")
    with qtbot.waitSignal(window.project_session.photos_added, timeout=30000):
        qtbot.keyPress(dialog.view, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: len(dialog.recorded) >= 2, timeout=10000)
        qtbot.keyRelease(dialog.view, Qt.Key.Key_Space)
    assert counts(window)["not-hotdog"] > 8

    window.project_session.undo_stack.undo()
    window.project_session.undo_stack.undo()
    assert counts(window) == {"hotdog": 8, "not-hotdog": 8}
    dialog.done(0)
    assert not camera.running


def test_unplugging_mid_record_keeps_what_was_recorded_and_says_so(qtbot, make_window, small_photos):
    camera = FakeCamera(HOTDOG_TEST[:3], fps=25)
    window = make_window(cameras=cameras_of(camera))
    dialog = open_capture(qtbot, window, small_photos, camera)
    dialog.rate.setValue(10)
    with qtbot.waitSignal(window.project_session.photos_added, timeout=30000) as added:
        qtbot.mousePress(dialog.record_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(dialog.recorded) >= 2, timeout=10000)
        camera.unplug()
    assert added.args[0] >= 2 and counts(window)["hotdog"] == 8 + added.args[0]
    assert dialog.view.text() == "The camera was unplugged."
    assert not dialog.record_button.isEnabled() and not dialog.take_button.isEnabled() and not dialog.recording
    qtbot.mouseRelease(dialog.record_button, Qt.MouseButton.LeftButton)  # the button let go afterwards: nothing
    assert counts(window)["hotdog"] == 8 + added.args[0]


def test_without_a_camera_the_windows_say_so_and_everything_else_works(qtbot, window, small_photos, snack_model):
    """The computer's own cameras: none here (and on Linux without libpulse, no Qt Multimedia at all)."""
    expected = ("No camera was found. Attach one and open this window again.",
                "The camera cannot be used on this computer: a system library it needs is missing")
    load(qtbot, window, small_photos)
    window.dataset_tab.show_class("hotdog")
    window.dataset_tab.open_camera()
    capture = window.dataset_tab.capture
    assert capture.view.text().startswith(expected), capture.view.text()
    assert not capture.record_button.isEnabled() and not capture.take_button.isEnabled()
    capture.done(0)
    predict = window.predict_tab
    predict.open_camera()
    assert predict.live.view.text().startswith(expected) and not predict.live.snapshot_button.isEnabled()
    predict.live.done(0)

    window.open_model(snack_model)
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, [HOTDOG_TEST[0]])
    assert predict.results.rowCount() == 1 and predict.results.results[0].label in ("hotdog", "not-hotdog")
    assert counts(window) == {"hotdog": 8, "not-hotdog": 8}


def _answered_right(model, photos, label):
    """A photo the model answers `label` for, with its answer."""
    predictor = Predictor(model)
    for photo, answer in zip(photos, predictor.predict(photos), strict=True):
        if answer.label == label:
            return photo, answer
    pytest.fail(f"the test model answers no photo {label}")


def test_live_answers_follow_the_camera(qtbot, make_window, snack_model):
    photo, expected = _answered_right(snack_model, HOTDOG_TEST[:10], "hotdog")
    camera = FakeCamera([photo], fps=15)
    window = make_window(cameras=cameras_of(camera))
    window.open_model(snack_model)
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    predict = window.predict_tab
    predict.open_camera()
    live = predict.live
    qtbot.waitUntil(lambda: live.answered >= 3, timeout=30000)
    assert "hotdog" in live.answer.text() and "not-hotdog" not in live.answer.text()
    assert live.bars[0].isVisible() and live.bars[0].text().startswith("hotdog")
    # The frame is the photo as Qt decodes it: the same answer as the file's, within decoder differences.
    assert abs(live.bars[0].value() / 1000 - expected.confidence) < 0.05

    with qtbot.waitSignal(predict.predictions_shown, timeout=30000):
        live.snapshot_button.click()
    [row] = predict.results.results
    assert Path(row.path).is_file() and Path(row.path).parent.name == "snapshots" and row.label == "hotdog"
    live.done(0)
    assert not camera.running


class SlowModel:
    """A stand-in for the model that takes its time over each picture (tests the flow of frames only)."""

    def __init__(self, seconds: float):
        self.seconds, self.threshold, self.busy, self.most_at_once = seconds, 0.5, 0, 0

    def predict_picture(self, rgb, name):
        from desktop_app.core.models.prediction import Prediction

        self.busy += 1
        self.most_at_once = max(self.most_at_once, self.busy)
        time.sleep(self.seconds)
        self.busy -= 1
        return Prediction.from_probabilities(name, ["a", "b"], np.array([0.7, 0.3]), self.threshold)


def test_a_slow_model_gets_the_newest_frame_and_frames_that_come_meanwhile_are_dropped(qtbot, make_window):
    camera = FakeCamera(HOTDOG_TEST[:2], fps=30)
    window = make_window(cameras=cameras_of(camera))
    slow = SlowModel(0.25)
    window.session.predictor = slow
    window.predict_tab.open_camera()
    live = window.predict_tab.live
    qtbot.wait(1500)
    live.done(0)
    answered, sent = live.answered, camera.sent
    qtbot.wait(600)  # nothing was queued: at most the picture under way is still answered
    assert live.answered <= answered + 1 and slow.most_at_once == 1
    assert 2 <= answered <= 8 and sent >= 30 and live.dropped >= sent - answered - 3, (answered, sent, live.dropped)
    assert live.answer.text() == "a"


def test_a_wrong_answer_taught_under_its_right_class_joins_the_project_and_the_next_training(
        qtbot, make_window, small_photos, snack_model):
    photo, _ = _answered_right(snack_model, OTHER_TEST[:10], "not-hotdog")
    window = make_window(train_function=fake_trainer(snack_model))
    load(qtbot, window, small_photos)
    window.open_model(snack_model)
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    predict = window.predict_tab
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, [photo])
    predict.table.selectRow(0)
    assert predict.teach_button.isEnabled()
    predict.table.customContextMenuRequested.emit(QPoint(5, 5))  # right-click: the same, beside the row
    menu = QApplication.activePopupWidget()
    assert [a.text() for a in menu.actions()] == ["Why?…", "This Is…"] and all(a.isEnabled() for a in menu.actions())
    menu.close()
    predict.teach_menu.aboutToShow.emit()
    teach = {a.text(): a for a in predict.teach_menu.actions()}
    assert set(teach) == {"hotdog", "not-hotdog"}
    with qtbot.waitSignal(window.project_session.photos_added, timeout=30000):
        teach["hotdog"].trigger()  # say it is a hot dog, for the sake of the test
    assert counts(window) == {"hotdog": 9, "not-hotdog": 8}
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    [copy] = [r for r in window.project_session.index.train if r.sha256 == digest]
    assert copy.label == "hotdog" and copy.path != str(photo)
    assert "1 photo added to the project" in predict.hint.text()

    tab = window.training_tab
    with qtbot.waitSignal(tab.model_trained, timeout=60000) as trained:
        tab.start_training()
    assert read_metadata(trained.args[0]).val_count == 17  # the fake trainer's record of the photos it was given


def test_advice_in_the_evaluate_tab_opens_the_camera_on_its_class(qtbot, make_window, small_photos, snack_model,
                                                                  monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    camera = FakeCamera(HOTDOG_TEST[:2])
    window = make_window(cameras=cameras_of(camera))
    evaluate = window.evaluate_tab
    window.open_model(snack_model)
    qtbot.waitUntil(lambda: evaluate.evaluation is not None, timeout=60000)
    assert evaluate.advice.text().startswith("<b>To improve this model:</b>")
    # Advice about a class comes with its links; the learning curve's (about all classes) with none.
    assert all(f'href="add:{a.label}"' in evaluate.advice.text() for a in evaluate.advice_given if a.label)
    assert any(not a.label and a.words.startswith("More photos") for a in evaluate.advice_given)

    evaluate.advice.linkActivated.emit("camera:hotdog")  # no photos open yet: it says what to do first
    assert "Open the photos this model learnt from" in window.statusBar().currentMessage()
    load(qtbot, window, small_photos)
    evaluate.advice.linkActivated.emit("camera:not-hotdog")
    assert window.tabs.currentWidget() is window.dataset_tab
    capture = window.dataset_tab.capture
    assert capture is not None and capture.class_box.currentText() == "not-hotdog"
    capture.done(0)
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: asked.append(a[1]) or ([], ""))
    evaluate.advice.linkActivated.emit("add:hotdog")
    assert asked == ["Add photos to “hotdog”"]
