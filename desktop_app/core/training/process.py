"""Training in a child process that reports through a queue (what the desktop app runs).

The process puts small event values on its queue, in order: StageBegan, Progressed and EpochEnded as the
run goes, then exactly one outcome: Finished, Failed or Stopped. After Finished it writes the training
report (a third of a retrain's time, which Done does not wait for) and ends. An Engine is such a process, started
ahead of time; Engine.run yields its events, the window's way to run training as a job.
"""

import contextlib
import multiprocessing
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from queue import Empty
from typing import TYPE_CHECKING

from ..background import end_with_the_app, lower_this_thread
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
    from ..errors import SaveError
    from ..models.report import write_report
    from .trainer import train

    try:
        with claimed(out_path):  # held by this process: it ends with the run, however the run ends
            result = train(index, out_path, config, QueueObserver(queue), CancelToken(cancel_event), report=False)
    except Cancelled:
        queue.put(Stopped())
    except Exception as exc:  # reaches the user as a dialog with details to copy
        queue.put(Failed(describe(exc)))
    else:
        queue.put(Finished(result))
        if result.report_path is not None:
            with contextlib.suppress(SaveError):  # the window writes it when it is asked for, and says why not
                write_report(result.model_path, result.report_path)


TrainFunction = Callable[..., None]
"""train_function(index, out_path, config, queue, cancel_event), run in the child process."""


@dataclass(frozen=True)
class _Ready:
    """The engine has loaded what a run needs and waits for one."""


class Engine:
    """A training process started before it is needed, so Train starts working at once.

    A separate process, not just a thread: building and tracing TensorFlow models holds Python's GIL for up
    to a few hundred milliseconds at a time, which froze the window at every phase change when training ran
    in a thread of the GUI process; a crash inside TensorFlow cannot take the window down with it. It
    imports TensorFlow while it waits (the 3-7 s every run used to sit on), takes one run, and ends, which
    hands all of TensorFlow's memory back; the window starts the next one when a run ends.
    """

    def __init__(self, train_function: TrainFunction = train_in_process, restarted: bool = False,
                 network: tuple[str, int | None] | None = None):
        """`restarted`: it replaces one that ended while it waited (a crash), which the run will say.
        `network`: (backbone id, picture size) the run will likely use, built while the engine waits."""
        self.restarted = restarted
        context = multiprocessing.get_context("spawn")  # fork would copy the window's threads and state
        self._jobs = context.Queue()
        self._events = context.Queue()
        self.stop_event: EventType = context.Event()
        """Asks the run to stop; the outcome still arrives."""
        self._ready = False
        self.process = context.Process(target=_serve, name="finetune-studio-training", daemon=True,
                                       args=(train_function, self._jobs, self._events, self.stop_event, network))
        self.process.start()

    @property
    def ready(self) -> bool:
        """Whether the engine has loaded what a run needs (it says so once, on its queue)."""
        if not self._ready:
            with contextlib.suppress(Empty):
                self._ready = isinstance(self._events.get_nowait(), _Ready)
        return self._ready

    def run(self, index, out_path: Path, config) -> Generator[Event, None, Outcome | None]:
        """Hand the engine its run; yield the run's events, then return its Outcome. Once per engine."""
        if not self.ready:
            yield StageBegan(Stage.RESTARTING if self.restarted else Stage.STARTING)
        self._jobs.put((index, out_path, config))
        outcome: Outcome | None = None
        try:
            while outcome is None:
                try:
                    event = self._events.get(timeout=0.2)
                except Empty:
                    if not self.process.is_alive():
                        outcome = Failed(Failure(tr("The training process ended unexpectedly (exit code {code}).",
                                                    code=self.process.exitcode), ""))
                    continue
                if isinstance(event, Finished | Failed | Stopped):
                    outcome = event
                elif not isinstance(event, _Ready):
                    yield event
        finally:
            if isinstance(outcome, Finished):
                # It writes the training report, then ends by itself (the next process started reaps it):
                # Done must not wait for that.
                self._close_queues()
            else:
                self.process.join(30 if outcome is not None else 0)
                self.close()
        return outcome

    def close(self) -> None:
        """End the engine now. Waiting, it holds nothing worth a clean exit (which took 0.6 s of TensorFlow's
        teardown on the GUI thread); running, only a process can be stopped by force."""
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self._close_queues()

    def finish(self, timeout: float) -> None:
        """Give an engine whose run is over `timeout` seconds to end by itself (it writes the report after
        Done), then end it."""
        self.process.join(timeout)
        self.close()

    def _close_queues(self) -> None:
        self._jobs.close()
        self._events.close()


def _serve(train_function: TrainFunction, jobs, events, stop_event, network) -> None:
    """The engine process: load what a run needs, say so, then wait for its one run."""
    lower_this_thread()  # before TensorFlow starts its threads, which inherit it
    end_with_the_app()
    if train_function is train_in_process:
        from .trainer import get_ready

        get_ready(network)
    events.put(_Ready())
    train_function(*jobs.get(), events, stop_event)
