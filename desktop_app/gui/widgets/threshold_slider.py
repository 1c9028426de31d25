"""A percent slider that marks one value (the recommended threshold) under its groove."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPolygonF
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider


class ThresholdSlider(QSlider):
    MARK = 6

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(0, 99)
        self.recommended: int | None = None
        self.setMinimumHeight(self.sizeHint().height() + self.MARK + 2)

    def set_recommended(self, value: int | None) -> None:
        self.recommended = value
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.recommended is None:
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderHandle, self)
        span = self.width() - handle.width()
        x = handle.width() / 2 + QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), self.recommended,
                                                                span)
        y = self.height() - 1
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().highlight())
        m = self.MARK
        painter.drawPolygon(QPolygonF([QPointF(x, y - m), QPointF(x - m, y), QPointF(x + m, y)]))
