"""The whole window in 简体中文: every text a person sees in the main flows is Chinese.

Each check walks the visible widgets of a window or dialog and collects what a person reads (labels,
buttons, tabs, menus, list and table entries, headers, placeholders, tooltips, progress texts) and
fails on any English word left once the user's own words (class names, paths, model names) and
product names are taken out.
"""

import re
import shutil

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from actions import TIMEOUT, cell, chart_figure, drop, load, texts
from helpers import HOTDOG, copy_hotdog_photos
from desktop_app.core.networks.backbones import BACKBONES
from desktop_app.core.i18n import set_language

# Names that stay as they are in any language: the product, file formats, networks, metric F1.
KEPT = ("FineTune Studio", "Qt", "GPU", "CPU", "Python", "TensorFlow Lite", "TensorFlow", "SavedModel", "Keras",
        "EfficientNet-Lite0", "EfficientNet-Lite2", "EfficientNet-Lite", "Lite0", "MobileNetV2", "MobileNetV3",
        "ResNet50", "EfficientNetB0", "Small", "Large", "float32", "tflite", "keras", "labels.txt", "CSV", "csv",
        "F1", "English", "jpg", "jpeg", "png", "bmp", "gif", "webp", "tif", "tiff", "test/", "hotdog/",
        "not-hotdog/", "exports", "README.md",
        # Programs and platforms, by their own names:
        "ONNX Runtime", "ONNX", "TensorFlow Serving", "Android", "iOS", "Raspberry Pi", "LiteRT", "JavaScript", "Java",
        "Windows ML", "C++", "C#", "onnx",
        "epochs",  # an advanced setting's tooltip keeps the exact term beside the plain words
        *(b.id for b in BACKBONES))
HTML = re.compile(r"<[^>]+>|&[a-z]+;")


@pytest.fixture
def chinese(qapp):
    from desktop_app.gui.app import install_translations

    translators = install_translations("zh_CN")
    assert len(translators) == 2, "the app's and Qt's own Chinese translations both load"
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    set_language("en")


def english_left(root: QWidget, *own_words: str) -> list[str]:
    """The texts of `root` that still hold an English word, after the user's own words are taken out."""
    kept = sorted({*KEPT, *(w for w in own_words if w)}, key=len, reverse=True)
    left = []
    for text in texts(root):
        plain = HTML.sub(" ", text)
        plain = re.sub(r"python -m desktop_app\.cli .*? FILE", " ", plain)  # a command to type, as it is typed
        plain = re.sub(r"\S*[/\\]\S*|[\w.-]+\.(?:h5|keras|jpg|png|html)\b", " ", plain)  # paths, file names
        for word in kept:
            plain = plain.replace(word, " ")
        if re.search(r"[A-Za-z]{2,}", plain):
            left.append(text)
    return left


@pytest.fixture
def photos(tmp_path):
    """8 real photos of each class and one broken file, in a folder with a Chinese name."""
    root = copy_hotdog_photos(tmp_path / "照片", 8)
    (root / "hotdog" / "坏了.jpg").write_bytes(b"not a picture")
    return root


def test_every_window_text_of_the_main_flows_is_chinese(qtbot, chinese, make_window, photos, tmp_path,
                                                       monkeypatch):
    window = make_window()
    own = (str(photos), photos.name, "hotdog", "not-hotdog", "坏了.jpg")
    for tab in range(window.tabs.count()):  # before any folder: what each tab says to do first
        window.tabs.setCurrentIndex(tab)
        assert english_left(window, *own) == []
    assert window.tabs.tabText(1) == "2  训练" and window.training_tab.train_button.text() == "训练"

    # Choose a folder: classes, health check (a broken file, too few pictures), the skipped list.
    load(qtbot, window, photos)
    window.tabs.setCurrentWidget(window.dataset_tab)
    qtbot.waitUntil(lambda: window.dataset_tab.grid.loaded_count() > 0, timeout=30000)
    assert english_left(window, *own) == []
    assert "。 " not in window.dataset_tab.summary.text()  # no Latin space between Chinese sentences
    skipped = window.dataset_tab.skipped.list.item(0).text()
    assert skipped == "坏了.jpg：不是图片，或者是无法读取的图片格式"

    # Train for real: the training process speaks Chinese too (its stages, notes and the report).
    tab = window.training_tab
    window.tabs.setCurrentWidget(tab)
    tab.advanced.setChecked(True)
    tab.backbone.setCurrentIndex(tab.backbone.findData("mobilenet_v2_0.35"))
    tab.image_size.setCurrentIndex(0)
    tab.fine_tune.setCurrentIndex(tab.fine_tune.findData(0))
    tab.model_name.setText("热狗模型")
    own += ("MobileNetV2 0.35", "热狗模型")
    with qtbot.waitSignal(tab.model_trained, timeout=TIMEOUT):
        tab.start_training()
        qtbot.waitUntil(lambda: tab.chart.point_count() > 0, timeout=TIMEOUT)
        assert english_left(window, *own) == [] and tab.stage.text().startswith("正在学习你的类别")
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    assert english_left(window, *own) == [] and "训练完成" in tab.result.text()
    report = tab.last_model.with_name("热狗模型 report.html").read_text(encoding="utf-8")
    assert "检验图片答对" in report and "让输出层保持简单的权重惩罚" in report and "auto_fine_tune" not in report

    # Predict, with a "not sure" answer among them.
    predict = window.predict_tab
    window.tabs.setCurrentWidget(predict)
    # Nothing is that sure, so every answer reads "not sure", in Chinese.
    window.session.set_threshold(1.0)
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[:3])
    assert english_left(window, *own) == []
    assert any(cell(predict.results, r, 1).startswith("不确定 — 最可能是") for r in range(3))
    predict.show_why(0)  # the picture viewer, with its heatmap
    predict.viewer.why.setChecked(True)
    qtbot.waitUntil(lambda: predict.viewer.heatmap is not None, timeout=60000)
    assert english_left(predict.viewer, *own, *(p.name for p in (HOTDOG / "test" / "hotdog").glob("*.jpg"))) == []
    predict.viewer.close()

    # Evaluate: the held-out pictures, then a folder; the charts' words too.
    evaluate = window.evaluate_tab
    window.tabs.setCurrentWidget(evaluate)
    qtbot.waitUntil(lambda: evaluate.evaluation is not None, timeout=60000)
    assert english_left(window, *own) == []
    axes = chart_figure(evaluate.confusion).axes[0]
    assert (axes.get_xlabel(), axes.get_ylabel()) == ("模型的回答", "真实类别")
    assert chart_figure(tab.chart).axes[0].get_title() == "答对的比例"

    # The model library and the export dialog.
    library = window.show_model_library()
    assert english_left(library, *own) == []
    library.close()
    export = evaluate.open_export_dialog()
    assert english_left(export, *own, str(tab.last_model.parent)) == []
    export.close()

    # Stop a run: what the window says then.
    shutil.copytree(photos, tmp_path / "again")
    load(qtbot, window, tmp_path / "again")
    window.tabs.setCurrentWidget(tab)
    own += (str(tmp_path / "again"), "again")
    tab.fine_tune.setCurrentIndex(tab.fine_tune.findData(20))
    with qtbot.waitSignal(tab.running_changed, timeout=TIMEOUT, check_params_cb=lambda running: not running):
        tab.start_training()
        qtbot.waitUntil(lambda: tab.progress.value() > 0, timeout=TIMEOUT)
        tab.stop_training()
    assert tab.stage.text() == "已停止。没有保存任何内容；之前的模型没有改变。"
    assert english_left(window, *own) == []

    # An error, in a message box with Qt's own button translated.
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box))  # noqa: PLW0108 (a bound append would not take the box)
    window.dataset_tab.load_folder(str(tmp_path / "没有这个文件夹"))
    qtbot.waitUntil(lambda: len(shown) > 0, timeout=30000)
    box = shown[0]
    assert box.text() == f"文件夹 {tmp_path / '没有这个文件夹'} 不存在。"
    assert box.button(QMessageBox.StandardButton.Ok).text() in ("确定", "&确定", "确定(&O)")


def test_the_language_is_chosen_in_the_app_and_remembered(qtbot, make_window, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    window = make_window()
    menu = next(m for m in window.menuBar().findChildren(QMenu) if "Language" in m.title())
    choices = [a for a in menu.actions() if a.isCheckable()]
    assert [a.text() for a in choices] == ["System language", "English", "简体中文"] and choices[0].isChecked()
    assert menu.actions()[0].text() == "Takes effect at the next start"  # said before choosing, too
    choices[2].trigger()
    assert window.settings.language == "zh_CN" and "next start" in told[0]
    from desktop_app.gui.app import chosen_language

    assert chosen_language(window.settings) == "zh_CN"
