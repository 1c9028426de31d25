"""The main window: four tabs, a status bar, drops, and a clean shutdown."""

import gc
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTabWidget

from .. import APP_NAME
from ..core.errors import Failure
from .dataset_tab import DatasetTab
from .evaluate_tab import EvaluateTab
from .predict_tab import PredictTab
from .training_tab import TrainingTab
from ..core.images import is_image_name
from .workers import start_tensorflow_task


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.dataset_tab = DatasetTab(self.settings)
        self.training_tab = TrainingTab(self.settings)
        self.predict_tab = PredictTab(self.settings)
        self.evaluate_tab = EvaluateTab(self.settings)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.dataset_tab, self.tr("1  Dataset"))
        self.tabs.addTab(self.training_tab, self.tr("2  Train"))
        self.tabs.addTab(self.predict_tab, self.tr("3  Predict"))
        self.tabs.addTab(self.evaluate_tab, self.tr("4  Evaluate"))
        self.setCentralWidget(self.tabs)

        self.dataset_tab.dataset_loaded.connect(self._on_dataset_loaded)
        self.training_tab.model_trained.connect(self._on_model_trained)
        self.training_tab.running_changed.connect(self._on_training_running_changed)
        self.evaluate_tab.threshold_saved.connect(self.predict_tab.apply_threshold)
        for tab in (self.dataset_tab, self.training_tab, self.predict_tab, self.evaluate_tab):
            tab.failed.connect(self.show_failure)

        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 760)
        self.statusBar().showMessage(self.tr("Loading TensorFlow in the background…"))
        start_tensorflow_task(_load_tensorflow, self._on_tensorflow_ready, self.show_failure, self)

    @Slot(object)
    def _on_tensorflow_ready(self, _) -> None:
        # TensorFlow brings some 300,000 long-lived Python objects; every full garbage collection walked
        # them all, stalling the window for 150-270 ms now and then (seen in the responsiveness benchmark).
        # Frozen objects are left out of collections.
        gc.freeze()
        self.statusBar().showMessage(self.tr("Ready."), 5000)

    @Slot(object)
    def _on_dataset_loaded(self, index) -> None:
        self.training_tab.set_dataset(index)
        self.statusBar().showMessage(self.tr("Loaded {0}.").format(index.root), 5000)

    @Slot(str)
    def _on_model_trained(self, path: str) -> None:
        self.predict_tab.set_model(path)
        self.evaluate_tab.set_model(path)

    @Slot(bool)
    def _on_training_running_changed(self, running: bool) -> None:
        self.dataset_tab.choose_button.setEnabled(not running)
        self.dataset_tab.recent.setEnabled(not running)

    @Slot(object)
    def show_failure(self, failure: Failure) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, failure.message, QMessageBox.StandardButton.Ok, self)
        if failure.details:
            box.setDetailedText(failure.details)  # shown on request, selectable for a bug report
        box.open()
        self.last_failure_box = box

    # --- drops anywhere on the window -----------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        if self.tabs.currentWidget() is not self.predict_tab and len(paths) == 1 and Path(paths[0]).is_dir():
            self.tabs.setCurrentWidget(self.dataset_tab)
            if not self.training_tab.is_running():
                self.dataset_tab.load_folder(paths[0])
        elif any(Path(p).is_dir() or is_image_name(p) for p in paths):
            self.tabs.setCurrentWidget(self.predict_tab)
            self.predict_tab.add_paths(paths)

    # --- closing --------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.training_tab.is_running():
            answer = QMessageBox.question(self, APP_NAME, self.tr("Training is still running. Stop it and quit?"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.statusBar().showMessage(self.tr("Stopping training…"))
            QApplication.processEvents()
            self.training_tab.stop_and_wait()
        self.dataset_tab.shutdown()
        self.predict_tab.shutdown()
        self.evaluate_tab.shutdown()
        self.settings.setValue("window/geometry", self.saveGeometry())
        event.accept()


def _load_tensorflow() -> None:
    """Import TensorFlow off the GUI thread while the user picks a folder: the window shows at once."""
    from ..core.tf_runtime import keras

    keras()
