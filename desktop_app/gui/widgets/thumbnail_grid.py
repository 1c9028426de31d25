"""The pictures of one class as a grid that stays light with ten thousand of them.

Thumbnails are decoded only for the items the view asks about, i.e. those on screen (a view asks a
model for icons only while painting), and at most MAX_ICONS are kept: scrolling through a huge class
costs bounded memory, and an evicted icon is simply decoded again when it comes back into view.
"""

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QIcon, QPixmap

from .thumbnail_loader import ThumbnailLoader

MAX_ICONS = 1500


class ThumbnailGridModel(QAbstractListModel):
    def __init__(self, size: int, parent=None):
        super().__init__(parent)
        self.paths: list[str] = []
        self._icons: OrderedDict[int, QIcon] = OrderedDict()
        self._requested: set[int] = set()
        self._wanted: list[int] = []
        placeholder = QPixmap(size, size)
        placeholder.fill(Qt.GlobalColor.lightGray)
        self._placeholder = QIcon(placeholder)
        self._loader = ThumbnailLoader(size, self._on_thumbnail, self)
        # Requests made while the view paints are gathered and sent as one job when it is done.
        self._request_timer = QTimer(self, singleShot=True, interval=0)
        self._request_timer.timeout.connect(self._request)

    def set_paths(self, paths: list[str]) -> None:
        self.beginResetModel()
        self._loader.reset()
        self.paths = list(paths)
        self._icons.clear()
        self._requested.clear()
        self._wanted.clear()
        self.endResetModel()

    def loaded_count(self) -> int:
        return len(self._icons)

    def has_thumbnail(self, row: int) -> bool:
        return row in self._icons

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.paths)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return Path(self.paths[row]).name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.paths[row]
        if role == Qt.ItemDataRole.DecorationRole:
            icon = self._icons.get(row)
            if icon is not None:
                self._icons.move_to_end(row)
                return icon
            if row not in self._requested:
                self._requested.add(row)
                self._wanted.append(row)
                self._request_timer.start()
            return self._placeholder
        return None

    @Slot()
    def _request(self) -> None:
        wanted, self._wanted = self._wanted, []
        self._loader.load([(row, self.paths[row]) for row in wanted])

    def _on_thumbnail(self, row: int, icon: QIcon) -> None:
        if row >= len(self.paths):
            return
        self._requested.discard(row)
        self._icons[row] = icon
        while len(self._icons) > MAX_ICONS:
            self._icons.popitem(last=False)
        index = self.index(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def shutdown(self) -> None:
        self._loader.reset()
