"""Phase 1: the new output layer, trained on cached embeddings with cross-validation.

Plain numpy softmax regression with Adam: an epoch over a thousand embeddings costs milliseconds,
where a Keras `fit` epoch costs tens of milliseconds of framework overhead alone. The result is loaded
into the model's Dense layer, so what is saved is ordinary Keras.

With k folds, k layers train side by side, each validated on the images it did not see. Every epoch
reports the out-of-fold score over *all* images (five times as many validation images as one split has),
the best epoch is chosen on that score, and the saved layer is the average of the k layers at that epoch:
since each is linear, averaging weights is averaging their votes, and every image helps train it.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from ..progress import CancelToken, EpochMetrics, Phase


@dataclass
class HeadWeights:
    kernel: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return softmax(features @ self.kernel + self.bias)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def class_weights(labels: np.ndarray, n_classes: int) -> np.ndarray:
    """Per-class loss weights so each class counts as much as the others, whatever its size."""
    counts = np.bincount(labels, minlength=n_classes).astype(np.float64)
    w = np.where(counts > 0, len(labels) / (n_classes * np.maximum(counts, 1)), 0.0)
    return w.astype(np.float32)


def cross_entropy(probs: np.ndarray, labels: np.ndarray) -> float:
    return float(-np.mean(np.log(np.clip(probs[np.arange(len(labels)), labels], 1e-7, 1.0))))


class Score(NamedTuple):
    """How a layer or a model did on held-out photos."""

    loss: float
    accuracy: float


def score(probs: np.ndarray, labels: np.ndarray) -> Score:
    return Score(cross_entropy(probs, labels), float(np.mean(probs.argmax(axis=1) == labels)))


def better(candidate: Score, best: Score | None) -> bool:
    """Higher accuracy wins; at equal accuracy, lower loss wins."""
    if best is None:
        return True
    return candidate.accuracy > best.accuracy + 1e-9 or (abs(candidate.accuracy - best.accuracy) <= 1e-9
                                                         and candidate.loss < best.loss)


def stratified_folds(labels: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Fold number per image, each class spread evenly; -1 (never validated) for classes of one image."""
    rng = random.Random(seed)
    folds = np.full(len(labels), -1, dtype=np.int64)
    for c in np.unique(labels):
        members = [int(i) for i in np.flatnonzero(labels == c)]
        if len(members) < 2:
            continue
        rng.shuffle(members)
        for j, i in enumerate(members):
            folds[i] = j % k
    return folds


@dataclass
class HeadResult:
    weights: HeadWeights  # the average of the fold layers at the best epoch: what is saved
    val: Score | None  # its out-of-fold score; None when nothing was held out
    fold_of: np.ndarray  # fold number per image, -1 for images always trained on
    fold_weights: dict[int, HeadWeights]  # each fold's layer at the best epoch (it never saw its fold)
    oof_probabilities: np.ndarray  # (images, classes) from the layer that did not see each; rows with fold -1 unused
    history: list[EpochMetrics] = field(default_factory=list)  # every epoch's numbers, the best one among them


@dataclass(frozen=True)
class HeadSettings:
    epochs: int
    learning_rate: float  # Adam's
    l2: float  # weight decay on the kernel
    batch_size: int
    seed: int


def train_heads(views: np.ndarray, labels: np.ndarray, fold_of: np.ndarray, n_classes: int, settings: HeadSettings,
                cancel: CancelToken, on_epoch: Callable[[EpochMetrics], None] = lambda _metrics: None) -> HeadResult:
    """Train one layer per fold in `fold_of` on `views` (images, 2 views: as is and mirrored, features).

    The k layers step together as one batched computation (k x batch rows per matrix product), so k
    folds cost little more than one. Without any held-out image, one layer trains on everything and its
    last epoch is kept.
    """
    epochs, learning_rate, l2, batch_size = settings.epochs, settings.learning_rate, settings.l2, settings.batch_size
    n, dim = len(labels), views.shape[2]
    held_out = fold_of >= 0
    folds = sorted(set(fold_of[held_out].tolist())) or [-1]
    # Row i and row i + n are the two views of image i, read from `views` as needed (no copy of all rows).
    row_labels = np.concatenate([labels, labels])
    row_fold = np.concatenate([fold_of, fold_of])
    members = [np.flatnonzero(row_fold != f) if f >= 0 else np.arange(2 * n) for f in folds]
    row_weight = np.zeros((len(folds), 2 * n), np.float32)
    for k, rows in enumerate(members):
        row_weight[k, rows] = class_weights(row_labels[rows], n_classes)[row_labels[rows]]
    # Folds differ in size by a few images; shorter ones repeat a few rows so all step in lockstep.
    length = max(len(rows) for rows in members)
    eye = np.eye(n_classes, dtype=np.float32)
    kernel = np.zeros((len(folds), dim, n_classes), np.float32)
    bias = np.zeros((len(folds), 1, n_classes), np.float32)
    params = [kernel, bias]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    rng = np.random.default_rng(settings.seed)
    fold_rows = np.arange(len(folds))[:, None]
    step, result, history = 0, None, []
    for epoch in range(1, epochs + 1):
        cancel.raise_if_cancelled()
        order = np.stack([np.resize(rng.permutation(rows), length) for rows in members])
        loss_sum = correct = 0.0
        for start in range(0, length, batch_size):
            idx = order[:, start:start + batch_size]
            xb, yb, wb = views[idx % n, idx // n], row_labels[idx], row_weight[fold_rows, idx]
            probs = softmax(xb @ kernel + bias)
            # Training loss and accuracy as Keras reports them: each batch's, before its update.
            loss_sum -= np.log(np.clip(np.take_along_axis(probs, yb[..., None], axis=2), 1e-7, 1.0)).sum()
            correct += np.sum(probs.argmax(axis=2) == yb)
            grad_logits = (probs - eye[yb]) * (wb / wb.sum(axis=1, keepdims=True))[..., None]
            grads = [xb.transpose(0, 2, 1) @ grad_logits + l2 * kernel, grad_logits.sum(axis=1, keepdims=True)]
            step += 1
            lr_t = learning_rate * np.sqrt(1 - 0.999 ** step) / (1 - 0.9 ** step)
            for weight, g, (m, v) in zip(params, grads, moments, strict=True):
                m[...] = 0.9 * m + 0.1 * g  # Adam's moments and the weights, updated in place
                v[...] = 0.999 * v + 0.001 * g * g
                weight[...] -= lr_t * m / (np.sqrt(v) + 1e-7)
        layers = {f: HeadWeights(kernel[k].copy(), bias[k, 0].copy()) for k, f in enumerate(folds)}
        oof = np.zeros((n, n_classes), np.float32)
        for f, layer in layers.items():
            if f >= 0:
                oof[fold_of == f] = layer.probabilities(views[fold_of == f, 0])
        val = score(oof[held_out], labels[held_out]) if held_out.any() else None
        seen = order.size
        history.append(EpochMetrics(Phase.HEAD, epoch, epochs, float(loss_sum / seen), float(correct / seen),
                                    *(val or (None, None))))
        on_epoch(history[-1])
        if val is None or result is None or better(val, result.val):
            averaged = HeadWeights(kernel.mean(axis=0), bias.mean(axis=0)[0])
            result = HeadResult(averaged, val, fold_of, layers, oof, history)
    assert result is not None, "epochs >= 1: the first epoch always sets it"
    return result
