"""Why did it say that: a Grad-CAM heatmap of where in the picture the answer came from.

Grad-CAM weights each channel k of the backbone's last feature map A by the average gradient of the
class score over the map, then keeps the positive part of the weighted sum. Our output layer is linear
over [average(A), maximum(A)], so that gradient is known in closed form: for class c it averages to
(W_avg[k, c] + W_max[k, c]) / (H * W) for every channel. The heatmap is therefore
relu(A . (W_avg[:, c] + W_max[:, c])), the same as Grad-CAM computes with a gradient tape, for the
cost of one forward pass to the feature map.
"""

import os
from dataclasses import dataclass

import numpy as np
from PIL import Image

from .forward import ForwardPass
from ..data.images import centre_square, decode, read_bytes, thumbnail

DISPLAY_SIZE = 768  # the largest side of the picture a heatmap is returned with


@dataclass(frozen=True)
class Heatmap:
    image: np.ndarray  # the picture, upright RGB uint8, at most DISPLAY_SIZE on its longest side
    heat: np.ndarray  # same height and width, 0..1: how much each place pushed towards `label`
    label: str
    confidence: float


class HeatmapMaker:
    def __init__(self, forward: ForwardPass):
        """`forward`: the model's pass that also gives its last feature map (the one its answers come from)."""
        if not forward.has_feature_map:
            raise ValueError("the model has no feature map under its output layer")
        self.bundle, self._forward = forward.bundle, forward
        kernel = self.bundle.model.get_layer("classifier").get_weights()[0]
        channels = kernel.shape[0] // 2
        self._channel_weights = kernel[:channels] + kernel[channels:]  # (channels, classes)

    def explain(self, path: str | os.PathLike, label: str | None = None) -> Heatmap:
        """The heatmap for `label`, by default the class the model predicts for the picture."""
        data = read_bytes(path)
        size = self.bundle.image_size
        x = decode(data, size, self.bundle.crops)[None]
        feature_maps, answers = self._forward(x)
        assert feature_maps is not None, "a maker is made only for a pass with a feature map"
        feature_map, probs = feature_maps[0], answers[0]  # (h, w, channels), (classes,)
        c = self.bundle.classes.index(label) if label is not None else int(np.argmax(probs))
        cam = np.maximum(feature_map @ self._channel_weights[:, c], 0.0)
        picture = thumbnail(path, DISPLAY_SIZE)  # a 24-megapixel photo is not decoded at full size
        height, width = picture.shape[:2]
        # The model saw the centred square (older models: the whole photo squashed); outside it, no heat.
        top, left, side = centre_square(height, width) if self.bundle.crops else (0, 0, None)
        seen = (side, side) if side else (width, height)
        heat = np.zeros((height, width), np.float32)
        heat[top:top + seen[1], left:left + seen[0]] = np.asarray(
            Image.fromarray(cam.astype(np.float32), "F").resize(seen, Image.Resampling.BILINEAR), np.float32)
        peak = heat.max()
        return Heatmap(picture, heat / peak if peak > 0 else heat, self.bundle.classes[c], float(probs[c]))


def heatmap_maker(forward: ForwardPass) -> HeatmapMaker | None:
    """A HeatmapMaker, or None for a model without an output layer over average and max pooling."""
    try:
        return HeatmapMaker(forward)
    except ValueError:  # no feature map, or Keras' answer to get_layer for a layer the model does not have
        return None


def overlay(image: np.ndarray, heat: np.ndarray, strength: float = 0.5) -> np.ndarray:
    """The picture with the heat laid over it: dark red through yellow to white where it is hottest."""
    h = heat[..., None]
    colour = np.clip(np.concatenate([3 * h, 3 * h - 1, 3 * h - 2], axis=-1), 0, 1) * 255
    alpha = strength * np.clip(h * 1.5, 0, 1)  # cold places stay as they are
    return (image * (1 - alpha) + colour * alpha).astype(np.uint8)
