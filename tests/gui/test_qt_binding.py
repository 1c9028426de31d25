"""The installed Qt binding does not corrupt the interpreter the window's signals run through."""

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    happened = Signal(int)


def test_emitting_signals_loses_no_references():
    # PySide6 6.12.0 dropped a reference to True on every emit; on Python 3.10/3.11 (True not immortal)
    # the app then aborted after a few thousand signals ("bool_dealloc"). pyproject.toml excludes it.
    emitter, received = Emitter(), []
    emitter.happened.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for i in range(5000):
        emitter.happened.emit(i)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(received) == 5000
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)
