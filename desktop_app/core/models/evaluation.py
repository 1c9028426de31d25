"""How good a model is on a labelled folder: accuracy, confusion matrix, per-class scores, mistakes."""

import os
from pathlib import Path
from collections.abc import Generator
from dataclasses import dataclass, field

import numpy as np

from .confidence import CoveragePoint, coverage_at
from ..data.dataset import ImageRecord, SkippedFile, scan_dataset
from ..errors import DatasetError
from ..i18n import sentences, tr
from .metadata import ModelMetadata
from .prediction import Prediction, PredictionError, Predictor
from ..progress import CancelToken, NullObserver, Observer, Phase, drive


@dataclass(frozen=True)
class ClassMetrics:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Evaluation:
    classes: list[str]
    accuracy: float
    n: int
    confusion_matrix: list[list[int]]  # rows: true class, columns: predicted class
    per_class: dict[str, ClassMetrics]
    mistakes: list[tuple[Prediction, str]]  # (prediction, true label), most confidently wrong first
    barely_right: list[Prediction]  # right, least confident first: the next mistakes waiting to happen
    skipped: list[SkippedFile]
    threshold: float  # the model's "not sure" threshold
    confidence: np.ndarray  # per evaluated image, for coverage/accuracy at any threshold
    correct: np.ndarray
    # The folder's classes the model does not know, with how many pictures of each were left out.
    left_out: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # the model's classes that had no picture in the folder
    # Pictures that are (byte for byte) ones the model was trained on; None when the model does not say.
    overlap_with_training: int | None = None
    # The folder whose pictures were judged: the test/ (or val/) inside the one chosen when it has one.
    judged: str = ""

    def class_mismatch_words(self) -> str:
        """What differs between the folder's classes and the model's, in the words the CLI prints."""
        parts = []
        if self.left_out:
            parts.append(tr("Left out, as the model does not know them ({known}): the folder's {names}, %n "
                            "picture(s) in all; only the shared classes were judged.", "",
                            sum(self.left_out.values()), names=", ".join(f"“{c}”" for c in self.left_out),
                            known=", ".join(self.classes)))
        if self.missing:
            parts.append(tr("The folder has no pictures of {names}.", names=", ".join(f"“{c}”" for c in self.missing)))
        return sentences(parts)

    def said(self, label: str) -> int:
        """How many pictures the model gave `label`: what its precision is a share of."""
        column = self.classes.index(label)
        return sum(row[column] for row in self.confusion_matrix)

    def at_threshold(self, threshold: float | None = None) -> CoveragePoint:
        """How many images get an answer at `threshold` (default: the model's), and how many of those are right."""
        return coverage_at(self.confidence, self.correct, self.threshold if threshold is None else threshold)


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    cm = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def per_class_metrics(cm: np.ndarray) -> list[ClassMetrics]:
    """Precision, recall and F1 per class; 0.0 where a ratio has nothing to divide by."""
    out = []
    for i in range(len(cm)):
        tp = cm[i, i]
        predicted, actual = cm[:, i].sum(), cm[i, :].sum()
        p = tp / predicted if predicted else 0.0
        r = tp / actual if actual else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out.append(ClassMetrics(float(p), float(r), float(f1), int(actual)))
    return out


def evaluate(model: str | os.PathLike | Predictor, data: str | os.PathLike, observer: Observer | None = None,
             cancel: CancelToken | None = None) -> Evaluation:
    """Evaluate on `data`: its test/ (or val/) split when it has one, else every image in its class folders.

    Only the classes the folder and the model share are judged; the others are named in the result.
    None shared is a DatasetError that names both sides.
    """
    observer = observer or NullObserver()
    return drive(evaluating(model, data, cancel), lambda step: observer.on_progress(Phase.PREDICT, *step))


def evaluating(model: str | os.PathLike | Predictor, data: str | os.PathLike, cancel: CancelToken | None = None
               ) -> Generator[tuple[int, int], None, Evaluation]:
    """evaluate() as a generator for the window's jobs: yields (photos done, photos in all), returns the Evaluation."""
    predictor = model if isinstance(model, Predictor) else Predictor(model)
    classes = predictor.classes
    index = scan_dataset(data)
    records = index.test or index.validation or index.train
    folder_classes = list(dict.fromkeys(r.label for r in records))
    known = [r for r in records if r.label in classes]
    if not known:
        raise DatasetError(tr("None of the folder's classes ({names}) is one the model knows ({known}). Class "
                              "folders must be named like the model's classes.", names=", ".join(folder_classes),
                              known=", ".join(classes)))
    left_out = {c: sum(r.label == c for r in records) for c in folder_classes if c not in classes}
    truth = {r.path: r.label for r in known}
    results: list[Prediction | PredictionError] = []
    for chunk, done, total in predictor.iter_predict([r.path for r in known], cancel):
        results.extend(chunk)
        yield done, total
    preds = [p for p in results if isinstance(p, Prediction)]
    skipped = list(index.skipped) + [SkippedFile(p.path, p.error) for p in results if isinstance(p, PredictionError)]
    ev = _summarize(classes, preds, [truth[p.path] for p in preds], skipped, predictor.threshold)
    ev.left_out = left_out
    ev.missing = [c for c in classes if c not in truth.values()]
    ev.overlap_with_training = overlap_with_training(predictor.metadata, known)
    ev.judged = _judged_folder(index.root, records, split=records is not index.train)
    return ev


def _judged_folder(root: str, records: list[ImageRecord], split: bool) -> str:
    """`root`, or for a test/ or val/ split the folder of it (named as the user named it)."""
    if not split:
        return root
    return str(Path(root) / Path(records[0].path).relative_to(root).parts[0])


def overlap_with_training(metadata: ModelMetadata, records: list[ImageRecord]) -> int | None:
    """How many of `records` are, byte for byte, photos the model learnt from (None: the model does not say)."""
    trained_on = metadata.training_hashes
    if trained_on is None:
        return None
    return sum(training_hash(r.sha256) in trained_on for r in records)


def training_hash(sha256: str) -> str:
    """The part of a photo's SHA-256 a model records for each photo it learnt from: 64 bits tell them apart."""
    return sha256[:16]


def validation_evaluation(metadata: ModelMetadata) -> Evaluation | None:
    """The evaluation training already did: each held-out photo judged by an output layer that had not seen it.

    None for a model trained without held-out photos.
    """
    val = metadata.validation
    if val is None:
        return None
    classes, threshold = list(metadata.classes), metadata.threshold
    preds = [Prediction.from_probabilities(path, classes, probs, threshold)
             for path, probs in zip(val.paths, val.probabilities, strict=True)]
    return _summarize(classes, preds, list(val.labels), [], threshold)


def _summarize(classes: list[str], preds: list[Prediction], truth: list[str], skipped: list[SkippedFile],
               threshold: float) -> Evaluation:
    y_true = np.array([classes.index(t) for t in truth], dtype=np.int64)
    y_pred = np.array([classes.index(p.label) for p in preds], dtype=np.int64)
    cm = confusion_matrix(y_true, y_pred, len(classes))
    pairs = list(zip(preds, truth, strict=True))
    mistakes = sorted(((p, t) for p, t in pairs if p.label != t), key=lambda m: -m[0].confidence)
    barely_right = sorted((p for p, t in pairs if p.label == t), key=lambda p: p.confidence)
    correct = y_true == y_pred
    return Evaluation(classes, float(np.mean(correct)) if len(preds) else 0.0, len(preds), cm.tolist(),
                      dict(zip(classes, per_class_metrics(cm), strict=True)), mistakes, barely_right, skipped,
                      threshold, np.array([p.confidence for p in preds]), correct)
