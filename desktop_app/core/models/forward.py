"""A model's one prepared computation, shared by its answers and its heatmaps.

TensorFlow prepares (traces) a computation before its first run, and that holds Python's lock in one piece
for about 50 ms (46-54 ms measured on a quiet 2-core machine), long enough to freeze the window. Keras'
predict_on_batch traces once for the first batch shape, again for the second, and a heatmap model a third
time. One function for any number of pictures, giving the backbone's last feature map and the answer in
one pass, is traced once and then serves answers of every batch size and heatmaps alike, as fast as
predict_on_batch (0.68 vs 0.70 s for 32 photos at 320 pixels).
"""

import numpy as np

from .bundle import ModelBundle
from ..tf_runtime import keras, model_lock, tensorflow

FEATURE_MAP_LAYER = "avg_pool"  # the output layer's pooling reads the backbone's last feature map


class ForwardPass:
    def __init__(self, bundle: ModelBundle):
        self.bundle = bundle
        model = bundle.model
        with model_lock:
            try:
                feature_map = [model.get_layer(FEATURE_MAP_LAYER).input]
            except ValueError:  # Keras' answer for a layer the model does not have: a model of another shape
                feature_map = []
            both = keras().Model(model.inputs, [*feature_map, model.outputs[0]])
        self.has_feature_map = bool(feature_map)
        tf = tensorflow()
        size = bundle.image_size
        # Bytes in, made numbers inside: handing TensorFlow a batch copies it while holding Python's lock, and
        # 32 photos at 320 px are 39 MB as float32 (about 7 ms quiet, several times that beside a busy
        # processor: the window stood still up to 62 ms as a prediction began), 10 MB as bytes.
        # Flattened: a model of one output gives its tensor, not a list of one.
        self._function = tf.function(
            lambda pictures: tuple(tf.nest.flatten(both(tf.cast(pictures, tf.float32), training=False))),
            input_signature=[tf.TensorSpec([None, size, size, 3], tf.uint8)])

    def __call__(self, pictures: np.ndarray) -> tuple[np.ndarray | None, np.ndarray]:
        """(feature maps or None, class probabilities) for a batch of image_size squares, RGB uint8."""
        *feature_maps, probabilities = self._run(pictures)
        return (np.asarray(feature_maps[0]) if feature_maps else None), np.asarray(probabilities)

    def probabilities(self, pictures: np.ndarray) -> np.ndarray:
        return np.asarray(self._run(pictures)[-1])  # the feature maps stay TensorFlow's, never copied

    def _run(self, pictures: np.ndarray) -> tuple:
        return self._function(np.asarray(pictures, np.uint8))

    def warm_up(self) -> None:
        """Trace now (on a blank picture) rather than at the first answer or heatmap someone waits for."""
        size = self.bundle.image_size
        self.probabilities(np.zeros((1, size, size, 3), np.uint8))
