"""Dataset tab: the pictures to learn from, as a project the user builds and fixes here.

A folder opens as an unsaved project over it. Classes are made, renamed and deleted here; photos are
added (copied into the project's own folder), moved to another class, left out and taken back; every
edit can be undone. The user's own photo folders are only ever read.
"""

import html
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFileDialog, QHBoxLayout, QInputDialog,
                               QLabel, QListView, QListWidget, QListWidgetItem, QMenu, QMessageBox, QPushButton,
                               QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from ..core.dataset import DatasetIndex, health_report
from ..core.errors import Failure, UserError, describe
from ..core.i18n import sentences
from ..core.images import IMAGE_EXTENSIONS
from ..core.project import PROJECT_SUFFIX, Project, export_dataset
from .project_edit import ProjectEdit
from .jobs import JobSlot
from .settings import Settings
from .widgets.image_viewer import ImageViewer
from .widgets.skipped_list import SkippedList
from .widgets.thumbnail_grid import ThumbnailGridModel

THUMB = 112
LEFT_OUT = "\0left out"  # the class list's entry for the photos left out of training


class DatasetTab(QWidget):
    dataset_loaded = Signal(object)
    """The DatasetIndex the project resolves to, each time it is read or edited."""
    failed = Signal(object)
    """A Failure to show the user."""
    title_changed = Signal(str)
    """The project's name, with " *" while it has unsaved edits."""

    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.project: Project | None = None
        self.index: DatasetIndex | None = None
        self.viewer: ImageViewer | None = None
        self.undo_stack = QUndoStack(self)
        self._reading = JobSlot(self)
        self.undo_stack.cleanChanged.connect(self._update_title)

        self.choose_button = QPushButton(self.tr("Choose Folder…"))
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.recent = QComboBox()
        self.recent.setMinimumWidth(280)
        self.recent.setPlaceholderText(self.tr("Recent folders and projects"))
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
        self.classes.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.classes.customContextMenuRequested.connect(self._on_classes_menu)
        self.classes.viewport().setAcceptDrops(True)
        self.classes.viewport().installEventFilter(self)  # photos dropped on a class join it
        self.thumbnails = QListView()
        self.grid = ThumbnailGridModel(THUMB, self)
        self.thumbnails.setModel(self.grid)
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setIconSize(QSize(THUMB, THUMB))
        self.thumbnails.setGridSize(QSize(THUMB + 16, THUMB + 30))
        self.thumbnails.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.thumbnails.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.thumbnails.customContextMenuRequested.connect(self._on_photos_menu)
        self.thumbnails.doubleClicked.connect(self._on_photo_double_clicked)
        self.health = QLabel()
        self.health.setWordWrap(True)
        self.health.setTextFormat(Qt.TextFormat.RichText)
        self.health.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.health.linkActivated.connect(self._on_health_link)
        self.report = None
        self.shown_problem: list[str] | None = None  # the photos of a health problem, when the grid shows them
        self.skipped = SkippedList()

        self._make_actions()
        class_buttons = QHBoxLayout()
        for action in (self.new_class_action, self.rename_class_action, self.delete_class_action):
            class_buttons.addWidget(_button(action))
        photo_buttons = QHBoxLayout()
        self.move_button = QPushButton(self.tr("Move to Class"))
        self.move_button.setMenu(QMenu(self))
        self.move_button.menu().aboutToShow.connect(lambda: self._fill_move_menu(self.move_button.menu()))
        for widget in (_button(self.add_photos_action), self.move_button, _button(self.exclude_action),
                       _button(self.include_action)):
            photo_buttons.addWidget(widget)
        photo_buttons.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Classes</b>")))
        left_layout.addWidget(self.classes, 1)
        left_layout.addLayout(class_buttons)
        left_layout.addWidget(QLabel(self.tr("<b>Health check</b>")))
        left_layout.addWidget(self.health)
        left_layout.addWidget(self.skipped)
        empty = QLabel(self.tr("<h2>No pictures yet</h2><p>Press <b>Choose Folder…</b> or drop a folder here.</p>"
                               "<p>Inside it, put one sub-folder per kind of picture:<br>"
                               "<tt>hotdog/</tt> with hot-dog photos, <tt>not-hotdog/</tt> with everything else.</p>"
                               "<p>Twenty or more varied photos per kind work well.</p>"))
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setStyleSheet("QLabel { color: #555; }")
        photos = QWidget()
        photos_layout = QVBoxLayout(photos)
        photos_layout.setContentsMargins(0, 0, 0, 0)
        photos_layout.addLayout(photo_buttons)
        photos_layout.addWidget(self.thumbnails, 1)
        self.pictures = QStackedWidget()
        self.pictures.addWidget(empty)
        self.pictures.addWidget(photos)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pictures)
        splitter.setSizes([320, 640])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._refresh_recent()
        self._update_actions()

    def _make_actions(self) -> None:
        def action(text: str, slot, shortcut=None) -> QAction:
            a = QAction(text, self)
            a.triggered.connect(slot)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(a)
            return a

        self.new_project_action = action(self.tr("&New Project"), self.new_project)
        self.open_project_action = action(self.tr("&Open Project…"), self._on_open_project_clicked)
        self.save_project_action = action(self.tr("&Save Project"), self._on_save_clicked,
                                          QKeySequence.StandardKey.Save)
        self.save_project_as_action = action(self.tr("Save Project &As…"), self._on_save_as_clicked)
        self.export_action = action(self.tr("&Export Photos as Folders…"), self._on_export_clicked)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.new_class_action = action(self.tr("New Class…"), self._on_new_class_clicked)
        self.rename_class_action = action(self.tr("Rename…"), self._on_rename_class_clicked)
        self.delete_class_action = action(self.tr("Delete…"), self._on_delete_class_clicked)
        self.add_photos_action = action(self.tr("Add Photos…"), self._on_add_photos_clicked)
        self.paste_action = action(self.tr("Paste Photo"), self.paste_photo, QKeySequence.StandardKey.Paste)
        self.exclude_action = action(self.tr("Leave Out"), lambda: self.exclude_photos(self.selected_photos()),
                                     QKeySequence.StandardKey.Delete)
        self.include_action = action(self.tr("Take Back"), lambda: self.include_photos(self.selected_photos()))
        self.exclude_action.setToolTip(self.tr("Leave the selected photos out of training (they stay on disk)"))

    # --- opening -------------------------------------------------------------------------------
    def load_folder(self, folder: str) -> None:
        """Open `folder` as a new, unsaved project; it is read off the GUI thread."""
        self._open(Project.from_folder(folder), folder)

    def open_project_file(self, path: str) -> None:
        try:
            project = Project.load(path)
        except UserError as exc:
            self.failed.emit(describe(exc))
            return
        self._open(project, str(project.path))

    def open_path(self, path: str) -> None:
        """A folder or a project file, as the recent list and a restart name them."""
        if path.endswith(PROJECT_SUFFIX):
            self.open_project_file(path)
        else:
            self.load_folder(path)

    @Slot()
    def new_project(self) -> None:
        self._open(Project(), "")

    def _open(self, project: Project, remembered: str) -> None:
        if not self.edits_kept_or_dropped():
            return
        self.summary.setText(self.tr("Reading {0}…").format(remembered or project.name))
        self.choose_button.setEnabled(False)
        self._reading.start(lambda _cancel: project.read(), lambda index: self._on_read(project, remembered, index),
                            self._on_read_failed)

    def _on_read(self, project: Project, remembered: str, index: DatasetIndex) -> None:
        self.choose_button.setEnabled(True)
        self.project = project
        self.undo_stack.clear()
        if remembered:
            self._remember(remembered)
        self._show(index)
        self._update_title()

    @Slot(object)
    def _on_read_failed(self, failure: Failure) -> None:
        self.choose_button.setEnabled(True)
        self.summary.setText(failure.message)
        self.failed.emit(failure)

    def _show(self, index: DatasetIndex, keep: str | None = None) -> None:
        self.index = index
        report = health_report(index) if index.classes else None
        n = len(index.train)
        parts = [self.tr("<b>{0}</b>: {1} classes, {2} pictures for training.").format(
            self.project.name, len(index.classes), n)]
        if index.validation:
            parts.append(self.tr("Accuracy is measured on the {0} pictures in its validation folder.").format(
                len(index.validation)))
        else:
            parts.append(self.tr("Accuracy is measured on held-out pictures: each picture is set aside once "
                                 "and judged by a model that did not see it."))
        if index.test:
            parts.append(self.tr("Its test folder ({0} pictures) is kept for evaluation.").format(len(index.test)))
        self.summary.setText(sentences(parts))
        counts = {name: 0 for name in self.project.class_names(index)}
        for r in index.train:
            counts[r.label] = counts.get(r.label, 0) + 1
        self.classes.blockSignals(True)
        self.classes.clear()
        for name, count in counts.items():
            item = QListWidgetItem(self.tr("{0} — {1} pictures").format(name, count))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.classes.addItem(item)
        if self.project.excluded:
            item = QListWidgetItem(self.tr("Left out — {0} pictures").format(len(self.project.excluded)))
            item.setData(Qt.ItemDataRole.UserRole, LEFT_OUT)
            item.setForeground(Qt.GlobalColor.darkGray)
            self.classes.addItem(item)
        self.classes.blockSignals(False)
        self.report = report
        if report is None or not report.problems:
            self.health.setText(self.tr("No problems found.") if report else "")
        else:
            show = self.tr("Show these photos")
            self.health.setText("<ul>" + "".join(
                f"<li>{html.escape(p)}" + (f' <a href="{i}">{show}</a>' if report.photos[i] else "") + "</li>"
                for i, p in enumerate(report.problems)) + "</ul>")
        self.skipped.show_files(index.skipped)
        self.pictures.setCurrentIndex(1 if self.classes.count() else 0)
        names = [self.classes.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.classes.count())]
        self.classes.setCurrentRow(names.index(keep) if keep in names else 0 if names else -1)
        self._on_class_selected(self.classes.currentRow())
        self._update_actions()
        self.dataset_loaded.emit(index)

    def add_run_skipped(self, files: list) -> None:
        """Files a training run found it could not use (a truncated photo is only found when decoded)."""
        if self.index is not None and files:
            self.skipped.add_files(files)

    # --- what is shown -------------------------------------------------------------------------
    def current_class(self) -> str | None:
        item = self.classes.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_class(self, name: str) -> None:
        for row in range(self.classes.count()):
            if self.classes.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.classes.setCurrentRow(row)

    def selected_photos(self) -> list[str]:
        return [self.grid.paths[i.row()] for i in sorted(self.thumbnails.selectionModel().selectedIndexes())]

    @Slot(str)
    def _on_health_link(self, link: str) -> None:
        """The photos a health problem is about, in the grid, where they can be moved or left out."""
        self.classes.setCurrentRow(-1)
        self.shown_problem = list(self.report.photos[int(link)])
        self.grid.set_paths(self.shown_problem)
        self._update_actions()

    @Slot(int)
    def _on_class_selected(self, row: int) -> None:
        self.shown_problem = None
        label = self.current_class()
        if self.index is None or label is None:
            self.grid.set_paths([])
        elif label == LEFT_OUT:
            self.grid.set_paths(list(self.project.excluded))
        else:
            self.grid.set_paths([r.path for r in self.index.train if r.label == label])
        self.thumbnails.scrollToTop()
        self._update_actions()

    def _update_actions(self) -> None:
        label = self.current_class()
        has_project = self.project is not None
        for action in (self.new_class_action, self.save_project_action, self.save_project_as_action,
                       self.export_action):
            action.setEnabled(has_project)
        real_class = has_project and label not in (None, LEFT_OUT)
        for action in (self.rename_class_action, self.delete_class_action, self.add_photos_action, self.paste_action):
            action.setEnabled(real_class)
        photos_in_use = real_class or (has_project and self.shown_problem is not None)
        self.move_button.setEnabled(photos_in_use)
        self.exclude_action.setEnabled(photos_in_use)
        self.include_action.setEnabled(has_project and label == LEFT_OUT)

    def _update_title(self) -> None:
        if self.project is not None:
            self.title_changed.emit(self.project.name + ("" if self.undo_stack.isClean() else " *"))

    # --- edits ---------------------------------------------------------------------------------
    def _edit(self, text: str, change) -> bool:
        """Apply `change()` to the project as one undoable step; bad input is said in plain words."""
        before = self.project.snapshot()
        try:
            change()
        except UserError as exc:
            self.project.restore(before)
            self.failed.emit(describe(exc))
            return False
        self.undo_stack.push(ProjectEdit(text, self.project, before, self._on_project_changed))
        return True

    def _on_project_changed(self) -> None:
        self._show(self.project.read(), keep=self.current_class())

    def add_class(self, name: str) -> bool:
        if self._edit(self.tr("New class “{0}”").format(name), lambda: self.project.add_class(name)):
            self.show_class(name.strip())
            return True
        return False

    def rename_class(self, old: str, new: str) -> bool:
        if self._edit(self.tr("Rename “{0}” to “{1}”").format(old, new), lambda: self.project.rename_class(old, new)):
            self.show_class(new.strip())
            return True
        return False

    def delete_class(self, name: str) -> bool:
        return self._edit(self.tr("Delete “{0}”").format(name), lambda: self.project.delete_class(name))

    def add_photos(self, files: list[str], label: str) -> bool:
        """Copy image files (or the images in folders) into the project under `label`."""
        added = []
        ok = self._edit(self.tr("Add photos to “{0}”").format(label),
                        lambda: added.extend(self.project.add_photos(files, label)))
        return ok and bool(added)

    def move_photos(self, photos: list[str], label: str) -> bool:
        return bool(photos) and self._edit(self.tr("Move {0} photo(s) to “{1}”").format(len(photos), label),
                                           lambda: self.project.move(photos, label))

    def exclude_photos(self, photos: list[str]) -> bool:
        return bool(photos) and self._edit(self.tr("Leave out {0} photo(s)").format(len(photos)),
                                           lambda: self.project.exclude(photos))

    def include_photos(self, photos: list[str]) -> bool:
        return bool(photos) and self._edit(self.tr("Take back {0} photo(s)").format(len(photos)),
                                           lambda: self.project.include(photos))

    @Slot()
    def paste_photo(self) -> bool:
        """An image on the clipboard (a screenshot, a picture copied in a browser) joins the current class."""
        label = self.current_class()
        image = QApplication.clipboard().image()
        if label in (None, LEFT_OUT) or image.isNull():
            return False
        with tempfile.TemporaryDirectory() as scratch:
            file = Path(scratch) / "pasted.png"
            image.save(str(file))
            return self.add_photos([str(file)], label)

    # --- saving and exporting ------------------------------------------------------------------
    def edits_kept_or_dropped(self) -> bool:
        """Before the project goes (another opens, the app quits): unsaved edits are saved or let go, as the
        user says; False when the user would rather stay (Cancel, or the save did not happen)."""
        if self.undo_stack.isClean():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Unsaved Changes"),
            self.tr("“{0}” has changes that are not saved. Save them before it closes?").format(self.project.name),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            self._on_save_clicked()
            return self.undo_stack.isClean()
        return answer == buttons.Discard

    def save_project(self, path: str | None = None) -> Path | None:
        try:
            saved = self.project.save(path)
        except UserError as exc:
            self.failed.emit(describe(exc))
            return None
        self.undo_stack.setClean()
        self._remember(str(saved))
        self._update_title()
        return saved

    def export_photos(self, target: str) -> Path | None:
        try:
            return export_dataset(self.project.resolve(), target)
        except UserError as exc:
            self.failed.emit(describe(exc))
            return None

    @Slot()
    def _on_save_clicked(self) -> None:
        if self.project.path is None:
            self._on_save_as_clicked()
        else:
            self.save_project()

    @Slot()
    def _on_save_as_clicked(self) -> None:
        start = str(Path(self.settings.last_dataset or Path.home()).parent / self.project.name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the project as"), start,
                                              self.tr("FineTune Studio project (*.ftsproject)"))
        if path:
            self.save_project(path)

    @Slot()
    def _on_open_project_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a project"), str(Path.home()),
                                              self.tr("FineTune Studio project (*.ftsproject)"))
        if path:
            self.open_project_file(path)

    @Slot()
    def _on_export_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose where the photo folders go"),
                                                  str(Path.home()))
        if folder:
            target = self.export_photos(str(Path(folder) / f"{self.project.name} photos"))
            if target is not None:
                QMessageBox.information(self, QApplication.applicationName(),
                                        self.tr("The photos are in {0}, one folder per class.").format(target))

    # --- asking the user -----------------------------------------------------------------------
    @Slot()
    def _on_new_class_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New class"), self.tr("Name of the new class:"))
        if ok and name.strip():
            self.add_class(name)

    @Slot()
    def _on_rename_class_clicked(self) -> None:
        old = self.current_class()
        new, ok = QInputDialog.getText(self, self.tr("Rename the class"), self.tr("New name:"), text=old)
        if ok and new.strip() and new.strip() != old:
            self.rename_class(old, new)

    @Slot()
    def _on_delete_class_clicked(self) -> None:
        name = self.current_class()
        answer = QMessageBox.question(self, self.tr("Delete the class"),
                                      self.tr("Take the class “{0}” and its photos out of the project? The photo "
                                              "files stay where they are, and Undo brings the class back.")
                                      .format(name))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_class(name)

    @Slot()
    def _on_add_photos_clicked(self) -> None:
        patterns = " ".join(f"*{e}" for e in sorted(IMAGE_EXTENSIONS))
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos to “{0}”").format(self.current_class()),
                                                str(Path.home()), self.tr("Images ({0})").format(patterns))
        if files:
            self.add_photos(files, self.current_class())

    def _fill_move_menu(self, menu: QMenu) -> None:
        menu.clear()
        for name in self.project.class_names(self.index) if self.project else []:
            if name != self.current_class():
                menu.addAction(name, lambda n=name: self.move_photos(self.selected_photos(), n))

    @Slot(object)
    def _on_classes_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.new_class_action, self.rename_class_action, self.delete_class_action,
                       self.add_photos_action, self.paste_action):
            menu.addAction(action)
        menu.popup(self.classes.viewport().mapToGlobal(pos))

    @Slot(object)
    def _on_photos_menu(self, pos) -> None:
        menu = QMenu(self)
        if self.current_class() == LEFT_OUT:
            menu.addAction(self.include_action)
        else:
            self._fill_move_menu(menu.addMenu(self.tr("Move to Class")))
            menu.addAction(self.exclude_action)
        menu.popup(self.thumbnails.viewport().mapToGlobal(pos))

    @Slot(object)
    def _on_photo_double_clicked(self, index) -> None:
        path = self.grid.paths[index.row()]
        self.viewer = ImageViewer(path, path, None, self)
        self.viewer.open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Photos or folders dragged onto a class in the list are added to that class."""
        if watched is self.classes.viewport() and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove,
                                                                   QEvent.Type.Drop):
            item = self.classes.itemAt(event.position().toPoint())
            label = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            if not event.mimeData().hasUrls() or label in (None, LEFT_OUT):
                event.ignore()
                return True
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self.add_photos([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()], label)
            return True
        return super().eventFilter(watched, event)

    # --- folders -------------------------------------------------------------------------------
    @Slot()
    def _on_choose_clicked(self) -> None:
        start = self.settings.last_dataset or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of class folders"), start)
        if folder:
            self.load_folder(folder)

    @Slot(int)
    def _on_recent_activated(self, row: int) -> None:
        path = self.recent.itemData(row)
        if path:
            self.open_path(path)

    def _remember(self, path: str) -> None:
        self.settings.remember_dataset(path)
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.recent.clear()
        for path in self.settings.recent_datasets:
            self.recent.addItem(path, path)
        self.recent.setCurrentIndex(-1)

    def shutdown(self) -> None:
        self.grid.shutdown()


def _button(action: QAction) -> QPushButton:
    """A push button that stands for `action`: same text, enabled with it, triggers it."""
    button = QPushButton(action.text())
    button.setEnabled(action.isEnabled())
    action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
    button.clicked.connect(action.trigger)
    return button
