"""A fast stand-in for the training process, for tests of what the window does around a run.

It sends the real process's events (core.training.process) in the same order, polls Stop, and saves a
real, openable model: a copy of one trained for real once per test session, relabelled with this run's
dataset and the accuracy the test asks for. What it does not do is learn; tests of learning use the
real trainer.
"""

import shutil
import time
from functools import partial
from pathlib import Path

from dataclasses import dataclass, replace

from desktop_app.core.models.bundle import read_metadata, update_metadata
from desktop_app.core.data.dataset import SkippedFile
from desktop_app.core.progress import EpochMetrics, Phase, Stage
from desktop_app.core.training.trainer import TrainingResult
from desktop_app.core.training.process import EpochEnded, Finished, Progressed, StageBegan, Stopped

EPOCHS = 5


@dataclass(frozen=True)
class _Run:
    """What the fake run ends with, and its pace."""

    template: Path
    val_accuracy: float
    skipped: tuple[SkippedFile, ...]
    epoch_seconds: float


def fake_trainer(template: Path, val_accuracy: float = 0.9, skipped: tuple[SkippedFile, ...] = (),
                 epoch_seconds: float = 0.05):
    """A train_function for MainWindow: picklable, so it can run in the spawned training process."""
    return partial(_fake_train, _Run(template, val_accuracy, tuple(skipped), epoch_seconds))


def _fake_train(run: _Run, index, out_path, config, queue, cancel_event) -> None:
    template, val_accuracy = run.template, run.val_accuracy
    started = time.monotonic()
    queue.put(StageBegan(Stage.PREPARING))
    queue.put(StageBegan(Stage.FEATURES))
    for i in range(1, 4):
        queue.put(Progressed(Phase.FEATURES, i, 3))
    queue.put(StageBegan(Stage.HEAD))
    history = []
    for epoch in range(1, EPOCHS + 1):
        time.sleep(run.epoch_seconds)
        if cancel_event.is_set():
            queue.put(Stopped())
            return
        m = EpochMetrics(Phase.HEAD, epoch, EPOCHS, 1.0 / epoch, val_accuracy * epoch / EPOCHS, 1.1 / epoch,
                         val_accuracy * epoch / EPOCHS)
        history.append(m)
        queue.put(EpochEnded(m))
        queue.put(Progressed(Phase.HEAD, epoch, EPOCHS))
    queue.put(StageBegan(Stage.SAVING))
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, out_path)
    meta = read_metadata(template)
    skipped = list(index.skipped) + list(run.skipped)
    update_metadata(out_path, val_accuracy=val_accuracy, val_count=len(index.train),
                    dataset=replace(meta.dataset, root=index.root, skipped=tuple(skipped)))
    counts = {c: len([r for r in index.train if r.label == c]) for c in meta.classes}
    queue.put(Finished(TrainingResult(model_path=out_path, classes=list(meta.classes), counts=counts,
                                      val_accuracy=val_accuracy, val_loss=history[-1].val_loss,
                                      val_count=len(index.train), fine_tuned=False,
                                      history=history,
                                      skipped=skipped, seconds=time.monotonic() - started, embeddings_computed=0,
                                      report_path=None, threshold=meta.threshold,
                                      network=(meta.backbone, meta.image_size))))
