"""Phase 1: the new output layer, trained on cached embeddings.

Plain numpy softmax regression with Adam: an epoch over a thousand embeddings costs well under a
millisecond, where a Keras `fit` epoch costs tens of milliseconds of framework overhead alone.
The result is loaded into the model's Dense layer, so what is saved is ordinary Keras.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .progress import CancelToken, EpochMetrics


@dataclass
class HeadWeights:
    kernel: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return softmax(features @ self.kernel + self.bias)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def class_weights(labels: np.ndarray, n_classes: int) -> np.ndarray:
    """Per-class loss weights so each class counts as much as the others, whatever its size."""
    counts = np.bincount(labels, minlength=n_classes).astype(np.float64)
    w = np.where(counts > 0, len(labels) / (n_classes * np.maximum(counts, 1)), 0.0)
    return w.astype(np.float32)


def cross_entropy(probs: np.ndarray, labels: np.ndarray) -> float:
    return float(-np.mean(np.log(np.clip(probs[np.arange(len(labels)), labels], 1e-7, 1.0))))


def score(probs: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """(loss, accuracy) of predicted probabilities."""
    return cross_entropy(probs, labels), float(np.mean(probs.argmax(axis=1) == labels))


def better(candidate: tuple[float, float], best: tuple[float, float] | None) -> bool:
    """Validation (loss, accuracy): higher accuracy wins; equal accuracy, lower loss wins."""
    if best is None:
        return True
    (c_loss, c_acc), (b_loss, b_acc) = candidate, best
    return c_acc > b_acc + 1e-9 or (abs(c_acc - b_acc) <= 1e-9 and c_loss < b_loss)


def train_head(x: np.ndarray, y: np.ndarray, x_val: np.ndarray, y_val: np.ndarray, n_classes: int, *,
               epochs: int, learning_rate: float, dropout: float, l2: float, batch_size: int, seed: int,
               on_epoch: Callable[[EpochMetrics], None], cancel: CancelToken
               ) -> tuple[HeadWeights, tuple[float, float] | None, int]:
    """Train; return the best epoch's weights, its validation (loss, accuracy) and its number.

    Without validation data the last epoch is the best.
    """
    rng = np.random.default_rng(seed)
    dim = x.shape[1]
    kernel = np.zeros((dim, n_classes), np.float32)
    bias = np.zeros(n_classes, np.float32)
    params = [kernel, bias]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    onehot = np.eye(n_classes, dtype=np.float32)[y]
    weight = class_weights(y, n_classes)[y]
    beta1, beta2, step = 0.9, 0.999, 0
    best, best_score, best_epoch = None, None, 0
    for epoch in range(1, epochs + 1):
        cancel.raise_if_cancelled()
        order = rng.permutation(len(x))
        for start in range(0, len(x), batch_size):
            idx = order[start:start + batch_size]
            xb = x[idx]
            if dropout:
                xb = xb * (rng.random(xb.shape) >= dropout) / (1.0 - dropout)
            wb = weight[idx][:, None]
            grad_logits = (softmax(xb @ kernel + bias) - onehot[idx]) * wb / wb.sum()
            grads = [xb.T @ grad_logits + l2 * kernel, grad_logits.sum(axis=0)]
            step += 1
            for p, g, mi, vi in zip(params, grads, m, v):
                mi *= beta1
                mi += (1 - beta1) * g
                vi *= beta2
                vi += (1 - beta2) * g * g
                p -= learning_rate * (mi / (1 - beta1 ** step)) / (np.sqrt(vi / (1 - beta2 ** step)) + 1e-7)
        head = HeadWeights(kernel.copy(), bias.copy())
        loss, acc = score(head.probabilities(x), y)
        val = score(head.probabilities(x_val), y_val) if len(x_val) else None
        on_epoch(EpochMetrics("head", epoch, epochs, loss, acc, *(val or (None, None))))
        if val is None or better(val, best_score):
            best, best_score, best_epoch = head, val, epoch
    return best, best_score, best_epoch
