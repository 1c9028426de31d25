"""What the GUI tests do as a user would: load a folder, drop files, start a run, read a table cell."""

from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGroupBox, QLabel,
                               QLineEdit, QListWidget, QMainWindow, QMenu, QProgressBar, QTabWidget, QWidget)

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


def texts(root: QWidget) -> list[str]:
    """What a person can read in `root` and its visible children."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not (w is root or w.isVisibleTo(root)) or isinstance(w, QMenu):
            continue
        found += [w.toolTip(), w.windowTitle() if w.isWindow() else ""]
        if isinstance(w, QLabel | QAbstractButton):
            found.append(w.text())
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        elif isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        elif isinstance(w, QProgressBar) and w.isTextVisible():
            found.append(w.text())
        elif isinstance(w, QTabWidget):
            found += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
            found += [w.itemData(i, Qt.ItemDataRole.ToolTipRole) or "" for i in range(w.count())]
        elif isinstance(w, QListWidget):
            found += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model, top = w.model(), QModelIndex()
            try:
                columns = range(model.columnCount(top))
            except TypeError:  # a list model: one column
                columns = range(1)
            found += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
            found += [str(cell(model, r, c) or "") for r in range(min(model.rowCount(top), 20)) for c in columns]
    if isinstance(root, QMainWindow):
        found.append(root.statusBar().currentMessage())
    for menu in root.findChildren(QMenu):
        found += [menu.title(), *(a.text() for a in menu.actions())]
    return [t for t in found if t]


def chart_figure(view):
    """The figure a FigureView shows, drawn again here at its size (the chart process keeps none)."""
    from desktop_app.core.drawing import drawn

    assert view.chart is not None, "the view has been given nothing to show"
    return drawn(view.chart, view.width(), view.height(), 100).figure


def training_processes():
    """The app's child processes but the chart process, which serves the whole app (core.drawing)."""
    import multiprocessing

    from desktop_app.core.drawing import PROCESS_NAME

    return [p for p in multiprocessing.active_children() if p.name != PROCESS_NAME]
