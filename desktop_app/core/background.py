"""Background work yields the processor to the window.

On a laptop with two cores, a prediction or a training run keeps every core busy, and the GUI thread then
waits its turn behind them. A thread that does background work lowers its own priority first, so the
window's thread is served before it (while 1,000 photos were predicted, the window's longest stall went
from 42-50 ms to 33-37 ms); with nothing else to do, background work runs as fast as before. Linux keeps a
priority per thread (and a new thread inherits its creator's, so TensorFlow's own pools follow); elsewhere
the call does nothing, since there it would lower the whole process, the window included.
"""

import contextlib
import os
import sys
import threading

NICENESS = 5  # enough for the scheduler to prefer the GUI thread; background work is never starved


def lower_this_thread() -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):  # a sandbox may forbid it; background work then runs as before
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)
