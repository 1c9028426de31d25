"""Short jobs that must not run on the GUI thread (training is training_worker's).

Scanning a folder and decoding thumbnails are Tasks on the global QThreadPool. Jobs that use TensorFlow
in the window's process (loading it, opening a model, predicting, heatmaps, exports) are Tasks on one
long-lived Python thread of their own, see start_tensorflow_task. Signals carry plain values only.
"""

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..core.errors import describe
from ..core.progress import CancelToken


class TaskSignals(QObject):
    succeeded = Signal(object)
    """The job's return value."""
    failed = Signal(object)
    """A Failure."""
    reported = Signal(object)
    """Something the job reported on its way (only for jobs started with on_report)."""


class Task(QRunnable):
    """Run `job()` off the GUI thread; the result or a Failure arrives on the GUI thread by signal.

    The signals object is a child of a widget (`parent`), so Qt destroys it on the GUI thread with that
    widget; a parentless one could be collected by Python's garbage collector on any thread. Tasks are
    not auto-deleted by the pool: start_task keeps them until well after run() has returned.
    """

    def __init__(self, job: Callable, parent: QObject, reports: bool):
        super().__init__()
        self.setAutoDelete(False)
        self.job, self.reports = job, reports
        self.signals = TaskSignals(parent)
        self.finished_at: float | None = None

    @Slot()
    def run(self) -> None:
        try:
            result = self.job(self.signals.reported.emit) if self.reports else self.job()
        except Exception as exc:  # reported to the user, never lost in a terminal
            outcome = (self.signals.failed, describe(exc))
        else:
            outcome = (self.signals.succeeded, result)
        self.job = None  # drop what the job referenced (a model, a folder's index) now
        try:
            outcome[0].emit(outcome[1])
        except RuntimeError:  # the window closed while the job ran: nobody is left to tell
            pass
        self.finished_at = time.monotonic()


_running: list[Task] = []


def start_task(job: Callable, on_success: Callable, on_failure: Callable, parent: QObject,
               on_report: Callable | None = None) -> None:
    """Run job() on the pool; or, given on_report, job(report), where each report(value) reaches on_report."""
    QThreadPool.globalInstance().start(_task(job, on_success, on_failure, parent, on_report))


# TensorFlow caches each thread's Python thread state (pybind11). A pool thread gets a new thread state
# for every job it runs, so the second TensorFlow job on a reused pool thread used a freed one and the
# app segfaulted (opening a saved model right after start-up did it). A Python thread keeps its
# thread state for life: all of the window's TensorFlow work runs on this one, in order.
_tensorflow_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tensorflow")


def start_tensorflow_task(job: Callable, on_success: Callable, on_failure: Callable, parent: QObject,
                          on_report: Callable | None = None) -> None:
    """As start_task, for a job that uses TensorFlow."""
    _tensorflow_thread.submit(_task(job, on_success, on_failure, parent, on_report).run)


def _task(job: Callable, on_success: Callable, on_failure: Callable, parent: QObject,
          on_report: Callable | None) -> Task:
    now = time.monotonic()
    # Forget tasks that finished a while ago (their run() has surely returned); keep the rest alive.
    _running[:] = [t for t in _running if t.finished_at is None or now - t.finished_at < 10]
    task = Task(job, parent, reports=on_report is not None)
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure)
    if on_report is not None:
        task.signals.reported.connect(on_report)
    _running.append(task)
    return task


def open_model(path: str) -> tuple[str, object, object]:
    """A TensorFlow task: (path, Predictor, HeatmapMaker or None) for a model file, as the tabs use it."""
    from ..core.heatmap import heatmap_maker
    from ..core.prediction import Predictor

    predictor = Predictor(path)
    return path, predictor, heatmap_maker(predictor.bundle)


class ThumbnailSignals(QObject):
    loaded = Signal(int, int, object)
    """(batch id, position in the batch, QImage or None when the file cannot be shown)."""


class ThumbnailJob(QRunnable):
    """Decode previews off the GUI thread, one signal per image so the grid fills as it goes."""

    def __init__(self, batch: int, paths: list[str], size: int, cancel: CancelToken, parent: QObject):
        super().__init__()
        self.batch, self.paths, self.size, self.cancel = batch, paths, size, cancel
        self.signals = ThumbnailSignals(parent)  # a child of the view: destroyed on the GUI thread

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
                image = None
            else:
                h, w = arr.shape[:2]
                # QImage (unlike QPixmap) may be built off the GUI thread; copy() detaches it from `arr`.
                image = QImage(arr.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
            try:
                self.signals.loaded.emit(self.batch, i, image)
            except RuntimeError:  # the view was closed between the cancel check and now
                return
