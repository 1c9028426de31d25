"""Files between the window and the desktop: what is dropped on it, and handing a file or folder to the
file manager or the browser, saying where it is when nothing can open it.

Machines without a file manager or browser (a server, a bare Linux session) silently ignore the request;
the user then gets the path instead of a button that seems to do nothing.
"""

import os

from PySide6.QtCore import QCoreApplication, QMimeData, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import APP_NAME


def local_paths(mime: QMimeData) -> list[str]:
    """The files and folders dragged from the desktop (links to web pages left out)."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


def open_in_system(parent: QWidget, path: str | os.PathLike) -> bool:
    """Open `path` with the desktop's own program; if none can, tell the user where it is. Whether it opened."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.information(parent, APP_NAME, QCoreApplication.translate(
        "System", "Nothing on this computer could open it; it is here:\n{0}").format(path))
    return False
