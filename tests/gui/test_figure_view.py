"""Charts are drawn away from the window (the chart process), at the view's size, only when seen, and the
latest change wins; a chart that cannot be drawn says so, and a chart process that died is replaced."""

import functools
import time

from PySide6.QtCore import QSize, QTimer

from desktop_app.core.drawing import charts
from desktop_app.gui.widgets.figure_view import FigureView


def painted(figure, color: str, pause: float = 0.0) -> None:
    time.sleep(pause)  # a chart that takes its time to draw
    figure.set_facecolor(color)


def broken(figure) -> None:
    raise ValueError("no such scale")


def colour(view, x: int = 10, y: int = 10) -> str:
    return view.grab().toImage().pixelColor(x, y).name()


def ink(view) -> int:
    image = view.grab().toImage()
    return sum(image.pixelColor(x, y).lightness() < 128 for x in range(0, image.width(), 2) for y in range(0, 40))


def shown_view(qtbot) -> FigureView:
    view = FigureView(QSize(300, 200))
    qtbot.addWidget(view)
    view.resize(320, 180)
    view.show()
    return view


def test_a_chart_is_drawn_at_the_views_size_while_the_window_goes_on(qtbot):
    view = shown_view(qtbot)
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    with qtbot.waitSignal(view.drawn, timeout=20000):
        view.show_chart(functools.partial(painted, color="#c03020", pause=0.6))
        qtbot.wait(400)
        assert len(ticks) >= 20  # the window's thread ran on while the chart was drawn
    ratio = view.devicePixelRatioF()
    assert view._image.size() == QSize(round(320 * ratio), round(180 * ratio))  # drawn at its size, not stretched
    assert colour(view, 160, 90) == "#c03020"


def test_a_hidden_view_draws_nothing_and_changes_made_while_drawing_are_drawn_once_after(qtbot):
    view = FigureView(QSize(300, 200))
    qtbot.addWidget(view)
    drawn = []
    view.drawn.connect(lambda: drawn.append(colour(view)))
    for color in ("#101010", "#202020"):
        view.show_chart(functools.partial(painted, color=color))
    qtbot.wait(300)
    assert drawn == []  # nobody sees it
    view.show()
    qtbot.waitUntil(lambda: len(drawn) == 1, timeout=20000)
    assert drawn == ["#202020"]  # the latest only

    view.show_chart(functools.partial(painted, color="#303030", pause=0.5))
    qtbot.wait(100)
    for color in ("#404040", "#505050", "#606060"):  # while that one draws
        view.show_chart(functools.partial(painted, color=color))
    qtbot.waitUntil(lambda: len(drawn) == 3, timeout=20000)
    qtbot.wait(500)
    assert drawn == ["#202020", "#303030", "#606060"]


def test_a_chart_that_cannot_be_drawn_says_so_in_its_place_and_a_dead_chart_process_is_replaced(qtbot):
    view = shown_view(qtbot)
    assert ink(view) == 0
    view.show_chart(broken)
    qtbot.waitUntil(lambda: ink(view) > 0, timeout=20000)  # words where the chart would be
    assert view._failure.message == "Something went wrong: no such scale"

    charts.warm_up()
    charts._process.kill()  # out of memory, or a user's task manager
    charts._process.join()
    with qtbot.waitSignal(view.drawn, timeout=20000):  # the next chart has a new process draw it
        view.show_chart(functools.partial(painted, color="#c03020"))
    assert colour(view, 160, 90) == "#c03020" and charts._process.is_alive()
