"""Phase 2 of training: the top layers of the backbone learn too, at a low learning rate, on varied photos.

Imported only when a run fine-tunes (it loads TensorFlow). The result is kept only if it beats the
output layer alone on the same validation photos.
"""

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..data.dataset import ImageRecord
from .head import Score, better, class_weights
from ..progress import CancelToken, EpochMetrics, Observer, Phase, Stage
from ..tf_runtime import keras


@dataclass(frozen=True)
class Split:
    """The photos phase 2 learns from and the ones that judge it."""

    train: list[ImageRecord]
    y_train: np.ndarray
    val: list[ImageRecord]
    y_val: np.ndarray


@dataclass(frozen=True)
class FineTuneJob:
    """What phase 2 works on."""

    model: Any  # the whole Keras model, its new output layer trained
    base: Any  # its backbone, whose top `depth` layers learn
    depth: int
    split: Split
    n_classes: int
    start: Score  # the output layer alone on split.val: fine-tuning is kept only if it does better


@dataclass(frozen=True)
class FineTuneOutcome:
    best: Score  # the best validation score (`start` when no epoch beat it)
    improved: bool  # whether an epoch beat `start`; the model holds that epoch's weights, else its first
    history: list[EpochMetrics] = field(default_factory=list)


class FineTuneProgress(keras().callbacks.Callback):  # type: ignore[misc]  # Keras is imported when first used
    """Reports each batch and epoch, stops on cancel, and keeps the weights of the best validation epoch."""

    def __init__(self, observer: Observer, cancel: CancelToken, epochs: int, steps: int, start: Score):
        super().__init__()
        self.observer, self.cancel, self.epochs, self.steps = observer, cancel, epochs, steps
        self.history: list[EpochMetrics] = []
        self.best, self.best_weights = start, None
        self._epoch = 0

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        self.observer.on_progress(Phase.FINE_TUNE, self._epoch * self.steps + batch + 1, self.epochs * self.steps)
        if self.cancel.cancelled:  # set here, not from outside: fit() resets stop_training when it starts
            self.model.stop_training = True
            self.model.stop_evaluating = True

    def on_test_batch_end(self, batch, logs=None):
        if self.cancel.cancelled:
            self.model.stop_evaluating = True

    def on_epoch_end(self, epoch, logs=None):
        if self.cancel.cancelled:
            return
        val = Score(float(logs["val_loss"]), float(logs["val_accuracy"]))
        metrics = EpochMetrics(Phase.FINE_TUNE, epoch + 1, self.epochs, float(logs["loss"]), float(logs["accuracy"]),
                               val.loss, val.accuracy)
        self.history.append(metrics)
        self.observer.on_epoch_end(metrics)
        if better(val, self.best):
            self.best, self.best_weights = val, self.model.get_weights()


def fine_tune(job: FineTuneJob, config, observer: Observer, cancel: CancelToken) -> FineTuneOutcome:
    """Unfreeze the top `job.depth` layers of the backbone and train; the model is left with the weights of
    the best validation epoch, or the ones it started with when none beat `job.start`."""
    from ..data.image_batches import ImageBatches

    k = keras()
    model, base, depth, split = job.model, job.base, job.depth, job.split
    base.trainable = True
    trainable_from = len(base.layers) - depth
    for i, layer in enumerate(base.layers):
        # BatchNorm stays frozen: its statistics come from ImageNet and a few hundred photos would spoil them.
        layer.trainable = i >= trainable_from and not isinstance(layer, k.layers.BatchNormalization)
    # Validation judges an exponential moving average of the weights (SwapEMAWeights): single steps on
    # a few hundred photos make the raw weights jump from epoch to epoch; their average is steadier.
    model.compile(optimizer=k.optimizers.Adam(config.fine_tune_learning_rate, use_ema=True, ema_momentum=0.9),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"], weighted_metrics=[])
    w = class_weights(split.y_train, job.n_classes)
    train_data = ImageBatches(split.train, split.y_train, w[split.y_train], config.image_size, config.seed,
                              training=True, augmenting=config.augment)
    val_data = ImageBatches(split.val, split.y_val, np.ones(len(split.y_val), np.float32), config.image_size,
                            config.seed, training=False, augmenting=False)
    progress = FineTuneProgress(observer, cancel, config.fine_tune_epochs, len(train_data), job.start)
    started_from = model.get_weights()
    observer.on_stage(Stage.FINE_TUNE)
    observer.on_progress(Phase.FINE_TUNE, 0, config.fine_tune_epochs * len(train_data))
    model.fit(train_data, validation_data=val_data, epochs=config.fine_tune_epochs, verbose=0,
              callbacks=[k.callbacks.SwapEMAWeights(swap_on_epoch=True), progress])
    cancel.raise_if_cancelled()
    improved = progress.best_weights is not None
    model.set_weights(progress.best_weights if improved else started_from)
    return FineTuneOutcome(progress.best, improved, progress.history)
