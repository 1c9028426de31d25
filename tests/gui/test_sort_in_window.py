"""Sort into Folders from the Predict tab: moving is asked twice, and Undo Sort gives back the very same tree."""

import shutil

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from actions import drop
from helpers import HOTDOG


def tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def click_in_modal(text):
    """Click the button reading `text` in the dialog about to open (it blocks until answered)."""
    def click():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, click)
            return
        next(b for b in box.buttons() if b.text() == text).click()
    QTimer.singleShot(0, click)


def test_move_asks_twice_and_undo_sort_puts_every_photo_back(qtbot, window, snack_model, tmp_path, monkeypatch):
    pile = tmp_path / "pile"
    for label in ("hotdog", "not-hotdog"):
        for photo in sorted((HOTDOG / "test" / label).glob("*.jpg"))[:3]:
            shutil.copy(photo, (pile / label).mkdir(parents=True, exist_ok=True) or pile / label / photo.name)
    (pile / "broken.jpg").write_bytes(b"not a photo")
    before = tree(pile)
    predict = window.predict_tab
    window.open_model(snack_model)
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, [pile])
    assert predict.sort_button.isEnabled()

    dest = tmp_path / "sorted"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(dest))
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    click_in_modal("Move…")
    busy_when_told = []  # Undo Sort, clicked the moment the result shows, must not find the sorter busy
    predict.sorter.finished.connect(lambda _words: busy_when_told.append(predict.sorter.busy))
    with qtbot.waitSignal(predict.sorter.finished, timeout=60000):
        predict.sort_button.click()
    assert busy_when_told == [False]
    assert asked == [f"Move 6 photos out of their folders into {dest}?"]
    assert "Moved 6 photos into" in predict.hint.text() and "1 file could not be read" in predict.hint.text()
    assert tree(pile) == {"broken.jpg": b"not a photo"}
    assert sum(len(list(d.glob("*.jpg"))) for d in dest.iterdir() if d.is_dir()) == 6

    with qtbot.waitSignal(predict.sorter.finished, timeout=60000):
        predict.hint.linkActivated.emit("undo")
    assert "Sort undone: 6 photos back as they were." in predict.hint.text()
    assert tree(pile) == before


def test_copy_is_the_default_and_leaves_the_photos_where_they_are(qtbot, window, snack_model, tmp_path,
                                                                  monkeypatch):
    photos = sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[:2]
    predict = window.predict_tab
    window.open_model(snack_model)
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, photos)
    dest = tmp_path / "sorted"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(dest))
    click_in_modal("Copy")
    with qtbot.waitSignal(predict.sorter.finished, timeout=60000):
        predict.sort_button.click()
    assert "Copied 2 photos into" in predict.hint.text()
    assert all(p.is_file() for p in photos) and len(list(dest.rglob("*.jpg"))) == 2
