"""Phase 1 on cached features: learns, selects the best epoch by validation, repeats with a seed."""

import numpy as np

from desktop_app.core.head import better, class_weights, score, softmax, train_head
from desktop_app.core.progress import CancelToken


CENTRES = np.random.default_rng(42).normal(0, 3, (3, 16))


def _blobs(n, seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    centres = CENTRES
    return (centres[y] + rng.normal(0, 1, (n, 16))).astype(np.float32), y


def _fit(x, y, xv, yv, **kw):
    epochs = []
    args = dict(n_classes=3, epochs=20, learning_rate=0.01, dropout=0.0, l2=1e-4, batch_size=32, seed=0,
                on_epoch=epochs.append, cancel=CancelToken())
    args.update(kw)
    return (*train_head(x, y, xv, yv, **args), epochs)


def test_learns_separable_classes_and_reports_every_epoch():
    x, y = _blobs(300, 0)
    xv, yv = _blobs(100, 1)
    head, val, best_epoch, epochs = _fit(x, y, xv, yv)
    assert [m.epoch for m in epochs] == list(range(1, 21)) and epochs[0].phase == "head"
    assert val[1] > 0.95 and score(head.probabilities(xv), yv) == val
    assert epochs[-1].loss < epochs[0].loss
    best = max(epochs, key=lambda m: (m.val_accuracy, -m.val_loss))
    assert best_epoch == best.epoch and val == (best.val_loss, best.val_accuracy)


def test_same_seed_same_weights():
    x, y = _blobs(100, 1)
    a = _fit(x, y, x[:0], y[:0], dropout=0.3)[0]
    b = _fit(x, y, x[:0], y[:0], dropout=0.3)[0]
    assert np.array_equal(a.kernel, b.kernel)


def test_cancel_stops_before_next_epoch():
    x, y = _blobs(50, 2)
    token = CancelToken()
    seen = []

    def stop_after_two(m):
        seen.append(m)
        if m.epoch == 2:
            token.cancel()

    import pytest
    from desktop_app.core.errors import Cancelled
    with pytest.raises(Cancelled):
        _fit(x, y, x[:0], y[:0], on_epoch=stop_after_two, cancel=token)
    assert len(seen) == 2


def test_helpers():
    assert np.allclose(softmax(np.array([[0.0, 0.0], [1000.0, 0.0]])), [[0.5, 0.5], [1.0, 0.0]])
    assert np.allclose(class_weights(np.array([0, 0, 0, 1]), 2), [2 / 3, 2.0])
    assert better((0.5, 0.9), (0.1, 0.8)) and better((0.1, 0.9), (0.2, 0.9)) and not better((0.3, 0.9), (0.2, 0.9))
