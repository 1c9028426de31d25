"""Work that must not run on the GUI thread.

Training is one long job: a TrainingWorker moved to its own QThread. Short jobs (scanning a folder,
loading thumbnails, predicting) are Tasks on the global QThreadPool. Signals carry plain values only.
"""

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..core.errors import Cancelled, UserError
from ..core.progress import CancelToken, EpochMetrics


@dataclass(frozen=True)
class Failure:
    message: str  # for the user, in plain words
    details: str  # for a bug report (traceback), empty for bad input


def describe(exc: BaseException) -> Failure:
    if isinstance(exc, UserError):
        return Failure(str(exc), "")
    return Failure(f"Something went wrong: {exc}", "".join(traceback.format_exception(exc)))


class TaskSignals(QObject):
    succeeded = Signal(object)
    """The job's return value."""
    failed = Signal(object)
    """A Failure."""


class Task(QRunnable):
    """Run `job()` on the thread pool; the result or a Failure arrives on the GUI thread by signal."""

    def __init__(self, job: Callable[[], object]):
        super().__init__()
        self.job = job
        self.signals = TaskSignals()

    @Slot()
    def run(self) -> None:
        try:
            result = self.job()
        except Exception as exc:  # reported to the user, never lost in a terminal
            outcome = (self.signals.failed, describe(exc))
        else:
            outcome = (self.signals.succeeded, result)
        try:
            outcome[0].emit(outcome[1])
        except RuntimeError:  # the window closed while the job ran: nobody is left to tell
            pass


def start_task(job: Callable[[], object], on_success: Callable, on_failure: Callable) -> Task:
    task = Task(job)
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure)
    QThreadPool.globalInstance().start(task)
    return task


class TrainingWorker(QObject):
    """Runs core.training.train in its own thread and reports through signals (the core's Observer)."""

    status_changed = Signal(str)
    """What is happening now, e.g. "Computing features for 200 image(s)"."""
    progress_changed = Signal(str, int, int)
    """(phase, done, total) of the current phase."""
    epoch_finished = Signal(object)
    """An EpochMetrics."""
    finished = Signal(object)
    """The TrainingResult of a run that saved its model."""
    failed = Signal(object)
    """A Failure."""
    cancelled = Signal()
    """The run stopped on request; nothing was saved."""

    def __init__(self, index, out_path: Path, config):
        super().__init__()
        self.index, self.out_path, self.config = index, out_path, config
        self._cancel = CancelToken()

    def request_cancel(self) -> None:
        """Called directly from the GUI thread: a queued signal could not reach a thread busy in fit()."""
        self._cancel.cancel()

    # The Observer protocol, called on the worker thread; each emit is queued to the GUI thread.
    def on_status(self, message: str) -> None:
        self.status_changed.emit(message)

    def on_progress(self, phase: str, done: int, total: int) -> None:
        self.progress_changed.emit(phase, done, total)

    def on_epoch_end(self, metrics: EpochMetrics) -> None:
        self.epoch_finished.emit(metrics)

    @Slot()
    def run(self) -> None:
        from ..core.training import train

        try:
            result = train(self.index, self.out_path, self.config, self, self._cancel)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # shown in a dialog with details to copy
            self.failed.emit(describe(exc))
        else:
            self.finished.emit(result)


class ThumbnailSignals(QObject):
    loaded = Signal(int, int, object)
    """(batch id, position in the batch, QImage or None when the file cannot be shown)."""


class ThumbnailJob(QRunnable):
    """Decode previews off the GUI thread, one signal per image so the grid fills as it goes."""

    def __init__(self, batch: int, paths: list[str], size: int, cancel: CancelToken):
        super().__init__()
        self.batch, self.paths, self.size, self.cancel = batch, paths, size, cancel
        self.signals = ThumbnailSignals()

    @Slot()
    def run(self) -> None:
        from PySide6.QtGui import QImage

        from ..core.errors import ImageError
        from ..core.images import thumbnail

        for i, path in enumerate(self.paths):
            if self.cancel.cancelled:
                return
            try:
                arr = thumbnail(path, self.size)
            except ImageError:
                self.signals.loaded.emit(self.batch, i, None)
                continue
            h, w = arr.shape[:2]
            # QImage (unlike QPixmap) may be built off the GUI thread; copy() detaches it from `arr`.
            self.signals.loaded.emit(self.batch, i, QImage(arr.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy())
