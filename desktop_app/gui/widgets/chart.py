"""Live accuracy and loss curves, one point per epoch, updated in place.

A full matplotlib redraw of this figure costs 60-120 ms on a laptop CPU, too long to repeat every epoch
on the GUI thread. The axes are therefore drawn once, sized for the whole run by begin(), and each new
epoch only redraws the lines over a saved background (blitting): about 2 ms. A full redraw happens
again only if the run outgrows the planned axes. A hidden chart (another tab is in front) draws nothing:
it keeps its data and draws once when shown (each dataset edit clears it, and a hidden full draw stalled
the window 60-140 ms).
"""

import math

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ...core.models.plots import cjk_font, history_words, legend_below
from ...core.progress import EpochMetrics, Phase


class AccuracyChart(FigureCanvasQTAgg):
    def __init__(self, parent=None):
        cjk_font()  # before the axes exist: their texts take the font family in force when they are made
        self.figure = Figure(figsize=(6, 3.2))
        # Fixed margins: a layout engine would re-solve on every redraw, which costs more than the drawing.
        # The bottom leaves room for the round numbers, their label and, under them, the legend.
        self.figure.subplots_adjust(left=0.06, right=0.99, top=0.92, bottom=0.26, wspace=0.18)
        super().__init__(self.figure)
        self.setParent(parent)
        self.acc_axes = self.figure.add_subplot(1, 2, 1)
        self.loss_axes = self.figure.add_subplot(1, 2, 2)
        words = history_words()
        # Medium, not matplotlib's large: the long loss title must fit over its half at 1024 px wide.
        self.acc_axes.set_title(words["accuracy"], fontsize="medium")
        self.loss_axes.set_title(words["loss"], fontsize="medium")
        self.lines = {}
        for axes, key in ((self.acc_axes, "accuracy"), (self.loss_axes, "loss")):
            axes.set_xlabel(words["epoch"])
            axes.grid(alpha=0.3)
            axes.xaxis.set_major_locator(MaxNLocator(6, integer=True))  # fewer labels: cheaper to draw
            axes.yaxis.set_major_locator(MaxNLocator(6))
            (self.lines[key],) = axes.plot([], [], color="#1f77b4", label=words["training"], animated=True)
            (self.lines["val_" + key],) = axes.plot([], [], color="#ff7f0e", label=words["validation"], animated=True)
        # Starred once the run ends (mark_kept); in the legend from the start, so it is never a surprise.
        (self.kept_star,) = self.acc_axes.plot([], [], linestyle="none", marker="*", markersize=13, color="#2ca02c",
                                               label=words["kept"], animated=True)
        self.acc_axes.set_ylim(0, 1.02)
        legend_below(self.figure, self.acc_axes)
        self._background = None
        self._markers = []
        self.mpl_connect("draw_event", self._on_draw)
        self.clear()

    def clear(self) -> None:
        self.begin(10, 1.0)

    def begin(self, planned_epochs: int, loss_top: float) -> None:
        """Empty the chart and size its axes for a run of `planned_epochs` with losses up to `loss_top`."""
        self.epochs: list[int] = []
        self.values: dict[str, list[float]] = {k: [] for k in self.lines}
        self._phase: Phase | None = None
        self.kept: int | None = None  # the round starred by mark_kept
        self._planned = planned_epochs
        for line in (*self.lines.values(), self.kept_star):  # the last run's curves go with it
            line.set_data([], [])
        for marker in self._markers:
            marker.remove()
        self._markers = []
        # Drawn now, synchronously, if shown: at the start of a run the GUI thread is idle, while moments
        # later the training process will be competing for the CPU.
        self._set_limits(planned_epochs, loss_top, now=True)

    def point_count(self) -> int:
        return len(self.epochs)

    def add_epoch(self, m: EpochMetrics) -> None:
        if self._phase is not None and m.phase != self._phase:  # where fine-tuning starts
            for axes in (self.acc_axes, self.loss_axes):
                marker = axes.axvline(len(self.epochs) + 0.5, color="grey", ls=":", lw=1, animated=True)
                self._markers.append(marker)
        self._phase = m.phase
        self.epochs.append(len(self.epochs) + 1)
        for key in self.lines:
            value = getattr(m, key)
            self.values[key].append(math.nan if value is None else value)
            self.lines[key].set_data(self.epochs, self.values[key])
        top = max((v for k in ("loss", "val_loss") for v in self.values[k] if not math.isnan(v)), default=1.0)
        if top > self.loss_axes.get_ylim()[1] or len(self.epochs) > self._planned:
            self._planned = max(self._planned, len(self.epochs) - 1 + m.epochs - m.epoch + 1)
            self._set_limits(self._planned, top)
        else:
            self._blit()

    def mark_kept(self, kept: int) -> None:
        """Star learning round `kept` (1-based) on the held-out curve: the round whose result the model keeps."""
        self.kept_star.set_data([kept], [self.values["val_accuracy"][kept - 1]])
        self.kept = kept
        self._blit()

    def _set_limits(self, epochs: int, loss_top: float, now: bool = False) -> None:
        for axes in (self.acc_axes, self.loss_axes):
            axes.set_xlim(0.5, max(10, epochs) + 0.5)
        self.loss_axes.set_ylim(0, max(1.0, loss_top * 1.15))
        self._background = None
        if self.isVisible():  # else showEvent draws
            # _on_draw then saves the background and draws the lines.
            self.draw() if now else self.draw_idle()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._background is None:
            self.draw_idle()

    def _on_draw(self, _event) -> None:
        self._background = self.copy_from_bbox(self.figure.bbox)
        self._draw_lines()

    def _blit(self) -> None:
        if not self.isVisible():
            return
        if self._background is None:
            self.draw_idle()
            return
        self.restore_region(self._background)
        self._draw_lines()
        self.blit(self.figure.bbox)

    def _draw_lines(self) -> None:
        for key, line in self.lines.items():
            (self.acc_axes if "accuracy" in key else self.loss_axes).draw_artist(line)
        self.acc_axes.draw_artist(self.kept_star)
        for marker in self._markers:
            marker.axes.draw_artist(marker)
