"""The pretrained networks a model can be built on, and where their weights are found offline.

Nothing here downloads. A backbone is usable when its weight file is bundled in desktop_app/resources/models/,
was imported by the user, or sits in Keras' own cache folder with the hash Keras publishes for it.
"""

import functools
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..atomic import atomic_path
from .efficientnet_lite import VARIANTS, efficientnet_lite
from ..errors import BackboneUnavailable, UserError
from ..i18n import QT_TR_NOOP, tr
from ..tf_runtime import keras, model_lock

# Per-channel BGR means of the ImageNet photos, as Keras' "caffe" preprocessing subtracts them.
_CAFFE_BGR_MEAN = (103.939, 116.779, 123.68)


@dataclass(frozen=True)
class Backbone:
    id: str
    label: str
    description: str
    application: str  # the keras.applications constructor
    options: tuple[tuple[str, object], ...]
    preprocessing: str  # "tf": x/127.5-1; "lite": (x-127)/128; "caffe": BGR minus mean; "builtin": the network does it
    weights_file: str  # file name in desktop_app/resources/models/ (bundled) or Keras' cache (official)
    sha256: str | None = None  # for bundled files
    keras_md5: str | None = None  # what Keras publishes for its official file
    bundled: bool = False
    fine_tune_layers: int = 20  # top layers unfrozen in phase 2 by default
    image_size: int = 224  # the picture size it sees by default (pixels, square)
    image_sizes: tuple[int, ...] = (160, 192, 224)  # the sizes a user may choose; image_size is one of them

    @property
    def add_hint(self) -> str:
        return tr("Put the file '{file}' in {folder} or import it with: {command} import-weights {backbone} FILE",
                  file=self.weights_file, folder=paths.keras_models_dir(), command=paths.command_line(),
                  backbone=self.id)

    @property
    def blurb(self) -> str:
        """What the network is good for, in the user's language."""
        return tr(self.description)


BACKBONES: tuple[Backbone, ...] = (
    Backbone("efficientnet_lite0", "EfficientNet-Lite0",
             QT_TR_NOOP("Sharp and made for ordinary computers: the usual best choice."),
             "EfficientNetLite0", (), "lite", "efficientnet_lite0_imagenet_no_top.weights.h5",
             sha256="14c4e9b574eb7376387947135face6d91686fafc7a889bd4dd8247f4bb2b2e8a", bundled=True,
             image_size=320, image_sizes=(224, 256, 288, 320)),
    Backbone("efficientnet_lite2", "EfficientNet-Lite2",
             QT_TR_NOOP("The sharpest bundled network; a little slower than Lite0."),
             "EfficientNetLite2", (), "lite", "efficientnet_lite2_imagenet_no_top.weights.h5",
             sha256="48c159b8e91dccc7151ead6dfa03371f994a332fd056ca5e42ae313235f348be", bundled=True,
             image_size=320, image_sizes=(260, 288, 320)),
    Backbone("mobilenet_v2_1.0", "MobileNetV2 1.0",
             QT_TR_NOOP("Fast; a few points less accurate than EfficientNet-Lite."),
             "MobileNetV2", (("alpha", 1.0),), "tf", "mobilenet_v2_1.0_224_imagenet_no_top.weights.h5",
             sha256="6714965a05ee6d8568343664bb9cda7456c6eb1fa190a6f5eb39bf087068b100", bundled=True),
    Backbone("mobilenet_v2_0.35", "MobileNetV2 0.35", QT_TR_NOOP("The fastest; clearly less accurate."),
             "MobileNetV2", (("alpha", 0.35),), "tf", "mobilenet_v2_0.35_224_imagenet_no_top.weights.h5",
             sha256="04af0032331eca800a501cbd14b1861ef1d07bfa5728325084bbe295e7ffaecb", bundled=True),
    Backbone("resnet50", "ResNet50", QT_TR_NOOP("The original tutorial's network: large and slow on a laptop."),
             "ResNet50", (), "caffe", "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5",
             keras_md5="4d473c1dd8becc155b73f8504c6f6626", fine_tune_layers=12),
    Backbone("efficientnet_b0", "EfficientNetB0", QT_TR_NOOP("Accurate, moderately fast."),
             "EfficientNetB0", (), "builtin", "efficientnetb0_notop.h5",
             keras_md5="50bc09e76180e00e4465e1a485ddc09d"),
    Backbone("mobilenet_v3_small", "MobileNetV3 Small", QT_TR_NOOP("Very fast, less accurate."),
             "MobileNetV3Small", (("include_preprocessing", True),), "builtin",
             "weights_mobilenet_v3_small_224_1.0_float_no_top_v2.h5",
             keras_md5="d3e8ec802a04aa4fc771ee12a9a9b836"),
    Backbone("mobilenet_v3_large", "MobileNetV3 Large", QT_TR_NOOP("Fast and accurate."),
             "MobileNetV3Large", (("include_preprocessing", True),), "builtin",
             "weights_mobilenet_v3_large_224_1.0_float_no_top_v2.h5",
             keras_md5="07fb09a5933dd0c8eaafa16978110389"),
)
DEFAULT_BACKBONE = "efficientnet_lite0"


def get_backbone(backbone_id: str) -> Backbone:
    for b in BACKBONES:
        if b.id == backbone_id:
            return b
    raise UserError(tr("Unknown network '{name}'. Choose one of: {choices}.", name=backbone_id,
                       choices=", ".join(b.id for b in BACKBONES)))


@functools.lru_cache(maxsize=32)
def _file_digest(path: str, algorithm: str, size: int, mtime_ns: int) -> str:
    h = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def file_digest(path: Path, algorithm: str) -> str:
    st = path.stat()
    return _file_digest(str(path), algorithm, st.st_size, st.st_mtime_ns)


def _verified(backbone: Backbone, path: Path) -> bool:
    if backbone.sha256:
        return file_digest(path, "sha256") == backbone.sha256
    if backbone.keras_md5:
        return file_digest(path, "md5") == backbone.keras_md5
    return True


def locate_weights(backbone: Backbone) -> Path:
    """The verified weight file for `backbone`, or BackboneUnavailable saying how to add one."""
    candidates = [folder / backbone.weights_file for folder in (paths.imported_weights_dir(), paths.keras_models_dir())]
    if backbone.bundled:
        candidates.insert(0, paths.RESOURCES_DIR / "models" / backbone.weights_file)
    damaged = []
    for path in candidates:
        if path.is_file():
            if _verified(backbone, path):
                return path
            damaged.append(str(path))
    if damaged:
        raise BackboneUnavailable(tr("{network}: the weight file {file} is damaged or not the official one (its "
                                     "checksum does not match). {how_to_add}", network=backbone.label,
                                     file=damaged[0], how_to_add=backbone.add_hint))
    raise BackboneUnavailable(tr("{network} is not installed. {how_to_add}", network=backbone.label,
                                 how_to_add=backbone.add_hint))


def availability() -> list[tuple[Backbone, str | None]]:
    """Each backbone with None when usable, else the reason it is not (with how to add it)."""
    result: list[tuple[Backbone, str | None]] = []
    for b in BACKBONES:
        try:
            locate_weights(b)
            result.append((b, None))
        except BackboneUnavailable as exc:
            result.append((b, str(exc)))
    return result


def _preprocessing_layer(backbone: Backbone):
    k = keras()
    if backbone.preprocessing == "tf":
        return k.layers.Rescaling(1 / 127.5, offset=-1.0, name="preprocess")
    if backbone.preprocessing == "lite":
        return k.layers.Rescaling(1 / 128, offset=-127 / 128, name="preprocess")
    if backbone.preprocessing == "caffe":
        # A fixed 1x1 convolution swaps RGB to BGR and subtracts the mean: plain layers, so the saved
        # model loads in Keras' safe mode and takes raw RGB like every other backbone.
        swap = [[[[0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]]]
        layer = k.layers.Conv2D(3, 1, name="preprocess", trainable=False,
                                kernel_initializer=k.initializers.Constant(swap),
                                bias_initializer=k.initializers.Constant([-m for m in _CAFFE_BGR_MEAN]))
        return layer
    return None


def check_image_size(backbone: Backbone, size: int) -> None:
    """A UserError naming the sizes the network allows, unless `size` is one of them."""
    if size not in backbone.image_sizes:
        raise UserError(tr("{network} sees pictures of {sizes} pixels, not {size}.", network=backbone.label,
                           sizes=", ".join(map(str, backbone.image_sizes)), size=size))


def build_network(backbone: Backbone, image_size: int, weights: Path | None):
    """(crop + preprocessing + backbone + pooling) as one Keras function from a raw 0..255 RGB photo of any
    size and shape to a feature vector.

    The photo's centred square is cut out and resized inside the model (a standard Keras Resizing layer,
    so every export does it too): whoever runs the model only hands it pixels, as the app does.
    The feature map is pooled twice, by average (how much of each pattern) and by maximum (its strongest
    single occurrence), as fastai's concat pooling does: the maximum keeps a small object that averaging
    over a busy background would dilute. On the hot-dog photos it lifts a linear head by about 2 points.
    Returns (feature_model, base): `base` is the pretrained part, whose top layers phase 2 unfreezes.
    """
    spare = _spare.pop((backbone.id, image_size, weights), None)
    if spare is not None:
        return spare
    k = keras()
    with model_lock:
        return _build_network(k, backbone, image_size, weights)


_spare: dict[tuple[str, int, Path | None], tuple] = {}


def build_ahead(backbone: Backbone, image_size: int, weights: Path | None) -> None:
    """Build the network a run will likely ask build_network for, while nobody waits (the training engine,
    as it waits for its run): building one and loading its weights took 1.4 s of a 2.7 s retrain. Handed
    out once, since training changes it; one at a time."""
    _spare.clear()
    _spare[(backbone.id, image_size, weights)] = build_network(backbone, image_size, weights)


def _base(k, backbone: Backbone, image_size: int):
    if backbone.application in VARIANTS:
        return efficientnet_lite(backbone.application, input_shape=(image_size, image_size, 3))
    constructor = getattr(k.applications, backbone.application)
    return constructor(input_shape=(image_size, image_size, 3), include_top=False, pooling=None, weights=None,
                       **dict(backbone.options))


def _build_network(k, backbone: Backbone, image_size: int, weights: Path | None):
    base = _base(k, backbone, image_size)
    if weights is not None:
        base.load_weights(str(weights))
    base.trainable = False
    inputs = k.Input((None, None, 3), name="image")
    # Same arithmetic as images.centre_square; bilinear, because TensorFlow Lite has no antialiased resize.
    x = k.layers.Resizing(image_size, image_size, crop_to_aspect_ratio=True, name="crop_resize")(inputs)
    pre = _preprocessing_layer(backbone)
    x = pre(x) if pre is not None else x
    # training=False keeps BatchNorm in inference mode even when the top of `base` is unfrozen later.
    feature_map = base(x, training=False)
    features = k.layers.Concatenate(name="avg_max_pool")([k.layers.GlobalAveragePooling2D(name="avg_pool")(feature_map),
                                                          k.layers.GlobalMaxPooling2D(name="max_pool")(feature_map)])
    return k.Model(inputs, features, name=f"{backbone.id.replace('.', '_')}_features"), base


def import_weights(backbone_id: str, source: str | Path) -> Path:
    """Check a user's weight file (official hash where Keras has one; it must load) and keep a copy."""
    backbone = get_backbone(backbone_id)
    source = Path(source).expanduser()
    if source.is_dir():
        raise UserError(tr("{file} is a folder; name the weight file itself.", file=source))
    if not source.is_file():
        raise UserError(tr("The file {file} does not exist.", file=source))
    if not _verified(backbone, source):
        raise UserError(tr("{file} is not the official {network} weight file (checksum mismatch).", file=source,
                           network=backbone.label))
    try:
        build_network(backbone, backbone.image_size, source)
    except Exception as exc:  # any load failure means the file does not fit this network
        raise UserError(tr("{file} does not hold {network} weights: {problem}", file=source, network=backbone.label,
                           problem=exc)) from None
    target = paths.imported_weights_dir() / backbone.weights_file
    with atomic_path(target) as tmp:
        shutil.copyfile(source, tmp)
    return target
