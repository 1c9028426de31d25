"""Start the desktop app, in the user's language."""

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import APP_NAME
from ..core.i18n import LANGUAGES, catalogue_path, set_language, supported
from ..core.paths import RESOURCES_DIR
from .settings import Settings

def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName("FineTuneStudio")
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(RESOURCES_DIR / "icons" / "finetune-studio.png")))
    # The window's jobs are Python threads (decoding, predicting, scanning), and Qt for Python lets go of
    # Python's lock on every call into Qt, so the GUI thread waits for a turn many times per frame. With
    # Python's default 5 ms turns it waited 70-150 ms behind them (the responsiveness benchmark); 1 ms
    # turns left 51-99 ms while 20,000 photos were scanned, 0.1 ms 21-32 ms, with the same time to predict
    # 1,000 photos (25-27 s) and as many live camera answers.
    sys.setswitchinterval(0.0001)
    return app


def chosen_language(settings: Settings) -> str:
    """The language the user chose in the app, else the system's (when we have it), else English."""
    choice = settings.language
    return choice if choice in LANGUAGES else supported(QLocale.system().name())


def install_translations(language: str) -> list[QTranslator]:
    """Speak `language` from now on: the window's words, Qt's own (buttons, file dialogs), and the core's.

    Widgets take their words when they are made, so this comes before the window. Returns the installed
    translators (QCoreApplication.removeTranslator takes them back)."""
    set_language(language)
    app = QCoreApplication.instance()
    assert app is not None, "create_application comes first"
    installed: list[QTranslator] = []  # English too: its catalogue says "1 file", "2 files"
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((catalogue_path(language, ".qm").stem, str(catalogue_path(language).parent)),
                         (f"qtbase_{language}", qt_translations)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def main(argv: list[str], paths: list[str]) -> int:
    """The window, opening `paths` (folders, projects, a model, photos) as a drop on it would."""
    app = create_application(argv)
    install_translations(chosen_language(Settings()))
    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    if paths:
        window.open_paths([str(Path(p).absolute()) for p in paths])
    return app.exec()
