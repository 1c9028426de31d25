"""Thumbnails for a view: decoded on the thread pool, applied a few at a time on the GUI thread.

Thumbnail jobs finish faster than the GUI can turn images into icons; Qt then delivers all their
queued signals in one go, which blocked the GUI thread for 100-200 ms. The loader queues them and
applies at most BATCH per turn of the event loop.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, QTimer, Slot
from PySide6.QtGui import QIcon, QPixmap

from ...core.progress import CancelToken
from ..tasks import ThumbnailJob

BATCH = 12


class ThumbnailLoader(QObject):
    def __init__(self, size: int, apply: Callable[[int, QIcon], None], parent: QObject):
        super().__init__(parent)
        self.size, self.apply = size, apply
        self._cancel = CancelToken()
        self._batch = 0
        self._positions: dict[int, tuple[int, ...]] = {}
        self._pending: list[tuple[int, object]] = []
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._flush)

    def load(self, items: list[tuple[int, str]]) -> None:
        """Show the thumbnail of each (position, path) at its position, as each one is ready."""
        self._batch += 1
        positions, paths = zip(*items) if items else ((), ())
        self._positions[self._batch] = positions
        job = ThumbnailJob(self._batch, list(paths), self.size, self._cancel, self)
        job.signals.loaded.connect(self._on_loaded)  # a slot, so it runs on the GUI thread
        QThreadPool.globalInstance().start(job)

    def reset(self) -> None:
        """Stop the jobs under way and forget the thumbnails not shown yet."""
        self._cancel.cancel()
        self._cancel = CancelToken()
        self._positions.clear()
        self._pending.clear()

    @Slot(int, int, object)
    def _on_loaded(self, batch: int, i: int, image) -> None:
        if image is not None and batch in self._positions:
            self._pending.append((self._positions[batch][i], image))
            if not self._timer.isActive():
                self._timer.start()

    @Slot()
    def _flush(self) -> None:
        batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
        for index, image in batch:
            self.apply(index, QIcon(QPixmap.fromImage(image)))
        if self._pending:
            self._timer.start()
