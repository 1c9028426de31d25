"""How accuracy grows with the number of photos, measured on the cached features: would more photos help?

The output layer is trained again on a quarter, a half and three quarters of the photos (the same share of
each class, the same held-out folds) and judged as the real one is, on the photos it did not see. With the
whole set that gives four points: a curve still climbing says more photos of the same kind will help; a flat
one says they will add little. The three extra trainings together cost one and a half of the real one's
(0.3 s for 200 photos here); sets over MAX_PHOTOS are left out, where they would add seconds without progress
shown, and where more photos matter least.
"""

import numpy as np

from ..progress import CancelToken
from .head import HeadSettings, train_heads

SHARES = (0.25, 0.5, 0.75)
MAX_PHOTOS = 1000


def learning_curve(views: np.ndarray, labels: np.ndarray, fold_of: np.ndarray, n_classes: int,
                   settings: HeadSettings, cancel: CancelToken) -> list[tuple[int, float]]:
    """(photos, held-out accuracy) for each share of the photos; empty when none is held out or the set is large."""
    if not (fold_of >= 0).any() or len(labels) > MAX_PHOTOS:
        return []
    rng = np.random.default_rng(settings.seed)
    order = {c: rng.permutation(np.flatnonzero(labels == c)) for c in range(n_classes)}
    points = []
    for share in SHARES:
        subset = np.sort(np.concatenate([idx[:max(2, round(share * len(idx)))] for idx in order.values()]))
        result = train_heads(views[subset], labels[subset], fold_of[subset], n_classes, settings, cancel)
        if result.val is not None:
            points.append((len(subset), result.val.accuracy))
    return points
