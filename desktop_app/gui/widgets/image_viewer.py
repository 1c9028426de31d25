"""One picture, large, with what the model said about it and, on request, where it looked (Grad-CAM)."""

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel

from ...core.errors import Failure, ImageError
from ...core.models.heatmap import Heatmap, HeatmapMaker, overlay
from ...core.data.images import thumbnail
from ..building import STRETCH, hbox, make_button, vbox
from ..jobs import JobSlot
from ..system import open_in_system

SIZE = 640
MIN_SIZE = 420


def to_pixmap(pixels: np.ndarray) -> QPixmap:
    h, w = pixels.shape[:2]
    pixels = np.ascontiguousarray(pixels)
    return QPixmap.fromImage(QImage(pixels.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy())


class ImageViewer(QDialog):
    heatmap_shown = Signal()
    """The heatmap finished computing and is on screen."""
    failed = Signal(object)
    """A Failure to show the user."""

    def __init__(self, path: str, caption: str, maker: HeatmapMaker | None, parent=None):
        super().__init__(parent)
        self.path, self.maker = path, maker
        self.heatmap: Heatmap | None = None
        self._plain: QPixmap | None = None
        self._explaining = JobSlot(self, tensorflow=True)
        self.setWindowTitle(Path(path).name)
        self.picture = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 240)
        try:
            self._plain = to_pixmap(thumbnail(path, SIZE))
            if max(self._plain.width(), self._plain.height()) < MIN_SIZE:  # small photos are shown bigger
                self._plain = self._plain.scaled(MIN_SIZE, MIN_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)
            self.picture.setPixmap(self._plain)
        except ImageError as exc:
            self._plain = None
            self.picture.setText(str(exc))
        self.caption = QLabel(caption, wordWrap=True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.why = QCheckBox(self.tr("Show where the model looked (heatmap)"))
        self.why.setEnabled(maker is not None and self._plain is not None)
        self.why.toggled.connect(self._on_why_toggled)
        vbox((self.picture, 1), self.caption,
             hbox(self.why, STRETCH, make_button(self.tr("Show in Folder"), self._on_show_in_folder),
                  make_button(self.tr("Close"), self.accept)),
             parent=self)

    @Slot(bool)
    def _on_why_toggled(self, on: bool) -> None:
        if not on:
            if self._plain is not None:
                self.picture.setPixmap(self._plain)
        elif self.heatmap is not None:
            self._show_heatmap()
        elif self.maker is not None and not self._explaining.busy:  # ticked again while it is being worked out
            self.why.setText(self.tr("Working out where the model looked…"))
            maker, path = self.maker, self.path
            self._explaining.start(lambda _cancel: maker.explain(path), self._on_heatmap, self._on_failed)

    @Slot(object)
    def _on_heatmap(self, heatmap: Heatmap) -> None:
        self.heatmap = heatmap
        self.why.setText(self.tr("Show where the model looked (heatmap)"))
        if self.why.isChecked():
            self._show_heatmap()

    def _show_heatmap(self) -> None:
        if self.heatmap is None or self._plain is None:
            return
        shown = to_pixmap(overlay(self.heatmap.image, self.heatmap.heat))
        self.picture.setPixmap(shown.scaled(self._plain.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
        self.heatmap_shown.emit()

    @Slot(object)
    def _on_failed(self, failure: Failure) -> None:
        self.why.setText(self.tr("Show where the model looked (heatmap)"))
        self.why.setChecked(False)
        self.failed.emit(failure)

    @Slot()
    def _on_show_in_folder(self) -> None:
        open_in_system(self, Path(self.path).parent)
