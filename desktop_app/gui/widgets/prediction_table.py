"""The Predict tab's results: a table model that grows as batches arrive, and bars painted per row.

A model and a painting delegate, not a widget per row: a thousand dropped photos then cost a thousand
list entries, and the view only paints the rows on screen; only their thumbnails are decoded (IconsOnDemand).
"""

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar

from ...core.models.confidence import not_sure_words
from ...core.models.prediction import Prediction, PredictionError
from ...core.percent import percent
from .icons_on_demand import IconsOnDemand

RESULT_ROLE = Qt.ItemDataRole.UserRole
MAX_BARS = 3
BAR_HEIGHT = 18
NOT_SURE_COLOUR = QColor(120, 120, 120)


class PredictionTableModel(QAbstractTableModel):
    PHOTO, ANSWER, SURE = range(3)

    def __init__(self, thumbnail_size: int, parent=None):
        super().__init__(parent)
        self.results: list[Prediction | PredictionError] = []
        self.threshold = 0.0  # the "not sure" threshold the answers were judged by, for their words
        self._icons = IconsOnDemand(thumbnail_size, self._on_icon, self)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.results)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Photo"), self.tr("Answer"), self.tr("How sure"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):  # noqa: PLR0911 (one return per role)
        if not index.isValid():
            return None
        r, column = self.results[index.row()], index.column()
        if role == RESULT_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.PHOTO:
            return self._icons.icon(index.row(), r.path) if isinstance(r, Prediction) else None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            return _not_sure_style(r, role, column == self.ANSWER)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.SURE and isinstance(r, PredictionError):
                return r.error
            return r.path
        return None

    def _text(self, r: Prediction | PredictionError, column: int) -> str | None:
        if column == self.PHOTO:
            return Path(r.path).name
        if column == self.ANSWER:
            if isinstance(r, PredictionError):
                return self.tr("cannot read")
            return r.label if r.sure else not_sure_words(r.label, r.confidence, self.threshold)
        return r.error if isinstance(r, PredictionError) else None

    def append(self, results: list[Prediction | PredictionError]) -> None:
        """Add rows at the end."""
        first = len(self.results)
        if results:
            self.beginInsertRows(QModelIndex(), first, first + len(results) - 1)
            self.results.extend(results)
            self.endInsertRows()

    def apply_threshold(self, threshold: float) -> None:
        """Re-judge every answer against a new "not sure" threshold."""
        self.threshold = threshold
        self.results = [r.with_threshold(threshold) if isinstance(r, Prediction) else r for r in self.results]
        if self.results:
            self.dataChanged.emit(self.index(0, self.ANSWER), self.index(len(self.results) - 1, self.ANSWER))

    def has_thumbnail(self, row: int) -> bool:
        return self._icons.has(row)

    def _on_icon(self, row: int) -> None:
        index = self.index(row, self.PHOTO)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def clear(self) -> None:
        self.beginResetModel()
        self.results.clear()
        self._icons.clear()
        self.endResetModel()


def _not_sure_style(r: Prediction | PredictionError, role: Qt.ItemDataRole, answer_column: bool):
    """A "not sure" row reads differently from an answer at a glance: grey, its answer in italics."""
    if not isinstance(r, Prediction) or r.sure:
        return None
    if role == Qt.ItemDataRole.ForegroundRole:
        return NOT_SURE_COLOUR
    if not answer_column:
        return None
    font = QFont()
    font.setItalic(True)
    return font


class ClassBarsDelegate(QStyledItemDelegate):
    """The most likely classes of a prediction as progress bars, the predicted one first."""

    def paint(self, painter, option, index) -> None:
        result = index.data(RESULT_ROLE)
        if not isinstance(result, Prediction):
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        top = result.top(MAX_BARS)
        rect = option.rect.adjusted(4, 3, -4, -3)
        height = min(BAR_HEIGHT, max(8, rect.height() // len(top) - 2))
        for i, (name, p) in enumerate(top):
            bar = QStyleOptionProgressBar()
            if widget is not None:
                bar.initFrom(widget)
            bar.rect = QRect(rect.x(), rect.y() + i * (height + 2), rect.width(), height)
            bar.minimum, bar.maximum, bar.progress = 0, 1000, round(p * 1000)
            bar.text = bar_text(name, p)
            bar.textVisible = True
            bar.state |= QStyle.StateFlag.State_Horizontal
            style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)


def bar_text(name: str, probability: float) -> str:
    return f"{name}  {percent(probability)}"


def row_height(n_classes: int, thumbnail: int) -> int:
    return max(thumbnail + 6, min(n_classes, MAX_BARS) * (BAR_HEIGHT + 2) + 6)
