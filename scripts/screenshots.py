"""Take the README's screenshots from the real app, off-screen, on the real hot-dog photos.

    python scripts/screenshots.py [--out docs/screenshots] [--language zh_CN] [--size 1024x600]

Off-screen by default. The walk through the whole journey in a real X window, at the sizes users have:
    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \
        python scripts/screenshots.py --size 1920x1080 --out /tmp/walk

Uses throw-away settings, cache and model folders, so it leaves the user's own untouched.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
HOTDOG = REPO.parent / "shared" / "datasets" / "hotdog"


def web_page(model: Path, scratch: Path, out: Path) -> None:
    """The model's web-page export in headless Chromium (where installed), a test photo dropped on it."""
    sys.path.insert(1, str(REPO / "tests"))
    import pytest
    from chromium import Chromium, chromium_or_skip

    from desktop_app.core.models.export import export_model

    try:
        executable = chromium_or_skip()
    except pytest.skip.Exception as reason:
        print("no web-page screenshot:", reason, flush=True)
        return
    page = export_model(model, "web", scratch / "export", [HOTDOG / "test"]).path / "index.html"
    browser = Chromium(executable, str(scratch / "chromium"))
    try:
        browser.open(page.as_uri())
        browser.wait_for("document.getElementById('answer').className !== '' || "
                         "!document.getElementById('answer').textContent.endsWith('…')", 300)
        browser.drop(sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[2])
        browser.wait_for("document.getElementById('bars').childElementCount > 0", 300)
        browser.screenshot(out / "17-web-page.png", 800, 760)
        print("saved", out / "17-web-page.png", flush=True)
    finally:
        browser.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", help="default: docs/screenshots, or docs/screenshots/LANGUAGE")
    ap.add_argument("--language", default="en", help="en or zh_CN")
    ap.add_argument("--size", default="1100x760", help="window size, WIDTHxHEIGHT")
    args = ap.parse_args()
    out = Path(args.out or REPO / "docs" / "screenshots" / ("" if args.language == "en" else args.language))
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="ftshots-"))
    os.environ["FINETUNE_STUDIO_CACHE_DIR"] = str(scratch / "cache")
    os.environ["FINETUNE_STUDIO_DATA_DIR"] = str(scratch / "data")

    from PySide6.QtCore import QSettings

    from desktop_app.gui.app import create_application, install_translations
    from desktop_app.gui.main_window import MainWindow

    sys.path.insert(1, str(REPO / "tests" / "gui"))
    from fake_camera import FakeCamera, cameras_of  # the tests' camera: the hot-dog test photos as its frames

    app = create_application(sys.argv)
    install_translations(args.language)
    camera = FakeCamera(sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[2:3], fps=10,
                        name="Test camera (hot-dog photos)")
    window = MainWindow(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat),
                        cameras=cameras_of(camera))
    window.resize(*(int(n) for n in args.size.split("x")))
    window.show()
    tab = window.training_tab

    def shot(name: str) -> None:
        window.grab().save(str(out / f"{name}.png"))
        print("saved", out / f"{name}.png", flush=True)

    def wait_until(condition, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the app did not reach the expected state")
            app.processEvents()
            time.sleep(0.02)

    def settle(seconds: float = 1.0) -> None:
        end = time.monotonic() + seconds
        wait_until(lambda: time.monotonic() > end)

    settle()
    window.tabs.setCurrentWidget(tab)
    shot("0-train-empty")
    window.tabs.setCurrentWidget(window.predict_tab)
    shot("0-predict-empty")
    window.tabs.setCurrentWidget(window.dataset_tab)
    shot("1-dataset-empty")
    window.dataset_tab.load_folder(str(HOTDOG))
    wait_until(lambda: window.dataset_tab.grid.loaded_count() > 0)
    settle(2)
    shot("2-dataset-loaded")
    window.tabs.setCurrentWidget(tab)
    tab.fine_tune.setCurrentIndex(2)  # fine-tune too, so the running state lasts long enough to show
    tab.start_training()
    wait_until(lambda: tab.chart.point_count() > tab.epochs.value() + 2 and tab.eta.text())
    shot("3-train-running")
    wait_until(lambda: not tab.is_running())
    settle()  # grab() paints at once; the result's new lines are laid out by the next turn of the event loop
    shot("4-train-done")
    predict = window.predict_tab
    wait_until(lambda: window.session.ready)
    window.tabs.setCurrentWidget(predict)
    photos = [sorted((HOTDOG / "test" / label).glob("*.jpg"))[:2] for label in ("hotdog", "not-hotdog")]
    predict.add_paths([str(p) for pair in photos for p in pair] + [str(REPO / "README.md")])
    wait_until(lambda: predict.results.rowCount() == 5)
    settle(2)
    shot("5-predict")
    predict.table.selectRow(0)
    predict.show_why()
    predict.viewer.why.setChecked(True)
    wait_until(lambda: predict.viewer.heatmap is not None)
    settle()
    predict.viewer.grab().save(str(out / "7-heatmap.png"))
    print("saved", out / "7-heatmap.png", flush=True)
    predict.viewer.close()

    predict.sorter.sort(predict.results.results, str(scratch / "sorted"), move=False)  # what the dialogs lead to
    wait_until(lambda: predict.sorter.dest is not None and not predict.sorter.busy and "<a href" in predict.hint.text())
    settle()
    shot("16-predict-sorted")

    predict.open_camera()
    wait_until(lambda: predict.live.answered >= 3)
    predict.live.grab().save(str(out / "15-camera-live.png"))
    print("saved", out / "15-camera-live.png", flush=True)
    predict.live.done(0)
    window.tabs.setCurrentWidget(window.dataset_tab)
    window.dataset_tab.show_class("hotdog")
    window.dataset_tab.open_camera()
    capture = window.dataset_tab.capture
    wait_until(capture.record_button.isEnabled)
    capture.start_recording()
    settle(1.2)
    capture.grab().save(str(out / "14-camera-capture.png"))
    print("saved", out / "14-camera-capture.png", flush=True)
    capture.stop_recording()
    wait_until(lambda: capture.added > 0)
    window.project_session.undo_stack.undo()  # the screenshots after this show the photos as they are
    capture.done(0)

    evaluate = window.evaluate_tab
    window.tabs.setCurrentWidget(evaluate)
    wait_until(lambda: window.session.ready and evaluate.evaluation is not None)
    settle(2)
    shot("6a-evaluate-held-out")
    evaluate.evaluate_folder(str(HOTDOG))
    wait_until(lambda: evaluate.evaluation is not None and evaluate.evaluation.n == 50)
    settle(2)
    shot("6-evaluate")
    evaluate.lists.setCurrentIndex(evaluate.lists.count() - 1)  # "To improve"
    settle()
    shot("6b-evaluate-advice")
    evaluate.lists.setCurrentIndex(0)

    library = window.show_model_library()
    settle()
    library.grab().save(str(out / "8-model-library.png"))
    print("saved", out / "8-model-library.png", flush=True)
    library.close()
    export = evaluate.open_export_dialog()
    export.formats["tflite"].setChecked(True)
    settle()
    export.grab().save(str(out / "9-export.png"))
    print("saved", out / "9-export.png", flush=True)
    export.close()
    web_page(window.session.info.path, scratch, out)

    # The same photos under Chinese class names: a second model, offered next to the one in use.
    chinese = scratch / "热狗照片"
    for split in ("train", "test"):
        for label, name in (("hotdog", "热狗"), ("not-hotdog", "不是热狗")):
            shutil.copytree(HOTDOG / split / label, chinese / split / name)
    window.dataset_tab.load_folder(str(chinese))
    wait_until(lambda: window.project_session.index is not None and window.project_session.index.root == str(chinese))
    window.tabs.setCurrentWidget(tab)
    tab.fine_tune.setCurrentIndex(1)  # off: the point here is the comparison, not fine-tuning
    tab.model_name.setText("热狗识别")
    tab.start_training()
    wait_until(lambda: not tab.is_running() and not tab.choice.isHidden())
    settle()
    shot("4b-train-compare")
    tab.use_new_button.click()
    wait_until(lambda: window.session.ready and window.session.info.name == "热狗识别")
    window.tabs.setCurrentWidget(evaluate)
    evaluate.evaluate_folder(str(chinese))
    wait_until(lambda: evaluate.evaluation is not None and set(evaluate.evaluation.classes) == {"热狗", "不是热狗"}
               and evaluate.progress.isHidden())
    settle(2)
    shot("10-evaluate-chinese")

    # Fixing the dataset: the photos the model doubts, one moved, one left out, as the Dataset tab shows it.
    dataset = window.dataset_tab
    check = window.show_check_labels()
    wait_until(lambda: check.list.count() == 0 or not check.list.item(0).icon().isNull())
    settle(2)
    check.grab().save(str(out / "11-check-labels.png"))
    print("saved", out / "11-check-labels.png", flush=True)
    check.move_button.click()
    check.exclude_button.click()
    check.close()
    dataset.show_class(window.project_session.project.class_names()[0])
    wait_until(lambda: dataset.grid.loaded_count() > 0)
    settle(2)
    shot("12-dataset-edited")

    # Help > About: whether a GPU computes.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def grab_about() -> None:
        about = QApplication.activeModalWidget()
        about.grab().save(str(out / "13-about.png"))
        print("saved", out / "13-about.png", flush=True)
        about.close()

    wait_until(lambda: window.tensorflow is not None)
    QTimer.singleShot(500, grab_about)
    window.show_about()
    window.training_tab.stop_and_wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
