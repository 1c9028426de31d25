"""Training in a child process that reports through a queue (what the desktop app runs).

Messages, in order: ("status", text), ("progress", phase, done, total), ("epoch", EpochMetrics), ...,
then exactly one of ("finished", TrainingResult), ("failed", Failure) or ("cancelled",).
"""

from pathlib import Path

from .errors import Cancelled, describe
from .progress import CancelToken, EpochMetrics


class QueueObserver:
    """The Observer protocol, forwarding every event into a multiprocessing queue."""

    def __init__(self, queue):
        self.queue = queue

    def on_status(self, message: str) -> None:
        self.queue.put(("status", message))

    def on_progress(self, phase: str, done: int, total: int) -> None:
        self.queue.put(("progress", phase, done, total))

    def on_epoch_end(self, metrics: EpochMetrics) -> None:
        self.queue.put(("epoch", metrics))


def train_in_process(index, out_path: Path, config, queue, cancel_event) -> None:
    """Entry point of the training process; `cancel_event` is a multiprocessing Event."""
    from .training import train

    try:
        result = train(index, out_path, config, QueueObserver(queue), CancelToken(cancel_event))
    except Cancelled:
        queue.put(("cancelled",))
    except Exception as exc:  # reaches the user as a dialog with details to copy
        queue.put(("failed", describe(exc)))
    else:
        queue.put(("finished", result))
