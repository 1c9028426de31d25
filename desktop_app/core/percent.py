"""Percentages as the whole app writes them: one rule, so a number reads the same in every place.

Rounded down, never up: a photo 99.6 % sure reads "99%" (not "100%", which would claim certainty), a
confidence just under a 95 % threshold never reads "95%", and a bar, its dialog, the command line and
the report show the same figure for the same number.
"""

import math

from .i18n import tr

Z_95 = 1.959964  # the normal quantile of a two-sided 95% interval


def whole_percent(share: float) -> int:
    """`share` (0..1) in whole percent, rounded down."""
    return int(_rounded_down(share, 0))


def percent(share: float, decimals: int = 0) -> str:
    """`share` (0..1) as text, "58%" or with `decimals` "58.9%", rounded down."""
    return f"{_rounded_down(share, decimals):.{decimals}f}%"


def _rounded_down(share: float, decimals: int) -> float:
    scale = 10 ** decimals
    return math.floor(share * 100 * scale + 1e-6) / scale  # 0.29 * 100 is 28.999999999999996 in floating point


def wilson_interval(right: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """The 95% Wilson score interval of a share of `right` out of `n`: where the true share likely lies.

    Unlike the plain p ± z·sqrt(p(1-p)/n), it stays inside 0..1 and is honest at 0 or n right, which is
    where small photo sets often are."""
    if n <= 0:
        return 0.0, 1.0
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, round(centre - half, 12)), min(1.0, round(centre + half, 12))  # 1 - 1e-16 reads "100%"


def share_with_range(share: float, n: int, decimals: int = 0) -> str:
    """A share of `n` photos with its 95% interval, the one way the app writes a measured accuracy:
    "88% (likely between 76% and 94%)". A share of 50 photos could be far from what new photos get."""
    low, high = wilson_interval(round(share * n), n)
    return tr("{share} (likely between {low} and {high})", share=percent(share, decimals), low=percent(low),
              high=percent(high))
