"""Live accuracy and loss curves, one point per learning round: the report's chart of a run still going.

Its axes are sized for the whole run by begin(), so they do not jump at each round, and they grow only if
the run outgrows them. Drawn by the chart process (FigureView): a full matplotlib draw of it took 43-46 ms
on a quiet machine and up to 220 ms beside training, which the window used to stand still for.
"""

import functools
from collections.abc import Sequence

from PySide6.QtCore import QSize

from .figure_view import FigureView
from ...core.models.plots import draw_history
from ...core.progress import EpochMetrics


class AccuracyChart(FigureView):
    def __init__(self, parent=None):
        super().__init__(QSize(600, 320), parent)
        self.clear()

    def clear(self) -> None:
        self.begin(10, 1.0)

    def begin(self, planned_epochs: int, loss_top: float) -> None:
        """Empty the chart and size its axes for a run of `planned_epochs` with losses up to `loss_top`."""
        self._start([], None, planned_epochs, loss_top)

    def show_history(self, history: Sequence[EpochMetrics], kept: int | None) -> None:
        """The curves of a run that has ended, sized to fit them (draw_history fits the losses drawn)."""
        self._start(list(history), kept, len(history), 1.0)

    def _start(self, history: list[EpochMetrics], kept: int | None, planned_epochs: int, loss_top: float) -> None:
        self.history = history
        self.kept = kept  # the round starred by mark_kept
        self._planned = planned_epochs
        self._loss_top = loss_top
        self._show()

    def point_count(self) -> int:
        return len(self.history)

    def add_epoch(self, m: EpochMetrics) -> None:
        self.history.append(m)
        if len(self.history) > self._planned:  # "auto" fine-tuning began: plan for its rounds too
            self._planned = len(self.history) - 1 + m.epochs - m.epoch + 1
        self._show()

    def mark_kept(self, kept: int) -> None:
        """Star learning round `kept` (1-based) on the held-out curve: the round whose result the model keeps."""
        self.kept = kept
        self._show()

    def _show(self) -> None:
        self.show_chart(functools.partial(draw_history, history=tuple(self.history), kept=self.kept,
                                          rounds=self._planned, loss_top=self._loss_top))
