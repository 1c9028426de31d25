"""Prediction results as a CSV file anyone can open in a spreadsheet."""

import csv
import os

from .atomic import atomic_path
from .prediction import Prediction, PredictionError


def write_predictions_csv(results: list[Prediction | PredictionError], classes: list[str],
                          target: str | os.PathLike) -> None:
    """One row per file: path, label, confidence, each class's probability, and the error for unreadable files."""
    with atomic_path(target) as tmp:
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["path", "label", "confidence", *classes, "error"])
            for r in results:
                if isinstance(r, Prediction):
                    writer.writerow([r.path, r.label, f"{r.confidence:.4f}",
                                     *(f"{r.probabilities.get(c, 0.0):.4f}" for c in classes), ""])
                else:
                    writer.writerow([r.path, "", "", *([""] * len(classes)), r.error])
