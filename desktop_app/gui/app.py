"""Start the desktop app."""

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import APP_NAME
from ..core.paths import RESOURCES_DIR


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("FineTuneStudio")
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(RESOURCES_DIR / "icons" / "finetune-studio.png")))
    return app


def main() -> int:
    app = create_application(sys.argv)
    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    return app.exec()
