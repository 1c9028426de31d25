"""Trusting the model: evaluate it, browse its mistakes, set when it says "not sure", see where it looked."""

import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from actions import cell, chart_figure, drop
from helpers import HOTDOG
from desktop_app.core.models.bundle import read_metadata
from desktop_app.core.percent import share_with_range


@pytest.fixture
def model_copy(snack_model, tmp_path):
    return str(shutil.copy(snack_model, tmp_path / "snack.keras"))  # each test may change its threshold


def test_evaluate_browse_mistakes_and_see_why(qtbot, model_copy, window):
    tab = window.evaluate_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.pages.currentIndex() == 0 and "Nothing evaluated yet" in tab.pages.currentWidget().text()
    with qtbot.waitSignal(tab.evaluated, timeout=30000):
        window.open_model(model_copy)
    assert tab.pages.currentIndex() == 1  # the results, in place of the words
    assert "Held-out pictures during training" in tab.summary.text() and "right on 16 pictures" in tab.summary.text()
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    with qtbot.waitSignal(tab.evaluated, timeout=120000):
        tab.evaluate_folder(str(HOTDOG))  # its test/ split: 50 photos the model never saw
    ev = tab.evaluation
    assert ev.n == 50 and "right on 50 pictures" in tab.summary.text()
    assert f"Pictures in {HOTDOG / 'test'}." in tab.summary.text()  # the photos judged, not the folder picked
    texts = [t.get_text() for t in chart_figure(tab.confusion).axes[0].texts]
    assert len(texts) == 4 and all("%" in t for t in texts) and sum(int(t.split()[0]) for t in texts) == 50
    assert [tab.per_class.verticalHeaderItem(i).text() for i in range(2)] == ["hotdog", "not-hotdog"]
    sure_mistakes = [p for p, _ in ev.mistakes if p.confidence >= window.session.threshold]
    assert tab.mistakes.count() == len(sure_mistakes) > 0  # the rest are under the threshold: "not sure"
    shown = [tab.mistakes.item(i).data(Qt.ItemDataRole.UserRole) for i in range(tab.mistakes.count())]
    confidences = [p.confidence for p, _ in shown]
    assert confidences == sorted(confidences, reverse=True)  # most confidently wrong first
    first, truth = tab.mistakes.item(0).data(Qt.ItemDataRole.UserRole)
    assert f"is {truth}\nsaid {first.label}" in tab.mistakes.item(0).text()
    assert tab.barely.count() > 0
    # The lists follow the slider: an answer under the threshold is "not sure", never a mistake.
    threshold = window.session.threshold
    listed = {name: [view.item(i).data(Qt.ItemDataRole.UserRole)[0].confidence for i in range(view.count())]
              for name, view in (("wrong", tab.mistakes), ("unsure", tab.not_sure), ("barely", tab.barely))}
    assert all(c >= threshold for c in listed["wrong"] + listed["barely"]) and all(c < threshold
                                                                                   for c in listed["unsure"])
    tab.threshold.setValue(99)
    qtbot.waitUntil(lambda: tab.lists.tabText(1) == f"Not sure ({sum(c < 0.99 for c in ev.confidence)})",
                    timeout=5000)
    assert tab.mistakes.count() == sum(p.confidence >= 0.99 for p, _ in ev.mistakes)
    tab.session.reset_threshold()
    qtbot.waitUntil(lambda: tab.mistakes.count() == len(sure_mistakes), timeout=5000)

    tab._on_item_activated(tab.mistakes.item(0))  # a click on the first mistake
    viewer = tab.viewer
    assert viewer.isVisible() and "Wrong" in viewer.caption.text()
    with qtbot.waitSignal(viewer.heatmap_shown, timeout=60000):
        viewer.why.setChecked(True)
    assert viewer.heatmap.heat.shape == viewer.heatmap.image.shape[:2] and viewer.heatmap.label == first.label
    assert viewer.key.isVisible()  # what the colours mean
    viewer.why.setChecked(False)
    assert not viewer.key.isVisible()
    viewer.close()


def test_moving_the_threshold_changes_coverage_at_once_and_is_saved_only_on_request(qtbot, model_copy, window):
    tab, predict = window.evaluate_tab, window.predict_tab
    window.open_model(model_copy)
    qtbot.waitUntil(lambda: tab.evaluation is not None and window.session.ready, timeout=60000)
    recommended = read_metadata(model_copy).threshold
    assert tab.threshold.recommended == round(recommended * 100) and not tab.save_threshold_button.isEnabled()
    assert f"recommended: {round(recommended * 100)}%" in tab.recommended_text.text()
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[:4])
    tab.threshold.setValue(0)
    text = tab.threshold_text.text()
    assert "always answers" in text and "100% (likely between " in text and ") of pictures get an answer" in text
    assert {cell(predict.results, r, 1) for r in range(4)} <= {"hotdog", "not-hotdog"}
    middle = round(float(np.quantile(tab.evaluation.confidence, 0.3)) * 100)
    assert middle != round(recommended * 100)
    tab.threshold.setValue(middle)
    point = tab.evaluation.at_threshold(middle / 100)
    answered = share_with_range(point.coverage, tab.evaluation.n)
    assert 0 < point.coverage < 1 and f"{answered} of pictures get an answer" in tab.threshold_text.text()
    assert f"at least {middle}% sure" in tab.threshold_text.text() and "Not saved" in tab.threshold_text.text()
    # The Predict tab follows at once: answers below the threshold name their guess and what they lacked...
    unsure = [p.confidence < middle / 100 for p in predict.results.results]
    assert [cell(predict.results, r, 1).startswith("not sure — best guess ") for r in range(4)] == unsure
    assert all(f"needs {middle}%" in cell(predict.results, r, 1) for r in range(4) if unsure[r])
    # ...but the model file is only changed when the user saves.
    assert read_metadata(model_copy).threshold == recommended and tab.save_threshold_button.isEnabled()
    with qtbot.waitSignal(window.session.threshold_saved, timeout=30000):
        tab.save_threshold_button.click()
    assert read_metadata(model_copy).threshold == middle / 100 and not tab.save_threshold_button.isEnabled()
    assert read_metadata(model_copy).recommended_threshold == recommended
    tab.reset_threshold_button.click()
    assert tab.threshold.value() == round(recommended * 100) and tab.save_threshold_button.isEnabled()


def test_heatmap_on_a_dropped_photo(qtbot, model_copy, window):
    predict = window.predict_tab
    window.open_model(model_copy)
    qtbot.waitUntil(lambda: window.session.maker is not None, timeout=60000)
    photo = sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[0]
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, [photo])
    predict.table.selectRow(0)
    assert predict.why_button.isEnabled()
    predict.why_button.click()
    viewer = predict.viewer
    assert viewer.isVisible() and "sure" in viewer.caption.text()
    plain = viewer.picture.source.toImage()  # what is shown, before it is fitted to the dialog
    with qtbot.waitSignal(viewer.heatmap_shown, timeout=60000):
        viewer.why.setChecked(True)
    assert viewer.picture.source.toImage() != plain  # the heat is drawn over the photo
    viewer.why.setChecked(False)
    assert viewer.picture.source.toImage() == plain
    viewer.close()


def test_export_from_the_app_into_a_folder_that_does_not_exist_yet(qtbot, model_copy, window):
    tab = window.evaluate_tab
    window.open_model(model_copy)
    qtbot.waitUntil(tab.export_button.isEnabled, timeout=60000)
    dialog = tab.open_export_dialog()
    suggested = Path(dialog.folder.text())
    assert suggested == Path(model_copy).with_name("snack exports") and not suggested.exists()
    assert dialog.photos.text() and dialog.export_button.isEnabled()  # checked on the photos it was trained on
    dialog.formats["savedmodel"].setChecked(True)
    dialog.formats["onnx"].setChecked(True)  # every format, TFLite too, is made in the core's tests
    with qtbot.waitSignal(dialog.exported, timeout=120000) as done:
        dialog.export_button.click()
        # Each step is said as it begins, with the time left (counting down while a conversion runs).
        qtbot.waitUntil(lambda: re.fullmatch(r"Making TensorFlow SavedModel \(folder\) \(step 3 of 4, about \d+ s "
                                             r"left\)", dialog.outcome.text()) is not None, timeout=60000)
    results = done.args[0]
    assert [r.path.name for r in results] == ["snack.keras", "snack_savedmodel", "snack.onnx"]
    assert all(r.same_answer_share == 1.0 and r.images_checked == 16 and r.path.parent == suggested for r in results)
    assert results[2].max_difference <= 1e-4  # ONNX Runtime's answers on the real photos, against the app's
    assert (suggested / "labels.txt").read_text() == "hotdog\nnot-hotdog\n"
    assert f"Exported into {suggested}" in dialog.outcome.text() and "labels.txt" in dialog.outcome.text()
    assert dialog.show_button.isVisible()
    # The report fits: the dialog grew instead of squeezing the format boxes into each other.
    boxes = [box.geometry() for box in dialog.formats.values()]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert dialog.outcome.height() >= dialog.outcome.heightForWidth(dialog.outcome.width())
    dialog.close()


def test_an_export_can_be_cancelled_and_leaves_only_whole_files(qtbot, model_copy, window):
    tab = window.evaluate_tab
    window.open_model(model_copy)
    qtbot.waitUntil(tab.export_button.isEnabled, timeout=60000)
    dialog = tab.open_export_dialog()
    for box in dialog.formats.values():
        box.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=120000):
        dialog.export_button.click()
        qtbot.waitUntil(lambda: len(dialog.results) == 1, timeout=60000)
        dialog.close_button.click()  # Cancel while the second format is being made
    folder = Path(dialog.folder.text())
    assert 1 <= len(dialog.results) < len(dialog.formats) and "Stopped" in dialog.outcome.text()
    made = sorted(p.name for p in folder.iterdir())
    assert made == sorted([r.path.name for r in dialog.results] + ["labels.txt", "README.md"])  # no scratch or half
    guide = (folder / "README.md").read_text(encoding="utf-8")
    assert all(r.path.name in guide for r in dialog.results) and guide.count("```python") == len(dialog.results)
    assert dialog.isVisible()  # Cancel while exporting stops the export, not the dialog
    dialog.close_button.click()
    assert not dialog.isVisible()
