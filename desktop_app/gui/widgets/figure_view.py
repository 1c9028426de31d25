"""A matplotlib chart, drawn away from the GUI thread into a picture, which this widget shows.

Drawing a chart with matplotlib takes 45-220 ms (the text dominates), and on the GUI thread that froze the
window whenever a chart changed: the accuracy chart when training began in its view, the Evaluate tab's
when the threshold moved. Here a job has the chart process (core.drawing) draw it, each time anew, and the
widget paints the finished picture. Changes that arrive while a picture is being drawn are drawn together
once it is done: the latest wins, and no picture is drawn for a view nobody sees.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget

from ..jobs import JobSlot
from ...core.drawing import charts
from ...core.errors import Failure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DPI = 100  # matplotlib's own: its point sizes read as they do in the report


def _picture(draw: Callable[["Figure"], None], width: int, height: int, ratio: float) -> QImage:
    pixels, columns, rows = charts.draw(draw, round(width * ratio), round(height * ratio), DPI * ratio)
    image = QImage(pixels, columns, rows, QImage.Format.Format_RGBA8888).copy()  # owns its bytes
    image.setDevicePixelRatio(ratio)
    return image


class FigureView(QWidget):
    drawn = Signal()
    """A new picture is on screen."""

    def __init__(self, size_hint: QSize, parent: QWidget | None = None):
        super().__init__(parent)
        self._size_hint = size_hint
        self.chart: Callable[[Figure], None] | None = None
        """What the view shows: a function that draws it into an empty figure."""
        self._stale = False  # the chart or the size changed since the picture being drawn (or shown) began
        self._image: QImage | None = None
        self._failure: Failure | None = None  # shown in place of the chart
        self._drawing = JobSlot(self)
        self._resized = QTimer(self, singleShot=True, interval=120)  # a window being dragged wider
        self._resized.timeout.connect(self._draw_picture)

    def show_chart(self, draw: Callable[["Figure"], None]) -> None:
        """Show what `draw(figure)` draws into an empty figure of this view's size (called in the chart process)."""
        self.chart = draw
        self._stale = True
        self._draw_picture()

    def sizeHint(self) -> QSize:
        return self._size_hint

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._draw_picture()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._stale = True
        self._resized.start()  # meanwhile the picture is stretched

    def paintEvent(self, event) -> None:
        if self._failure is None and self._image is None:
            return  # the first picture is on its way: no blank box meanwhile
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(Qt.GlobalColor.white))  # the figure's own background
        if self._failure is not None:
            painter.drawText(self.rect().adjusted(12, 12, -12, -12), Qt.TextFlag.TextWordWrap, self._failure.message)
        elif self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.rect(), self._image)

    def _draw_picture(self) -> None:
        if not self._stale or self.chart is None or not self.isVisible() or self.width() < 2 or self.height() < 2:
            return
        if self._drawing.busy:
            return  # it draws again when this picture is done
        self._stale = False
        draw, size, ratio = self.chart, self.size(), self.devicePixelRatioF()
        self._drawing.start(lambda cancel: _picture(draw, size.width(), size.height(), ratio),
                            on_returned=self._on_drawn, on_errored=self._on_failed)

    def _on_drawn(self, image: QImage) -> None:
        self._image = image
        self._failure = None
        self.update()
        self.drawn.emit()
        self._draw_picture()

    def _on_failed(self, failure: Failure) -> None:
        self._failure = failure
        self.update()
        self._draw_picture()
