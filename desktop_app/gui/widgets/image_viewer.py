"""One picture, large, with what the model said about it and, on request, where it looked (Grad-CAM)."""

from pathlib import Path

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QWidget

from ...core.errors import Failure, ImageError
from ...core.models.heatmap import Heatmap, HeatmapMaker, overlay
from ...core.data.images import thumbnail
from ..building import STRETCH, hbox, make_button, panel, vbox
from ..jobs import JobSlot
from ..system import open_in_system

MIN_SIZE = 420  # smaller photos are shown enlarged to this, their detail is too small to judge otherwise
SCREEN_SHARE = 0.85  # of the screen the dialog may take: the photo at real size, unless the screen is smaller


def to_pixmap(pixels: np.ndarray) -> QPixmap:
    h, w = pixels.shape[:2]
    pixels = np.ascontiguousarray(pixels)
    return QPixmap.fromImage(QImage(pixels.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy())


class FittedPicture(QLabel):
    """A pixmap shown as large as the label allows, never larger than the pixmap itself, aspect kept."""

    def __init__(self):
        super().__init__(alignment=Qt.AlignmentFlag.AlignCenter)
        self.source: QPixmap | None = None
        self.setMinimumSize(320, 240)  # it asks for the photo's size (sizeHint) and may shrink to this

    def show_pixmap(self, pixmap: QPixmap) -> None:
        self.source = pixmap
        self._fit()

    def sizeHint(self) -> QSize:
        return self.source.size() if self.source is not None else super().sizeHint()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.source is None:
            return
        if self.source.width() <= self.width() and self.source.height() <= self.height():
            self.setPixmap(self.source)
        else:
            self.setPixmap(self.source.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))


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
        self.picture = FittedPicture()
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen()).availableGeometry()
        try:
            # Decoded no larger than the screen can show: a 24-megapixel photo need not be held whole.
            self._plain = to_pixmap(thumbnail(path, max(screen.width(), screen.height())))
            if max(self._plain.width(), self._plain.height()) < MIN_SIZE:
                self._plain = self._plain.scaled(MIN_SIZE, MIN_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)
            self.picture.show_pixmap(self._plain)
        except ImageError as exc:
            self._plain = None
            self.picture.setText(str(exc))
        self.caption = QLabel(caption, wordWrap=True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.why = QCheckBox(self.tr("Show where the model looked (heatmap)"))
        self.why.setEnabled(maker is not None and self._plain is not None)
        self.why.toggled.connect(self._on_why_toggled)
        self.key = self._heat_key()
        self.key.setVisible(False)
        vbox((self.picture, 1), self.caption, self.key,
             hbox(self.why, STRETCH, make_button(self.tr("Show in Folder"), self._on_show_in_folder),
                  make_button(self.tr("Close"), self.accept)),
             parent=self)
        self._fit_to(screen)

    def _heat_key(self) -> QWidget:
        """What the heatmap's colours mean: the overlay's own blend over grey, from cold to hottest."""
        ramp = np.tile(np.linspace(0, 1, 160, dtype=np.float32), (12, 1))
        strip = QLabel()
        strip.setPixmap(to_pixmap(overlay(np.full((*ramp.shape, 3), 128, np.uint8), ramp)))
        return panel(hbox(QLabel(self.tr("Where the answer came from:")), QLabel(self.tr("not at all")), strip,
                          QLabel(self.tr("most")), STRETCH, margins=False))

    def _fit_to(self, screen: QRect) -> None:
        """The photo at its real size if the screen has room, else the largest size that fits."""
        hint = self.sizeHint()
        self.resize(min(hint.width(), int(screen.width() * SCREEN_SHARE)),
                    min(hint.height(), int(screen.height() * SCREEN_SHARE)))

    @Slot(bool)
    def _on_why_toggled(self, on: bool) -> None:
        if not on:
            self.key.setVisible(False)
            if self._plain is not None:
                self.picture.show_pixmap(self._plain)
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
        self.picture.show_pixmap(shown.scaled(self._plain.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        self.key.setVisible(True)
        self.heatmap_shown.emit()

    @Slot(object)
    def _on_failed(self, failure: Failure) -> None:
        self.why.setText(self.tr("Show where the model looked (heatmap)"))
        self.why.setChecked(False)
        self.failed.emit(failure)

    @Slot()
    def _on_show_in_folder(self) -> None:
        open_in_system(self, Path(self.path).parent)
