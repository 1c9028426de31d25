"""The one model the window is using: opened once, shared by the Predict and Evaluate tabs.

Both tabs follow this object; neither holds a model of its own, so they can never disagree about which
model is in use, and a model is loaded once however many tabs use it. The "not sure" threshold lives
here too: moving it takes effect at once everywhere, and it is written into the model file only when
the user saves it.
"""

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from ...core.models.bundle import load_bundle, set_threshold
from ...core.errors import Failure
from ...core.models.heatmap import HeatmapMaker, heatmap_maker
from ...core.models.info import ModelInfo
from ...core.models.prediction import Predictor
from ...core.progress import CancelToken
from ..jobs import JobSlot


class ModelSession(QObject):
    opening = Signal(object)
    """The ModelInfo of a model that is being opened; until model_opened, no model is in use."""
    model_opened = Signal(object)
    """The ModelInfo of the model now in use (predictor and maker are ready)."""
    open_failed = Signal(object)
    """A Failure: the model could not be opened; no model is in use."""
    threshold_changed = Signal(float)
    """The threshold in use changed (saved or not)."""
    threshold_saved = Signal(float)
    """The threshold in use was written into the model file."""
    renamed = Signal(object)
    """The ModelInfo of the model in use after its file was renamed."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.info: ModelInfo | None = None
        self.predictor: Predictor | None = None
        self.maker: HeatmapMaker | None = None
        self.threshold = 0.0
        self.saved_threshold = 0.0
        self._loading = JobSlot(self, tensorflow=True)
        self._saving = JobSlot(self)

    @property
    def path(self) -> Path | None:
        return self.info.path if self.info is not None else None

    @property
    def ready(self) -> bool:
        return self.predictor is not None

    @property
    def threshold_unsaved(self) -> bool:
        return self.info is not None and self.threshold != self.saved_threshold

    def open(self, path: str | Path) -> None:
        """Read the model's description now (a UserError for a file that is not a model), load it off the GUI thread."""
        info = ModelInfo.read(path)
        self.info, self.predictor, self.maker = info, None, None
        self.threshold = self.saved_threshold = info.threshold
        self.opening.emit(info)
        self._saving.quit()  # a threshold being written belongs to the model before
        self._loading.start(lambda _cancel: _load(info.path), self._on_loaded, self._on_failed)

    @Slot(object)
    def _on_loaded(self, loaded: tuple[Predictor, HeatmapMaker | None]) -> None:
        predictor, maker = loaded
        predictor.threshold = self.threshold
        self.predictor, self.maker = predictor, maker
        self.model_opened.emit(self.info)

    @Slot(object)
    def _on_failed(self, failure: Failure) -> None:
        self.info = self.predictor = self.maker = None
        self.open_failed.emit(failure)

    def followed_rename(self, info: ModelInfo) -> None:
        """The file of the model in use was renamed (by the model library)."""
        self.info = info
        self.renamed.emit(info)

    # --- the "not sure" threshold ---------------------------------------------------------------
    def set_threshold(self, threshold: float) -> None:
        if threshold == self.threshold:
            return
        self.threshold = threshold
        if self.predictor is not None:
            self.predictor.threshold = threshold
        self.threshold_changed.emit(threshold)

    def reset_threshold(self) -> None:
        if self.info is not None:
            self.set_threshold(self.info.recommended_threshold)

    def save_threshold(self, on_failure) -> None:
        """Write the threshold in use into the model file, off the GUI thread; `on_failure(Failure)` if it cannot."""
        path, value = self.path, self.threshold
        if path is None:
            return
        def write(_cancel: CancelToken) -> float:
            set_threshold(path, value)
            return value

        self._saving.start(write, self._on_threshold_written, on_failure)

    @Slot(object)
    def _on_threshold_written(self, value: float) -> None:
        if self.info is not None:
            self.info = replace(self.info, threshold=value)
        self.saved_threshold = value
        self.threshold_saved.emit(value)


def _load(path: Path) -> tuple[Predictor, HeatmapMaker | None]:
    # One thread decodes: in the window every Python thread more is one more turn the GUI thread waits
    # for Python's lock (1,000 photos: longest stall 51-72 ms with two, 36-43 ms with one, in the same
    # 23 s, since the network is what takes the time).
    predictor = Predictor(load_bundle(path), decode_threads=1)
    assert predictor.forward is not None, "made from a Keras model"
    # Prepared now, once, for answers and heatmaps alike: the first heatmap someone asked for took 5-35 s
    # before (1 s after), and preparing holds Python's lock ~50 ms, a freeze wherever it happens.
    predictor.forward.warm_up()
    return predictor, heatmap_maker(predictor.forward)
