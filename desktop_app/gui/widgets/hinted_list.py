"""A list that says, while it is empty, what would appear in it: a blank pane reads as broken."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QListWidget


class HintedList(QListWidget):
    def __init__(self, hint: str = "", parent=None):
        super().__init__(parent)
        self.hint = hint

    def set_hint(self, hint: str) -> None:
        self.hint = hint
        self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.hint:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(16, 16, -16, -16),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)
