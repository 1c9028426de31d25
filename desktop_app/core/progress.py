"""How long jobs report what they do, and how they are asked to stop."""

import threading
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from enum import Enum
from typing import Protocol, TypeVar

from .errors import Cancelled
from .i18n import QT_TR_NOOP, tr

Step = TypeVar("Step")
Result = TypeVar("Result")


class Stage(str, Enum):
    """The stages a training run reports through Observer.on_stage; each value is its English text."""

    STARTING = QT_TR_NOOP("Starting the training engine")  # the window's training process is starting
    RESTARTING = QT_TR_NOOP("The training engine had stopped; starting a new one")  # it crashed while it waited
    PREPARING = QT_TR_NOOP("Reading the photos")
    CHOOSING = QT_TR_NOOP("Comparing the networks on some of your photos")
    FEATURES = QT_TR_NOOP("Looking at each photo once (computing features)")
    HEAD = QT_TR_NOOP("Learning your classes (training the new output layer)")
    FINE_TUNE = QT_TR_NOOP("Adjusting the top of the network to your photos (fine-tuning)")
    SAVING = QT_TR_NOOP("Saving the model")

    def __str__(self) -> str:
        return self.value

    @property
    def words(self) -> str:
        """The stage in the user's language."""
        return tr(self.value)


class Phase(str, Enum):
    """What the steps counted by Observer.on_progress are; the values are stored in model files' history."""

    CHOOSING = "choosing"  # sampled photos looked at by each candidate network ("Best for my photos")
    FEATURES = "features"  # photos looked at by the backbone
    HEAD = "head"  # epochs of the new output layer on cached features
    FINE_TUNE = "fine-tune"  # batches of training the top of the backbone too
    PREDICT = "predict"  # photos a model was asked about
    SORT = "sort"  # photos put into their class's folder

    def __str__(self) -> str:
        return self.value

    @property
    def words(self) -> str:
        """What is being counted, in the user's language."""
        return tr(_PHASE_WORDS[self.value])


_PHASE_WORDS = {"choosing": QT_TR_NOOP("Photos compared"),
                "features": QT_TR_NOOP("Photos looked at"), "head": QT_TR_NOOP("Learning rounds (epochs)"),
                "fine-tune": QT_TR_NOOP("Fine-tuning steps"), "predict": QT_TR_NOOP("Photos"),
                "sort": QT_TR_NOOP("Photos sorted")}


@dataclass(frozen=True)
class EpochMetrics:
    phase: Phase
    epoch: int  # 1-based within the phase
    epochs: int
    loss: float
    accuracy: float
    val_loss: float | None
    val_accuracy: float | None


class Observer(Protocol):
    def on_stage(self, stage: Stage) -> None:
        """A new stage began."""

    def on_progress(self, phase: Phase, done: int, total: int) -> None:
        """`done` of `total` steps of `phase` are finished; enough for a bar and an ETA."""

    def on_epoch_end(self, metrics: EpochMetrics) -> None:
        """One epoch of training ended."""


class NullObserver:
    def on_stage(self, stage: Stage) -> None:
        pass

    def on_progress(self, phase: Phase, done: int, total: int) -> None:
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
            raise Cancelled(tr("Stopped by the user."))


def drive(steps: Generator[Step, None, Result], on_step: Callable[[Step], object] = lambda _step: None) -> Result:
    """Run a generator job (one the window runs as a streaming job) to its end on this thread: each step
    it yields to `on_step`, its return value back."""
    while True:
        try:
            step = next(steps)
        except StopIteration as end:
            return end.value
        on_step(step)


class PhaseClocks:
    """Time left in whichever phase reports progress: one RemainingTime per phase, for the CLI and the window."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._phases: dict[Phase, RemainingTime] = {}

    def update(self, phase: Phase, done: int, total: int) -> float | None:
        return self._phases.setdefault(phase, RemainingTime(self._clock)).update(done, total)


def duration_words(seconds: float) -> str:
    """A duration as people say it: 40 s, 3 min 05 s, 2 h 10 min."""
    if seconds < 60:
        return tr("{seconds} s", seconds=round(seconds))
    minutes, rest = divmod(round(seconds), 60)
    if minutes < 60:
        return tr("{minutes} min {seconds:02d} s", minutes=minutes, seconds=rest)
    return tr("{hours} h {minutes:02d} min", hours=minutes // 60, minutes=minutes % 60)


def time_left_words(seconds: float) -> str:
    return tr("about {duration} left", duration=duration_words(seconds))


class RemainingTime:
    """Time left in a phase, from the pace measured since the phase's first finished step.

    Not from the phase's start: the first step also pays one-off costs (building the network, filling
    the decoding threads), which would make every estimate too long. Says nothing (None) until it has
    watched for a second, so the first numbers a user sees are not guesses.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._start: tuple[float, int] | None = None

    def update(self, done: int, total: int) -> float | None:
        now = self._clock()
        if self._start is None or done < self._start[1] or done == 0:
            self._start = (now, done) if done else None
            return None
        since, first = self._start
        if done >= total or done == first or now - since < 1.0:
            return None
        return (now - since) / (done - first) * (total - done)
