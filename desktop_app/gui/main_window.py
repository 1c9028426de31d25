"""The main window: four tabs, the model in use, a status bar, drops, and a clean shutdown."""

import gc
import html
import platform
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Slot, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTabWidget

from .. import APP_NAME, __version__
from ..core.drawing import charts
from ..core.errors import Failure, UserError, describe
from ..core.i18n import LANGUAGES
from ..core.data.images import is_image_name
from ..core.models.info import ModelInfo
from ..core.data.project import PROJECT_SUFFIX
from ..core.models.bundle import MODEL_SUFFIX
from ..core import paths
from ..core.tf_runtime import compute_words
from ..core.training.process import train_in_process
from .dialogs.check_labels import CheckLabelsDialog
from .building import make_action
from .camera.sources import Cameras, find_cameras
from .system import FileDrops, open_in_system
from .tabs.dataset_tab import DatasetTab
from .sessions.project_session import ProjectSession
from .tabs.evaluate_tab import EvaluateTab
from .dialogs.model_library import ModelLibraryDialog
from .sessions.model_session import ModelSession
from .tabs.predict_tab import PredictTab
from .tabs.training_tab import TrainingTab
from .jobs import JobSlot
from .settings import Settings



class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, train_function: Callable = train_in_process,
                 warm_engine: bool = True, cameras: Callable[[], Cameras] = find_cameras):
        """`train_function`: what the Train tab runs in its training process (core.training.process.Engine
        describes it). `warm_engine`: keep a training engine ready once TensorFlow has loaded here, and the chart
        process (core.drawing) too (tests that do not train leave it off: each engine loads TensorFlow in a
        process of its own). `cameras`: the cameras there are, asked each time a camera window opens (tests
        give fake ones)."""
        super().__init__()
        self._warm_engine = warm_engine
        self.settings = Settings(settings)
        self.setWindowTitle(APP_NAME)
        self._drops = FileDrops(self, self.open_paths)
        self.session = ModelSession(self)
        self.library: ModelLibraryDialog | None = None
        self.project_session = ProjectSession(self.settings, self)
        self.tensorflow: tuple[str, list[str]] | None = None
        """(TensorFlow's version, the GPUs it computes on) once it has loaded."""
        self._build_tabs(train_function, cameras)
        self._connect()
        self._add_dataset_menu()
        self._add_model_menu()
        self._add_language_menu()
        self._add_help_menu()
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1100, 760)
        # Not "Loading TensorFlow…": a name that means nothing to most users.
        self.statusBar().showMessage(self.tr("Getting the picture engine ready (a few seconds; you can start "
                                             "choosing photos)…"))
        self._loading_tensorflow = JobSlot(self, tensorflow=True)
        self._loading_tensorflow.start(lambda _cancel: _load_tensorflow(), self._on_tensorflow_ready, self.show_failure)
        self._restored = False

    def _build_tabs(self, train_function: Callable, cameras: Callable[[], Cameras]) -> None:
        self.dataset_tab = DatasetTab(self.settings, self.project_session, cameras)
        self.training_tab = TrainingTab(self.settings, train_function)
        self.predict_tab = PredictTab(self.settings, self.session, self.project_session, cameras)
        self.evaluate_tab = EvaluateTab(self.settings, self.session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.dataset_tab, self.tr("1  Dataset"))
        self.tabs.addTab(self.training_tab, self.tr("2  Train"))
        self.tabs.addTab(self.predict_tab, self.tr("3  Predict"))
        self.tabs.addTab(self.evaluate_tab, self.tr("4  Evaluate"))
        self.setCentralWidget(self.tabs)

    def _connect(self) -> None:
        self.project_session.opened.connect(self._on_dataset_loaded)
        self.project_session.edited.connect(self._on_dataset_loaded)
        self.project_session.title_changed.connect(self._on_project_title_changed)
        self.training_tab.model_trained.connect(self._on_model_trained)
        self.training_tab.use_model_requested.connect(self.open_model)
        self.training_tab.skipped_found.connect(self.dataset_tab.add_run_skipped)
        self.training_tab.running_changed.connect(self._on_training_running_changed)
        self.predict_tab.model_wanted.connect(self.show_model_library)
        self.evaluate_tab.model_wanted.connect(self.show_model_library)
        self.evaluate_tab.photos_wanted.connect(self._on_photos_wanted)
        self.session.model_opened.connect(self._on_model_opened)
        self.session.renamed.connect(self._on_model_renamed)
        self.session.open_failed.connect(self.show_failure)
        for tab in (self.dataset_tab, self.training_tab, self.predict_tab, self.evaluate_tab):
            tab.failed.connect(self.show_failure)

    def _add_model_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Model"))
        menu.addAction(make_action(self, self.tr("&Train"), self._on_train_chosen, "Ctrl+T"))
        menu.addAction(make_action(self, self.tr("&Models…"), self.show_model_library, "Ctrl+L"))
        menu.addAction(make_action(self, self.tr("Show Models &Folder"), self.show_models_folder))
        self.export_action = make_action(self, self.tr("&Export…"), self.evaluate_tab.open_export_dialog, "Ctrl+E",
                                         enabled=False)
        menu.addAction(self.export_action)

    def _add_help_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(make_action(self, self.tr("&About FineTune Studio"), self.show_about))
        menu.addAction(make_action(self, self.tr("About &Qt"), QApplication.aboutQt))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._restored:
            self._restored = True
            # Once the window is on screen, so reading the photos and opening the model (a big folder, a slow
            # disk) never delay it; each says it is being read where it shows.
            QTimer.singleShot(0, self._restore_last_session)

    def _restore_last_session(self) -> None:
        """The dataset and the model of the last session come back, if they are still there (each says that it
        is being read where it shows)."""
        last = self.settings.last_dataset
        if last and (Path(last).is_dir() or last.endswith(PROJECT_SUFFIX) and Path(last).is_file()):
            self.dataset_tab.open_path(last)
        model = self.settings.last_model
        if model and Path(model).is_file():
            self.open_model(model, quietly=True)

    @Slot(object)
    def _on_tensorflow_ready(self, loaded: tuple[str, list[str]]) -> None:
        self.tensorflow = loaded
        _freeze_long_lived()
        self.statusBar().showMessage(self.tr("Ready."), 5000)
        if self._warm_engine:  # after the window's own import, not beside it: they would share the processor
            self.training_tab.warm_up()
            charts.warm_up()

    @Slot()
    def _on_train_chosen(self) -> None:
        """The Train tab, training at once when a dataset is there (else the tab says what is missing)."""
        self.tabs.setCurrentWidget(self.training_tab)
        self.training_tab.train_button.click()

    @Slot(object)
    def _on_dataset_loaded(self, index) -> None:
        _freeze_long_lived()  # its photos' records
        self.training_tab.set_dataset(index)
        self._update_check_labels()
        self.statusBar().showMessage(self.tr("Loaded {0}.").format(index.root), 5000)

    @Slot(str, bool)
    def _on_photos_wanted(self, label: str, by_camera: bool) -> None:
        """Advice acted on: the class in the Dataset tab, with its Add Photos (or camera) window open."""
        project, index = self.project_session.project, self.project_session.index
        if project is None or label not in project.class_names(index):
            self.statusBar().showMessage(self.tr("Open the photos this model learnt from (Dataset tab) to add "
                                                 "photos to “{0}”.").format(label), 8000)
            return
        self.tabs.setCurrentWidget(self.dataset_tab)
        self.dataset_tab.show_class(label)
        (self.dataset_tab.camera_action if by_camera else self.dataset_tab.add_photos_action).trigger()

    # --- the model in use -----------------------------------------------------------------------
    @Slot(str)
    def open_model(self, path: str, quietly: bool = False) -> bool:
        """Make `path` the model in use; a file that is not a model is refused in plain words (unless `quietly`)."""
        try:
            self.session.open(path)
        except UserError as exc:
            if not quietly:
                self.show_failure(describe(exc))
            return False
        return True

    @Slot()
    def show_model_library(self) -> ModelLibraryDialog:
        self.library = ModelLibraryDialog(self.settings, self.session, self)
        self.library.open_requested.connect(self.open_model)
        self.library.failed.connect(self.show_failure)
        self.library.open()
        return self.library

    @Slot(object)
    def _on_model_opened(self, info: ModelInfo) -> None:
        _freeze_long_lived()  # the Keras model, some 30,000 objects
        self.settings.last_model = str(info.path)
        self.settings.remember_model(info.path)
        self.training_tab.set_model_in_use(info)
        self.export_action.setEnabled(True)
        self._update_check_labels()
        self.statusBar().showMessage(self.tr("Using the model {0}.").format(info.name), 5000)

    @Slot(object)
    def _on_model_renamed(self, info: ModelInfo) -> None:
        self.settings.last_model = str(info.path)

    @Slot(str)
    def _on_model_trained(self, path: str) -> None:
        """A new model never silently replaces the one in use: with one in use, the user chooses."""
        if self.session.info is None:
            self.open_model(path)
        else:
            self.training_tab.offer_choice(self.session.info)

    @Slot(bool)
    def _on_training_running_changed(self, running: bool) -> None:
        tab = self.dataset_tab
        for widget in (tab.choose_button, tab.recent, tab.open_folder_action, tab.new_project_action,
                       tab.open_project_action):
            widget.setEnabled(not running)

    @Slot(object)
    def show_failure(self, failure: Failure) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, failure.message, QMessageBox.StandardButton.Ok, self)
        if failure.details:
            box.setDetailedText(failure.details)  # shown on request, selectable for a bug report
        box.open()
        self.last_failure_box = box

    # --- the dataset as a project -----------------------------------------------------------------
    def _add_dataset_menu(self) -> None:
        tab = self.dataset_tab
        menu = self.menuBar().addMenu(self.tr("&Dataset"))
        for action in (tab.open_folder_action, tab.new_project_action, tab.open_project_action,
                       tab.save_project_action, tab.save_project_as_action, tab.export_action, None, tab.undo_action,
                       tab.redo_action, None):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.check_labels_action = make_action(self, self.tr("&Check Labels…"), self.show_check_labels,
                                               tip=self.tr("Photos whose class the model in use doubts most"),
                                               enabled=False)
        menu.addAction(self.check_labels_action)
        menu.addSeparator()
        # Not StandardKey.Quit: some desktops (and Qt's offscreen platform) bind nothing to it.
        self.quit_action = make_action(self, self.tr("&Quit"), self.close, "Ctrl+Q")
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        menu.addAction(self.quit_action)

    @Slot(str)
    def _on_project_title_changed(self, title: str) -> None:
        self.setWindowTitle(f"{title} — {APP_NAME}")

    @Slot()
    def show_models_folder(self) -> None:
        """The folder trained models are saved in, in the system's file manager (or its path, if none opens)."""
        folder = paths.models_dir()
        folder.mkdir(parents=True, exist_ok=True)
        open_in_system(self, folder)

    @Slot()
    def show_check_labels(self) -> CheckLabelsDialog:
        assert self.session.info is not None, "offered only while a model is in use"
        self.tabs.setCurrentWidget(self.dataset_tab)
        self.check_labels = CheckLabelsDialog(self.project_session, str(self.session.info.path), self)
        self.check_labels.open()
        return self.check_labels

    def _update_check_labels(self) -> None:
        info = self.session.info
        self.check_labels_action.setEnabled(info is not None and self.project_session.project is not None
                                            and info.val_accuracy is not None)

    # --- language -------------------------------------------------------------------------------
    def _add_language_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Language"))
        note = menu.addAction(self.tr("Takes effect at the next start"))  # said before the choice, not after
        note.setEnabled(False)
        menu.addSeparator()
        group = QActionGroup(self)
        choice = self.settings.language
        # Each language by its own name, so a person who cannot read the current one still finds theirs.
        for code, name in (("", self.tr("System language")), *LANGUAGES.items()):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == choice)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._on_language_chosen)

    @Slot(QAction)
    def _on_language_chosen(self, action: QAction) -> None:
        self.settings.language = action.data()
        QMessageBox.information(self, APP_NAME, self.tr("The new language is used from the next start of "
                                                        "FineTune Studio."))

    # --- help -----------------------------------------------------------------------------------
    @Slot()
    def show_about(self) -> None:
        if self.tensorflow is None:
            compute = self.tr("TensorFlow is still loading; whether a GPU is used shows here once it has loaded.")
            versions = ""
        else:
            version, gpus = self.tensorflow
            compute = compute_words(gpus)
            versions = self.tr("TensorFlow {0}, Qt {1}, Python {2}.").format(version, qVersion(),
                                                                          platform.python_version())
        QMessageBox.about(self, self.tr("About FineTune Studio"), self.tr(
            "<h2>FineTune Studio {0}</h2><p>Teach a computer to tell your own kinds of pictures apart, "
            "offline.</p><p>{1}</p><p>{2}</p><p>The bundled network is MobileNetV2 with ImageNet weights from "
            "Keras Applications (Apache License 2.0).</p>").format(__version__, html.escape(compute),
                                                                    html.escape(versions)))

    # --- drops anywhere on the window -----------------------------------------------------------
    def open_paths(self, paths: list[str]) -> None:
        """What was dropped on the window or named when it started: a project or a folder of class folders
        (the Dataset tab), a model (the one in use), or photos and folders of them (the Predict tab)."""
        if len(paths) == 1 and paths[0].endswith(MODEL_SUFFIX):
            self.open_model(paths[0])
        elif len(paths) == 1 and paths[0].endswith(PROJECT_SUFFIX) and not self.training_tab.is_running():
            self.tabs.setCurrentWidget(self.dataset_tab)
            self.dataset_tab.open_project_file(paths[0])
        elif self.tabs.currentWidget() is not self.predict_tab and len(paths) == 1 and Path(paths[0]).is_dir():
            self.tabs.setCurrentWidget(self.dataset_tab)
            if not self.training_tab.is_running():
                self.dataset_tab.load_folder(paths[0])
        elif any(Path(p).is_dir() or is_image_name(p) for p in paths):
            self.tabs.setCurrentWidget(self.predict_tab)
            self.predict_tab.add_paths(paths)

    # --- closing --------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.dataset_tab.edits_kept_or_dropped():
            event.ignore()
            return
        if self.training_tab.is_running():
            answer = QMessageBox.question(self, APP_NAME, self.tr("Training is still running. Stop it and quit?"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.statusBar().showMessage(self.tr("Stopping training…"))
            QApplication.processEvents()
            self.training_tab.stop_and_wait()
        self.training_tab.shutdown()
        charts.close()
        self.dataset_tab.shutdown()
        self.project_session.shutdown()
        self.predict_tab.shutdown()
        self.evaluate_tab.shutdown()
        self.settings.geometry = self.saveGeometry()
        event.accept()


def _load_tensorflow() -> tuple[str, list[str]]:
    """Import TensorFlow off the GUI thread while the user picks a folder: the window shows at once."""
    from ..core.tf_runtime import gpu_names, tensorflow

    return tensorflow().__version__, gpu_names()


def _freeze_long_lived() -> None:
    """Leave what was just loaded, and lives long, out of Python's garbage collections.

    Every full collection walks every object tracked: those of TensorFlow (some 300,000) stalled the window
    for 150-270 ms now and then, the records of 20,000 photos for 40-60 ms (the responsiveness benchmark).
    Frozen objects are still freed as soon as nothing refers to them (another dataset or model replaces
    them); only a reference cycle that is garbage at the moment of freezing would stay, and the moments
    chosen (TensorFlow loaded, a model or a dataset opened) leave little of that.
    """
    gc.freeze()
