"""Files between the window and the desktop: what is dropped on it, and handing a file or folder to the
file manager or the browser, saying where it is when nothing can open it.

Machines without a file manager or browser (a server, a bare Linux session) silently ignore the request;
the user then gets the path instead of a button that seems to do nothing.
"""

import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import APP_NAME


def local_paths(mime: QMimeData) -> list[str]:
    """The files and folders dragged from the desktop (links to web pages left out)."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class FileDrops(QObject):
    """Files and folders dragged from the desktop onto `widget` go to `on_paths` (one way for the window and
    its tabs; a tab that takes a drop keeps it from the window behind it)."""

    def __init__(self, widget: QWidget, on_paths: Callable[[list[str]], object]):
        super().__init__(widget)
        self._on_paths = on_paths
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent) and event.mimeData().hasUrls():
            event.acceptProposedAction()
            return True
        if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            paths = local_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self._on_paths(paths)
                return True
        return False


def open_in_system(parent: QWidget, path: str | os.PathLike) -> bool:
    """Open `path` with the desktop's own program; if none can, tell the user where it is. Whether it opened."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.information(parent, APP_NAME, QCoreApplication.translate(
        "System", "Nothing on this computer could open it; it is here:\n{0}").format(path))
    return False
