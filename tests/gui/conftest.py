"""GUI test fixtures: the real window, off-screen, with its own settings file and a small real photo set."""

import gc
import threading

import pytest
from PySide6.QtCore import QEvent, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from helpers import copy_hotdog_photos


@pytest.fixture
def window(qtbot, tmp_path):
    from desktop_app.gui.app import create_application
    from desktop_app.gui.main_window import MainWindow

    create_application([])
    threads_before = threading.active_count()
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w.show()
    yield w
    # Not qtbot.addWidget: it would close the window before this teardown has stopped the training thread.
    assert w.training_tab.stop_and_wait()
    qtbot.waitUntil(lambda: w.training_tab.thread is None, timeout=30000)
    w.close()
    w.deleteLater()
    # Destroy the window and its Qt objects now, on this (the GUI) thread, not whenever and wherever
    # Python's garbage collector would get to them.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert QThreadPool.globalInstance().waitForDone(30000), "a background job did not finish"
    # No thread of ours may outlive the window (TensorFlow's own pool is created once and kept).
    assert threading.active_count() <= max(threads_before, 1) + 64


@pytest.fixture
def small_photos(tmp_path):
    """8 real photos per class from the hot-dog set."""
    return copy_hotdog_photos(tmp_path / "photos", 8)
