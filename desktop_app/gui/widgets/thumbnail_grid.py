"""The pictures of one class as a grid that stays light with ten thousand of them (see IconsOnDemand)."""

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from .icons_on_demand import IconsOnDemand


class ThumbnailGridModel(QAbstractListModel):
    def __init__(self, size: int, parent=None):
        super().__init__(parent)
        self.paths: list[str] = []
        self._icons = IconsOnDemand(size, self._on_icon, self)

    def set_paths(self, paths: list[str]) -> None:
        self.beginResetModel()
        self._icons.clear()
        self.paths = list(paths)
        self.endResetModel()

    def loaded_count(self) -> int:
        return self._icons.count()

    def has_thumbnail(self, row: int) -> bool:
        return self._icons.has(row)

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
            return self._icons.icon(row, self.paths[row])
        return None

    def _on_icon(self, row: int) -> None:
        index = self.index(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def shutdown(self) -> None:
        self._icons.clear()
