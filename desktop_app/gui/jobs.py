"""The window's one way to run work off the GUI thread, training included (a job that watches its process).

A JobSlot belongs to one owner (a tab, a session, a dialog) and holds at most one Job, after Orange3's
ConcurrentMixin/TaskState: starting a job in a slot quits the one before it, and a quit job delivers
nothing more, so a stale result can never land under a new owner state (another model, another folder).
A Job's signals follow napari/superqt's worker: started, yielded, returned, errored, finished. Its outcome
(returned or errored) and finished arrive together, its slot idle already, so an owner told the result
can act on it at once (Undo Sort clicked right after the sort, once found the sorter still busy); a job
started from those handlers quits the ending one, which then sends nothing more.

A job is `function(cancel)`; `cancel` is the CancelToken that Job.stop() and quit() set. A function that
returns a generator streams: each value it yields arrives by `yielded` (the token is checked between
values), and the generator's own return value by `returned`. Raising Cancelled counts as stopping, not as
an error. Values cross threads as plain Python objects; signals are delivered on the GUI thread.

Where jobs run is the runner's business, not the caller's. TensorFlow caches each thread's Python thread
state (pybind11), and a QThreadPool thread gets a new thread state for every job it runs: the second
TensorFlow job on a reused pool thread used a freed one and the app segfaulted (opening a saved model right
after start-up did it). So every job runs on a Python thread, which keeps its thread state for life, and
no job can bring that crash back whatever it imports. Slots made with `tensorflow=True` share one such
thread, so the window's TensorFlow work (loading, predicting, heatmaps, exports) runs one job at a time,
in order, and never holds two models' worth of working memory at once.
"""

import atexit
import contextlib
import queue
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ..core.background import lower_this_thread
from ..core.errors import Cancelled, Failure, describe
from ..core.progress import CancelToken


class _Lane:
    """Python threads of lowered priority that run what is handed to them, in order.

    Not concurrent.futures' pool: its submit takes a lock shared by every pool in the process, which a
    background thread holds while it starts a thread (the photo decoders do, for each prediction), and
    the GUI thread starting a job once waited 85 ms for it behind that thread."""

    def __init__(self, name: str, threads: int):
        self._queue: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        for n in range(threads):
            # daemon: an idle lane never holds up the end of the app (a running job is waited for, below)
            threading.Thread(target=self._serve, name=f"{name}_{n}", daemon=True).start()

    def submit(self, run: Callable[[], None]) -> None:
        self._queue.put(run)

    def _serve(self) -> None:
        lower_this_thread()
        while True:
            self._queue.get()()


_tensorflow_lane = _Lane("tensorflow", 1)
_files_lane = _Lane("files", 4)
_running = 0
_alive: set["Job"] = set()  # jobs whose signals are not all delivered yet; only the GUI thread changes it
_idle = threading.Condition()

_STARTED, _YIELDED, _RETURNED, _ERRORED, _FINISHED = range(5)


class Job(QObject):
    """One run of a function off the GUI thread; made and started by a JobSlot."""

    started = Signal()
    yielded = Signal(object)
    """A value the job's generator yielded."""
    returned = Signal(object)
    """What the function (or its generator) returned; not sent when it stopped or failed; right before finished."""
    errored = Signal(object)
    """A Failure; right before finished."""
    finished = Signal()
    """Always last, however the job ended, unless it was quit."""

    _sent = Signal(int, object)  # from the worker thread to _deliver, on the GUI thread

    def __init__(self, function: Callable[[CancelToken], Any]):
        # No Qt parent: an owner destroyed while the job runs (a dialog closed, the window torn down) would
        # take the job with it while its thread is emitting, and that crashed the app. A job lives until its
        # last signal has been sent and delivered (_alive, then deleteLater on the GUI thread).
        super().__init__()
        self.cancel = CancelToken()
        self._function: Callable[[CancelToken], Any] | None = function
        self._quit = False
        self.ending = False
        """Its outcome is being delivered: its slot is idle."""
        self.done = threading.Event()
        """Set on the worker thread once the function has returned (its signals may still be on their way)."""
        self._last_sent = threading.Event()  # the worker thread will not touch this object again
        self._sent.connect(self._deliver)

    def stop(self) -> None:
        """Ask the job to stop early; what it made until then still arrives, then `finished`."""
        self.cancel.cancel()

    def quit(self) -> None:
        """Stop the job and disconnect it: from now on it delivers nothing at all."""
        self._quit = True
        self.cancel.cancel()

    def _run(self) -> None:
        outcome: tuple[int, Any] | None = None  # (_RETURNED or _ERRORED, value), sent with _FINISHED
        try:
            self._send(_STARTED, None)
            assert self._function is not None, "a job runs once"
            result = self._function(self.cancel)
            if isinstance(result, Generator):
                result = self._stream(result)
        except Cancelled:
            pass
        except Exception as exc:  # reported to the user, never lost in a terminal
            outcome = (_ERRORED, describe(exc))
        else:
            if not self.cancel.cancelled:
                outcome = (_RETURNED, result)
        finally:
            self.done.set()
            self._send(_FINISHED, outcome)
            self._last_sent.set()

    def _stream(self, generator: Generator) -> Any:
        while not self.cancel.cancelled:
            try:
                value = next(generator)
            except StopIteration as stop:
                return stop.value
            self._send(_YIELDED, value)
        generator.close()
        return None

    def _send(self, kind: int, value: Any) -> None:
        # RuntimeError: the owner (and this object with it) was destroyed; nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            self._sent.emit(kind, value)

    @Slot(int, object)
    def _deliver(self, kind: int, value: Any) -> None:
        if kind == _STARTED and not self._quit:
            self.started.emit()
        if kind == _YIELDED and not self._quit:
            self.yielded.emit(value)
        if kind != _FINISHED:
            return
        self._function = None  # drop what the job referenced (a model, a folder's index) now
        self.ending = True
        if value is not None and not self._quit:
            outcome, result = value
            (self.returned if outcome == _RETURNED else self.errored).emit(result)
        if not self._quit:  # a job started by the outcome's handlers has quit this one
            self.finished.emit()
        self._last_sent.wait(1.0)  # the emit that queued this delivery returns within microseconds
        _alive.discard(self)
        self.deleteLater()


class JobSlot(QObject):
    """At most one job of one owner at a time: start() quits the job before it."""

    def __init__(self, owner: QObject, tensorflow: bool = False):
        super().__init__(owner)
        self._lane = _tensorflow_lane if tensorflow else _files_lane
        self.job: Job | None = None

    def start(self, function: Callable[[CancelToken], Any], on_returned: Callable[[Any], None] | None = None,
              on_errored: Callable[[Failure], None] | None = None, on_yielded: Callable[[Any], None] | None = None,
              on_finished: Callable[[], None] | None = None) -> Job:
        """Quit the job in this slot, if any, and start `function(cancel)` with these handlers connected."""
        self.quit()
        job = self.job = Job(function)
        self.destroyed.connect(job.quit)  # an owner that is gone is told nothing more
        job.finished.connect(self._on_finished)  # first, so the owner's handlers see the slot idle
        for signal, handler in ((job.returned, on_returned), (job.errored, on_errored), (job.yielded, on_yielded),
                                (job.finished, on_finished)):
            if handler is not None:
                signal.connect(handler)
        _submit(self._lane, job)
        return job

    @property
    def busy(self) -> bool:
        return self.job is not None and not self.job.ending

    def stop(self) -> None:
        """Ask the job in this slot to stop early; it still delivers what it made, then `finished`."""
        if self.job is not None:
            self.job.stop()

    def quit(self) -> None:
        """Forget the job in this slot: it is asked to stop and delivers nothing more."""
        if self.job is not None:
            self.job.quit()
            self.job = None

    def wait(self, timeout: float) -> bool:
        """Block until the job in this slot has run to its end (for closing the window); False after `timeout` s."""
        return self.job is None or self.job.done.wait(timeout)

    @Slot()
    def _on_finished(self) -> None:
        if self.sender() is self.job:
            self.job = None


def _submit(lane: _Lane, job: Job) -> None:
    global _running
    _alive.add(job)
    with _idle:
        _running += 1

    def run() -> None:
        global _running
        try:
            job._run()
        finally:
            with _idle:
                _running -= 1
                _idle.notify_all()

    lane.submit(run)


def wait_until_idle(timeout: float) -> bool:
    """True once no job is running (their signals may still be on their way); False after `timeout` seconds."""
    with _idle:
        return _idle.wait_for(lambda: _running == 0, timeout)


atexit.register(wait_until_idle, 30)  # a job still running (a model being saved) ends before Python does
