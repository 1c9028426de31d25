"""When the model should answer "not sure": a confidence threshold, and what it costs and buys.

Below the threshold a prediction is reported as "not sure" (its best guess is still shown). Raising the
threshold answers fewer images (coverage) and gets more of those answers right (accuracy); the curve
of both is what the user slides along.
"""

import math
from dataclasses import dataclass

import numpy as np

from ..i18n import tr
from ..percent import whole_percent

# The default aims for answers that are right at least this often...
TARGET_ACCURACY = 0.95
# ...as long as at least this share of images still gets an answer.
MIN_COVERAGE = 0.5


@dataclass(frozen=True)
class CoveragePoint:
    threshold: float
    coverage: float  # share of images whose confidence is at least `threshold`
    accuracy: float | None  # share of those that are right; None when none is answered
    answered: int


def coverage_at(confidence: np.ndarray, correct: np.ndarray, threshold: float) -> CoveragePoint:
    answered = confidence >= threshold
    n = int(answered.sum())
    return CoveragePoint(float(threshold), n / len(confidence) if len(confidence) else 0.0,
                         float(correct[answered].mean()) if n else None, n)


def coverage_curve(confidence: np.ndarray, correct: np.ndarray, start: float = 0.0,
                   steps: int = 101) -> list[CoveragePoint]:
    return [coverage_at(confidence, correct, t) for t in np.linspace(start, 1.0, steps)]


def choose_threshold(confidence: np.ndarray, correct: np.ndarray) -> float:
    """The lowest threshold whose answers are right at least TARGET_ACCURACY of the time while at least
    MIN_COVERAGE of the images still get one; if none is, the threshold that answers MIN_COVERAGE of them.
    0.0 (always answer) when there is nothing to judge by.
    """
    return _whole_percent(_choose(np.asarray(confidence, np.float64), np.asarray(correct, bool)))


def _choose(confidence: np.ndarray, correct: np.ndarray) -> float:
    if not len(confidence):
        return 0.0
    for t in np.unique(confidence):  # ascending: each observed confidence is a place the answer set changes
        point = coverage_at(confidence, correct, t)
        if point.coverage < MIN_COVERAGE:
            break
        if point.accuracy is not None and point.accuracy >= TARGET_ACCURACY:
            return float(t) if t > confidence.min() else 0.0
    return float(np.quantile(confidence, 1 - MIN_COVERAGE))


def _whole_percent(threshold: float) -> float:
    """Rounded up to a whole percent, at most 99%: the value the slider, the report and the CLI all show."""
    return min(math.ceil(threshold * 100 - 1e-6), 99) / 100


def threshold_percent(threshold: float) -> int:
    """The threshold as the whole percent every place shows (rounded up, as the rule is "at least")."""
    return math.ceil(threshold * 100 - 1e-6)


def threshold_words(threshold: float) -> str:
    """The threshold in the words every place uses: the window, the command line and the report."""
    if threshold <= 0:
        return tr("always answers (never “not sure”)")
    return tr("answers only when at least {percent}% sure", percent=threshold_percent(threshold))


def not_sure_words(label: str, confidence: float, threshold: float) -> str:
    return tr("not sure — best guess {label} at {confidence}%, needs {needed}%", label=label,
              confidence=whole_percent(confidence), needed=threshold_percent(threshold))
