"""EfficientNet-Lite as Keras networks: the phone-friendly EfficientNet (no squeeze-and-excitation, ReLU6).

Keras ships no builder for the Lite variants, so this is one, after the block plan of Google's
`efficientnet/lite` (tensorflow/tpu, Apache-2.0). Layer names follow the PyTorch state dict that
scripts/convert_efficientnet_lite.py reads, so each tensor has exactly one home.
"""

import math
from dataclasses import dataclass

from ..tf_runtime import keras

# (repeats, kernel, stride, expand ratio, output filters) of the seven stages, as in EfficientNet-B0.
_STAGES = ((1, 3, 1, 1, 16), (2, 3, 2, 6, 24), (2, 5, 2, 6, 40), (3, 3, 2, 6, 80), (3, 5, 1, 6, 112),
           (4, 5, 2, 6, 192), (1, 3, 1, 6, 320))
_STEM_FILTERS = 32  # Lite keeps stem and head fixed rather than scaling them with width
_HEAD_FILTERS = 1280
_BN_EPSILON = 1e-3
_BN_MOMENTUM = 0.99


@dataclass(frozen=True)
class LiteVariant:
    width: float
    depth: float


# The two whose weights are bundled (trained at 224 and 260 px).
VARIANTS = {"EfficientNetLite0": LiteVariant(1.0, 1.0), "EfficientNetLite2": LiteVariant(1.1, 1.2)}


def _round_filters(filters: int, width: float, divisor: int = 8) -> int:
    scaled = filters * width
    rounded = max(divisor, int(scaled + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * scaled else rounded


def block_plan(variant: LiteVariant) -> list[tuple[int, int, int, int, int]]:
    """(kernel, stride, expand ratio, input filters, output filters) of every block, in order."""
    blocks, filters_in = [], _STEM_FILTERS
    for n, (repeats, kernel, stride, expand, out) in enumerate(_STAGES):
        filters_out = _round_filters(out, variant.width)
        # Lite keeps the first and the last stage at their single block.
        count = repeats if n in (0, len(_STAGES) - 1) else int(math.ceil(variant.depth * repeats))
        for i in range(count):
            blocks.append((kernel, stride if i == 0 else 1, expand, filters_in, filters_out))
            filters_in = filters_out
    return blocks


def _conv_bn(k, x, filters: int, kernel: int, stride: int, name: str, bn_name: str, relu: bool = True):
    x = k.layers.Conv2D(filters, kernel, stride, padding="same", use_bias=False, name=name)(x)
    x = k.layers.BatchNormalization(epsilon=_BN_EPSILON, momentum=_BN_MOMENTUM, name=bn_name)(x)
    return k.layers.ReLU(6.0, name=f"{name}_relu6")(x) if relu else x


def efficientnet_lite(name: str, input_shape=(None, None, 3), include_top: bool = False):
    """The network `name` (a key of VARIANTS) without weights: its feature map, or with `include_top` the
    1000 ImageNet class probabilities.

    Takes inputs already scaled to [-1, 1) as (x - 127) / 128.
    """
    k = keras()
    variant = VARIANTS[name]
    inputs = k.Input(input_shape, name="input")
    x = _conv_bn(k, inputs, _STEM_FILTERS, 3, 2, "stem_conv", "stem_bn")
    for b, (kernel, stride, expand, filters_in, filters_out) in enumerate(block_plan(variant)):
        p = f"block{b}"
        y = x
        if expand != 1:
            y = _conv_bn(k, y, filters_in * expand, 1, 1, f"{p}_expand_conv", f"{p}_expand_bn")
        y = k.layers.DepthwiseConv2D(kernel, stride, padding="same", use_bias=False, name=f"{p}_dwconv")(y)
        y = k.layers.BatchNormalization(epsilon=_BN_EPSILON, momentum=_BN_MOMENTUM, name=f"{p}_dw_bn")(y)
        y = k.layers.ReLU(6.0, name=f"{p}_dwconv_relu6")(y)
        y = _conv_bn(k, y, filters_out, 1, 1, f"{p}_project_conv", f"{p}_project_bn", relu=False)
        x = k.layers.Add(name=f"{p}_add")([x, y]) if stride == 1 and filters_in == filters_out else y
    x = _conv_bn(k, x, _HEAD_FILTERS, 1, 1, "head_conv", "head_bn")
    if include_top:
        x = k.layers.GlobalAveragePooling2D(name="avg_pool")(x)
        x = k.layers.Dense(1000, activation="softmax", name="predictions")(x)
    return k.Model(inputs, x, name=name.lower())
