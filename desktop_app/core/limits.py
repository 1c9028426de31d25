"""The allowed range of every number a user can set, defined once: the CLI and the window check against these
before any work starts, and train() and the Predictor again (a caller may skip the front ends)."""

import math
from dataclasses import dataclass

from .errors import UserError
from .i18n import QT_TR_NOOP, tr


@dataclass(frozen=True)
class Limit:
    name: str  # marked for translation where it is defined, translated where it is shown
    low: float
    high: float
    whole: bool = False  # a count: no fractions

    def allows(self, value: float) -> bool:
        """In range: not NaN, and not a fraction for a count."""
        return self.low <= value <= self.high and not (self.whole and value != math.floor(value))

    def check(self, value: float) -> float:
        """`value` when allowed; else a UserError with the range."""
        if not self.allows(value):
            raise UserError(tr("{name} must be from {low} to {high}, not {value}.", name=tr(self.name),
                               low=_number(self.low), high=_number(self.high), value=value))
        return value


def is_whole_number(value: object) -> bool:
    """A whole number as a file holds it: an int, and not True or False (which Python counts as ints)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


EPOCHS = Limit(QT_TR_NOOP("Learning rounds (epochs)"), 1, 1000, whole=True)
FINE_TUNE_EPOCHS = Limit(QT_TR_NOOP("Fine-tuning rounds"), 1, 200, whole=True)
LEARNING_RATE = Limit(QT_TR_NOOP("The learning rate"), 0.0001, 1.0)
THRESHOLD = Limit(QT_TR_NOOP("The “not sure” threshold"), 0.0, 1.0)
TOP_K = Limit(QT_TR_NOOP("The number of classes shown (--top-k)"), 1, 1000, whole=True)
SEED = Limit(QT_TR_NOOP("The random seed"), 0, 2**32 - 1, whole=True)
