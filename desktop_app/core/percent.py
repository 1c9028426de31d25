"""Percentages as the whole app writes them: one rule, so a number reads the same in every place.

Rounded down, never up: a photo 99.6 % sure reads "99%" (not "100%", which would claim certainty), a
confidence just under a 95 % threshold never reads "95%", and a bar, its dialog, the command line and
the report show the same figure for the same number.
"""

import math


def whole_percent(share: float) -> int:
    """`share` (0..1) in whole percent, rounded down."""
    return int(_rounded_down(share, 0))


def percent(share: float, decimals: int = 0) -> str:
    """`share` (0..1) as text, "58%" or with `decimals` "58.9%", rounded down."""
    return f"{_rounded_down(share, decimals):.{decimals}f}%"


def _rounded_down(share: float, decimals: int) -> float:
    scale = 10 ** decimals
    return math.floor(share * 100 * scale + 1e-6) / scale  # 0.29 * 100 is 28.999999999999996 in floating point
