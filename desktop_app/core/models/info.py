"""A model file as the model library and the tabs list it: its path and what it says of itself, without TensorFlow."""

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from .bundle import read_metadata
from ..data.dataset import SkippedFile
from .metadata import ModelMetadata
from .plots import kept_round
from ..progress import EpochMetrics


@dataclass(frozen=True)
class ModelInfo:
    path: Path
    classes: tuple[str, ...]
    backbone: str
    image_size: int
    created: datetime.datetime | None  # aware, UTC in the file; shown in local time
    val_accuracy: float | None
    val_count: int | None  # how many held-out pictures val_accuracy is on; None in older model files
    fine_tuned: bool
    threshold: float  # in use: below it an answer is "not sure"
    recommended_threshold: float  # the one training chose on held-out answers
    dataset_root: str | None
    counts: dict[str, int]  # training pictures per class
    skipped: tuple[SkippedFile, ...]  # files the scan or the run could not use
    app_version: str
    history: tuple[EpochMetrics, ...]  # the learning curves of its run, for the Train tab after a restart
    kept: int | None  # the learning round it kept (plots.kept_round)

    @property
    def name(self) -> str:
        return self.path.stem

    @classmethod
    def read(cls, path: str | os.PathLike) -> "ModelInfo":
        """ModelFileError (in plain words) for a file that is not a FineTune Studio model."""
        return cls.from_metadata(Path(path), read_metadata(path))

    @classmethod
    def from_metadata(cls, path: Path, meta: ModelMetadata) -> "ModelInfo":
        return cls(path, meta.classes, meta.backbone, meta.image_size, meta.created, meta.val_accuracy,
                   meta.val_count, meta.fine_tuned, meta.threshold, meta.recommended_threshold, meta.dataset.root,
                   meta.dataset.train_counts, meta.dataset.skipped, meta.app_version, meta.history,
                   kept_round(meta.history, meta.val_accuracy, meta.val_loss, meta.fine_tuned))
