"""What a model file says about itself (`finetune_studio.json` in the `.keras` archive), as one typed record.

Training writes it once; the model library, the tabs, the report, the CLI and prediction read it through
this class and nothing else, without TensorFlow. Files from older versions are read with the meaning they
had when written (see from_dict), and keys this version does not know survive a rewrite.
"""

import datetime
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ..data.dataset import SkippedFile
from ..progress import EpochMetrics, Phase

FORMAT = "finetune-studio-model"
FORMAT_VERSION = 1
DEFAULT_IMAGE_SIZE = 224  # what a file that does not say was trained at (every backbone's default once)


@dataclass(frozen=True)
class DatasetFacts:
    """The photos a model learnt from, as the run saw them."""

    root: str | None = None
    classes: tuple[str, ...] = ()
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # split -> class -> photos
    images_used: int | None = None
    folds: int | None = None  # how many held-out folds judged the output layer
    skipped: tuple[SkippedFile, ...] = ()  # files the scan or the run could not use

    @property
    def train_counts(self) -> dict[str, int]:
        return dict(self.counts.get("train", {}))


@dataclass(frozen=True)
class HeldOutAnswers:
    """Each held-out photo, judged during training by an output layer that had not seen it."""

    paths: tuple[str, ...]
    labels: tuple[str, ...]
    probabilities: tuple[tuple[float, ...], ...]  # per photo, per class


@dataclass(frozen=True)
class ModelMetadata:
    classes: tuple[str, ...]
    image_size: int = DEFAULT_IMAGE_SIZE
    backbone: str = ""
    app_version: str = ""
    created: datetime.datetime | None = None  # aware, UTC
    crops: bool = False  # the model cuts the centred square itself; older ones were fed squashed photos
    network_choice: Mapping[str, Any] | None = None  # what "Best for my photos" measured (NetworkChoice.as_dict)
    config: Mapping[str, Any] = field(default_factory=dict)  # the TrainingConfig of the run, as written
    dataset: DatasetFacts = DatasetFacts()
    val_accuracy: float | None = None
    val_loss: float | None = None
    val_count: int | None = None  # how many held-out pictures val_accuracy is on (None in older model files)
    fine_tuned: bool = False
    threshold: float = 0.0  # in use: below it an answer is "not sure"
    recommended_threshold: float = 0.0  # the one training chose on held-out answers (for Reset)
    validation: HeldOutAnswers | None = None
    history: tuple[EpochMetrics, ...] = ()
    training_hashes: frozenset[str] | None = None  # evaluation.training_hash of every photo it learnt from
    # (photos, held-out accuracy of the output layer) as the share of the photos grows, the last point all of them
    learning_curve: tuple[tuple[int, float], ...] = ()
    unknown: Mapping[str, Any] = field(default_factory=dict)  # keys of a newer minor version, kept as they are

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "ModelMetadata":
        """KeyError, TypeError or ValueError for a file that does not hold what it should."""
        dataset = d.get("dataset") or {}
        metrics = d.get("metrics") or {}
        threshold = float(d.get("threshold", 0.0))
        skipped = dataset.get("skipped")
        validation = d.get("validation")
        known = {f.name for f in fields(cls)} | {"resize", "metrics", "format", "format_version"}
        return cls(
            classes=tuple(str(c) for c in d["classes"]),
            image_size=int(d.get("image_size", DEFAULT_IMAGE_SIZE)),
            backbone=str(d.get("backbone", "")),
            app_version=str(d.get("app_version", "")),
            created=_datetime(d.get("created")),
            crops=d.get("resize") == "crop",
            network_choice=d.get("network_choice"),
            config=dict(d.get("config") or {}),
            dataset=DatasetFacts(
                root=dataset.get("root"), classes=tuple(dataset.get("classes", ())),
                counts={split: dict(counts) for split, counts in (dataset.get("counts") or {}).items()},
                images_used=dataset.get("images_used"), folds=dataset.get("folds"),
                # Models made before the list was kept stored only a count.
                skipped=tuple(SkippedFile(s["path"], s["reason"]) for s in skipped) if isinstance(skipped, list)
                else ()),
            val_accuracy=_float_or_none(metrics.get("val_accuracy")),
            val_loss=_float_or_none(metrics.get("val_loss")),
            val_count=_val_count(metrics, validation),
            fine_tuned=bool(metrics.get("fine_tuned", False)),
            threshold=threshold,
            recommended_threshold=float(d.get("recommended_threshold", threshold)),
            validation=HeldOutAnswers(tuple(validation["paths"]), tuple(validation["labels"]),
                                      tuple(tuple(float(p) for p in row) for row in validation["probabilities"]))
            if validation and validation.get("paths") else None,
            history=tuple(EpochMetrics(**dict(m, phase=Phase(m["phase"]))) for m in d.get("history") or ()),
            training_hashes=frozenset(d["training_hashes"]) if d.get("training_hashes") is not None else None,
            learning_curve=tuple((int(n), float(a)) for n, a in d.get("learning_curve") or ()),
            unknown={k: v for k, v in d.items() if k not in known},
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON the model file holds."""
        data = self.dataset
        return {
            **self.unknown,
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "classes": list(self.classes),
            "app_version": self.app_version,
            "created": self.created.isoformat(timespec="seconds") if self.created else None,
            "backbone": self.backbone,
            "image_size": self.image_size,
            "network_choice": dict(self.network_choice) if self.network_choice is not None else None,
            "resize": "crop" if self.crops else "squash",
            "config": dict(self.config),
            "dataset": {"root": data.root, "classes": list(data.classes),
                        "counts": {split: dict(c) for split, c in data.counts.items()},
                        "images_used": data.images_used, "folds": data.folds,
                        "skipped": [{"path": f.path, "reason": f.reason} for f in data.skipped]},
            "metrics": {"val_loss": self.val_loss, "val_accuracy": self.val_accuracy, "val_count": self.val_count,
                        "fine_tuned": self.fine_tuned},
            "threshold": self.threshold,
            "recommended_threshold": self.recommended_threshold,
            "validation": {"paths": list(v.paths), "labels": list(v.labels),
                           "probabilities": [list(p) for p in v.probabilities]}
            if (v := self.validation) is not None else None,
            "history": [dict(asdict(m), phase=m.phase.value) for m in self.history],
            "training_hashes": sorted(self.training_hashes) if self.training_hashes is not None else None,
            "learning_curve": [[n, a] for n, a in self.learning_curve],
        }


def _val_count(metrics: Mapping[str, Any], validation: Mapping[str, Any] | None) -> int | None:
    """How many held-out pictures val_accuracy is on. Files from before it was kept: without fine-tuning, the
    held-out answers are those pictures; with it (one group of them), unknown."""
    if metrics.get("val_count") is not None:
        return int(metrics["val_count"])
    if metrics.get("val_accuracy") is None or metrics.get("fine_tuned") or not validation:
        return None
    return len(validation.get("paths") or ()) or None


def _datetime(value: Any) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)
