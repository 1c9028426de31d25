"""Phase 2 of training: the top layers of the backbone learn too, at a low learning rate, on varied photos.

Imported only when a run fine-tunes (it loads TensorFlow). The result is kept only if it beats the
output layer alone on the same validation photos.
"""

from dataclasses import dataclass

import numpy as np

from .dataset import ImageRecord
from .head import better, class_weights
from .progress import CancelToken, EpochMetrics, Observer, Phase, Stage
from .tf_runtime import keras


@dataclass(frozen=True)
class Split:
    """The photos phase 2 learns from and the ones that judge it."""

    train: list[ImageRecord]
    y_train: np.ndarray
    val: list[ImageRecord]
    y_val: np.ndarray


class FineTuneProgress(keras().callbacks.Callback):  # type: ignore[misc]  # Keras is imported when first used
    """Reports each batch and epoch, stops on cancel, and keeps the weights of the best validation epoch."""

    def __init__(self, observer: Observer, cancel: CancelToken, epochs: int, steps: int, start_val,
                 history: list[EpochMetrics]):
        super().__init__()
        self.observer, self.cancel, self.epochs, self.steps = observer, cancel, epochs, steps
        self.history = history
        self.best, self.best_weights = start_val, None
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
        val = (logs["val_loss"], logs["val_accuracy"])
        metrics = EpochMetrics(Phase.FINE_TUNE, epoch + 1, self.epochs, float(logs["loss"]), float(logs["accuracy"]),
                               float(val[0]), float(val[1]))
        self.history.append(metrics)
        self.observer.on_epoch_end(metrics)
        if better(val, self.best):
            self.best, self.best_weights = val, self.model.get_weights()


def fine_tune(model, base, depth: int, config, split: Split, n_classes: int, start_val, observer: Observer,
              cancel: CancelToken, history: list[EpochMetrics]):
    """Unfreeze the top `depth` layers of `base` and train. Returns (best validation (loss, acc), whether it beat
    `start_val`); `model` is left with the best weights (or the ones it started with)."""
    from .image_batches import ImageBatches

    k = keras()
    base.trainable = True
    trainable_from = len(base.layers) - depth
    for i, layer in enumerate(base.layers):
        # BatchNorm stays frozen: its statistics come from ImageNet and a few hundred photos would spoil them.
        layer.trainable = i >= trainable_from and not isinstance(layer, k.layers.BatchNormalization)
    # Validation judges an exponential moving average of the weights (SwapEMAWeights): single steps on
    # a few hundred photos make the raw weights jump from epoch to epoch; their average is steadier.
    model.compile(optimizer=k.optimizers.Adam(config.fine_tune_learning_rate, use_ema=True, ema_momentum=0.9),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"], weighted_metrics=[])
    w = class_weights(split.y_train, n_classes)
    train_data = ImageBatches(split.train, split.y_train, w[split.y_train], config.image_size, config.seed,
                              training=True, augmenting=config.augment)
    val_data = ImageBatches(split.val, split.y_val, np.ones(len(split.y_val), np.float32), config.image_size,
                            config.seed, training=False, augmenting=False)
    progress = FineTuneProgress(observer, cancel, config.fine_tune_epochs, len(train_data), start_val, history)
    started_from = model.get_weights()
    observer.on_stage(Stage.FINE_TUNE)
    observer.on_progress(Phase.FINE_TUNE, 0, config.fine_tune_epochs * len(train_data))
    model.fit(train_data, validation_data=val_data, epochs=config.fine_tune_epochs, verbose=0,
              callbacks=[k.callbacks.SwapEMAWeights(swap_on_epoch=True), progress])
    cancel.raise_if_cancelled()
    improved = progress.best_weights is not None
    model.set_weights(progress.best_weights if improved else started_from)
    return progress.best, improved
