"""GUI test fixtures: the real window, off-screen, with its own settings file and a small real photo set."""

import gc
import threading

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from helpers import copy_hotdog_photos


@pytest.fixture
def make_window(qtbot, tmp_path):
    """make_window(train_function=None, settings_name="settings.ini", warm_engine=False, cameras=None): a shown
    MainWindow, torn down after the test (cameras: what it finds, by default the computer's own). Without a
    warm engine a run starts its engine when it starts (as when the user clicks Train before one is ready);
    tests of the warm engine ask for it."""
    from desktop_app.core.i18n import ENGLISH, language
    from desktop_app.gui.app import create_application, install_translations
    from desktop_app.core.training.process import train_in_process
    from desktop_app.gui.camera.sources import find_cameras
    from desktop_app.gui.main_window import MainWindow

    create_application([])
    # As the app does: English's "1 file" and "2 files" (a test in Chinese has installed its own already).
    translators = install_translations(ENGLISH) if language() == ENGLISH else []
    threads_before = threading.active_count()
    made = []

    def make(train_function=None, settings_name="settings.ini", warm_engine=False, cameras=None):
        settings = QSettings(str(tmp_path / settings_name), QSettings.Format.IniFormat)
        w = MainWindow(settings, train_function or train_in_process, warm_engine, cameras or find_cameras)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        # Not qtbot.addWidget: it would close the window before this teardown has stopped the training thread.
        assert w.training_tab.stop_and_wait()
        qtbot.waitUntil(lambda w=w: not w.training_tab.is_running(), timeout=30000)
        w.project_session.undo_stack.setClean()  # the test's unsaved edits go with it, unasked
        w.close()
        assert w.training_tab._engine is None  # closing ended the waiting engine
        w.deleteLater()
    # Destroy the windows and their Qt objects now, on this (the GUI) thread, not whenever and wherever
    # Python's garbage collector would get to them.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for translator in translators:
        QApplication.removeTranslator(translator)
    gc.collect()
    from desktop_app.gui.jobs import wait_until_idle

    assert wait_until_idle(30), "a background job did not finish"
    # No thread of ours may outlive the window (TensorFlow's own pool is created once and kept).
    assert threading.active_count() <= max(threads_before, 1) + 64


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def small_photos(tmp_path):
    """8 real photos per class from the hot-dog set."""
    return copy_hotdog_photos(tmp_path / "photos", 8)
