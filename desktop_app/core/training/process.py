"""Training in a child process that reports through a queue (what the desktop app runs).

The process puts small event values on its queue, in order: StageBegan, Progressed and EpochEnded as the
run goes, then exactly one outcome: Finished, Failed or Stopped. watch_training() starts such a process
and yields its events, the window's way to run training as a job.
"""

import multiprocessing
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from queue import Empty
from typing import TYPE_CHECKING

from ..errors import Cancelled, Failure, describe
from ..i18n import tr
from ..progress import CancelToken, EpochMetrics, Phase, Stage

if TYPE_CHECKING:  # core.training imports TensorFlow; the window only reads the result
    from multiprocessing.synchronize import Event as EventType

    from .trainer import TrainingResult


@dataclass(frozen=True)
class StageBegan:
    stage: Stage


@dataclass(frozen=True)
class Progressed:
    phase: Phase
    done: int
    total: int


@dataclass(frozen=True)
class EpochEnded:
    metrics: EpochMetrics


@dataclass(frozen=True)
class Finished:
    result: "TrainingResult"


@dataclass(frozen=True)
class Failed:
    failure: Failure


@dataclass(frozen=True)
class Stopped:
    """The run stopped on request; nothing was saved."""


Event = StageBegan | Progressed | EpochEnded
Outcome = Finished | Failed | Stopped


class QueueObserver:
    """The Observer protocol, forwarding every event into a multiprocessing queue."""

    def __init__(self, queue):
        self.queue = queue

    def on_stage(self, stage: Stage) -> None:
        self.queue.put(StageBegan(stage))

    def on_progress(self, phase: Phase, done: int, total: int) -> None:
        self.queue.put(Progressed(phase, done, total))

    def on_epoch_end(self, metrics: EpochMetrics) -> None:
        self.queue.put(EpochEnded(metrics))


def train_in_process(index, out_path: Path, config, queue, cancel_event) -> None:
    """Entry point of the training process; `cancel_event` is a multiprocessing Event."""
    from ..atomic import claimed
    from .trainer import train

    try:
        with claimed(out_path):  # held by this process: it ends with the run, however the run ends
            result = train(index, out_path, config, QueueObserver(queue), CancelToken(cancel_event))
    except Cancelled:
        queue.put(Stopped())
    except Exception as exc:  # reaches the user as a dialog with details to copy
        queue.put(Failed(describe(exc)))
    else:
        queue.put(Finished(result))


TrainFunction = Callable[..., None]
"""train_function(index, out_path, config, queue, cancel_event), run in the child process."""


def watch_training(index, out_path: Path, config, stop_event, train_function: TrainFunction = train_in_process
                   ) -> Generator[Event, None, Outcome | None]:
    """Run `train_function` in a fresh process; yield its events, then return its Outcome.

    A separate process, not just a thread: building and tracing TensorFlow models holds Python's GIL for up
    to a few hundred milliseconds at a time, which froze the window at every phase change when training ran
    in a thread of the GUI process. The process also hands all of TensorFlow's memory back when a run ends,
    and a crash inside TensorFlow cannot take the window down with it. `stop_event` (from
    new_stop_event()) asks the run to stop; the outcome still arrives.
    """
    context = multiprocessing.get_context("spawn")  # fork would copy the window's threads and state
    queue = context.Queue()
    process = context.Process(target=train_function, name="finetune-studio-training", daemon=True,
                              args=(index, out_path, config, queue, stop_event))
    yield StageBegan(Stage.STARTING)
    process.start()
    outcome: Outcome | None = None
    try:
        while outcome is None:
            try:
                event = queue.get(timeout=0.2)
            except Empty:
                if not process.is_alive():
                    outcome = Failed(Failure(tr("The training process ended unexpectedly (exit code {code}).",
                                                code=process.exitcode), ""))
                continue
            if isinstance(event, Finished | Failed | Stopped):
                outcome = event
            else:
                yield event
    finally:
        process.join(30 if outcome is not None else 0)
        if process.is_alive():  # only a process can be stopped by force; a thread never is
            process.kill()
            process.join()
        queue.close()
    return outcome


def new_stop_event() -> "EventType":
    """An event a training process started by watch_training polls to stop."""
    return multiprocessing.get_context("spawn").Event()
