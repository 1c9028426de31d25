"""Evaluate tab: how good a model is, where it goes wrong, and when it should say "not sure"."""

from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QListView,
                               QListWidget, QListWidgetItem, QMenu, QMessageBox, QProgressBar, QPushButton,
                               QSlider, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
                               QWidget)

from ..core.bundle import read_metadata, set_threshold
from ..core.errors import Failure, UserError, describe
from ..core.evaluation import Evaluation, evaluate, validation_evaluation
from ..core.export import FORMATS, export_model
from ..core.heatmap import HeatmapMaker
from ..core.plots import draw_confusion, draw_coverage
from ..core.prediction import Prediction, Predictor
from ..core.progress import ProgressReporter
from .widgets.image_viewer import ImageViewer
from .widgets.thumbnail_loader import ThumbnailLoader
from .workers import open_model, start_task, start_tensorflow_task

THUMB = 96


class EvaluateTab(QWidget):
    failed = Signal(object)
    """A Failure to show the user."""
    evaluated = Signal()
    """An evaluation is on screen."""
    threshold_saved = Signal(str, float)
    """(model path, threshold) once a new "not sure" threshold is written into the model file."""
    exported = Signal(object)
    """The list of ExportResults of an export the user asked for."""

    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.model_path: str | None = None
        self.predictor: Predictor | None = None
        self.maker: HeatmapMaker | None = None
        self.evaluation: Evaluation | None = None
        self.viewer: ImageViewer | None = None
        self._charts_stale = False

        self.model_label = QLabel(self.tr("Train a model or open one to see how good it is."), wordWrap=True)
        self.open_button = QPushButton(self.tr("Open Model…"))
        self.open_button.clicked.connect(self._on_open_clicked)
        self.folder_button = QPushButton(self.tr("Evaluate on a Folder…"))
        self.folder_button.setToolTip(self.tr("A folder of class folders the model has not seen "
                                              "(its test/ split is used when it has one)."))
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.folder_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the model for other programs; each export is checked "
                                              "against the original on real photos"))
        menu = QMenu(self.export_button)
        for fmt in FORMATS.values():
            menu.addAction(fmt.label, lambda f=fmt.id: self._on_export_chosen([f]))
        menu.addSeparator()
        menu.addAction(self.tr("All of them"), lambda: self._on_export_chosen(list(FORMATS)))
        self.export_button.setMenu(menu)
        self.export_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.summary = QLabel(wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.confusion = FigureCanvasQTAgg(Figure(figsize=(4, 3.4)))
        self.per_class = QTableWidget(0, 4)
        self.per_class.setHorizontalHeaderLabels([self.tr("Precision"), self.tr("Recall"), self.tr("F1"),
                                                  self.tr("Pictures")])
        self.per_class.setMaximumHeight(140)
        self.per_class.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.per_class.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.threshold = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=99)
        self.threshold.valueChanged.connect(self._on_threshold_moved)
        self.threshold.sliderReleased.connect(self._save_threshold)
        self.threshold_text = QLabel(wordWrap=True)
        self.coverage = FigureCanvasQTAgg(Figure(figsize=(4, 2.6)))
        self._redraw = QTimer(self, singleShot=True, interval=120)  # redraw once the slider rests
        self._redraw.timeout.connect(self._draw_coverage)

        self.lists = QTabWidget()
        self.mistakes = self._picture_list()
        self.barely = self._picture_list()
        self.lists.addTab(self.mistakes, self.tr("Mistakes"))
        self.lists.addTab(self.barely, self.tr("Right, but barely"))
        self._thumbs = {w: ThumbnailLoader(THUMB, lambda i, icon, w=w: self._set_icon(w, i, icon), self)
                        for w in (self.mistakes, self.barely)}

        top = QHBoxLayout()
        top.addWidget(self.model_label, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.folder_button)
        top.addWidget(self.export_button)
        left = QWidget()
        grid = QGridLayout(left)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(self.confusion, 1, 0)
        grid.addWidget(self.coverage, 1, 1)
        grid.addWidget(self.per_class, 2, 0)
        sure = QVBoxLayout()
        sure.addWidget(QLabel(self.tr("<b>Answer only when at least this sure:</b>")))
        sure.addWidget(self.threshold)
        sure.addWidget(self.threshold_text)
        sure.addStretch(1)
        grid.addLayout(sure, 2, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.lists)
        splitter.setSizes([700, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        self._set_enabled(False)

    def _picture_list(self) -> QListWidget:
        view = QListWidget()
        view.setViewMode(QListView.ViewMode.IconMode)
        view.setIconSize(QSize(THUMB, THUMB))
        view.setGridSize(QSize(THUMB + 70, THUMB + 58))
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setMovement(QListView.Movement.Static)
        view.setWordWrap(True)
        view.itemActivated.connect(self._on_item_activated)
        view.itemClicked.connect(self._on_item_activated)
        return view

    def _set_enabled(self, on: bool) -> None:
        for w in (self.threshold, self.confusion, self.coverage, self.per_class, self.lists):
            w.setEnabled(on)

    # --- model ----------------------------------------------------------------------------------
    def set_model(self, path: str) -> None:
        """Show what training measured at once (from the model file), and load the model for more."""
        self.model_path, self.predictor, self.maker = path, None, None
        self.folder_button.setEnabled(False)
        self.model_label.setText(self.tr("Model: <b>{0}</b>").format(Path(path).name))
        meta = read_metadata(path)
        ev = validation_evaluation(meta)
        if ev is not None:
            self._show(ev, self.tr("Validation during training: each picture was judged by a model that had "
                                   "not seen it."))
        else:
            self.summary.setText(self.tr("This model was trained without held-out pictures; "
                                         "evaluate it on a folder."))
        start_tensorflow_task(lambda: open_model(path), self._on_model_loaded, self._on_failed, self)

    @Slot(object)
    def _on_model_loaded(self, loaded) -> None:
        path, predictor, maker = loaded
        if path == self.model_path:
            self.predictor, self.maker = predictor, maker
            self.folder_button.setEnabled(True)
            self.export_button.setEnabled(True)

    @Slot()
    def _on_open_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a model"),
                                              self.settings.value("predict/model_folder", ""),
                                              self.tr("Keras model (*.keras)"))
        if path:
            try:
                self.set_model(path)
            except UserError as exc:  # not a model this app can open: the user is told why
                self.failed.emit(describe(exc))

    # --- evaluating on a folder -----------------------------------------------------------------
    @Slot()
    def _on_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of class folders"),
                                                  self.settings.value("dataset/last_folder", ""))
        if folder:
            self.evaluate_folder(folder)

    def evaluate_folder(self, folder: str) -> None:
        predictor = self.predictor
        self.folder_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        start_tensorflow_task(lambda report: (folder, evaluate(predictor, folder, ProgressReporter(report))),
                   self._on_folder_done, self._on_failed, self, on_report=self._on_progress)

    @Slot(object)
    def _on_progress(self, report) -> None:
        done, total = report
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(object)
    def _on_folder_done(self, result) -> None:
        folder, ev = result
        self.progress.setVisible(False)
        self.folder_button.setEnabled(True)
        self._show(ev, self.tr("Pictures in {0}{1}.").format(
            folder, self.tr(" ({0} could not be read)").format(len(ev.skipped)) if ev.skipped else ""))

    @Slot(object)
    def _on_failed(self, failure: Failure) -> None:
        self.progress.setVisible(False)
        self.folder_button.setEnabled(self.predictor is not None)
        self.export_button.setEnabled(self.predictor is not None)
        self.failed.emit(failure)

    # --- showing an evaluation --------------------------------------------------------------------
    def _show(self, ev: Evaluation, source: str) -> None:
        self.evaluation = ev
        self._set_enabled(True)
        self.summary.setText(self.tr("{0}<br><b>{1:.1%}</b> right on {2} pictures.").format(source, ev.accuracy, ev.n))
        self._charts_stale = True
        if self.isVisible():
            self._draw_charts()
        self.per_class.setRowCount(len(ev.classes))
        self.per_class.setVerticalHeaderLabels(ev.classes)
        for row, m in enumerate(ev.per_class.values()):
            for col, text in enumerate((f"{m.precision:.2f}", f"{m.recall:.2f}", f"{m.f1:.2f}", str(m.support))):
                self.per_class.setItem(row, col, QTableWidgetItem(text))
        self.threshold.blockSignals(True)
        self.threshold.setValue(round(ev.threshold * 100))
        self.threshold.blockSignals(False)
        self._describe_threshold()
        self._fill(self.mistakes, [(p, t) for p, t in ev.mistakes],
                   lambda p, t: self.tr("is {0}\nsaid {1} ({2:.0%})").format(t, p.label, p.confidence))
        self._fill(self.barely, [(p, p.label) for p in ev.barely_right[:200]],
                   lambda p, t: self.tr("{0} ({1:.0%})").format(p.label, p.confidence))
        self.lists.setTabText(0, self.tr("Mistakes ({0})").format(len(ev.mistakes)))
        self.evaluated.emit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._charts_stale:
            self._draw_charts()

    def _draw_charts(self) -> None:
        # Laying out a matplotlib figure takes ~100 ms; done when the tab is seen, not when training ends.
        self._charts_stale = False
        ev = self.evaluation
        draw_confusion(self.confusion.figure, ev.confusion_matrix, ev.classes)
        self.confusion.draw_idle()
        self._draw_coverage()

    def _fill(self, view: QListWidget, items: list[tuple[Prediction, str]], caption) -> None:
        self._thumbs[view].reset()
        view.clear()
        for p, truth in items:
            item = QListWidgetItem(caption(p, truth))
            item.setData(Qt.ItemDataRole.UserRole, (p, truth))
            item.setToolTip(p.path)
            view.addItem(item)
        self._thumbs[view].load([(i, p.path) for i, (p, _) in enumerate(items)])

    def _set_icon(self, view: QListWidget, i: int, icon: QIcon) -> None:
        if i < view.count():
            view.item(i).setIcon(icon)

    @Slot(QListWidgetItem)
    def _on_item_activated(self, item: QListWidgetItem) -> None:
        p, truth = item.data(Qt.ItemDataRole.UserRole)
        if self.viewer is not None and self.viewer.isVisible() and self.viewer.path == p.path:
            return  # a click that was also an activation: one viewer is enough
        verdict = (self.tr("Right") if p.label == truth else self.tr("Wrong"))
        caption = self.tr("{0}: the picture is <b>{1}</b>; the model said <b>{2}</b>, {3:.0%} sure.").format(
            verdict, truth, p.label, p.confidence)
        self.viewer = ImageViewer(p.path, caption, self.maker, self)
        self.viewer.failed.connect(self.failed)
        self.viewer.open()

    # --- exports --------------------------------------------------------------------------------------
    def _on_export_chosen(self, formats: list[str]) -> None:
        start = str(Path(self.model_path).with_name(Path(self.model_path).stem + " exports"))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder to export into"), start)
        if folder:
            self.export_to(formats, folder)

    def export_to(self, formats: list[str], folder: str) -> None:
        """Export off the GUI thread, checked on the photos the model was trained on (or the user picks some)."""
        model = self.model_path
        images = read_metadata(model).get("dataset", {}).get("root")
        if not images or not Path(images).is_dir():
            images = QFileDialog.getExistingDirectory(self, self.tr("Choose some photos to check the export on"))
            if not images:
                return
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        start_tensorflow_task(lambda: [export_model(model, f, folder, [images]) for f in formats], self._on_exported,
                   self._on_failed, self)

    @Slot(object)
    def _on_exported(self, results) -> None:
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        lines = [self.tr("{0}: {1} (same answer as the original on {2:.0%} of {3} photos)").format(
            r.format.label, r.path.name, r.same_answer_share, r.images_checked) for r in results]
        QMessageBox.information(self, self.tr("Exported"), "\n".join(lines))
        self.exported.emit(results)

    # --- the "not sure" threshold -----------------------------------------------------------------
    def current_threshold(self) -> float:
        return self.threshold.value() / 100

    @Slot(int)
    def _on_threshold_moved(self, _value: int) -> None:
        self._describe_threshold()
        self._redraw.start()
        if not self.threshold.isSliderDown():  # keyboard or a click on the track: no release will follow
            self._save_threshold()

    def _describe_threshold(self) -> None:
        point = self.evaluation.at_threshold(self.current_threshold())
        if point.accuracy is None:
            text = self.tr("{0:.0%} or more: no picture gets an answer.")
        else:
            text = self.tr("{0:.0%} or more: {1:.0%} of pictures get an answer, and {2:.0%} of those answers "
                           "are right. The rest read “not sure”.")
        self.threshold_text.setText(text.format(self.current_threshold(), point.coverage, point.accuracy or 0))

    @Slot()
    def _draw_coverage(self) -> None:
        if self.evaluation is not None and self.isVisible():
            ev = self.evaluation
            draw_coverage(self.coverage.figure, ev.confidence, ev.correct, self.current_threshold())
            self.coverage.draw_idle()

    @Slot()
    def _save_threshold(self) -> None:
        path, value = self.model_path, self.current_threshold()
        if path is None or self.evaluation is None:
            return
        start_task(lambda: (set_threshold(path, value), (path, value))[1],
                   lambda saved: self.threshold_saved.emit(*saved), self._on_failed, self)

    def shutdown(self) -> None:
        for loader in self._thumbs.values():
            loader.reset()
