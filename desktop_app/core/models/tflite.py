"""TensorFlow Lite: a model converted to a .tflite file, run by LiteRT, and the copy kept of each model.

Converting needs TensorFlow; running does not: LiteRT, the runtime phones and boards use, is a small
package that starts in a tenth of a second where importing TensorFlow takes 3-9 s. So the command line's
one-shot calls (predict, evaluate) run a float32 copy of the model that is kept in the cache folder, under
a key of the model's network alone (its metadata, such as the "not sure" threshold, is read from the model
file itself, so changing it keeps the copy). A copy is kept only after it gave the Keras model's answers.
"""

import hashlib
import os
import tempfile
import warnings
import zipfile
from pathlib import Path

import numpy as np

from .. import paths
from ..atomic import atomic_path
from ..tf_runtime import tensorflow, without_chatter
from .bundle import METADATA_MEMBER, ModelBundle, write_savedmodel

KEPT_COPIES = 10  # the most recently used; the rest are deleted when a new one is made
_SAME_WITHIN = 1e-4  # largest probability difference a kept copy may show against the Keras model


def convert(bundle: ModelBundle, scratch: Path, quantize: bool) -> Path:
    """Write the model as a .tflite file in `scratch` (through a SavedModel, which the converter reads)."""
    tf = tensorflow()
    converter = tf.lite.TFLiteConverter.from_saved_model(str(write_savedmodel(bundle, scratch / "savedmodel")))
    if quantize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]  # dynamic range: int8 weights, float activations
    made = scratch / ("quantized.tflite" if quantize else "float32.tflite")
    made.write_bytes(converter.convert())
    return made


def litert_installed() -> bool:
    try:
        from ai_edge_litert.interpreter import Interpreter  # noqa: F401
    except ImportError:  # no wheel for Windows
        return False
    return True


class Runner:
    """A .tflite file, loaded once, as a function from a batch of pictures to class probabilities."""

    def __init__(self, path: Path, tensorflow_allowed: bool = True):
        """`tensorflow_allowed`: where LiteRT is not installed, TensorFlow's own interpreter (which warns that
        it is deprecated in favour of LiteRT) may run it; without, an ImportError."""
        try:
            from ai_edge_litert.interpreter import Interpreter
        except ImportError:
            if not tensorflow_allowed:
                raise
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="(?s).*tf.lite.Interpreter is deprecated",
                                        category=UserWarning)
                Interpreter = tensorflow().lite.Interpreter
        self._interpreter = Interpreter(model_path=str(path), num_threads=os.cpu_count() or 1)
        self._input = self._interpreter.get_input_details()[0]["index"]
        output = self._interpreter.get_output_details()[0]
        self._output = output["index"]
        self.outputs = int(output["shape"][-1])  # one per class
        self._shape: tuple[int, ...] | None = None

    def __call__(self, images: np.ndarray) -> np.ndarray:
        images = images.astype(np.float32)
        if images.shape != self._shape:
            self._interpreter.resize_tensor_input(self._input, images.shape)
            with without_chatter():  # LiteRT says it made its CPU delegate
                self._interpreter.allocate_tensors()
            self._shape = images.shape
        self._interpreter.set_tensor(self._input, images)
        self._interpreter.invoke()
        return np.array(self._interpreter.get_tensor(self._output))


def _copies_dir() -> Path:
    return paths.cache_dir() / "tflite"


def copy_path(model_path: str | os.PathLike) -> Path:
    """Where the copy of this model's network is kept (whether or not it has been made)."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(model_path) as archive:
        for name in sorted(archive.namelist()):
            if name != METADATA_MEMBER:
                digest.update(name.encode() + b"\0")
                digest.update(archive.read(name))
    return _copies_dir() / f"{digest.hexdigest()}.tflite"


def open_copy(model_path: str | os.PathLike) -> Runner | None:
    """The kept copy of the model, run by LiteRT; None when there is none, or LiteRT is not installed."""
    path = copy_path(model_path)
    if not path.is_file() or not litert_installed():
        return None
    os.utime(path)  # recently used: kept when older ones go
    return Runner(path, tensorflow_allowed=False)


def keep_copy(bundle: ModelBundle, model_path: str | os.PathLike) -> Path | None:
    """Convert the model and keep the copy, if it gives the model's answers (on pictures of noise, which
    exercise every layer; the tests compare them on real photos); None when it does not."""
    target = copy_path(model_path)
    size = bundle.image_size
    pictures = np.random.default_rng(0).integers(0, 256, (2, size, size, 3)).astype(np.float32)
    with tempfile.TemporaryDirectory(prefix=".tflite-") as scratch:
        made = convert(bundle, Path(scratch), quantize=False)
        expected = np.asarray(bundle.model.predict_on_batch(pictures))
        if np.abs(Runner(made)(pictures) - expected).max() > _SAME_WITHIN:
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as tmp:
            tmp.write_bytes(made.read_bytes())
    for old in sorted(_copies_dir().glob("*.tflite"), key=lambda p: p.stat().st_mtime, reverse=True)[KEPT_COPIES:]:
        old.unlink(missing_ok=True)
    return target
