"""Background work yields the processor to the window.

On a laptop with two cores, a prediction or a training run keeps every core busy, and the GUI thread then
waits its turn behind them. A thread that does background work lowers its own priority first, so the
window's thread is served before it (while 1,000 photos were predicted, the window's longest stall went
from 42-50 ms to 33-37 ms); with nothing else to do, background work runs as fast as before. Linux keeps a
priority per thread (and a new thread inherits its creator's, so TensorFlow's own pools follow); elsewhere
the call does nothing, since there it would lower the whole process, the window included.

A thread that builds many lasting objects (reading a large project) also holds off Python's garbage
collections while it does, since a collection holds Python's lock, which the window needs too. And a
process the app starts for background work ends when the app does, however the app ends.
"""

import contextlib
import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator

NICENESS = 5  # enough for the scheduler to prefer the GUI thread; background work is never starved
_pausing = 0  # how many threads are inside collections_paused()
_pausing_lock = threading.Lock()
_was_enabled = True


def lower_this_thread() -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):  # a sandbox may forbid it; background work then runs as before
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)


@contextlib.contextmanager
def collections_paused() -> Iterator[None]:
    """Python's garbage collections wait while a background thread builds many objects that last.

    A full collection runs on whichever thread happens to allocate, and holds Python's lock to the end:
    on a thread of lowered priority reading 20,000 photos' records that was 28-85 ms in which the window
    could not run (6 ms on a quiet machine). What such a thread builds lives on anyway (the window freezes
    it out of collections once it is shown), and other threads' garbage waits a few seconds at most.
    """
    global _pausing, _was_enabled
    with _pausing_lock:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _pausing_lock:
            _pausing -= 1
            if _pausing == 0 and _was_enabled:
                gc.enable()


def end_with_the_app() -> None:
    """In a child process of the app: end it as soon as the app has gone, however it went.

    Killed (a logout, a task manager, SIGTERM), the app runs none of its exit code, and a waiting training
    engine, blocked on its queue, waited forever holding 700 MB (found by the standalone app's test)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=watch, name="end_with_the_app", daemon=True).start()
