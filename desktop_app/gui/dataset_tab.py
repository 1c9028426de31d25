"""Dataset tab: choose a folder, see its classes, its health, and each class's pictures."""

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListView, QListWidget,
                               QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from ..core.dataset import DatasetIndex, health_report, scan_dataset
from ..core.errors import Failure
from .widgets.skipped_list import SkippedList
from .widgets.thumbnail_grid import ThumbnailGridModel
from .tasks import start_task

THUMB = 112
MAX_RECENT = 8


class DatasetTab(QWidget):
    dataset_loaded = Signal(object)
    """The scanned DatasetIndex of the folder the user chose."""
    failed = Signal(object)
    """A Failure to show the user."""

    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.index: DatasetIndex | None = None

        self.choose_button = QPushButton(self.tr("Choose Folder…"))
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.recent = QComboBox()
        self.recent.setMinimumWidth(280)
        self.recent.setPlaceholderText(self.tr("Recent folders"))
        self.recent.activated.connect(self._on_recent_activated)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.recent, 1)

        self.summary = QLabel(self.tr("Choose a folder that holds one sub-folder per kind of picture "
                                      "(for example hotdog/ and not-hotdog/), or drop the folder on this window."))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.classes = QListWidget()
        self.classes.currentRowChanged.connect(self._on_class_selected)
        self.thumbnails = QListView()
        self.grid = ThumbnailGridModel(THUMB, self)
        self.thumbnails.setModel(self.grid)
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setIconSize(QSize(THUMB, THUMB))
        self.thumbnails.setGridSize(QSize(THUMB + 16, THUMB + 30))
        self.thumbnails.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.health = QLabel()
        self.health.setWordWrap(True)
        self.health.setTextFormat(Qt.TextFormat.RichText)
        self.health.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.skipped = SkippedList()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Classes</b>")))
        left_layout.addWidget(self.classes, 1)
        left_layout.addWidget(QLabel(self.tr("<b>Health check</b>")))
        left_layout.addWidget(self.health)
        left_layout.addWidget(self.skipped)
        empty = QLabel(self.tr("<h2>No pictures yet</h2><p>Press <b>Choose Folder…</b> or drop a folder here.</p>"
                               "<p>Inside it, put one sub-folder per kind of picture:<br>"
                               "<tt>hotdog/</tt> with hot-dog photos, <tt>not-hotdog/</tt> with everything else.</p>"
                               "<p>Twenty or more varied photos per kind work well.</p>"))
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setStyleSheet("QLabel { color: #555; }")
        self.pictures = QStackedWidget()
        self.pictures.addWidget(empty)
        self.pictures.addWidget(self.thumbnails)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pictures)
        splitter.setSizes([320, 640])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._refresh_recent()

    # --- loading -------------------------------------------------------------------------------
    def load_folder(self, folder: str) -> None:
        """Scan `folder` off the GUI thread; dataset_loaded or failed follows."""
        self.summary.setText(self.tr("Reading {0}…").format(folder))
        self.choose_button.setEnabled(False)
        start_task(lambda: (folder, scan_dataset(folder)), self._on_scanned, self._on_scan_failed, self)

    @Slot(object)
    def _on_scanned(self, result) -> None:
        folder, index = result
        self.choose_button.setEnabled(True)
        self.index = index
        self._remember(folder)
        report = health_report(index)
        n = sum(report.counts.values())
        parts = [self.tr("<b>{0}</b>: {1} classes, {2} pictures for training.").format(
            Path(folder).name, len(index.classes), n)]
        if index.validation:
            parts.append(self.tr("Accuracy is measured on the {0} pictures in its validation folder.").format(
                len(index.validation)))
        else:
            parts.append(self.tr("Accuracy is measured on held-out pictures: each picture is set aside once "
                                 "and judged by a model that did not see it."))
        if index.test:
            parts.append(self.tr("Its test folder ({0} pictures) is kept for evaluation.").format(len(index.test)))
        self.summary.setText(" ".join(parts))
        self.classes.clear()
        for name in index.classes:
            self.classes.addItem(self.tr("{0} — {1} pictures").format(name, report.counts[name]))
        if report.problems:
            self.health.setText("<ul>" + "".join(f"<li>{p}</li>" for p in report.problems) + "</ul>")
        else:
            self.health.setText(self.tr("No problems found."))
        self.skipped.show_files(index.skipped)
        self.pictures.setCurrentWidget(self.thumbnails)
        self.classes.setCurrentRow(0)
        self.dataset_loaded.emit(index)

    def add_run_skipped(self, files: list) -> None:
        """Files a training run found it could not use (a truncated photo is only found when decoded)."""
        if self.index is not None and files:
            self.skipped.add_files(files)

    @Slot(object)
    def _on_scan_failed(self, failure: Failure) -> None:
        self.choose_button.setEnabled(True)
        self.summary.setText(failure.message)
        self.failed.emit(failure)

    # --- thumbnails ----------------------------------------------------------------------------
    @Slot(int)
    def _on_class_selected(self, row: int) -> None:
        if self.index is None or row < 0:
            self.grid.set_paths([])
            return
        label = self.index.classes[row]
        self.grid.set_paths([r.path for r in self.index.train if r.label == label])
        self.thumbnails.scrollToTop()

    # --- folders -------------------------------------------------------------------------------
    @Slot()
    def _on_choose_clicked(self) -> None:
        start = self.settings.value("dataset/last_folder", str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of class folders"), start)
        if folder:
            self.load_folder(folder)

    @Slot(int)
    def _on_recent_activated(self, row: int) -> None:
        folder = self.recent.itemData(row)
        if folder:
            self.load_folder(folder)

    def _remember(self, folder: str) -> None:
        recent = [f for f in self._recent_folders() if f != folder]
        self.settings.setValue("dataset/recent", [folder] + recent[: MAX_RECENT - 1])
        self.settings.setValue("dataset/last_folder", folder)
        self._refresh_recent()

    def _recent_folders(self) -> list[str]:
        value = self.settings.value("dataset/recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _refresh_recent(self) -> None:
        self.recent.clear()
        for folder in self._recent_folders():
            self.recent.addItem(folder, folder)
        self.recent.setCurrentIndex(-1)

    def shutdown(self) -> None:
        self.grid.shutdown()
