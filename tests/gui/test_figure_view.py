"""Charts are drawn off the GUI thread, at the view's size, only when seen, and the latest change wins."""

import threading
import time

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor

from desktop_app.gui.widgets.figure_view import FigureView


def painted(figure, color: str, calls: list, pause: float = 0.0) -> None:
    calls.append((color, threading.current_thread() is threading.main_thread()))
    time.sleep(pause)  # a chart that takes its time to draw
    figure.set_facecolor(color)


def ink(view) -> int:
    image = view.grab().toImage()
    return sum(image.pixelColor(x, y) != QColor("white") for x in range(0, image.width(), 2) for y in range(0, 40))


def test_a_chart_is_drawn_off_the_gui_thread_at_the_views_size_and_shown(qtbot):
    view = FigureView(QSize(300, 200))
    qtbot.addWidget(view)
    view.resize(320, 180)
    view.show()
    calls: list = []
    with qtbot.waitSignal(view.drawn, timeout=10000):
        view.show_chart(lambda figure: painted(figure, "#c03020", calls))
    assert calls == [("#c03020", False)]
    ratio = view.devicePixelRatioF()
    assert view._image.size() == QSize(round(320 * ratio), round(180 * ratio))  # drawn at its size, not stretched
    assert view.grab().toImage().pixelColor(160, 90) == QColor("#c03020")


def test_a_hidden_view_draws_nothing_and_changes_made_while_drawing_are_drawn_once_after(qtbot):
    view = FigureView(QSize(300, 200))
    qtbot.addWidget(view)
    calls: list = []
    for color in ("#101010", "#202020"):
        view.show_chart(lambda figure, color=color: painted(figure, color, calls))
    qtbot.wait(200)
    assert calls == []  # nobody sees it
    with qtbot.waitSignal(view.drawn, timeout=10000):
        view.show()
    assert calls == [("#202020", False)]  # the latest only

    view.show_chart(lambda figure: painted(figure, "#303030", calls, pause=0.3))
    for color in ("#404040", "#505050", "#606060"):  # while that one draws
        view.show_chart(lambda figure, color=color: painted(figure, color, calls))
    qtbot.waitUntil(lambda: len(calls) == 3, timeout=10000)
    qtbot.wait(300)
    assert [color for color, _ in calls] == ["#202020", "#303030", "#606060"]
    qtbot.waitUntil(lambda: view.grab().toImage().pixelColor(10, 10) == QColor("#606060"), timeout=5000)


def test_a_chart_that_cannot_be_drawn_says_so_in_its_place(qtbot):
    view = FigureView(QSize(300, 200))
    qtbot.addWidget(view)
    view.show()

    def broken(figure):
        raise ValueError("no such scale")

    assert ink(view) == 0
    view.show_chart(broken)
    qtbot.waitUntil(lambda: ink(view) > 0, timeout=10000)  # words where the chart would be
    assert view._failure.message == "Something went wrong: no such scale"
    with qtbot.waitSignal(view.drawn, timeout=10000):  # the next change that draws replaces the message
        view.show_chart(lambda figure: painted(figure, "#c03020", []))
    assert view.grab().toImage().pixelColor(150, 100) == QColor("#c03020")
