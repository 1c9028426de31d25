"""The CSV a user opens in a spreadsheet: one row per file, "not sure" spelled out and flagged."""

import csv

from desktop_app.core.models.prediction import Prediction, PredictionError
from desktop_app.core.models.results_csv import write_predictions_csv


def test_rows_for_sure_not_sure_and_unreadable_files(tmp_path):
    results = [
        Prediction("/p/a.jpg", "cat", 0.9, {"cat": 0.9, "dog": 0.1}, True),
        Prediction("/p/b.jpg", "dog", 0.55, {"cat": 0.45, "dog": 0.55}, False),
        PredictionError("/p/c.txt", "not an image"),
    ]
    target = tmp_path / "out.csv"
    write_predictions_csv(results, ["cat", "dog"], target)
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows == [
        ["path", "label", "best_guess", "confidence", "cat", "dog", "not_sure", "error"],
        ["/p/a.jpg", "cat", "cat", "0.9000", "0.9000", "0.1000", "no", ""],
        ["/p/b.jpg", "not sure", "dog", "0.5500", "0.4500", "0.5500", "yes", ""],
        ["/p/c.txt", "", "", "", "", "", "", "not an image"],
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # written atomically: no temporary left
