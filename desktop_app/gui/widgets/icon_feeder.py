"""Apply thumbnails to a view a few at a time, so hundreds of them never freeze the window.

Thumbnail jobs finish faster than the GUI can turn images into icons; Qt then delivers all their
queued signals in one go, which blocked the GUI thread for 100-200 ms. The feeder queues them and
applies at most BATCH per turn of the event loop.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QIcon, QPixmap

BATCH = 12


class IconFeeder(QObject):
    def __init__(self, apply: Callable[[int, QIcon], None], parent=None):
        super().__init__(parent)
        self.apply = apply
        self.pending: list[tuple[int, object]] = []
        self.timer = QTimer(self, singleShot=True, interval=0)
        self.timer.timeout.connect(self._flush)

    def push(self, index: int, image) -> None:
        """Queue a QImage (None: nothing to show) for position `index`."""
        if image is not None:
            self.pending.append((index, image))
            if not self.timer.isActive():
                self.timer.start()

    def clear(self) -> None:
        self.pending.clear()

    @Slot()
    def _flush(self) -> None:
        batch, self.pending = self.pending[:BATCH], self.pending[BATCH:]
        for index, image in batch:
            self.apply(index, QIcon(QPixmap.fromImage(image)))
        if self.pending:
            self.timer.start()
