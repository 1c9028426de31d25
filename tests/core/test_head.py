"""Phase 1 on cached features: learns, cross-validates, picks the best epoch, repeats with a seed."""

import numpy as np
import pytest

from desktop_app.core.errors import Cancelled
from desktop_app.core.training.head import (HeadSettings, Score, better, class_weights, softmax, stratified_folds,
                                           train_heads)
from desktop_app.core.progress import CancelToken, Phase

CENTRES = np.random.default_rng(42).normal(0, 3, (3, 16))


def _views(n, seed, noise=1.0):
    """(n, 2 views, 16 features) around three class centres; the second view is a noisy copy."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    x = CENTRES[y] + rng.normal(0, noise, (n, 16))
    return np.stack([x, x + rng.normal(0, 0.1, x.shape)], axis=1).astype(np.float32), y


def _fit(views, y, fold_of, on_epoch=None, cancel=None, **kw):
    epochs = []
    settings = HeadSettings(**{"epochs": 20, "learning_rate": 0.01, "l2": 1e-4, "batch_size": 32, "seed": 0, **kw})
    return train_heads(views, y, fold_of, 3, settings, cancel or CancelToken(), on_epoch or epochs.append), epochs


def test_folds_are_stratified_and_repeatable():
    y = np.array([0] * 10 + [1] * 5 + [2])
    folds = stratified_folds(y, 5, seed=1)
    assert folds[15] == -1  # a class of one image is never held out
    for c in (0, 1):
        assert sorted(np.bincount(folds[y == c], minlength=5).tolist()) == ([2] * 5 if c == 0 else [1] * 5)
    assert np.array_equal(stratified_folds(y, 5, seed=1), folds)
    assert not np.array_equal(stratified_folds(y, 5, seed=2), folds)


def test_cross_validated_heads_learn_and_report_out_of_fold_scores():
    views, y = _views(300, 0)
    result, epochs = _fit(views, y, stratified_folds(y, 5, 0))
    assert [m.epoch for m in epochs] == list(range(1, 21)) and epochs[0].phase is Phase.HEAD
    assert sorted(result.fold_weights) == [0, 1, 2, 3, 4]
    assert result.val.accuracy > 0.95 and epochs[-1].loss < epochs[0].loss
    best = max(epochs, key=lambda m: (m.val_accuracy, -m.val_loss))
    assert result.val == (best.val_loss, best.val_accuracy)
    assert result.history == epochs  # every epoch, the ones after the best too
    test_views, test_y = _views(200, 7)
    assert np.mean(result.weights.probabilities(test_views[:, 0]).argmax(1) == test_y) > 0.95
    # The saved layer is the average of the fold layers.
    assert np.allclose(result.weights.kernel, np.mean([w.kernel for w in result.fold_weights.values()], axis=0))


def test_fold_layer_never_sees_its_fold():
    views, y = _views(60, 3, noise=8.0)  # hard to separate, so memorised images would stand out
    folds = stratified_folds(y, 3, 0)
    result, _ = _fit(views, y, folds, epochs=200, learning_rate=0.05)
    own = result.fold_weights[0].probabilities(views[folds != 0, 0]).argmax(1) == y[folds != 0]
    held = result.fold_weights[0].probabilities(views[folds == 0, 0]).argmax(1) == y[folds == 0]
    assert own.mean() > held.mean()


def test_without_validation_the_last_epoch_is_kept():
    views, y = _views(50, 4)
    result, epochs = _fit(views, y, np.full(len(y), -1))
    assert result.val is None and all(m.val_accuracy is None for m in epochs)
    assert list(result.fold_weights) == [-1]


def test_same_seed_same_weights():
    views, y = _views(100, 1)
    folds = stratified_folds(y, 5, 0)
    a = _fit(views, y, folds)[0]
    b = _fit(views, y, folds)[0]
    assert np.array_equal(a.weights.kernel, b.weights.kernel)


def test_cancel_stops_before_next_epoch():
    views, y = _views(50, 2)
    token = CancelToken()
    seen = []

    def stop_after_two(m):
        seen.append(m)
        if m.epoch == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        _fit(views, y, np.full(len(y), -1), on_epoch=stop_after_two, cancel=token)
    assert len(seen) == 2


def test_helpers():
    assert np.allclose(softmax(np.array([[0.0, 0.0], [1000.0, 0.0]])), [[0.5, 0.5], [1.0, 0.0]])
    assert np.allclose(class_weights(np.array([0, 0, 0, 1]), 2), [2 / 3, 2.0])
    assert better(Score(0.5, 0.9), Score(0.1, 0.8)) and better(Score(0.1, 0.9), Score(0.2, 0.9))
    assert not better(Score(0.3, 0.9), Score(0.2, 0.9)) and better(Score(9.0, 0.1), None)
