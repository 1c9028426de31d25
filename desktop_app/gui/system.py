"""Handing a file or folder to the desktop (the file manager, the browser), and saying so when it cannot.

Machines without a file manager or browser (a server, a bare Linux session) silently ignore the request;
the user then gets the path instead of a button that seems to do nothing.
"""

import os

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import APP_NAME


def open_in_system(parent: QWidget, path: str | os.PathLike) -> bool:
    """Open `path` with the desktop's own program; if none can, tell the user where it is. Whether it opened."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.information(parent, APP_NAME, QCoreApplication.translate(
        "System", "Nothing on this computer could open it; it is here:\n{0}").format(path))
    return False
