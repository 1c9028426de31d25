"""Thumbnails for a view: decoded by one job at a time, applied a few at a time on the GUI thread.

Thumbnails are decoded faster than the GUI can turn images into icons; Qt then delivered all the queued
results in one go, which blocked the GUI thread for 100-200 ms. The loader queues them and applies at most
BATCH per turn of the event loop. Positions asked for while a job runs wait for the next job.
"""

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QIcon, QImage, QPixmap

from ...core.errors import ImageError
from ...core.data.images import thumbnail
from ..jobs import JobSlot

BATCH = 12


class ThumbnailLoader(QObject):
    def __init__(self, size: int, apply: Callable[[int, QIcon], None], parent: QObject):
        super().__init__(parent)
        self.size, self.apply = size, apply
        self._decoding = JobSlot(self)
        self._wanted: list[tuple[int, str]] = []
        self._pending: list[tuple[int, QImage]] = []
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._flush)

    def load(self, items: list[tuple[int, str]]) -> None:
        """Show the thumbnail of each (position, path) at its position, as each one is ready."""
        self._wanted.extend(items)
        self._start()

    def reset(self) -> None:
        """Stop the job under way and forget the thumbnails not shown yet."""
        self._decoding.quit()
        self._wanted.clear()
        self._pending.clear()

    def _start(self) -> None:
        if self._wanted and not self._decoding.busy:
            items, self._wanted = self._wanted, []
            self._decoding.start(lambda _cancel: _decode(items, self.size), on_yielded=self._on_decoded,
                                 on_finished=self._start)

    @Slot(object)
    def _on_decoded(self, decoded: tuple[int, QImage]) -> None:
        self._pending.append(decoded)
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _flush(self) -> None:
        batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
        for position, image in batch:
            self.apply(position, QIcon(QPixmap.fromImage(image)))
        if self._pending:
            self._timer.start()


def _decode(items: list[tuple[int, str]], size: int) -> Iterator[tuple[int, QImage]]:
    for position, path in items:
        try:
            arr = thumbnail(path, size)
        except ImageError:
            continue  # the view says the file cannot be shown
        h, w = arr.shape[:2]
        # QImage (unlike QPixmap) may be built off the GUI thread; copy() detaches it from `arr`.
        yield position, QImage(arr.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
