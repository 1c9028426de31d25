"""What a model file says about itself, read without TensorFlow: for the model library, the tabs and the report."""

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from .bundle import read_metadata
from .dataset import SkippedFile


@dataclass(frozen=True)
class ModelInfo:
    path: Path
    classes: tuple[str, ...]
    backbone: str
    image_size: int
    created: datetime.datetime | None  # aware, UTC in the file; shown in local time
    val_accuracy: float | None
    fine_tuned: bool
    threshold: float  # in use: below it an answer is "not sure"
    recommended_threshold: float  # the one training chose on held-out answers
    dataset_root: str | None
    counts: dict[str, int]  # training pictures per class
    skipped: tuple[SkippedFile, ...]  # files the scan or the run could not use
    app_version: str

    @property
    def name(self) -> str:
        return self.path.stem

    @classmethod
    def read(cls, path: str | os.PathLike) -> "ModelInfo":
        """ModelFileError (in plain words) for a file that is not a FineTune Studio model."""
        return cls.from_metadata(Path(path), read_metadata(path))

    @classmethod
    def from_metadata(cls, path: Path, meta: dict) -> "ModelInfo":
        dataset = meta.get("dataset", {})
        metrics = meta.get("metrics", {})
        threshold = float(meta.get("threshold", 0.0))
        try:
            created = datetime.datetime.fromisoformat(meta["created"])
        except (KeyError, TypeError, ValueError):
            created = None
        skipped = dataset.get("skipped")
        return cls(path, tuple(meta["classes"]), str(meta.get("backbone", "")), int(meta.get("image_size", 224)),
                   created, metrics.get("val_accuracy"), bool(metrics.get("fine_tuned", False)), threshold,
                   float(meta.get("recommended_threshold", threshold)), dataset.get("root"),
                   dict(dataset.get("counts", {}).get("train", {})),
                   # Models made before the list was kept stored only a count.
                   tuple(SkippedFile(s["path"], s["reason"]) for s in skipped) if isinstance(skipped, list) else (),
                   str(meta.get("app_version", "")))
