"""A trained model as one file the user keeps: a standard `.keras` archive plus our metadata inside it.

Plain Keras loads the file as it is (it ignores the extra member) and predicts from raw 0..255 RGB.
"""

import json
import os
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..atomic import atomic_path
from ..errors import ModelFileError
from ..i18n import tr
from .metadata import DEFAULT_IMAGE_SIZE, FORMAT, FORMAT_VERSION, ModelMetadata
from ..limits import THRESHOLD, is_whole_number
from ..progress import CancelToken
from ..tf_runtime import keras, model_lock

METADATA_MEMBER = "finetune_studio.json"
MODEL_SUFFIX = ".keras"


@dataclass
class ModelBundle:
    model: Any  # keras.Model: raw RGB photos (any size; older models: image_size square) -> class probabilities
    metadata: ModelMetadata

    @property
    def classes(self) -> list[str]:
        return list(self.metadata.classes)

    @property
    def image_size(self) -> int:
        return self.metadata.image_size

    @property
    def crops(self) -> bool:
        """Whether the model sees the centred square of a photo (its crop_resize layer); older models were
        trained on photos squashed to a square and are fed them that way."""
        return self.metadata.crops


def save_bundle(bundle: ModelBundle, path: str | os.PathLike, cancel: CancelToken | None = None) -> Path:
    """Write atomically: until the new file is complete, any earlier file at `path` stays as it was.

    A cancel that arrives while writing is honoured up to the last moment, before the file is replaced.
    """
    path = _with_suffix(Path(path))
    with atomic_path(path) as tmp:
        with model_lock:
            bundle.model.save(tmp)
        with zipfile.ZipFile(tmp, "a") as zf:
            zf.writestr(METADATA_MEMBER, json.dumps(bundle.metadata.to_dict(), indent=1))
        if cancel is not None:
            cancel.raise_if_cancelled()
    return path


def write_savedmodel(bundle: ModelBundle, folder: Path) -> Path:
    """The model as a TensorFlow SavedModel in `folder` (an export, and what the TFLite converter reads)."""
    with model_lock:
        bundle.model.export(str(folder), format="tf_saved_model", verbose=False)
    return folder


def model_path_for(out: str | os.PathLike, name: str) -> Path:
    """Where a model asked for at `out` is saved: inside `out`, as `name`.keras, when it is a folder (it
    used to land beside it, as FOLDER.keras); else `out` itself, .keras added when it lacks it."""
    out = Path(out)
    return out / f"{name}{MODEL_SUFFIX}" if out.is_dir() else _with_suffix(out)


def _with_suffix(path: Path) -> Path:
    return path if path.suffix == MODEL_SUFFIX else path.with_name(path.name + MODEL_SUFFIX)


def read_metadata(path: str | os.PathLike) -> ModelMetadata:
    """The metadata alone, without loading TensorFlow (for listing models)."""
    path = Path(path)
    if path.is_dir():
        raise ModelFileError(tr("{name} is a folder, not a model file.", name=path.name))
    if not path.is_file():
        raise ModelFileError(tr("The model file {file} does not exist.", file=path))
    try:
        with zipfile.ZipFile(path) as zf:
            meta = json.loads(zf.read(METADATA_MEMBER))
    except KeyError:
        raise ModelFileError(tr("{name} is a Keras model but was not made by FineTune Studio (it has no class "
                                "names).", name=path.name)) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ModelFileError(tr("{name} is not a FineTune Studio model, or the file is damaged.",
                                name=path.name)) from None
    if meta.get("format") != FORMAT or not isinstance(meta.get("classes"), list):
        raise ModelFileError(tr("{name} is not a FineTune Studio model.", name=path.name))
    field = _invalid_field(meta)
    if field is None and meta.get("format_version", 0) > FORMAT_VERSION:
        raise ModelFileError(tr("{name} was made by a newer FineTune Studio; please update the app.", name=path.name))
    if field is not None:
        raise ModelFileError(tr("{name} is damaged: its “{field}” is not valid ({value}).", name=path.name,
                                field=field, value=str(meta.get(field))[:80]))
    try:
        return ModelMetadata.from_dict(meta)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ModelFileError(tr("{name} is not a FineTune Studio model, or the file is damaged.",
                                name=path.name)) from None


def _invalid_field(meta: dict) -> str | None:
    """The first field a hand-edited or damaged file holds in a form the app cannot use, if any."""
    if not is_whole_number(meta.get("format_version", 0)):
        return "format_version"
    classes = meta["classes"]
    if len(classes) < 2 or len(set(classes)) != len(classes) or not all(isinstance(c, str) and c for c in classes):
        return "classes"
    for key in ("threshold", "recommended_threshold"):
        value = meta.get(key, 0.0)
        if isinstance(value, bool) or not isinstance(value, int | float) or not THRESHOLD.allows(value):
            return key
    size = meta.get("image_size", DEFAULT_IMAGE_SIZE)
    if not is_whole_number(size) or not 1 <= size <= 4096:
        return "image_size"
    return None



def set_threshold(path: str | os.PathLike, threshold: float) -> None:
    """Save a new "not sure" threshold into the model file (rewritten atomically; nothing else changes)."""
    update_metadata(path, threshold=float(threshold))


def update_metadata(path: str | os.PathLike, **changes: Any) -> None:
    """Rewrite the model file atomically with some ModelMetadata fields changed; the model is copied as it is."""
    path = Path(path)
    meta = replace(read_metadata(path), **changes).to_dict()
    with atomic_path(path) as tmp, zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w") as dst:
        for item in src.infolist():
            if item.filename != METADATA_MEMBER:
                dst.writestr(item, src.read(item))
        dst.writestr(METADATA_MEMBER, json.dumps(meta, indent=1))


def load_bundle(path: str | os.PathLike) -> ModelBundle:
    """Load with Keras' safe mode: a file carrying code (Lambda layers, custom objects) is refused."""
    meta = read_metadata(path)
    if Path(path).suffix != MODEL_SUFFIX:  # Keras reads only files named .keras, and says so at length
        raise ModelFileError(tr("{name} is a model file under another name: rename it to end in .keras.",
                                name=Path(path).name))
    try:
        with model_lock:
            model = keras().models.load_model(path, safe_mode=True, compile=False)
    except Exception as exc:  # Keras raises many types for foreign or damaged files
        raise ModelFileError(tr("{name} could not be opened as a model: {problem}", name=Path(path).name,
                                problem=str(exc).splitlines()[0])) from None
    outputs = model.outputs[0].shape[-1]
    if outputs != len(meta.classes):
        raise ModelFileError(tr("{name} is inconsistent: {outputs} outputs for {classes} class names.",
                                name=Path(path).name, outputs=outputs, classes=len(meta.classes)))
    return ModelBundle(model, meta)
