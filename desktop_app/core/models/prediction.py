"""Ask a trained model about new pictures."""

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PIL import Image

from . import tflite
from .bundle import ModelBundle, load_bundle, read_metadata
from .forward import ForwardPass
from ..limits import THRESHOLD
from ..networks.features import BATCH_SIZE, iter_decoded
from ..data.images import fit, is_image_name, is_junk_name
from ..progress import CancelToken, NullObserver, Observer, Phase


@dataclass(frozen=True)
class Prediction:
    path: str
    label: str  # the most likely class, also when the model is not sure
    confidence: float
    probabilities: dict[str, float]  # every class, in the model's class order
    sure: bool  # confidence reached the model's threshold; otherwise the answer is "not sure"

    @classmethod
    def from_probabilities(cls, path: str, classes: list[str], probabilities, threshold: float) -> "Prediction":
        """The one place the answer and the "sure" rule are made: the likeliest class, sure at the threshold."""
        best = int(np.argmax(probabilities))
        confidence = float(probabilities[best])
        return cls(path, classes[best], confidence, {c: float(p) for c, p in zip(classes, probabilities, strict=True)},
                   confidence >= threshold)

    def with_threshold(self, threshold: float) -> "Prediction":
        return replace(self, sure=self.confidence >= threshold)

    def top(self, k: int) -> list[tuple[str, float]]:
        return sorted(self.probabilities.items(), key=lambda kv: -kv[1])[:k]


@dataclass(frozen=True)
class PredictionError:
    path: str
    error: str


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[str]:
    """Files as given; folders replaced by the image files inside them (all levels, sorted)."""
    out: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not is_junk_name(d))
                out.extend(str(Path(dirpath) / f) for f in sorted(filenames)
                           if is_image_name(f) and not is_junk_name(f))
        else:
            out.append(str(p))
    return out


class Predictor:
    """Loads a model once; predicts as many files as asked, in batches.

    `threshold`: the confidence below which an answer is "not sure"; by default the one saved with the model.
    `quick`: for one-shot calls (the command line's predict and evaluate), run the model's kept TFLite copy
    with LiteRT when there is one, which spares importing TensorFlow (most of such a call's time); the Keras
    model otherwise. `self.quick` says which runs. `decode_threads`: how many threads decode photos (by
    default as many as the features pipeline uses).
    """

    def __init__(self, model: str | os.PathLike | ModelBundle, threshold: float | None = None, quick: bool = False,
                 decode_threads: int | None = None):
        self.decode_threads = decode_threads
        self._network: Callable[[np.ndarray], np.ndarray]
        self.bundle: ModelBundle | None = None
        """The Keras model it runs; None when it runs the kept TFLite copy."""
        self.forward: ForwardPass | None = None
        """How it runs the Keras model (which heatmaps share); None with the TFLite copy."""
        if isinstance(model, ModelBundle):
            self.bundle = model
        else:
            self.metadata = read_metadata(model)  # what is wrong with a damaged or foreign file is said first
            runner = tflite.open_copy(model) if quick else None
            if runner is not None and runner.outputs == len(self.metadata.classes):
                self._network = runner
            else:  # load_bundle says what is wrong with a file whose class names do not fit its network
                self.bundle = load_bundle(model)
        if self.bundle is not None:
            self.forward = ForwardPass(self.bundle)
            self.metadata, self._network = self.bundle.metadata, self.forward.probabilities
        self.threshold = THRESHOLD.check(float(self.metadata.threshold if threshold is None else threshold))

    @property
    def quick(self) -> bool:
        return self.bundle is None

    @property
    def classes(self) -> list[str]:
        return list(self.metadata.classes)

    def probabilities(self, images: np.ndarray) -> np.ndarray:
        return self._network(images)

    def predict_picture(self, rgb: np.ndarray, name: str) -> Prediction:
        """The answer for a picture held in memory (a camera frame: an RGB uint8 array of any size), prepared
        as a photo from a file is; `name` stands for its path."""
        image = fit(Image.fromarray(rgb), self.metadata.image_size, self.metadata.crops)
        return Prediction.from_probabilities(name, self.classes, self.probabilities(np.asarray(image)[None])[0],
                                             self.threshold)

    def predict(self, paths: Iterable[str | os.PathLike], observer: Observer | None = None,
                cancel: CancelToken | None = None) -> list[Prediction | PredictionError]:
        observer = observer or NullObserver()
        results: list[Prediction | PredictionError] = []
        for chunk, done, total in self.iter_predict(paths, cancel):
            results.extend(chunk)
            observer.on_progress(Phase.PREDICT, done, total)
        return results

    def iter_predict(self, paths: Iterable[str | os.PathLike], cancel: CancelToken | None = None
                     ) -> Iterator[tuple[list[Prediction | PredictionError], int, int]]:
        """Results a batch at a time, in the order of the files: (results, files done, files in all)."""
        cancel = cancel or CancelToken()
        files = expand_paths(paths)
        done = 0
        for ok, batch, failed in iter_decoded(files, self.metadata.image_size, BATCH_SIZE,
                                              crop=self.metadata.crops, workers=self.decode_threads):
            cancel.raise_if_cancelled()
            chunk: dict[int, Prediction | PredictionError] = {i: PredictionError(files[i], r) for i, r in failed}
            if batch is not None:
                for i, probs in zip(ok, self.probabilities(batch), strict=True):
                    chunk[i] = Prediction.from_probabilities(files[i], self.classes, probs, self.threshold)
            done += len(chunk)
            yield [chunk[i] for i in sorted(chunk)], done, len(files)
