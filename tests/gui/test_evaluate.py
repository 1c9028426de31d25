"""Trusting the model: evaluate it, browse its mistakes, set when it says "not sure", see where it looked."""

import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt

from actions import cell, drop
from helpers import HOTDOG, copy_hotdog_photos
from desktop_app.core.bundle import read_metadata
from desktop_app.core.dataset import scan_dataset
from desktop_app.core.training import TrainingConfig, train


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    """A real model, trained on 16 real photos before any window exists (so it does not overlap the
    window's background import of TensorFlow)."""
    root = copy_hotdog_photos(tmp_path_factory.mktemp("photos"), 8)
    out = tmp_path_factory.mktemp("models") / "snack.keras"
    config = TrainingConfig(backbone="mobilenet_v2_0.35", image_size=96, epochs=10, fine_tune_layers=0)
    return train(scan_dataset(root), out, config).model_path


@pytest.fixture
def model_copy(model, tmp_path):
    return str(shutil.copy(model, tmp_path / "snack.keras"))  # each test may change its threshold


def test_evaluate_browse_mistakes_and_see_why(qtbot, model_copy, window):
    tab = window.evaluate_tab
    window.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.evaluated, timeout=30000):
        tab.set_model(model_copy)
    assert "Validation during training" in tab.summary.text() and "right on 16 pictures" in tab.summary.text()
    qtbot.waitUntil(lambda: tab.predictor is not None, timeout=60000)
    with qtbot.waitSignal(tab.evaluated, timeout=120000):
        tab.evaluate_folder(str(HOTDOG))  # its test/ split: 50 photos the model never saw
    ev = tab.evaluation
    assert ev.n == 50 and "right on 50 pictures" in tab.summary.text()
    texts = [t.get_text() for t in tab.confusion.figure.axes[0].texts]
    assert len(texts) == 4 and all("%" in t for t in texts)
    assert [tab.per_class.verticalHeaderItem(i).text() for i in range(2)] == ["hotdog", "not-hotdog"]
    assert tab.mistakes.count() == len(ev.mistakes) > 0
    shown = [tab.mistakes.item(i).data(Qt.ItemDataRole.UserRole) for i in range(tab.mistakes.count())]
    confidences = [p.confidence for p, _ in shown]
    assert confidences == sorted(confidences, reverse=True)  # most confidently wrong first
    first, truth = tab.mistakes.item(0).data(Qt.ItemDataRole.UserRole)
    assert f"is {truth}\nsaid {first.label}" in tab.mistakes.item(0).text()
    assert tab.barely.count() > 0

    tab._on_item_activated(tab.mistakes.item(0))  # a click on the first mistake
    viewer = tab.viewer
    assert viewer.isVisible() and "Wrong" in viewer.caption.text()
    with qtbot.waitSignal(viewer.heatmap_shown, timeout=60000):
        viewer.why.setChecked(True)
    assert viewer.heatmap.heat.shape == viewer.heatmap.image.shape[:2] and viewer.heatmap.label == first.label
    viewer.close()


def test_moving_the_threshold_changes_coverage_and_is_saved_with_the_model(qtbot, model_copy, window):
    tab, predict = window.evaluate_tab, window.predict_tab
    window._on_model_trained(model_copy)  # as after a training run: both tabs get the model
    qtbot.waitUntil(lambda: tab.evaluation is not None and predict.predictor is not None, timeout=60000)
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[:4])
    with qtbot.waitSignal(tab.threshold_saved, timeout=30000):
        tab.threshold.setValue(0)  # as a keyboard press: saved at once
    everything = tab.threshold_text.text()
    assert "100% of pictures get an answer" in everything
    assert {cell(predict.results, r, 1) for r in range(4)} <= {"hotdog", "not-hotdog"}
    middle = round(float(np.median(tab.evaluation.confidence)) * 100)
    with qtbot.waitSignal(tab.threshold_saved, timeout=30000):
        tab.threshold.setValue(middle)
    point = tab.evaluation.at_threshold(middle / 100)
    assert 0 < point.coverage < 1 and f"{point.coverage:.0%} of pictures get an answer" in tab.threshold_text.text()
    assert read_metadata(model_copy)["threshold"] == middle / 100
    # The Predict tab follows: answers below the threshold now read "not sure".
    unsure = [p.confidence < middle / 100 for p in predict.results.results]
    assert [cell(predict.results, r, 1) == "not sure" for r in range(4)] == unsure


def test_heatmap_on_a_dropped_photo(qtbot, model_copy, window):
    predict = window.predict_tab
    predict.set_model(model_copy)
    qtbot.waitUntil(lambda: predict.maker is not None, timeout=60000)
    photo = sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[0]
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, [photo])
    predict.table.selectRow(0)
    assert predict.why_button.isEnabled()
    predict.why_button.click()
    viewer = predict.viewer
    assert viewer.isVisible() and "sure" in viewer.caption.text()
    plain = viewer.picture.pixmap().toImage()
    with qtbot.waitSignal(viewer.heatmap_shown, timeout=60000):
        viewer.why.setChecked(True)
    assert viewer.picture.pixmap().toImage() != plain  # the heat is drawn over the photo
    viewer.why.setChecked(False)
    assert viewer.picture.pixmap().toImage() == plain
    viewer.close()


def test_export_from_the_app(qtbot, model_copy, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    tab = window.evaluate_tab
    tab.set_model(model_copy)
    qtbot.waitUntil(lambda: tab.export_button.isEnabled(), timeout=60000)
    assert [a.text() for a in tab.export_button.menu().actions() if a.text()][-1] == "All of them"
    with qtbot.waitSignal(tab.exported, timeout=120000) as done:
        tab.export_to(["keras", "savedmodel"], str(tmp_path / "out"))  # checked on the photos it was trained on
    results = done.args[0]
    assert [r.path.name for r in results] == ["snack.keras", "snack_savedmodel"]
    assert all(r.same_answer_share == 1.0 and r.images_checked == 16 for r in results)
    assert (tmp_path / "out" / "labels.txt").read_text() == "hotdog\nnot-hotdog\n"
