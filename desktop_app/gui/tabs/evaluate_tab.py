"""Evaluate tab: how good a model is, where it goes wrong, and when it should say "not sure"."""

import functools
import html

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QFileDialog, QFrame, QGridLayout, QHeaderView, QLabel, QListView, QListWidget,
                               QListWidgetItem, QProgressBar, QScrollArea, QStackedWidget, QTableWidget,
                               QTableWidgetItem, QTabWidget, QWidget)

from ...core.models.bundle import read_metadata
from ...core.models.metadata import ModelMetadata
from ...core.models.confidence import threshold_percent, threshold_words
from ...core.errors import Failure, UserError, describe
from ...core.models.advice import Advice, advise
from ...core.models.evaluation import Evaluation, evaluating, validation_evaluation
from ...core.models.info import ModelInfo
from ...core.models.plots import draw_confusion, draw_coverage
from ...core.models.prediction import Prediction
from ..building import STRETCH, vbox, make_button, hbox, splitter
from ..dialogs.export_dialog import ExportDialog
from ..jobs import JobSlot
from ..settings import Settings
from ..sessions.model_session import ModelSession
from ..widgets.figure_view import FigureView
from ..widgets.hinted_list import HintedList
from ..widgets.image_viewer import ImageViewer
from ..widgets.threshold_slider import ThresholdSlider
from ..widgets.thumbnail_loader import ThumbnailLoader
from ...core.percent import share_with_range, whole_percent

THUMB = 96


class EvaluateTab(QWidget):
    failed = Signal(object)
    """A Failure to show the user."""
    evaluated = Signal()
    """An evaluation is on screen."""
    model_wanted = Signal()
    photos_wanted = Signal(str, bool)
    """(class, by camera): the user wants to add photos to that class of the open project."""
    """The user asked to choose another model."""

    def __init__(self, settings: Settings, session: ModelSession, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.session = session
        self.evaluation: Evaluation | None = None
        self.advice_given: list[Advice] = []
        self._train_counts: dict[str, int] = {}  # the photos each class of the model in use learnt from
        self._curve: tuple[tuple[int, float], ...] = ()  # its learning curve (advice on more photos)
        self.viewer: ImageViewer | None = None
        self.export_dialog: ExportDialog | None = None
        self._evaluating = JobSlot(self, tensorflow=True)

        self._build()
        self._build_threshold()
        self._lay_out()
        self._show_results(False)
        session.opening.connect(self._on_model_opening)
        session.model_opened.connect(self._on_model_opened)
        session.renamed.connect(self._on_model_renamed)
        session.open_failed.connect(self._on_model_failed)
        session.threshold_changed.connect(self._on_threshold_changed)
        session.threshold_saved.connect(self._on_threshold_changed)

    def _build(self) -> None:
        self.model_label = QLabel(self.tr("Train a model or open one to see how good it is."), wordWrap=True)
        self.open_button = make_button(self.tr("Choose Model…"), self.model_wanted.emit)
        self.folder_button = make_button(self.tr("Evaluate on a Folder…"), self._on_folder_clicked, enabled=False,
                                         tip=self.tr("A folder of class folders the model has not seen "
                                                     "(its test/ split is used when it has one)."))
        self.export_button = make_button(self.tr("Export…"), self.open_export_dialog, enabled=False,
                                         tip=self.tr("Save the model for other programs; each export is checked "
                                                     "against the original on real photos"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.summary = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.advice = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.advice.linkActivated.connect(self._on_advice_link)
        self.warning = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.warning.setStyleSheet("QLabel { background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; "
                                   "padding: 6px; color: #5a4500; }")
        self.warning.setVisible(False)
        self.confusion = FigureView(QSize(400, 340))
        self.per_class = self._per_class_table()
        self.lists = QTabWidget()
        self.mistakes = self._picture_list(self.tr("No mistakes at this threshold: every picture the model "
                                                   "answered, it got right."))
        self.not_sure = self._picture_list(self.tr("No “not sure” answers at this threshold: the model answers "
                                                   "every picture."))
        self.barely = self._picture_list(self.tr("No picture gets a right answer at this threshold; the "
                                                 "right answers the model was least sure of appear here."))
        self.lists.addTab(self.mistakes, self.tr("Mistakes"))
        self.lists.addTab(self.not_sure, self.tr("Not sure"))
        self.lists.addTab(self.barely, self.tr("Right, but barely"))
        advice = QScrollArea(widgetResizable=True)
        advice.setFrameShape(QFrame.Shape.NoFrame)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.advice.setContentsMargins(6, 6, 6, 6)
        advice.setWidget(self.advice)
        self.lists.addTab(advice, self.tr("To improve"))
        self._thumbs = {w: ThumbnailLoader(THUMB, functools.partial(self._set_icon, w), self)
                        for w in (self.mistakes, self.not_sure, self.barely)}
        self._relist = QTimer(self, singleShot=True, interval=120)  # the lists follow the slider once it rests
        self._relist.timeout.connect(self._fill_lists)

    def _build_threshold(self) -> None:
        self.threshold = ThresholdSlider()
        self.threshold.valueChanged.connect(self._on_threshold_moved)
        self.threshold_text = QLabel(wordWrap=True)
        self.recommended_text = QLabel(wordWrap=True)
        self.recommended_text.setStyleSheet("QLabel { color: #555; }")
        self.save_threshold_button = make_button(
            self.tr("Save Threshold"), self._on_save_threshold_clicked,
            tip=self.tr("Keep this threshold in the model file; until then it applies only while the app is open"))
        self.reset_threshold_button = make_button(self.tr("Reset"), self.session.reset_threshold,
                                                  tip=self.tr("Back to the recommended threshold"))
        self.coverage = FigureView(QSize(400, 260))

    def _lay_out(self) -> None:
        left = QWidget()
        grid = QGridLayout(left)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(self.confusion, 1, 0)
        grid.addWidget(self.coverage, 1, 1)
        grid.addWidget(self.per_class, 2, 0)
        grid.setRowStretch(1, 1)  # room to spare goes to the charts, not to a gap above the table
        grid.addLayout(vbox(QLabel(self.tr("<b>Answer only when at least this sure:</b>")), self.threshold,
                            self.recommended_text, self.threshold_text,
                            hbox(self.reset_threshold_button, STRETCH, self.save_threshold_button), STRETCH), 2, 1)
        # Until there is something to show, words instead of a wall of empty boxes.
        empty = QLabel(self.tr("<h2>Nothing evaluated yet</h2><p>Train a model in the Train tab, or press <b>Choose "
                               "Model…</b>.</p><p>Here you will see how often it is right on pictures it did not "
                               "learn from, which pictures it gets wrong, and how sure it should be before it "
                               "answers. <b>Evaluate on a Folder…</b> tests it on other photos.</p>"),
                       alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        empty.setStyleSheet("QLabel { color: #555; }")
        self.pages = QStackedWidget()
        self.pages.addWidget(empty)
        self.pages.addWidget(splitter(left, self.lists, sizes=[700, 380]))
        vbox(hbox((self.model_label, 1), self.open_button, self.folder_button, self.export_button),
             self.progress, self.warning, (self.pages, 1), parent=self)

    def _per_class_table(self) -> QTableWidget:
        headers = ((self.tr("Precision"), self.tr("Precision: when the model says this class, how often it is right")),
                   (self.tr("Recall"), self.tr("Recall: of the pictures of this class, how many the model found")),
                   (self.tr("F1"), self.tr("F1: precision and recall in one number")),
                   (self.tr("Pictures"), self.tr("Pictures of this class")))
        table = QTableWidget(0, len(headers))
        for i, (text, tip) in enumerate(headers):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            table.setHorizontalHeaderItem(i, item)
        table.setMaximumHeight(140)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        return table

    def _picture_list(self, hint: str) -> QListWidget:
        view = HintedList(hint)
        view.setViewMode(QListView.ViewMode.IconMode)
        view.setIconSize(QSize(THUMB, THUMB))
        view.setGridSize(QSize(THUMB + 70, THUMB + 58))
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setMovement(QListView.Movement.Static)
        view.setWordWrap(True)
        view.itemActivated.connect(self._on_item_activated)
        view.itemClicked.connect(self._on_item_activated)
        return view

    def _show_results(self, on: bool) -> None:
        self.pages.setCurrentIndex(1 if on else 0)

    # --- model ----------------------------------------------------------------------------------
    @Slot(object)
    def _on_model_opening(self, info: ModelInfo) -> None:
        """Show what training measured at once (from the model file); more once the model is loaded."""
        self._evaluating.quit()  # the folder being judged was the old model's work
        self.progress.setVisible(False)
        self.folder_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.warning.setVisible(False)
        self.model_label.setText(self.tr("Model: <b>{0}</b>").format(info.name))
        self.threshold.set_recommended(threshold_percent(info.recommended_threshold))
        self.recommended_text.setText(self.tr("▲ recommended: {0}% (chosen on the pictures held out during "
                                              "training)").format(threshold_percent(info.recommended_threshold)))
        try:
            meta = read_metadata(info.path)
        except UserError as exc:
            self.failed.emit(describe(exc))
            return
        self._train_counts, self._curve = meta.dataset.train_counts, meta.learning_curve
        ev = validation_evaluation(meta)
        if ev is not None:
            self._show(ev, self._held_out_words(meta))
        else:
            self.evaluation = None
            self._show_results(False)
            self.summary.setText(self.tr("This model was trained without held-out pictures; "
                                         "evaluate it on a folder."))

    def _held_out_words(self, meta: ModelMetadata) -> str:
        """Whose answers these are: after fine-tuning, the output layer's from before it, not the model's own."""
        words = self.tr("Held-out pictures during training: each picture was judged by a model that had not seen it.")
        if not meta.fine_tuned or meta.val_accuracy is None or meta.val_count is None:
            return words
        return self.tr("Held-out pictures during training, each judged by a model that had not seen it, before "
                       "the top of the network was fine-tuned. The fine-tuned model was right {0} on the %n "
                       "held-out pictures it was judged on.", "", meta.val_count).format(
            share_with_range(meta.val_accuracy, meta.val_count))

    @Slot(object)
    def _on_model_opened(self, _info: ModelInfo) -> None:
        self.folder_button.setEnabled(True)
        self.export_button.setEnabled(True)

    @Slot(object)
    def _on_model_renamed(self, info: ModelInfo) -> None:
        self.model_label.setText(self.tr("Model: <b>{0}</b>").format(info.name))

    @Slot(object)
    def _on_model_failed(self, _failure: Failure) -> None:
        self.model_label.setText(self.tr("Could not open the model. Choose another one."))
        self.evaluation = None
        self._show_results(False)
        self.summary.clear()

    # --- evaluating on a folder -----------------------------------------------------------------
    @Slot()
    def _on_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of class folders"),
                                                  self.settings.last_dataset)
        if folder:
            self.evaluate_folder(folder)

    def evaluate_folder(self, folder: str) -> None:
        predictor = self.session.predictor
        if predictor is None:  # the button is only on while a model is ready
            return
        self.folder_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._evaluating.start(lambda cancel: evaluating(predictor, folder, cancel),
                               lambda ev: self._on_folder_done(folder, ev), self._on_failed, self._on_progress)

    @Slot(object)
    def _on_progress(self, done_of: tuple[int, int]) -> None:
        done, total = done_of
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_folder_done(self, folder: str, ev: Evaluation) -> None:
        self.progress.setVisible(False)
        self.folder_button.setEnabled(True)
        warnings = []
        if ev.overlap_with_training:
            warnings.append(self.tr("<b>The model was trained on %n of these pictures</b>, so this accuracy "
                                    "looks better than it will be on new photos. Evaluate on pictures it has not "
                                    "seen (a test/ folder).", "", ev.overlap_with_training))
        if ev.left_out or ev.missing:
            warnings.append(html.escape(ev.class_mismatch_words()))
        self.warning.setText("<br>".join(warnings))
        self.warning.setVisible(bool(warnings))
        judged = html.escape(ev.judged or folder)  # its test/ folder, when it has one
        if ev.skipped:
            self._show(ev, self.tr("Pictures in {0} ({1} could not be read).").format(judged, len(ev.skipped)))
        else:
            self._show(ev, self.tr("Pictures in {0}.").format(judged))

    @Slot(object)
    def _on_failed(self, failure: Failure) -> None:
        self.progress.setVisible(False)
        self.folder_button.setEnabled(self.session.ready)
        self.failed.emit(failure)

    # --- showing an evaluation --------------------------------------------------------------------
    def _show(self, ev: Evaluation, source: str) -> None:
        self.evaluation = ev
        self._show_results(True)
        self.summary.setText(self.tr("{0}<br><b>{1}</b> right on %n picture(s).", "", ev.n).format(
            source, share_with_range(ev.accuracy, ev.n, 1)))
        self.confusion.show_chart(functools.partial(draw_confusion, matrix=ev.confusion_matrix, classes=ev.classes))
        self._draw_coverage()
        self.per_class.setRowCount(len(ev.classes))
        self.per_class.setVerticalHeaderLabels(ev.classes)
        for row, (name, m) in enumerate(ev.per_class.items()):
            said = ev.said(name)
            precision = share_with_range(m.precision, said) if said else ""
            ranges = (precision, share_with_range(m.recall, m.support), "", "")
            for col, text in enumerate((f"{m.precision:.2f}", f"{m.recall:.2f}", f"{m.f1:.2f}", str(m.support))):
                item = QTableWidgetItem(text)
                item.setToolTip(ranges[col])  # the range the share likely lies in: few pictures, a wide one
                self.per_class.setItem(row, col, item)
        self._on_threshold_changed(self.session.threshold)
        self._fill_lists()
        self._show_advice(advise(ev, self._train_counts, self._curve))
        self.evaluated.emit()

    def _show_advice(self, advice: list[Advice]) -> None:
        """To improve this model: each piece of advice with a way to act on it right there."""
        self.advice_given = advice
        self.lists.setTabText(self.lists.count() - 1, self.tr("To improve (%n)", "", len(advice)))
        if not advice:
            self.advice.setText(self.tr("<b>To improve this model:</b> nothing stands out; more varied photos of "
                                        "every class help most."))
            return
        items = []
        for a in advice:
            label = html.escape(a.label)
            add = self.tr("Add photos to “{0}”…").format(label)
            camera = self.tr("From camera…")
            links = f' <a href="add:{label}">{add}</a> · <a href="camera:{label}">{camera}</a>' if a.label else ""
            items.append(f"<li>{html.escape(a.words)}{links}</li>")
        self.advice.setText(self.tr("<b>To improve this model:</b>") + "<ul>" + "".join(items) + "</ul>")

    @Slot(str)
    def _on_advice_link(self, link: str) -> None:
        kind, _, label = link.partition(":")
        self.photos_wanted.emit(html.unescape(label), kind == "camera")

    def _fill_lists(self) -> None:
        """The answers as the slider's threshold gives them: wrong ones, "not sure" ones, right but barely."""
        ev, threshold = self.evaluation, self.session.threshold
        if ev is None:
            return
        wrong = [(p, t) for p, t in ev.mistakes if p.confidence >= threshold]
        unsure = sorted([*ev.mistakes, *((p, p.label) for p in ev.barely_right)], key=lambda m: m[0].confidence)
        unsure = [(p, t) for p, t in unsure if p.confidence < threshold]
        barely = [p for p in ev.barely_right if p.confidence >= threshold][:200]
        self._fill(self.mistakes, wrong,
                   lambda p, t: self.tr("is {0}\nsaid {1} ({2}%)").format(t, p.label, whole_percent(p.confidence)))
        self._fill(self.not_sure, unsure[:200],
                   lambda p, t: self.tr("is {0}\nbest guess {1} ({2}%)").format(t, p.label,
                                                                               whole_percent(p.confidence)))
        self._fill(self.barely, [(p, p.label) for p in barely],
                   lambda p, t: self.tr("{0} ({1}%)").format(p.label, whole_percent(p.confidence)))
        self.lists.setTabText(0, self.tr("Mistakes ({0})").format(len(wrong)))
        self.lists.setTabText(1, self.tr("Not sure ({0})").format(len(unsure)))

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
        caption = self.tr("{0}: the picture is <b>{1}</b>; the model said <b>{2}</b>, {3}% sure.").format(
            verdict, truth, p.label, whole_percent(p.confidence))
        self.viewer = ImageViewer(p.path, caption, self.session.maker, self)
        self.viewer.failed.connect(self.failed)
        self.viewer.open()

    # --- exports --------------------------------------------------------------------------------------
    @Slot()
    def open_export_dialog(self) -> ExportDialog | None:
        if self.session.info is None:
            return None
        self.export_dialog = ExportDialog(self.session.info, self)
        self.export_dialog.failed.connect(self.failed)
        self.export_dialog.open()
        return self.export_dialog

    # --- the "not sure" threshold -----------------------------------------------------------------
    def current_threshold(self) -> float:
        return self.threshold.value() / 100

    @Slot(int)
    def _on_threshold_moved(self, value: int) -> None:
        self.session.set_threshold(value / 100)

    @Slot(float)
    def _on_threshold_changed(self, threshold: float) -> None:
        """From the slider, Reset, a save, or a model opened: the slider, its words and the curve follow."""
        self.threshold.blockSignals(True)
        self.threshold.setValue(threshold_percent(threshold))
        self.threshold.blockSignals(False)
        self.save_threshold_button.setEnabled(self.session.threshold_unsaved)
        info = self.session.info
        self.reset_threshold_button.setEnabled(info is not None and threshold != info.recommended_threshold)
        if self.evaluation is None:
            return
        point = self.evaluation.at_threshold(threshold)
        if point.accuracy is None:
            text = self.tr("The model {0}: no picture gets an answer.").format(threshold_words(threshold))
        else:
            text = self.tr("The model {0}: {1} of pictures get an answer, and {2} of those answers "
                           "are right. The rest read “not sure”.").format(
                threshold_words(threshold), share_with_range(point.coverage, self.evaluation.n),
                share_with_range(point.accuracy, point.answered))
        if self.session.threshold_unsaved:
            text += " " + self.tr("(Not saved: the model file still says {0}%.)").format(
                threshold_percent(self.session.saved_threshold))
        self.threshold_text.setText(text)
        self._draw_coverage()
        self._relist.start()

    @Slot()
    def _on_save_threshold_clicked(self) -> None:
        self.session.save_threshold(self.failed.emit)

    def _draw_coverage(self) -> None:
        if self.evaluation is not None:
            ev = self.evaluation
            self.coverage.show_chart(functools.partial(draw_coverage, confidence=ev.confidence, correct=ev.correct,
                                                       threshold=self.current_threshold()))

    def shutdown(self) -> None:
        self._evaluating.quit()
        for loader in self._thumbs.values():
            loader.reset()
