"""Predict tab: drop photos or folders, see what the model says about each."""

import csv
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QProgressBar,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.atomic import atomic_path
from ..core.bundle import read_metadata
from ..core.errors import Failure, describe
from ..core.prediction import Prediction, PredictionError, Predictor
from ..core.progress import CancelToken
from .widgets.thumbnail_loader import ThumbnailLoader
from .workers import start_task

THUMB = 72


class ClassBars(QWidget):
    """One bar per class, the predicted one first."""

    def __init__(self, prediction: Prediction, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        for name, p in prediction.top(len(prediction.probabilities)):
            bar = QProgressBar(maximum=1000, value=round(p * 1000))
            bar.setFormat(f"{name}  {p:.0%}")
            bar.setFixedHeight(16)
            layout.addWidget(bar)


class PredictTab(QWidget):
    failed = Signal(object)
    """A Failure to show the user."""
    predictions_shown = Signal(int)
    """How many result rows the last batch added."""

    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setAcceptDrops(True)
        self.predictor: Predictor | None = None
        self.model_path: str | None = None
        self.results: list[Prediction | PredictionError] = []
        self._pending: list[str] = []
        self._busy = False
        self._cancel = CancelToken()
        self._thumbs = ThumbnailLoader(THUMB, self._set_thumbnail, self)

        self.model_label = QLabel(self.tr("No model yet: train one, or open a saved model."))
        self.model_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open Model…"))
        self.open_button.clicked.connect(self._on_open_clicked)
        self.add_button = QPushButton(self.tr("Add Photos…"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.add_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.export_button.setEnabled(False)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear_results)
        self.hint = QLabel()
        self._show_drop_hint()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("QLabel { border: 2px dashed #999; border-radius: 8px; padding: 18px; color: #555; }")

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Photo"), self.tr("Answer"), self.tr("How sure")])
        self.table.setIconSize(QSize(THUMB, THUMB))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 260)

        top = QHBoxLayout()
        top.addWidget(self.model_label, 1)
        top.addWidget(self.open_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # --- model ----------------------------------------------------------------------------------
    def set_model(self, path: str) -> None:
        """Load the model off the GUI thread; photos dropped meanwhile wait for it."""
        self.predictor = None
        self.model_path = path
        self.add_button.setEnabled(False)
        self.model_label.setText(self.tr("Opening {0}…").format(Path(path).name))
        start_task(lambda: (path, Predictor(path)), self._on_model_loaded, self._on_failed, self)

    @Slot(object)
    def _on_model_loaded(self, loaded) -> None:
        path, predictor = loaded
        if path != self.model_path:
            return
        self.predictor = predictor
        meta = predictor.bundle.metadata
        acc = meta.get("metrics", {}).get("val_accuracy")
        acc_text = self.tr(", validation accuracy {0:.0%}").format(acc) if acc is not None else ""
        self.model_label.setText(self.tr("Model: <b>{0}</b> — knows {1}{2}").format(
            Path(path).name, ", ".join(predictor.classes), acc_text))
        self.add_button.setEnabled(True)
        self._run_pending()

    @Slot()
    def _on_open_clicked(self) -> None:
        start = self.settings.value("predict/model_folder", "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a model"), start, self.tr("Keras model (*.keras)"))
        if path:
            try:
                read_metadata(path)  # quick check, so a wrong file is refused at once
            except Exception as exc:  # any reason is shown to the user
                self.failed.emit(describe(exc))
                return
            self.settings.setValue("predict/model_folder", str(Path(path).parent))
            self.set_model(path)

    # --- photos ---------------------------------------------------------------------------------
    def _show_drop_hint(self) -> None:
        self.hint.setText(self.tr("Drop photos or folders here to see what the model says."))

    def add_paths(self, paths: list[str]) -> None:
        self._pending.extend(paths)
        if self.predictor is None and self.model_path is None:
            self.model_label.setText(self.tr("Train or open a model first; your photos will then be checked."))
        self._run_pending()

    def _run_pending(self) -> None:
        if self._busy or self.predictor is None or not self._pending:
            return
        batch, self._pending = self._pending, []
        self._busy = True
        predictor = self.predictor
        self.hint.setText(self.tr("Looking at {0} item(s)…").format(len(batch)))
        start_task(lambda: predictor.predict(batch, cancel=self._cancel), self._on_predicted, self._on_failed, self)

    @Slot(object)
    def _on_predicted(self, results) -> None:
        self._busy = False
        self._show_drop_hint()
        first = self.table.rowCount()
        self.results.extend(results)
        self.table.setRowCount(first + len(results))
        for i, r in enumerate(results):
            row = first + i
            name = QTableWidgetItem(Path(r.path).name)
            name.setToolTip(r.path)
            self.table.setItem(row, 0, name)
            if isinstance(r, Prediction):
                self.table.setItem(row, 1, QTableWidgetItem(r.label))
                self.table.setCellWidget(row, 2, ClassBars(r))
            else:
                self.table.setItem(row, 1, QTableWidgetItem(self.tr("cannot read")))
                self.table.setItem(row, 2, QTableWidgetItem(r.error))
            self.table.setRowHeight(row, max(THUMB + 6, 20 * len(self.predictor.classes)))
        self.export_button.setEnabled(bool(self.results))
        self._thumbs.load([r.path for r in results], first)
        self.predictions_shown.emit(len(results))
        self._run_pending()

    def _set_thumbnail(self, row: int, icon: QIcon) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            item.setIcon(icon)

    @Slot(object)
    def _on_failed(self, failure: Failure) -> None:
        self._busy = False
        self._show_drop_hint()
        if self.predictor is None:
            self.model_label.setText(self.tr("Could not open the model."))
            self.model_path = None
        self.failed.emit(failure)

    @Slot()
    def _on_add_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose photos"),
                                                self.settings.value("predict/photo_folder", ""),
                                                self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)"))
        if files:
            self.settings.setValue("predict/photo_folder", str(Path(files[0]).parent))
            self.add_paths(files)

    @Slot()
    def clear_results(self) -> None:
        self._thumbs.reset()
        self.results.clear()
        self.table.setRowCount(0)
        self.export_button.setEnabled(False)

    @Slot()
    def _on_export_clicked(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export results"), "predictions.csv",
                                                self.tr("CSV file (*.csv)"))
        if target:
            self.export_csv(target)

    def export_csv(self, target: str) -> None:
        classes = self.predictor.classes if self.predictor else []
        with atomic_path(target) as tmp:
            with open(tmp, "w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(["path", "label", "confidence", *classes, "error"])
                for r in self.results:
                    if isinstance(r, Prediction):
                        writer.writerow([r.path, r.label, f"{r.confidence:.4f}",
                                         *(f"{r.probabilities.get(c, 0.0):.4f}" for c in classes), ""])
                    else:
                        writer.writerow([r.path, "", "", *([""] * len(classes)), r.error])

    # --- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def shutdown(self) -> None:
        self._cancel.cancel()
        self._thumbs.reset()
