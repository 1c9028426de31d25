"""A place in a layout whose widget is made the first time it is shown or asked for.

For the matplotlib charts: importing matplotlib and laying out a figure take 0.5-1 s, which would
otherwise all come before the window appears.
"""

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QVBoxLayout, QWidget


class Deferred(QWidget):
    def __init__(self, make: Callable[[], QWidget], size_hint: QSize, parent: QWidget | None = None):
        super().__init__(parent)
        self._make = make
        self._size_hint = size_hint
        self._widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def widget(self) -> QWidget:
        if self._widget is None:
            self._widget = self._make()
            self._layout.addWidget(self._widget)
        return self._widget

    def is_made(self) -> bool:
        return self._widget is not None

    def sizeHint(self) -> QSize:
        return self._widget.sizeHint() if self._widget is not None else self._size_hint

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.widget()
