"""A camera for tests: real photos as frames, on a timer, offscreen; it can be unplugged."""

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage, QPainter

from desktop_app.gui.camera.sources import Cameras, FrameSource


class FakeCamera(FrameSource):
    def __init__(self, photos: list[Path], fps: int = 20, name: str = "Test camera"):
        super().__init__(name)
        self.images = [QImage(str(p)) for p in photos]
        assert all(not image.isNull() for image in self.images)
        self.sent = 0
        self._timer = QTimer(self, interval=1000 // fps)
        self._timer.timeout.connect(self._send)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def unplug(self) -> None:
        self._timer.stop()
        self.failed.emit("The camera was unplugged.")

    def _send(self) -> None:
        # No two frames of a real camera are the same (sensor noise); here a corner says which frame this is,
        # in a square large enough to survive JPEG.
        image = self.images[self.sent % len(self.images)].copy()
        QPainter(image).fillRect(0, 0, 16, 16, QColor.fromHsv(self.sent * 37 % 360, 255, 255))
        self.frame.emit(image)
        self.sent += 1


def cameras_of(*sources: FrameSource):
    """A `cameras` argument for MainWindow that finds these."""
    return lambda: Cameras(sources=list(sources))
