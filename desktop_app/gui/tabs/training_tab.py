"""Train tab: pick a backbone and settings, press Train, watch it learn, stop at any time."""

import datetime
import html
import math
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QLabel,
                               QFrame, QLineEdit, QProgressBar, QScrollArea, QSpinBox, QWidget)

from ...core import paths
from ...core.atomic import atomic_path
from ...core.networks.backbones import availability, get_backbone
from ...core.networks.network_choice import BEST, CANDIDATES
from ...core.data.dataset import DatasetIndex
from ...core.errors import Failure, SaveError, describe
from ...core.i18n import sentences
from ...core.limits import EPOCHS, LEARNING_RATE
from ...core.models.bundle import read_metadata
from ...core.models.comparison import compare
from ...core.models.info import ModelInfo
from ...core.models.plots import kept_round
from ...core.models.report import report_path, write_report
from ...core.models.library import clean_name, free_model_path
from ...core.progress import PhaseClocks, time_left_words
from ...core.training.trainer import AUTO, TrainingConfig, TrainingResult
from ...core.training.process import (Engine, Event, Failed, Finished, Outcome, Progressed, StageBegan,
                                     train_in_process)
from ..building import STRETCH, hbox, make_button, panel, vbox
from ..jobs import JobSlot
from ..system import open_in_system
from ..settings import Settings, TrainingChoices
from ..widgets.chart import AccuracyChart
from ..widgets.skipped_list import SkippedList
from ...core.percent import share_with_range

CHART_MIN_HEIGHT = 260  # px: titles, labels and a readable curve


class TrainingTab(QWidget):
    model_trained = Signal(str)
    """Path of the model file a finished run saved."""
    use_model_requested = Signal(str)
    """The user chose the model a run just saved over the one in use."""
    skipped_found = Signal(object)
    """The SkippedFiles of a finished run (the scan's and those found while reading the photos)."""
    failed = Signal(object)
    """A Failure to show the user."""
    running_changed = Signal(bool)
    """True while a run is in progress."""
    training_event = Signal(object)
    """A StageBegan, Progressed or EpochEnded of the run under way, after the tab has shown it."""

    def __init__(self, settings: Settings, train_function: Callable = train_in_process, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.train_function = train_function
        self.index: DatasetIndex | None = None
        self._training = JobSlot(self)  # it only waits on the training process's queue
        self._comparing = JobSlot(self)
        self._reporting = JobSlot(self)
        self._engine: Engine | None = None  # waiting, ready for the next run, once warm_up() has started one
        self._running: Engine | None = None
        self._last_run: Engine | None = None  # may still be writing its report
        self._warm = False  # whether to keep an engine ready (once warm_up() was asked for)
        self._last_network: tuple[str, int] | None = None  # (backbone id, picture size) of the last model trained
        self.last_model: Path | None = None
        self.model_in_use: ModelInfo | None = None
        self._history_shown: ModelInfo | None = None  # whose learning curves the chart shows, if not a run's
        self._remaining = PhaseClocks()

        self._build_settings()
        self._build_run()
        self._lay_out()
        self._restore_settings()
        self._show_whether_changed()

    def _build_settings(self) -> None:
        self.backbone = QComboBox()
        self.image_size = QComboBox()
        self.backbone.currentIndexChanged.connect(self._on_backbone_changed)
        self.refresh_backbones()
        self.model_name = QLineEdit()
        # The ranges are the core's own (core/limits.py), so the window can never start a run train() refuses.
        self.epochs = QSpinBox(minimum=int(EPOCHS.low), maximum=int(EPOCHS.high), value=TrainingConfig.epochs)
        self.learning_rate = QDoubleSpinBox(decimals=4, minimum=LEARNING_RATE.low, maximum=LEARNING_RATE.high,
                                            singleStep=0.0005, value=TrainingConfig.learning_rate)
        self.fine_tune = QComboBox()
        for value, text in ((AUTO, self.tr("Automatic (when it can help)")), (0, self.tr("Off")),
                            (20, self.tr("Top 20 layers")), (40, self.tr("Top 40 layers"))):
            self.fine_tune.addItem(text, value)
        for widget, tip in (
                (self.model_name, self.tr("The name the model gets in the model library (you can rename it later)")),
                (self.epochs, self.tr("Epochs: how many times the new output layer goes through all the pictures. "
                                      "It is cheap; the best round is kept.")),
                (self.learning_rate, self.tr("Learning rate: how big a step the new output layer takes each time.")),
                (self.fine_tune, self.tr("Fine-tuning: the top layers of the pretrained network learn from your "
                                         "pictures too. Slower; kept only if it is better on held-out pictures."))):
            widget.setToolTip(tip)
        self.augment = QCheckBox(self.tr("Vary the pictures while fine-tuning (crops, mirror, lighting)"))
        self.augment.setChecked(True)
        # A disclosure box, not a group box: a folded QGroupBox still draws an empty frame.
        self.advanced = QCheckBox(self.tr("Advanced settings"))
        self.restore_defaults = make_button(self.tr("Restore Defaults"), self.restore_default_settings,
                                            tip=self.tr("The settings most photo sets do best with"))
        self.advanced_body = QWidget()
        self.advanced_body.setVisible(False)
        form = QFormLayout(self.advanced_body)
        form.setContentsMargins(20, 0, 0, 0)
        form.addRow(self.tr("Learning rounds:"), self.epochs)
        form.addRow(self.tr("Step size:"), self.learning_rate)
        form.addRow(self.tr("Picture size:"), self.image_size)
        form.addRow(self.tr("Also adjust the network:"), self.fine_tune)
        form.addRow("", self.augment)
        form.addRow("", hbox(self.restore_defaults, STRETCH, margins=False))
        self.advanced.toggled.connect(self.advanced_body.setVisible)
        # Settings are remembered from run to run, so a change must never hide under the folded box.
        for changed in (self.epochs.valueChanged, self.learning_rate.valueChanged, self.augment.toggled,
                        self.image_size.currentIndexChanged, self.fine_tune.currentIndexChanged):
            changed.connect(self._show_whether_changed)

    def _build_run(self) -> None:
        self.train_button = make_button(self.tr("Train"), self.start_training, enabled=False)
        self.train_button.setDefault(True)
        self.stop_button = make_button(self.tr("Stop"), self.stop_training, enabled=False)
        self.save_as_button = make_button(self.tr("Save As…"), self._on_save_as_clicked, enabled=False)
        self.stage = QLabel(self.tr("Choose a folder in the Dataset tab first."))
        self.progress = QProgressBar(textVisible=True)
        self.eta = QLabel()
        self.chart = AccuracyChart()
        self.result = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.result.linkActivated.connect(self._on_link_activated)
        self.skipped = SkippedList()
        self.choice_text = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.use_new_button = make_button(self.tr("Use the New Model"), self._on_use_new_clicked)
        self.keep_button = make_button("", self._on_keep_clicked)
        self.choice = panel(hbox((self.choice_text, 1), self.use_new_button, self.keep_button, margins=False))
        self.choice.setVisible(False)

    def _lay_out(self) -> None:
        top = QFormLayout()
        top.addRow(self.tr("Network:"), self.backbone)
        top.addRow(self.tr("Model name:"), self.model_name)
        # The chart keeps a readable height; when the window is too small for everything (1024 x 600 with
        # the skipped files shown), the tab scrolls instead of squeezing the chart to a strip.
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        content = QWidget()
        # What a finished run says (and the choice it asks for) comes before the chart: if anything has to
        # be scrolled to, it is the chart's lower part, never the outcome or its buttons.
        vbox(top, self.advanced, self.advanced_body,
             hbox(self.train_button, self.stop_button, STRETCH, self.save_as_button), self.stage,
             hbox((self.progress, 1), self.eta), self.result, self.choice, self.skipped,
             (self.chart, 1), parent=content)
        scroller = QScrollArea(widgetResizable=True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(content)
        vbox(scroller, parent=self, margins=False)

    # --- set-up ---------------------------------------------------------------------------------
    def refresh_backbones(self) -> None:
        self.backbone.clear()
        self.backbone.addItem(self.tr("Best for my photos (recommended) — compares {0} on your photos first").format(
            ", ".join(get_backbone(c).label for c in CANDIDATES)), BEST)
        model = cast(QStandardItemModel, self.backbone.model())
        for b, problem in availability():
            text = self.tr("{0} — {1} — not installed") if problem else self.tr("{0} — {1}")
            self.backbone.addItem(text.format(b.label, b.blurb), b.id)
            if problem:
                item = model.item(self.backbone.count() - 1)
                item.setEnabled(False)
                item.setToolTip(problem)
        self.backbone.setCurrentIndex(0)

    @Slot(int)
    def _on_backbone_changed(self, _index: int) -> None:
        """The picture sizes the chosen network allows, its own one selected."""
        backbone_id = self.backbone.currentData()
        self.image_size.clear()
        if backbone_id == BEST:
            self.image_size.addItem(self.tr("Each network's own"), None)
        elif backbone_id is not None:
            backbone = get_backbone(backbone_id)
            for size in backbone.image_sizes:
                text = self.tr("{0} × {0} (recommended)") if size == backbone.image_size else self.tr("{0} × {0}")
                self.image_size.addItem(text.format(size), size)
            self.image_size.setCurrentIndex(self.image_size.findData(backbone.image_size))
        self.image_size.setEnabled(self.image_size.count() > 1)

    def set_dataset(self, index: DatasetIndex) -> None:
        self.index = index
        self.model_name.clear()
        self.model_name.setPlaceholderText(self._default_name())
        if not self.is_running():
            self.train_button.setEnabled(len(index.classes) >= 2)
            if len(index.classes) >= 2:
                self.stage.setText(self.tr("Ready to train on {0} classes: {1}.").format(
                    len(index.classes), ", ".join(index.classes)))
            else:
                self.stage.setText(self.tr("Training needs at least two classes with pictures: add them in the "
                                           "Dataset tab."))
            # What the last run said was about another dataset.
            self.result.clear()
            self.skipped.show_files([])
            self._comparing.quit()  # a comparison still being read belongs to the last run
            self.choice.setVisible(False)
            self.chart.clear()
            self.progress.setValue(0)
            self.eta.clear()
            self.last_model = None
            self.save_as_button.setEnabled(False)
            self._history_shown = None
            self._show_model_in_use()

    def set_model_in_use(self, info: ModelInfo) -> None:
        self.model_in_use = info
        if self.last_model is None and not self.is_running():
            self._show_model_in_use()

    def _show_model_in_use(self) -> None:
        """Before the first run of a session: how the model in use learnt, if it learnt from the open dataset
        (the last result and chart would otherwise be gone after a restart)."""
        if self._history_shown is not None:  # what another model in use said goes with it
            self._history_shown = None
            self.result.clear()
            self.chart.clear()
        info = self.model_in_use
        if info is None or self.index is None or info.dataset_root != self.index.root or not info.history:
            return
        self._history_shown = info
        when = info.created.astimezone().strftime("%Y-%m-%d %H:%M") if info.created else "?"
        if info.val_accuracy is not None and info.val_count is not None:
            self.result.setText(self.tr("The model in use, <b>{0}</b>, learnt from these pictures on {1}. On %n "
                                        "pictures it had not seen, it was right <b>{2}</b> of the time.", "",
                                        info.val_count).format(html.escape(info.name), when,
                                                               share_with_range(info.val_accuracy, info.val_count)))
        self.chart.show_history(info.history, info.kept)

    def _default_name(self) -> str:
        stamp = datetime.datetime.now().strftime("%Y-%m-%d %H-%M")
        return f"{Path(self.index.root).name if self.index else ''} {stamp}".strip()

    def config(self) -> TrainingConfig:
        return TrainingConfig(backbone=self.backbone.currentData(), image_size=self.image_size.currentData(),
                              epochs=self.epochs.value(), learning_rate=self.learning_rate.value(),
                              fine_tune_layers=self.fine_tune.currentData(), augment=self.augment.isChecked())

    # --- running --------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._training.busy

    @Slot()
    def start_training(self) -> None:
        if self.index is None or self.is_running():
            return
        self._save_settings()
        out = free_model_path(paths.models_dir(), clean_name(self.model_name.text()) or self._default_name())
        config = self.config()
        # Plan the chart for the epochs that will surely run ("auto" fine-tuning extends it if it runs);
        # an untrained output layer starts at loss ln(classes).
        fine_tune_epochs = config.fine_tune_epochs if config.fine_tune_layers else 0
        self._history_shown = None
        self.chart.begin(config.epochs + fine_tune_epochs, math.log(len(self.index.classes)) * 1.3)
        self.result.clear()
        self.skipped.show_files([])
        self._comparing.quit()
        self.choice.setVisible(False)
        self.progress.setValue(0)
        self._remaining = PhaseClocks()
        self.train_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.save_as_button.setEnabled(False)
        self.stage.setText(self.tr("Starting…"))
        self.running_changed.emit(True)
        index, engine = self.index, self._take_engine()
        self._running = engine
        self._training.start(lambda _cancel: engine.run(index, out, config),
                             on_returned=self._on_outcome, on_errored=self._on_failed, on_yielded=self._on_event,
                             on_finished=self._on_run_ended)

    def warm_up(self) -> None:
        """Start a training engine now, so the next Train starts working at once (and keep one ready after
        each run)."""
        self._warm = True
        if self._engine is None and self._running is None:  # not beside a run: both would load TensorFlow
            self._engine = Engine(self.train_function, network=self._likely_network())

    def _likely_network(self) -> tuple[str, int | None] | None:
        """The network the next run will likely be built on, for the engine to build while it waits: the
        chosen one, or for "Best for my photos" the one it chose last time (the photos rarely change much)."""
        chosen = self.backbone.currentData()
        return self._last_network if chosen == BEST else (chosen, self.image_size.currentData())

    def _take_engine(self) -> Engine:
        """The waiting engine, or a new one: never warmed up (the engine starts with the run, as it says), or
        one that ended while it waited (a crash, killed by the system), which the run says it replaces."""
        engine, self._engine = self._engine, None
        if engine is not None and engine.process.is_alive():
            return engine
        if engine is not None:
            engine.close()
        return Engine(self.train_function, restarted=engine is not None, network=self._likely_network())

    def shutdown(self) -> None:
        """The window closes: end the waiting engine, and the last run's once its report is written (a run is
        stopped by stop_and_wait first)."""
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        if self._last_run is not None:
            self._last_run.finish(10)
            self._last_run = None

    @Slot()
    def stop_training(self) -> None:
        if self._training.busy and self._running is not None:
            self._running.stop_event.set()
            self.stop_button.setEnabled(False)
            self.stage.setText(self.tr("Stopping…"))

    def stop_and_wait(self, timeout: float = 30) -> bool:
        """For closing the window: ask the run to stop and wait until its process has ended."""
        self.stop_training()
        return self._training.wait(timeout)

    @Slot(object)
    def _on_event(self, event: Event) -> None:
        if isinstance(event, StageBegan):
            self.stage.setText(self.tr("{0}…").format(event.stage.words))
        elif isinstance(event, Progressed):
            left = self._remaining.update(event.phase, event.done, event.total)
            self.progress.setMaximum(max(event.total, 1))
            self.progress.setValue(event.done)
            self.progress.setFormat(self.tr("{0}: %v of %m").format(event.phase.words))
            self.eta.setText(time_left_words(left) if left is not None else "")
        else:
            self.chart.add_epoch(event.metrics)
        self.training_event.emit(event)

    @Slot(object)
    def _on_outcome(self, outcome: Outcome) -> None:
        if isinstance(outcome, Finished):
            self._on_finished(outcome.result)
        elif isinstance(outcome, Failed):
            self._on_failed(outcome.failure)
        else:
            self.stage.setText(self.tr("Stopped. Nothing was saved; earlier models are unchanged."))
            self.eta.clear()

    def _on_finished(self, result: TrainingResult) -> None:
        self.last_model = result.model_path
        self._last_network = result.network
        if result.val_accuracy is None:
            verdict = self.tr("Trained. There were too few pictures to measure accuracy.")
        else:
            verdict = self.tr("Trained. On %n pictures it had not seen, it was right <b>{0}</b> of the time "
                              "({1:.0f} seconds).", "", result.val_count).format(
                share_with_range(result.val_accuracy, result.val_count), result.seconds)
        extra = [self.tr("Saved as {0}.").format(html.escape(str(result.model_path)))]
        if result.report_path is not None:
            extra.append(self.tr('<a href="{0}">Open the training report</a>; the Evaluate tab shows its '
                                 'mistakes.').format(QUrl.fromLocalFile(str(result.report_path)).toString()))
        extra.extend(result.notes)
        self.result.setText(verdict + "<br>" + sentences(extra))
        kept = kept_round(result.history, result.val_accuracy, result.val_loss, result.fine_tuned)
        if kept is not None and kept <= self.chart.point_count():
            self.chart.mark_kept(kept)
        self.skipped.show_files(result.skipped)
        self.stage.setText(self.tr("Done."))
        self.progress.setValue(self.progress.maximum())
        self.eta.clear()
        self.save_as_button.setEnabled(True)
        self.model_name.clear()
        self.model_name.setPlaceholderText(self._default_name())
        self.skipped_found.emit(result.skipped)
        self.model_trained.emit(str(result.model_path))

    @Slot(str)
    def _on_link_activated(self, link: str) -> None:
        """Open the file a link names; the training report is written first if it is not there yet (the
        engine writes it after Done, and says nothing if it could not)."""
        target = Path(QUrl(link).toLocalFile())
        if target.exists() or self.last_model is None or target != report_path(self.last_model):
            self._open(target)
            return
        model = self.last_model
        self._reporting.start(lambda _cancel: write_report(model, target), self._open, self.failed.emit)

    def _open(self, path: Path) -> None:
        open_in_system(self, path)

    def offer_choice(self, current: ModelInfo) -> None:
        """After a run while another model is in use: say how the two compare and let the user pick."""
        new = self.last_model
        if new is None:
            return
        # Both files' held-out answers are read off the GUI thread (thousands of photos' worth in a big model).
        self._comparing.start(lambda _cancel: compare(read_metadata(new), read_metadata(current.path)).words(),
                              lambda verdict: self._show_choice(new, current, verdict),
                              lambda failure: self._show_choice(new, current, failure.message))  # moved, damaged

    def _show_choice(self, new: Path, current: ModelInfo, verdict: str) -> None:
        self.choice_text.setText(self.tr("The new model <b>{0}</b> is ready. {1} The Predict and Evaluate tabs keep "
                                         "using <b>{2}</b> until you choose.").format(
            html.escape(new.stem), html.escape(verdict), html.escape(current.name)))
        self.keep_button.setText(self.tr("Keep “{0}”").format(current.name))
        self.choice.setVisible(True)

    @Slot()
    def _on_use_new_clicked(self) -> None:
        self.choice.setVisible(False)
        self.use_model_requested.emit(str(self.last_model))

    @Slot()
    def _on_keep_clicked(self) -> None:
        self.choice.setVisible(False)
        self.stage.setText(self.tr("Done. The new model is in the model library (Model ▸ Models…)."))

    @Slot(object)
    def _on_failed(self, failure: Failure) -> None:
        self.stage.setText(self.tr("Training failed."))
        self.failed.emit(failure)

    @Slot()
    def _on_run_ended(self) -> None:
        self._last_run, self._running = self._running, None
        if self._warm:
            self.warm_up()  # the next run starts at once too
        self.train_button.setEnabled(self.index is not None)
        self.stop_button.setEnabled(False)
        self.running_changed.emit(False)

    @Slot()
    def _on_save_as_clicked(self) -> None:
        if self.last_model is None:
            return
        start = str(Path(self.settings.save_folder) / self.last_model.name)
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save the model as"), start,
                                                self.tr("Keras model (*.keras)"))
        if target:
            if not target.endswith(".keras"):
                target += ".keras"
            try:
                with atomic_path(target) as tmp:
                    shutil.copyfile(self.last_model, tmp)
            except SaveError as exc:
                self.failed.emit(describe(exc))
                return
            self.settings.save_folder = str(Path(target).parent)

    # --- settings -------------------------------------------------------------------------------
    def _default_settings(self) -> dict[QWidget, object]:
        """Each advanced setting's widget and the value it has by default."""
        backbone_id = self.backbone.currentData()
        size = get_backbone(backbone_id).image_size if backbone_id not in (None, BEST) else None
        return {self.epochs: TrainingConfig.epochs, self.learning_rate: TrainingConfig.learning_rate,
                self.image_size: size, self.fine_tune: AUTO, self.augment: True}

    def _current(self, widget: QWidget) -> object:
        if isinstance(widget, QComboBox):
            return widget.currentData()
        return widget.isChecked() if isinstance(widget, QCheckBox) else cast(QSpinBox, widget).value()

    def advanced_changed(self) -> bool:
        return any(self._current(w) != default for w, default in self._default_settings().items())

    @Slot()
    def restore_default_settings(self) -> None:
        for widget, default in self._default_settings().items():
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(default)))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(default))
            else:
                cast(QSpinBox, widget).setValue(default)  # type: ignore[arg-type]

    @Slot()
    def _show_whether_changed(self) -> None:
        changed = self.advanced_changed()
        self.advanced.setText(self.tr("Advanced settings (changed from the defaults)") if changed
                              else self.tr("Advanced settings"))
        self.restore_defaults.setEnabled(changed)

    def _save_settings(self) -> None:
        config = self.config()
        self.settings.training = TrainingChoices(config.backbone, config.epochs, config.learning_rate,
                                                 config.image_size, config.fine_tune_layers, config.augment)

    def _restore_settings(self) -> None:
        choices = self.settings.training
        i = self.backbone.findData(choices.network or BEST)
        if i >= 0 and cast(QStandardItemModel, self.backbone.model()).item(i).isEnabled():
            self.backbone.setCurrentIndex(i)
        self.epochs.setValue(choices.epochs or TrainingConfig.epochs)
        self.learning_rate.setValue(choices.learning_rate or TrainingConfig.learning_rate)
        i = self.image_size.findData(choices.picture_size) if choices.picture_size is not None else -1
        if i >= 0:  # none with Best for my photos, where each network uses its own size
            self.image_size.setCurrentIndex(i)
        layers = [self.fine_tune.itemData(i) for i in range(self.fine_tune.count())]
        if choices.fine_tune_layers in layers:
            self.fine_tune.setCurrentIndex(layers.index(choices.fine_tune_layers))
        self.augment.setChecked(choices.augment)

