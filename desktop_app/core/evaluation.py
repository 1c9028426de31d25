"""How good a model is on a labelled folder: accuracy, confusion matrix, per-class scores, mistakes."""

import os
from dataclasses import dataclass

import numpy as np

from .confidence import CoveragePoint, coverage_at
from .dataset import SkippedFile, scan_dataset
from .prediction import Prediction, PredictionError, Predictor
from .progress import CancelToken, Observer


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
    """Evaluate on `data`: its test/ (or val/) split when it has one, else every image in its class folders."""
    predictor = model if isinstance(model, Predictor) else Predictor(model)
    classes = predictor.classes
    index = scan_dataset(data)
    records = index.test or index.validation or index.train
    skipped = list(index.skipped)
    known = [r for r in records if r.label in classes]
    skipped.extend(SkippedFile(r.path, f"class '{r.label}' is not one the model knows")
                   for r in records if r.label not in classes)
    truth = {r.path: r.label for r in known}
    results = predictor.predict([r.path for r in known], observer, cancel)
    preds = [p for p in results if isinstance(p, Prediction)]
    skipped.extend(SkippedFile(p.path, p.error) for p in results if isinstance(p, PredictionError))
    return _summarize(classes, preds, [truth[p.path] for p in preds], skipped, predictor.threshold)


def validation_evaluation(metadata: dict) -> Evaluation | None:
    """The evaluation training already did: each held-out photo judged by an output layer that had not seen it.

    None for a model trained without held-out photos.
    """
    val = metadata.get("validation")
    if not val or not val["paths"]:
        return None
    classes, threshold = metadata["classes"], float(metadata.get("threshold", 0.0))
    preds = []
    for path, probs in zip(val["paths"], val["probabilities"]):
        best = int(np.argmax(probs))
        preds.append(Prediction(path, classes[best], float(probs[best]), dict(zip(classes, map(float, probs))),
                                float(probs[best]) >= threshold))
    return _summarize(classes, preds, list(val["labels"]), [], threshold)


def _summarize(classes: list[str], preds: list[Prediction], truth: list[str], skipped: list[SkippedFile],
               threshold: float) -> Evaluation:
    y_true = np.array([classes.index(t) for t in truth], dtype=np.int64)
    y_pred = np.array([classes.index(p.label) for p in preds], dtype=np.int64)
    cm = confusion_matrix(y_true, y_pred, len(classes))
    pairs = list(zip(preds, truth))
    mistakes = sorted(((p, t) for p, t in pairs if p.label != t), key=lambda m: -m[0].confidence)
    barely_right = sorted((p for p, t in pairs if p.label == t), key=lambda p: p.confidence)
    correct = y_true == y_pred
    return Evaluation(classes, float(np.mean(correct)) if len(preds) else 0.0, len(preds), cm.tolist(),
                      dict(zip(classes, per_class_metrics(cm))), mistakes, barely_right, skipped,
                      threshold, np.array([p.confidence for p in preds]), correct)
