"""Charts drawn by a process of their own, handed back as pixels.

Matplotlib draws in Python, 45-220 ms of it per chart, and every step of that needs Python's lock, which the
window's thread needs too. On a thread of the window's process a chart drawn as 1,000 photos began to be
predicted held the window up 49-62 ms (and 39 ms with no chart being drawn). In a process of its own,
drawing shares nothing with the window but the processor; the window's side only waits on a pipe.

One process serves the whole app, one chart at a time, started with the first chart and started again if it
dies; `draw` is a picklable function that draws into an empty figure (core.models.plots' functions with their
data bound by functools.partial).
"""

import gc
import multiprocessing
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .background import end_with_the_app, lower_this_thread
from .i18n import language, set_language

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

PROCESS_NAME = "finetune-studio-charts"


class ChartProcess:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # one chart at a time on the one pipe
        self._process: Any = None
        self._pipe: Any = None

    def draw(self, draw: Callable[["Figure"], None], width: int, height: int, dpi: float) -> tuple[bytes, int, int]:
        """RGBA bytes, width and height in pixels of what `draw` draws into a `width` x `height` pixel figure."""
        request = (language(), draw, width, height, dpi)
        with self._lock:
            try:
                ok, reply = self._ask(request)
            except (EOFError, OSError):  # it died (killed, out of memory): once more with a new one
                self._stop()
                ok, reply = self._ask(request)
        if not ok:
            raise reply
        return reply

    def warm_up(self) -> None:
        """Start the process now (it loads matplotlib), so the first chart does not wait for it."""
        with self._lock:
            if self._process is None:
                self._start()

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _ask(self, request: tuple) -> tuple[bool, Any]:
        if self._process is None or not self._process.is_alive():
            self._stop()  # one that died: its pipe closed, its process reaped
            self._start()
        self._pipe.send(request)
        return self._pipe.recv()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")  # fork would copy the window's threads and state
        self._pipe, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs,), name=PROCESS_NAME, daemon=True)
        self._process.start()
        theirs.close()

    def _stop(self) -> None:
        if self._process is not None:
            self._pipe.close()
            self._process.join(5)  # it ends when the pipe does
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = self._pipe = None


def _serve(pipe) -> None:
    lower_this_thread()
    end_with_the_app()  # mid-drawing too
    while True:
        try:
            words, draw, width, height, dpi = pipe.recv()
        except EOFError:  # the app has closed its end
            return
        set_language(words)
        try:
            pixels = drawn(draw, width, height, dpi).buffer_rgba()
            reply: tuple[bool, Any] = (True, (pixels.tobytes(), pixels.shape[1], pixels.shape[0]))
            del pixels
        except Exception as exc:  # told to the app, which says it where the chart would be
            reply = (False, exc)
        gc.collect()  # the figure's cycles, now, while nothing waits
        try:
            pipe.send(reply)
        except Exception:  # an error that does not pickle: its words
            pipe.send((False, RuntimeError(str(reply[1]))))


def drawn(draw: Callable[["Figure"], None], width: int, height: int, dpi: float) -> "FigureCanvasAgg":
    """What `draw` draws into an empty `width` x `height` pixel figure, drawn: the canvas, whose .figure is
    the figure and buffer_rgba() its pixels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    draw(figure)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return canvas


charts = ChartProcess()
"""The app's one."""
