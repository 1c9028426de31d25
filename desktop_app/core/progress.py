"""How long jobs report what they do, and how they are asked to stop."""

import threading
from dataclasses import dataclass
from typing import Protocol

from .errors import Cancelled


class Stage:
    """The stages a training run reports through Observer.on_status, as fixed English text.

    Fixed, so a front end can show its own (translated) words for each; the CLI prints them as they are.
    """

    PREPARING = "Preparing images"
    FEATURES = "Computing features"
    HEAD = "Training the new output layer"
    FINE_TUNE = "Fine-tuning the top of the network"
    SAVING = "Saving the model"


@dataclass(frozen=True)
class EpochMetrics:
    phase: str  # "head" (new output layer on cached features) or "fine-tune" (top of the backbone too)
    epoch: int  # 1-based within the phase
    epochs: int
    loss: float
    accuracy: float
    val_loss: float | None
    val_accuracy: float | None


class Observer(Protocol):
    def on_status(self, message: str) -> None:
        """A new stage began ("Computing features", ...)."""

    def on_progress(self, phase: str, done: int, total: int) -> None:
        """`done` of `total` steps of `phase` are finished; enough for a bar and an ETA."""

    def on_epoch_end(self, metrics: EpochMetrics) -> None:
        """One epoch of training ended."""


class NullObserver:
    def on_status(self, message: str) -> None:
        pass

    def on_progress(self, phase: str, done: int, total: int) -> None:
        pass

    def on_epoch_end(self, metrics: EpochMetrics) -> None:
        pass


class CancelToken:
    """Set from any thread (or, given a multiprocessing Event, any process); the job polls it between batches."""

    def __init__(self, event=None) -> None:
        self._event = event if event is not None else threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("Stopped by the user.")
