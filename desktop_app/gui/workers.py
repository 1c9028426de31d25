"""Work that must not run on the GUI thread.

Training is one long job: a TrainingWorker moved to its own QThread, which runs the training in a
child process. Short jobs (scanning a folder, loading thumbnails) are Tasks on the global QThreadPool.
Jobs that use TensorFlow in the window's process (loading it, opening a model, predicting, heatmaps,
exports) are Tasks on one long-lived Python thread of their own, see start_tensorflow_task.
Signals carry plain values only.
"""

import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from queue import Empty

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..core.errors import Failure, describe
from ..core.progress import CancelToken
from ..core.training_process import train_in_process


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


class TrainingWorker(QObject):
    """Runs core.training.train in a child process and relays its events as signals.

    A separate process, not just a thread: building and tracing TensorFlow models holds Python's GIL
    for up to a few hundred milliseconds at a time, which froze the window at every phase change when
    training ran in a thread of the GUI process. The process also hands all of TensorFlow's memory
    back when a run ends, and a crash inside TensorFlow cannot take the window down with it.
    This object lives in its own QThread, where run() waits on the process's queue.
    """

    status_changed = Signal(str)
    """What is happening now: a core.progress.Stage value, or the worker's own (translated) words."""
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

    def __init__(self, index, out_path: Path, config, train_function: Callable = train_in_process):
        """`train_function(index, out_path, config, queue, cancel_event)` runs in the child process and speaks
        core.training_process's messages; tests of the window's logic give a fast one."""
        super().__init__()
        self.index, self.out_path, self.config = index, out_path, config
        self.train_function = train_function
        self._context = multiprocessing.get_context("spawn")  # fork would copy Qt's threads and state
        self._cancel = self._context.Event()

    def request_cancel(self) -> None:
        """Called directly from the GUI thread: it only sets an event the training process polls."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        queue = self._context.Queue()
        process = self._context.Process(target=self.train_function, name="finetune-studio-training", daemon=True,
                                        args=(self.index, self.out_path, self.config, queue, self._cancel))
        self.status_changed.emit(self.tr("Starting the training engine…"))
        process.start()
        outcome = None
        while outcome is None:
            try:
                message = queue.get(timeout=0.2)
            except Empty:
                if not process.is_alive():
                    text = self.tr("The training process ended unexpectedly (exit code {0}).")
                    outcome = ("failed", Failure(text.format(process.exitcode), ""))
                continue
            kind = message[0]
            if kind == "status":
                self.status_changed.emit(message[1])
            elif kind == "progress":
                self.progress_changed.emit(*message[1:])
            elif kind == "epoch":
                self.epoch_finished.emit(message[1])
            else:
                outcome = message
        process.join(30)
        if process.is_alive():  # only a process can be stopped by force; a thread never is
            process.kill()
            process.join()
        queue.close()
        kind = outcome[0]
        if kind == "finished":
            self.finished.emit(outcome[1])
        elif kind == "failed":
            self.failed.emit(outcome[1])
        else:
            self.cancelled.emit()


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
