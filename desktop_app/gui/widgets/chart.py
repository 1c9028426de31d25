"""Live accuracy and loss curves, one point per epoch, updated in place."""

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication

from ...core.progress import EpochMetrics


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccuracyChart", text)


class AccuracyChart(FigureCanvasQTAgg):
    def __init__(self, parent=None):
        self.figure = Figure(figsize=(6, 3.2), layout="constrained")
        super().__init__(self.figure)
        self.setParent(parent)
        self.acc_axes = self.figure.add_subplot(1, 2, 1)
        self.loss_axes = self.figure.add_subplot(1, 2, 2)
        self.acc_axes.set_title(_tr("Accuracy"))
        self.loss_axes.set_title(_tr("Loss"))
        self.lines = {}
        for axes, key in ((self.acc_axes, "accuracy"), (self.loss_axes, "loss")):
            axes.set_xlabel(_tr("epoch"))
            axes.grid(alpha=0.3)
            (self.lines[key],) = axes.plot([], [], color="#1f77b4", label=_tr("training"))
            (self.lines["val_" + key],) = axes.plot([], [], color="#ff7f0e", label=_tr("validation"))
        self.acc_axes.set_ylim(0, 1.02)
        self.acc_axes.legend(loc="lower right", fontsize="small")
        self._markers = []
        self.clear()

    def clear(self) -> None:
        self.epochs: list[int] = []
        self.values: dict[str, list[float]] = {k: [] for k in self.lines}
        self._phase = None
        for marker in self._markers:
            marker.remove()
        self._markers = []
        self._redraw()

    def point_count(self) -> int:
        return len(self.epochs)

    def add_epoch(self, m: EpochMetrics) -> None:
        if self._phase is not None and m.phase != self._phase:
            for axes in (self.acc_axes, self.loss_axes):  # where fine-tuning starts
                self._markers.append(axes.axvline(len(self.epochs) + 0.5, color="grey", ls=":", lw=1))
        self._phase = m.phase
        self.epochs.append(len(self.epochs) + 1)
        for key in self.lines:
            value = getattr(m, key)
            self.values[key].append(float("nan") if value is None else value)
        self._redraw()

    def _redraw(self) -> None:
        for key, line in self.lines.items():
            line.set_data(self.epochs, self.values[key])
        for axes in (self.acc_axes, self.loss_axes):
            # Until the first points arrive, show an empty 1..10 epoch frame rather than a unit square.
            axes.set_xlim(0.5, max(10, len(self.epochs)) + 0.5)
            if axes is self.loss_axes:
                axes.relim()
                axes.autoscale_view(scalex=False)
        self.draw_idle()
