"""The one long job: a training run, in a child process watched from a QThread of its own."""

import multiprocessing
from collections.abc import Callable
from pathlib import Path
from queue import Empty

from PySide6.QtCore import QObject, Signal, Slot

from ..core.errors import Failure
from ..core.training_process import train_in_process


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
