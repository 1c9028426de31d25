"""Models in the formats other programs run: Keras, TensorFlow SavedModel, TensorFlow Lite, ONNX, a web page.

Every export is loaded back and run on real images next to the original model before it is kept; one
that does not agree within its format's tolerance is not written. Each takes a photo as raw RGB pixels
(0..255, any size and shape: it cuts out the centred square itself; models made before that took
image_size x image_size) and returns one probability per class, in the order of labels.txt beside it.
The web page is checked by ONNX Runtime on the network it carries; its browser part by the tests.
"""

import contextlib
import errno
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..atomic import atomic_path, save_failed
from .bundle import ModelBundle, load_bundle, write_savedmodel
from .export_guide import write_guide
from ..errors import UserError
from ..i18n import QT_TR_NOOP, tr
from ..data.images import load_image
from .prediction import expand_paths
from .tflite import Runner, convert
from .web_page import make_web_page, read_network
from ..tf_runtime import tensorflow
from ..percent import percent
from ..progress import drive, time_left_words

CHECK_IMAGES = 32


@dataclass(frozen=True)
class ExportFormat:
    id: str
    label: str
    suffix: str  # added to the model's name
    same_answer_share: float  # share of check images whose top class must match the original's
    max_difference: float  # largest allowed difference of any class probability
    audience: str  # who runs it, in one line, marked for translation

    @property
    def name(self) -> str:
        """The label in the user's language."""
        return tr(self.label)

    @property
    def for_whom(self) -> str:
        """Who runs it, in the user's language."""
        return tr(self.audience)


FORMATS = {f.id: f for f in (
    ExportFormat("keras", QT_TR_NOOP("Keras (.keras)"), ".keras", 1.0, 1e-5,
                 QT_TR_NOOP("Python programs with Keras or TensorFlow; also to train the model further.")),
    ExportFormat("savedmodel", QT_TR_NOOP("TensorFlow SavedModel (folder)"), "_savedmodel", 1.0, 1e-4,
                 QT_TR_NOOP("Servers (TensorFlow Serving), TensorFlow in C++ or Java, and converters to other "
                            "formats.")),
    ExportFormat("tflite", QT_TR_NOOP("TensorFlow Lite, float32 (.tflite)"), "_float32.tflite", 1.0, 1e-4,
                 QT_TR_NOOP("Phone apps (Android, iOS) and small computers such as a Raspberry Pi, with LiteRT.")),
    # Weights stored as 8-bit integers, a quarter of the size; answers may move a little.
    ExportFormat("tflite-quantized", QT_TR_NOOP("TensorFlow Lite, quantised weights (.tflite)"), "_dynamic_int8.tflite",
                 0.9, 0.15, QT_TR_NOOP("The same, a quarter of the size, answers a little less exact: for slow "
                                       "devices and small downloads.")),
    ExportFormat("onnx", QT_TR_NOOP("ONNX (.onnx)"), ".onnx", 1.0, 1e-4,
                 QT_TR_NOOP("Programs in C#, C++, Java, JavaScript or Python with ONNX Runtime (Windows ML too).")),
    ExportFormat("web", QT_TR_NOOP("Web page (folder with index.html)"), "_web", 1.0, 1e-4,
                 QT_TR_NOOP("Anyone with a browser: open index.html and drop a photo on it, no install and no "
                            "upload; or put the folder on a website.")),
)}
ONNX_OPSET = 17  # read by ONNX Runtime 1.14 and later, and by Windows ML on Windows 11


class ExportError(UserError):
    """The export could not be made, or did not agree with the original model."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    labels: Path
    format: ExportFormat
    images_checked: int
    same_answer_share: float
    max_difference: float


@dataclass(frozen=True)
class ExportProgress:
    """An export's step as it begins: its words, where it stands, and the time the format has left."""

    words: str  # in the user's language: "Converting to TensorFlow Lite, float32 (.tflite)"
    step: int  # from 1
    steps: int
    seconds_left: float | None  # None until a step has been timed on this machine

    def line(self) -> str:
        """The step as one line: its words, the step of steps and, once known, the time left."""
        where = tr("step {step} of {steps}", step=self.step, steps=self.steps)
        if self.seconds_left is None:
            return tr("{step} ({where})", step=self.words, where=where)
        return tr("{step} ({where}, {time_left})", step=self.words, where=where,
                  time_left=time_left_words(self.seconds_left))


# Each step's seconds on a 2-core laptop CPU with the hot-dog model (EfficientNet-Lite0 at 320 px), by
# format where it differs: the time left is these, scaled by how long the steps before took here.
_OPEN_SECONDS, _PHOTOS_SECONDS, _CHECK_SECONDS = 1.5, 1.0, 1.0
_MAKE_SECONDS = {"keras": 0.2, "savedmodel": 4.0, "tflite": 8.5, "tflite-quantized": 10.0, "onnx": 7.5, "web": 8.0}


def export_model(model: str | os.PathLike, format_id: str, out_dir: str | os.PathLike,
                 check_images: Sequence[str | os.PathLike],
                 on_progress: Callable[[ExportProgress], object] = lambda _progress: None) -> ExportResult:
    """Export `model` into `out_dir` (created if needed) as `format_id`, checked on `check_images`;
    `on_progress` hears of each step as it begins."""
    return drive(exporting(model, format_id, out_dir, check_images), on_progress)


def exporting(model: str | os.PathLike, format_id: str, out_dir: str | os.PathLike,
              check_images: Sequence[str | os.PathLike]) -> Generator[ExportProgress, None, ExportResult]:
    """export_model() as a generator for the window's jobs: yields each step as it begins."""
    if format_id not in FORMATS:
        raise ExportError(tr("Unknown export format '{name}'; choose one of: {choices}.", name=format_id,
                             choices=", ".join(FORMATS)))
    fmt = FORMATS[format_id]
    clock = _StepClock([_OPEN_SECONDS, _PHOTOS_SECONDS, _MAKE_SECONDS[fmt.id], _CHECK_SECONDS])
    yield clock.begin(tr("Opening the model"))
    bundle = load_bundle(model)
    yield clock.begin(tr("Reading the check photos"))
    images = _check_batch(check_images, bundle.image_size, bundle.crops)
    expected = np.asarray(bundle.model.predict_on_batch(images))
    out_dir = Path(out_dir)
    target = out_dir / (Path(model).stem + fmt.suffix)
    with _writing(target), tempfile.TemporaryDirectory(prefix=".export-", dir=_writable(out_dir)) as scratch:
        yield clock.begin(tr("Making {format}", format=fmt.name))
        made = _MAKERS[fmt.id](bundle, Path(model), Path(scratch))
        yield clock.begin(tr("Checking it on %n photo(s) against the model", "", len(images)))
        got = _RUNNERS[fmt.id](made, images)
        same = float(np.mean(got.argmax(axis=1) == expected.argmax(axis=1)))
        diff = float(np.abs(got - expected).max())
        if same < fmt.same_answer_share or diff > fmt.max_difference:
            raise ExportError(tr("The {format} export did not match the original model on the check images (same "
                                 "answer on {same}, largest difference {difference:.3f}); it was not saved.",
                                 format=fmt.name, same=percent(same), difference=diff))
        _move_into_place(made, target)
    labels = out_dir / "labels.txt"
    with atomic_path(labels) as tmp:
        tmp.write_text("".join(f"{c}\n" for c in bundle.classes), encoding="utf-8")
    stem = Path(model).stem
    write_guide(out_dir, stem, bundle.metadata, [f for f in FORMATS.values() if (out_dir / (stem + f.suffix)).exists()])
    return ExportResult(target, labels, fmt, len(images), same, diff)


class _StepClock:
    """The time left in a run of steps of known typical length, scaled by this machine's pace so far."""

    def __init__(self, typical: list[float]):
        self._typical, self._started, self._step = typical, time.monotonic(), 0

    def begin(self, words: str) -> ExportProgress:
        done = sum(self._typical[:self._step])
        pace = (time.monotonic() - self._started) / done if done else None
        left = pace * sum(self._typical[self._step:]) if pace is not None else None
        self._step += 1
        return ExportProgress(words, self._step, len(self._typical), left)


@contextlib.contextmanager
def _writing(target: Path) -> Iterator[None]:
    """A full disk (or a folder without permission) while an export is written says so in the words a model
    save uses, whether Python or TensorFlow's own file code found it (the latter raised its own errors,
    which reached the user as 'unexpected failure (ResourceExhaustedError …)')."""
    try:
        yield
    except OSError as exc:
        raise save_failed(exc, target) from None
    except tensorflow().errors.OpError as exc:
        for text, code in (("No space left on device", errno.ENOSPC), ("Permission denied", errno.EACCES),
                           ("Read-only file system", errno.EROFS)):
            if text in str(exc):
                raise save_failed(OSError(code, text), target) from None
        raise


def _writable(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(tr("Cannot create the folder {folder}: {problem}.", folder=folder,
                             problem=exc.strerror or exc)) from None
    return folder


def _check_batch(paths: Sequence[str | os.PathLike], size: int, crop: bool) -> np.ndarray:
    images = []
    for path in expand_paths(paths):
        try:
            images.append(load_image(path, size, crop))
        except UserError:
            continue
        if len(images) == CHECK_IMAGES:
            break
    if not images:
        raise ExportError(tr("An export is checked on real images, but none could be read from the given paths."))
    return np.stack(images).astype(np.float32)


def _move_into_place(made: Path, target: Path) -> None:
    """Replace `target` (file or folder) by `made` so that it is never half-written."""
    if made.is_file():
        with atomic_path(target) as tmp:
            shutil.copyfile(made, tmp)
        return
    staged = target.with_name(f".{target.name}.part")
    shutil.rmtree(staged, ignore_errors=True)
    try:
        shutil.copytree(made, staged)
    except OSError:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}.old")
    if target.exists():
        os.replace(target, old)
    os.replace(staged, target)
    shutil.rmtree(old, ignore_errors=True)


# --- makers: write the export into a scratch folder and return its path --------------------------
def _make_keras(bundle: ModelBundle, source: Path, scratch: Path) -> Path:
    made = scratch / "model.keras"
    shutil.copyfile(source, made)  # the model file is already a standard .keras archive
    return made


def _make_savedmodel(bundle: ModelBundle, source: Path, scratch: Path) -> Path:
    return write_savedmodel(bundle, scratch / "savedmodel")


def _make_onnx(bundle: ModelBundle, source: Path, scratch: Path) -> Path:
    made = scratch / "model.onnx"
    with warnings.catch_warnings():  # Keras' tf2onnx shim asks numpy for `np.object`, which warns
        warnings.simplefilter("ignore", FutureWarning)
        bundle.model.export(str(made), format="onnx", verbose=False, opset_version=ONNX_OPSET)
    return made


# --- runners: load an export back the way another program would, and run it --------------------
def _run_keras(path: Path, images: np.ndarray) -> np.ndarray:
    return np.asarray(load_bundle(path).model.predict_on_batch(images))


def _run_savedmodel(path: Path, images: np.ndarray) -> np.ndarray:
    loaded = tensorflow().saved_model.load(str(path))
    return np.asarray(loaded.serve(images))


def _run_onnx(path: Path | bytes, images: np.ndarray) -> np.ndarray:
    import onnxruntime

    session = onnxruntime.InferenceSession(path if isinstance(path, bytes) else str(path),
                                           providers=["CPUExecutionProvider"])
    return np.asarray(session.run(None, {session.get_inputs()[0].name: images})[0])


def _run_web(path: Path, images: np.ndarray) -> np.ndarray:
    network = read_network(path)  # takes one photo at a time, already cut and resized as the browser does
    return np.concatenate([_run_onnx(network, image[None]) for image in images])


_MAKERS = {
    "keras": _make_keras,
    "savedmodel": _make_savedmodel,
    "onnx": _make_onnx,
    "web": lambda bundle, source, scratch: make_web_page(bundle, source.stem, scratch / "web", ONNX_OPSET),
    "tflite": lambda bundle, source, scratch: convert(bundle, scratch, quantize=False),
    "tflite-quantized": lambda bundle, source, scratch: convert(bundle, scratch, quantize=True),
}
_RUNNERS = {"keras": _run_keras, "savedmodel": _run_savedmodel, "tflite": lambda path, images: Runner(path)(images),
            "tflite-quantized": lambda path, images: Runner(path)(images), "onnx": _run_onnx, "web": _run_web}
