"""Batches of decoded photos for Keras `fit` in the fine-tune phase (imported only when that phase runs)."""

import math

import keras
import numpy as np

from .augment import augment
from ..networks.features import BATCH_SIZE, iter_decoded


class ImageBatches(keras.utils.PyDataset):
    """Yields (images, labels, sample weights); photos are decoded in threads, never all held in memory."""

    def __init__(self, records, labels: np.ndarray, weights: np.ndarray, size: int, seed: int, *,
                 training: bool, augmenting: bool):
        # One worker: batches come in order, so a seed repeats a run exactly; decoding is threaded anyway.
        super().__init__(workers=1, use_multiprocessing=False)
        self.records, self.labels, self.weights = records, labels, weights
        self.size, self.seed, self.epoch = size, seed, 0
        self.training, self.augmenting = training, augmenting
        self.order = self._epoch_order()

    def __len__(self) -> int:
        return math.ceil(len(self.records) / BATCH_SIZE)

    def _augment(self, image: np.ndarray, i: int) -> np.ndarray:
        # Seeded per (run, epoch, image), so results repeat whatever order threads finish in.
        return augment(image, np.random.default_rng([self.seed, self.epoch, i]))

    def __getitem__(self, n: int):
        idx = self.order[n * BATCH_SIZE:(n + 1) * BATCH_SIZE]
        batch = [self.records[i].path for i in idx]
        augment = (lambda img, j: self._augment(img, int(idx[j]))) if self.augmenting else None
        ok, images, _failed = next(iter_decoded(batch, self.size, len(batch), augment))
        if images is None:  # every file of the batch vanished since its features were computed: weigh it zero
            return (np.zeros((1, self.size, self.size, 3), np.float32), self.labels[idx[:1]],
                    np.zeros(1, np.float32))
        sel = idx[ok]
        return images.astype(np.float32), self.labels[sel], self.weights[sel]

    def _epoch_order(self) -> np.ndarray:
        # Training batches mix the classes (records come sorted by class); validation keeps its order.
        if not self.training:
            return np.arange(len(self.records))
        return np.random.default_rng([self.seed, self.epoch]).permutation(len(self.records))

    def on_epoch_end(self) -> None:
        self.epoch += 1
        self.order = self._epoch_order()
