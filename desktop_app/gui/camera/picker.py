"""The camera a dialog shows: a list to choose from, and the frames and failures of the chosen one."""

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox

from .sources import Cameras, FrameSource


class CameraPicker(QObject):
    """Runs the camera chosen in `combo`, one at a time; `latest` is its newest frame."""

    frame = Signal(QImage)
    failed = Signal(str)
    """Plain words; there is no camera running any more."""

    def __init__(self, cameras: Cameras, combo: QComboBox, parent: QObject):
        super().__init__(parent)
        self.cameras, self.combo = cameras, combo
        self.latest: QImage | None = None
        self.running: FrameSource | None = None
        for source in cameras.sources:
            combo.addItem(source.name)
        combo.setEnabled(len(cameras.sources) > 1)
        combo.currentIndexChanged.connect(self._on_chosen)

    def start(self) -> None:
        """The chosen camera starts; without any, `failed` says why."""
        if not self.cameras.sources:
            self.failed.emit(self.cameras.problem)
        else:
            self._on_chosen(self.combo.currentIndex())

    def stop(self) -> None:
        if self.running is not None:
            self.running.frame.disconnect(self._on_frame)
            self.running.failed.disconnect(self._on_failed)
            self.running.stop()
            self.running = None
        self.latest = None

    @Slot(int)
    def _on_chosen(self, row: int) -> None:
        self.stop()
        self.running = self.cameras.sources[row]
        self.running.frame.connect(self._on_frame)
        self.running.failed.connect(self._on_failed)
        self.running.start()

    @Slot(QImage)
    def _on_frame(self, image: QImage) -> None:
        self.latest = image
        self.frame.emit(image)

    @Slot(str)
    def _on_failed(self, words: str) -> None:
        self.stop()
        self.failed.emit(words)
