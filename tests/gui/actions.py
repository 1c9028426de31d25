"""What the GUI tests do as a user would: load a folder, drop files, start a run, read a table cell."""

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.core.training.process import Progressed

TIMEOUT = 180_000


def load(qtbot, window, folder):
    with qtbot.waitSignal(window.project_session.opened, timeout=30000):
        window.dataset_tab.load_folder(str(folder))


def drop(widget, files, at=None):
    """Drop `files` on `widget`, at the point `at` (default: its middle)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    pos = QPointF(at if at is not None else widget.rect().center())
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))


def cell(model, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def start_and_wait_for_progress(qtbot, window, photos):
    load(qtbot, window, photos)
    tab = window.training_tab
    tab.fine_tune.setCurrentIndex(2)  # fine-tuning on, so the run is long enough to interrupt
    with qtbot.waitSignal(tab.training_event, timeout=TIMEOUT,
                          check_params_cb=lambda event: isinstance(event, Progressed)):
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    return tab
