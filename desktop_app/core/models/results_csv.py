"""Prediction results as a CSV file anyone can open in a spreadsheet."""

import csv
import os

from ..atomic import atomic_path
from .prediction import Prediction, PredictionError

NOT_SURE = "not sure"


def write_predictions_csv(results: list[Prediction | PredictionError], classes: list[str],
                          target: str | os.PathLike) -> None:
    """One row per file: path, label ("not sure" below the model's threshold), best guess, confidence, each
    class's probability, a not_sure flag, and the error for unreadable files."""
    with atomic_path(target) as tmp, open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["path", "label", "best_guess", "confidence", *classes, "not_sure", "error"])
        for r in results:
            if isinstance(r, Prediction):
                writer.writerow([r.path, r.label if r.sure else NOT_SURE, r.label, f"{r.confidence:.4f}",
                                 *(f"{r.probabilities.get(c, 0.0):.4f}" for c in classes),
                                 "no" if r.sure else "yes", ""])
            else:
                writer.writerow([r.path, "", "", "", *([""] * len(classes)), "", r.error])
