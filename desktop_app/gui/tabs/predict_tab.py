"""Predict tab: drop photos or folders, see what the model says about each."""

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHeaderView, QLabel, QMenu, QProgressBar, QPushButton,
                               QTableView, QWidget)

from ...core.data.images import name_patterns
from ...core.models.confidence import not_sure_words, threshold_words
from ...core.errors import Failure, UserError, describe
from ...core.models.info import ModelInfo
from ...core.models.prediction import Prediction
from ...core.progress import RemainingTime, time_left_words
from ...core.models.results_csv import write_predictions_csv
from ..camera.live import LiveDialog
from ..camera.sources import Cameras
from ..sessions.project_session import ProjectSession
from ..system import FileDrops, open_in_system
from .predict_sorting import FolderSorter
from ..building import STRETCH, vbox, make_button, hbox
from ..jobs import JobSlot
from ..settings import Settings
from ..sessions.model_session import ModelSession
from ..widgets.image_viewer import ImageViewer
from ..widgets.prediction_table import ClassBarsDelegate, PredictionTableModel, row_height
from ...core.percent import percent, share_with_range, whole_percent

THUMB = 72


class PredictTab(QWidget):
    failed = Signal(object)
    """A Failure to show the user."""
    predictions_shown = Signal(int)
    """How many result rows the last group of dropped items added (emitted when all of them are done)."""
    model_wanted = Signal()
    """The user asked to choose another model."""

    def __init__(self, settings: Settings, session: ModelSession, project: ProjectSession,
                 cameras: Callable[[], Cameras], parent=None):
        """`project`: the open project, which a photo can be added to under its right class."""
        super().__init__(parent)
        self.settings = settings
        self.session, self.project, self.cameras = session, project, cameras
        self.live: LiveDialog | None = None
        self._teaching = False  # photos of this tab are on their way into the project (for the words when in)
        self._drops = FileDrops(self, self.add_paths)
        self.viewer: ImageViewer | None = None
        self._pending: list[str] = []
        self._batch: list[str] = []  # the items being looked at now
        self._predicting = JobSlot(self, tensorflow=True)
        self._remaining = RemainingTime()
        self._rows_before = 0
        self.sorter = FolderSorter(self)
        self.sorter.progressed.connect(self._on_sorting)
        self.sorter.finished.connect(self._on_sorted)
        self.sorter.failed.connect(self._on_sort_failed)

        self._build()
        self._lay_out()
        self._show_working(False)
        session.opening.connect(self._on_model_opening)
        session.model_opened.connect(self._on_model_opened)
        session.renamed.connect(self._describe_model)
        session.open_failed.connect(self._on_model_failed)
        session.threshold_changed.connect(self._on_threshold_changed)
        project.photos_added.connect(self._on_project_photos_added)

    def _build(self) -> None:
        self.model_label = QLabel(self.tr("No model yet: train one, or open a saved model."), wordWrap=True)
        self.open_button = make_button(self.tr("Choose Model…"), self.model_wanted.emit)
        self.add_button = make_button(self.tr("Add Photos…"), self._on_add_clicked, enabled=False)
        self.export_button = make_button(self.tr("Export CSV…"), self._on_export_clicked, enabled=False)
        self.sort_button = make_button(self.tr("Sort into Folders…"), self._on_sort_clicked, enabled=False,
                                       tip=self.tr("Put these photos into one folder per class, by the answers "
                                                   "(copied, or moved if you choose; it can be undone)"))
        self.why_button = make_button(self.tr("Why?…"), self.show_why, enabled=False,
                                      tip=self.tr("Show the selected photo large, with where the model looked"))
        self.clear_button = make_button(self.tr("Clear"), self.clear_results)
        self.camera_button = make_button(self.tr("Live Camera…"), self.open_camera,
                                         tip=self.tr("Point a camera at things and see the model's answers live"))
        self.teach_menu = QMenu(self)
        self.teach_menu.aboutToShow.connect(lambda: self._fill_teach_menu(self.teach_menu))
        self.teach_button = QPushButton(self.tr("This Is…"))
        self.teach_button.setMenu(self.teach_menu)
        self.teach_button.setEnabled(False)
        self.teach_button.setToolTip(self.tr("Add the selected photos to the open project under their right class, "
                                             "so the next training learns from them"))
        self.hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("QLabel { border: 2px dashed #999; border-radius: 8px; padding: 18px; color: #555; }")
        self._show_drop_hint()
        self.hint.linkActivated.connect(self._on_hint_link)
        self.progress = QProgressBar()
        self.eta = QLabel()
        self.stop_button = make_button(self.tr("Stop"), self.stop)
        self.results = PredictionTableModel(THUMB, self)
        self.table = _results_table(self.results)
        self.table.doubleClicked.connect(lambda index: self.show_why(index.row()))
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_menu)

    def _lay_out(self) -> None:
        vbox(hbox((self.model_label, 1), self.camera_button, self.open_button),
             self.hint,
             hbox((self.progress, 1), self.eta, self.stop_button),
             (self.table, 1),
             hbox(self.add_button, self.why_button, self.teach_button, STRETCH, self.clear_button, self.sort_button,
                  self.export_button),
             parent=self)

    # --- model ----------------------------------------------------------------------------------
    @Slot(object)
    def _on_model_opening(self, info: ModelInfo) -> None:
        """Another model: the photos on screen are looked at again by it, never shown under its name unasked."""
        rows = self.results.results
        # Rows of the batch in flight are covered by its items (which may be folders).
        again = ([r.path for r in rows[:self._rows_before]] + self._batch if self._predicting.busy
                 else [r.path for r in rows])
        self._drop_work()
        self.results.clear()
        self._set_results_actions(False)
        self._pending = again + self._pending
        self.add_button.setEnabled(False)
        self.model_label.setText(self.tr("Opening {0}…").format(info.name))
        if self._pending:
            self.hint.setText(self.tr("%n photo(s) will be looked at again by {0}.", "", len(self._pending)).format(
                info.name))

    @Slot(object)
    def _on_model_opened(self, info: ModelInfo) -> None:
        self._describe_model(info)
        self.results.threshold = self.session.threshold
        self.table.verticalHeader().setDefaultSectionSize(row_height(len(info.classes), THUMB))
        self.add_button.setEnabled(True)
        self._run_pending()

    @Slot(object)
    def _describe_model(self, info: ModelInfo) -> None:
        if info.val_accuracy is None:
            acc = self.tr("not measured")
        elif info.val_count is None:  # a model file from before the count was kept
            acc = self.tr("right on {0} of the pictures it was tested on while training").format(
                percent(info.val_accuracy))
        else:
            acc = self.tr("right on {0} of the %n pictures it was tested on while training", "",
                          info.val_count).format(share_with_range(info.val_accuracy, info.val_count))
        self.model_label.setText(self.tr("Model: <b>{0}</b> — knows {1}; {2}; {3}.").format(
            info.name, ", ".join(info.classes), acc, threshold_words(self.session.threshold)))

    @Slot(object)
    def _on_model_failed(self, _failure: Failure) -> None:
        self.model_label.setText(self.tr("Could not open the model. Choose another one."))

    @Slot(float)
    def _on_threshold_changed(self, threshold: float) -> None:
        self.results.apply_threshold(threshold)
        if self.session.info is not None:
            self._describe_model(self.session.info)

    # --- photos ---------------------------------------------------------------------------------
    def _show_drop_hint(self) -> None:
        self.hint.setText(self.tr("Drop photos or folders here to see what the model says."))

    def _show_working(self, working: bool) -> None:
        for w in (self.progress, self.eta, self.stop_button):
            w.setVisible(working)

    @property
    def busy(self) -> bool:
        """Photos are being looked at now."""
        return self._predicting.busy

    def add_paths(self, paths: list[str]) -> None:
        self._pending.extend(paths)
        if self.session.info is None:
            self.model_label.setText(self.tr("Train or open a model first; your photos will then be checked."))
        self._run_pending()

    def _run_pending(self) -> None:
        if self._predicting.busy or not self.session.ready or not self._pending:
            return
        batch, self._pending = self._pending, []
        self._batch = batch
        predictor = self.session.predictor
        assert predictor is not None, "ready: the model is open"
        self.hint.setText(self.tr("Looking at %n item(s)…", "", len(batch)))
        self.progress.setRange(0, 0)  # busy until the folders are listed
        self.eta.clear()
        self._remaining = RemainingTime()
        self._show_working(True)
        self._rows_before = self.results.rowCount()
        self._predicting.start(lambda cancel: predictor.iter_predict(batch, cancel), on_errored=self.failed.emit,
                               on_yielded=self._on_chunk, on_finished=self._on_batch_finished)

    @Slot(object)
    def _on_chunk(self, report: tuple[list, int, int]) -> None:
        chunk, done, total = report
        self.results.append(chunk)
        self._set_results_actions(True)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v of %m photos"))
        left = self._remaining.update(done, total)
        self.eta.setText(time_left_words(left) if left is not None else "")

    @Slot()
    def _on_batch_finished(self) -> None:
        self._finish_batch()
        self.predictions_shown.emit(self.results.rowCount() - self._rows_before)
        self._run_pending()

    def _finish_batch(self) -> None:
        self._show_working(False)
        self._show_drop_hint()

    @Slot()
    def _on_selection_changed(self) -> None:
        self.why_button.setEnabled(self.session.maker is not None and self.table.selectionModel().hasSelection())
        self.teach_button.setEnabled(bool(self._selected_photos()))

    def _selected_photos(self) -> list[str]:
        """The selected rows that are photos (a file that could not be read teaches nothing)."""
        rows = [self.results.results[i.row()] for i in self.table.selectionModel().selectedRows()]
        return [r.path for r in rows if isinstance(r, Prediction)]

    @Slot(object)
    def _on_table_menu(self, pos) -> None:
        """Right-click on a row: the same as the buttons below the table, for the selected rows."""
        menu = QMenu(self)
        why = menu.addAction(self.tr("Why?…"), self.show_why)
        why.setEnabled(self.why_button.isEnabled())
        teach = menu.addMenu(self.tr("This Is…"))
        teach.aboutToShow.connect(lambda: self._fill_teach_menu(teach))
        teach.setEnabled(self.teach_button.isEnabled())
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # --- teaching the project -------------------------------------------------------------------
    def _fill_teach_menu(self, menu: QMenu) -> None:
        menu.clear()
        project = self.project.project
        classes = project.class_names(self.project.index) if project is not None else []
        if not classes:
            menu.addAction(self.tr("Open a dataset or project first")).setEnabled(False)
        for name in classes:
            menu.addAction(name, functools.partial(self.teach, self._selected_photos(), name))

    def teach(self, photos: list[str], label: str) -> None:
        """Copy `photos` into the open project under `label` (one undoable edit)."""
        if not photos:
            return
        if self.project.add_photos(photos, label):
            self._teaching = True
            self.hint.setText(self.tr("Adding %n photo(s) to “{0}”…", "", len(photos)).format(label))
        else:
            self.hint.setText(self.tr("Photos are still being added to the project; try again in a moment."))

    @Slot(int)
    def _on_project_photos_added(self, count: int) -> None:
        if self._teaching:
            self._teaching = False
            self.hint.setText(self.tr("%n photo(s) added to the project (Dataset ▸ Undo takes them back). Train "
                                      "again to use them.", "", count) if count else self.tr("No photo was added."))

    # --- camera ---------------------------------------------------------------------------------
    @Slot()
    def open_camera(self) -> None:
        if self.live is not None:
            self.live.done(0)
            self.live.deleteLater()  # its job, if one still runs, is quit with it and delivers nothing
        self.live = LiveDialog(self.cameras(), self.session, self)
        self.live.snapshot_taken.connect(lambda path: self.add_paths([path]))
        self.live.failed.connect(self.failed)
        self.live.open()

    @Slot()
    def show_why(self, row: int | None = None) -> None:
        """The photo of `row` (default: the selected one) large, with a heatmap on request."""
        if row is None or isinstance(row, bool):  # a button's clicked(bool)
            selected = self.table.selectionModel().selectedRows()
            if not selected:
                return
            row = selected[0].row()
        r = self.results.results[row]
        if isinstance(r, Prediction) and r.sure:
            caption = self.tr("The model says <b>{0}</b>, {1}% sure.").format(r.label, whole_percent(r.confidence))
        elif isinstance(r, Prediction):
            caption = self.tr("The model is {0}.").format(not_sure_words(r.label, r.confidence, self.session.threshold))
        else:
            caption = self.tr("This file cannot be read: {0}").format(r.error)
        self.viewer = ImageViewer(r.path, caption, self.session.maker if isinstance(r, Prediction) else None, self)
        self.viewer.failed.connect(self.failed)
        self.viewer.open()

    @Slot()
    def stop(self) -> None:
        """Stop looking at the photos still to do (those done stay in the table), or sorting them."""
        self._pending.clear()
        self._predicting.stop()
        self.sorter.stop()

    def _drop_work(self) -> None:
        """Forget the photos still to do and the answers on their way (another model, Clear, closing)."""
        self._pending.clear()
        self._predicting.quit()
        self._finish_batch()

    @Slot()
    def _on_add_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose photos"),
                                                self.settings.photo_folder,
                                                self.tr("Images ({0})").format(name_patterns()))
        if files:
            self.settings.photo_folder = str(Path(files[0]).parent)
            self.add_paths(files)

    @Slot()
    def clear_results(self) -> None:
        self._drop_work()
        self.results.clear()
        self._set_results_actions(False)

    @Slot()
    def _on_export_clicked(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export results"), "predictions.csv",
                                                self.tr("CSV file (*.csv)"))
        if target:
            try:
                self.export_csv(target)
            except UserError as exc:
                self.failed.emit(describe(exc))
            else:
                self.hint.setText(self.tr("Saved the {0} answers to {1}.").format(len(self.results.results), target))

    def _set_results_actions(self, enabled: bool) -> None:
        self.export_button.setEnabled(enabled)
        self.sort_button.setEnabled(enabled and not self.sorter.busy)

    # --- sorting into folders -------------------------------------------------------------------
    @Slot()
    def _on_sort_clicked(self) -> None:
        if not self.busy and self.sorter.ask_and_sort(self, self.results.results):
            self._remaining = RemainingTime()
            self.sort_button.setEnabled(False)
            self.progress.setRange(0, 0)
            self.eta.clear()
            self._show_working(True)

    @Slot(int, int)
    def _on_sorting(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v of %m photos"))
        left = self._remaining.update(done, total)
        self.eta.setText(time_left_words(left) if left is not None else "")

    @Slot(str)
    def _on_sorted(self, words: str) -> None:
        self._show_working(False)
        self.hint.setText(words)
        self.sort_button.setEnabled(bool(self.results.results))

    @Slot(object)
    def _on_sort_failed(self, failure: Failure) -> None:
        self._on_sorted(failure.message)
        self.failed.emit(failure)

    @Slot(str)
    def _on_hint_link(self, link: str) -> None:
        if link == "undo":
            self.sorter.undo()
        elif link == "open" and self.sorter.dest is not None:
            open_in_system(self, self.sorter.dest)

    def export_csv(self, target: str) -> None:
        write_predictions_csv(self.results.results, list(self.session.info.classes) if self.session.info else [],
                              target)

    def shutdown(self) -> None:
        self._drop_work()
        self.results.clear()
        if self.live is not None:
            self.live.done(0)  # the camera goes off with the window


def _results_table(results: PredictionTableModel) -> QTableView:
    table = QTableView()
    table.setModel(results)
    table.setItemDelegateForColumn(PredictionTableModel.SURE, ClassBarsDelegate(table))
    table.setIconSize(QSize(THUMB, THUMB))
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.setColumnWidth(0, 260)
    table.setColumnWidth(1, 210)
    return table
