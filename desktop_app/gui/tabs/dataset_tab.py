"""Dataset tab: the pictures to learn from, as a project the user builds and fixes here.

A folder opens as an unsaved project over it. Classes are made, renamed and deleted here; photos are
added (copied into the project's own folder), moved to another class, left out and taken back; every
edit can be undone. The user's own photo folders are only ever read.
"""

import functools
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFileDialog, QInputDialog, QLabel,
                               QListView, QListWidget, QListWidgetItem, QMenu, QMessageBox, QProgressBar, QPushButton,
                               QStackedWidget, QWidget)

from ...core.data.dataset import DatasetIndex
from ...core.errors import Failure, UserError, describe
from ...core.i18n import sentences
from ...core.data.images import name_patterns
from ...core.data.project import PROJECT_SUFFIX, Project
from ...core.training.trainer import TrainingConfig
from ..system import local_paths, open_in_system
from ..camera.capture import CaptureDialog
from ..camera.sources import Cameras
from ..building import STRETCH, action_button, vbox, make_action, panel, hbox, splitter
from ..sessions.project_session import ProjectSession
from ..settings import Settings
from ..widgets.image_viewer import ImageViewer
from ..widgets.skipped_list import SkippedList
from ..widgets.thumbnail_grid import ThumbnailGridModel

THUMB = 112
LEFT_OUT = "\0left out"  # the class list's entry for the photos left out of training


class DatasetTab(QWidget):
    failed = Signal(object)
    """A Failure to show the user."""

    def __init__(self, settings: Settings, session: ProjectSession, cameras: Callable[[], Cameras], parent=None):
        super().__init__(parent)
        self.settings, self.session, self.cameras = settings, session, cameras
        self.capture: CaptureDialog | None = None
        self.viewer: ImageViewer | None = None
        self.shown_problem: list[str] | None = None  # the photos of a health problem, when the grid shows them
        self._build()
        self._make_actions()
        self._lay_out()
        self._connect()
        self._refresh_recent()
        self._update_actions()

    def _build(self) -> None:
        self.choose_button = QPushButton(self.tr("Choose Folder…"))
        self.recent = QComboBox()
        self.recent.setMinimumWidth(280)
        self.recent.setPlaceholderText(self.tr("Recent folders and projects"))
        self.summary = QLabel(self.tr("Choose a folder that holds one sub-folder per kind of picture "
                                      "(for example hotdog/ and not-hotdog/), or drop the folder on this window."),
                              wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.classes = QListWidget()
        self.classes.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.classes.viewport().setAcceptDrops(True)
        self.grid = ThumbnailGridModel(THUMB, self)
        self.thumbnails = _thumbnail_view(self.grid)
        self.health = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText, alignment=Qt.AlignmentFlag.AlignTop)
        self.skipped = SkippedList()
        self.move_button = QPushButton(self.tr("Move to Class"))
        self.move_button.setMenu(QMenu(self))
        self.adding_progress = QProgressBar(textVisible=False)
        self.adding_progress.setMaximumWidth(160)
        self.adding_label = QLabel()
        self.stop_adding_button = QPushButton(self.tr("Stop"))
        self.stop_adding_button.setToolTip(self.tr("Stop adding; no photo of this batch is added"))

    def _make_actions(self) -> None:
        def action(text: str, slot, shortcut=None, tip: str = "") -> QAction:
            return make_action(self, text, slot, shortcut, tip)

        self.open_folder_action = action(self.tr("Open &Folder…"), self._on_choose_clicked,
                                         QKeySequence.StandardKey.Open)
        self.new_project_action = action(self.tr("&New Project"), self.new_project)
        self.open_project_action = action(self.tr("&Open Project…"), self._on_open_project_clicked)
        self.save_project_action = action(self.tr("&Save Project"), self._on_save_clicked,
                                          QKeySequence.StandardKey.Save)
        self.save_project_as_action = action(self.tr("Save Project &As…"), self._on_save_as_clicked)
        self.export_action = action(self.tr("&Export Photos as Folders…"), self._on_export_clicked)
        self.undo_action = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.new_class_action = action(self.tr("New Class…"), self._on_new_class_clicked)
        self.rename_class_action = action(self.tr("Rename…"), self._on_rename_class_clicked)
        self.delete_class_action = action(self.tr("Delete…"), self._on_delete_class_clicked)
        self.add_photos_action = action(self.tr("Add Photos…"), self._on_add_photos_clicked)
        self.paste_action = action(self.tr("Paste Photo"), self.paste_photo, QKeySequence.StandardKey.Paste)
        self.camera_action = action(self.tr("From Camera…"), self.open_camera,
                                    tip=self.tr("Record photos of this class with a camera"))
        self.exclude_action = action(self.tr("Leave Out"), lambda: self.session.exclude_photos(self.selected_photos()),
                                     QKeySequence.StandardKey.Delete,
                                     self.tr("Leave the selected photos out of training (they stay on disk)"))
        self.include_action = action(self.tr("Take Back"),
                                     lambda: self.session.include_photos(self.selected_photos()))

    def _lay_out(self) -> None:
        empty = QLabel(self.tr("<h2>No pictures yet</h2><p>Press <b>Choose Folder…</b> or drop a folder here.</p>"
                               "<p>Inside it, put one sub-folder per kind of picture:<br>"
                               "<tt>hotdog/</tt> with hot-dog photos, <tt>not-hotdog/</tt> with everything else.</p>"
                               "<p>Twenty or more varied photos per kind work well.</p>"),
                       alignment=Qt.AlignmentFlag.AlignCenter)
        empty.setStyleSheet("QLabel { color: #555; }")
        self.adding_box = panel(hbox(self.adding_label, self.adding_progress, self.stop_adding_button, STRETCH,
                                     margins=False))
        self.adding_box.hide()
        class_buttons = hbox(*map(action_button, (self.new_class_action, self.rename_class_action,
                                                  self.delete_class_action)))
        photo_buttons = hbox(action_button(self.add_photos_action), action_button(self.camera_action), self.move_button,
                             action_button(self.exclude_action), action_button(self.include_action), STRETCH)
        left = panel(QLabel(self.tr("<b>Classes</b>")), (self.classes, 1), class_buttons,
                     QLabel(self.tr("<b>Health check</b>")), self.health, self.skipped)
        self.pictures = QStackedWidget()
        self.pictures.addWidget(empty)
        self.pictures.addWidget(panel(photo_buttons, self.adding_box, (self.thumbnails, 1)))
        vbox(hbox(self.choose_button, (self.recent, 1)), self.summary,
             (splitter(left, self.pictures, sizes=[320, 640]), 1), parent=self)

    def _connect(self) -> None:
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.recent.activated.connect(self._on_recent_activated)
        self.classes.currentRowChanged.connect(self._on_class_selected)
        self.classes.customContextMenuRequested.connect(self._on_classes_menu)
        self.classes.viewport().installEventFilter(self)  # photos dropped on a class join it
        self.thumbnails.customContextMenuRequested.connect(self._on_photos_menu)
        self.thumbnails.doubleClicked.connect(self._on_photo_double_clicked)
        self.health.linkActivated.connect(self._on_health_link)
        self.summary.linkActivated.connect(lambda url: open_in_system(self, QUrl(url).toLocalFile()))
        self.move_button.menu().aboutToShow.connect(lambda: self._fill_move_menu(self.move_button.menu()))
        self.stop_adding_button.clicked.connect(self.session.stop_adding)
        self.session.opened.connect(self._on_opened)
        self.session.open_failed.connect(self._on_open_failed)
        self.session.edited.connect(lambda index: self._show(index, keep=self.current_class()))
        self.session.adding.connect(self._on_adding)
        self.session.photos_added.connect(self._on_photos_added)
        self.session.failed.connect(self.failed)

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
        self.session.open(project, remembered)

    @Slot(object)
    def _on_opened(self, index: DatasetIndex) -> None:
        self.choose_button.setEnabled(True)
        self._refresh_recent()
        self._show(index)

    @Slot(object)
    def _on_open_failed(self, failure: Failure) -> None:
        self.choose_button.setEnabled(True)
        self.summary.setText(failure.message)
        self.failed.emit(failure)

    def _show(self, index: DatasetIndex, keep: str | None = None) -> None:
        self.summary.setText(self._summary(index))
        self._list_classes(index)
        self._show_health()
        self.skipped.show_files(index.skipped)
        self.pictures.setCurrentIndex(1 if self.classes.count() else 0)
        names = [self.classes.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.classes.count())]
        self.classes.setCurrentRow(names.index(keep) if keep in names else 0 if names else -1)
        self._on_class_selected(self.classes.currentRow())

    def _summary(self, index: DatasetIndex) -> str:
        parts = [self.tr("<b>{0}</b>: {1} classes, {2} pictures for training.").format(
            html.escape(self.session.current.name), len(index.classes), len(index.train))]
        if index.validation:
            parts.append(self.tr("Accuracy is measured on the %n picture(s) in its validation folder.", "",
                                 len(index.validation)))
        else:
            parts.append(self.tr("Accuracy is measured on held-out pictures: the pictures are split into {0} "
                                 "groups, and each group is set aside once and judged by a model trained on "
                                 "the others.").format(TrainingConfig.folds))
        if index.test:
            parts.append(self.tr("Its test folder (%n picture(s)) is kept for evaluation.", "", len(index.test)))
        return sentences(parts) + self._where()

    def _where(self) -> str:
        """Every folder the photos come from, as links: a project file names its folders, and a user should
        see which (a hand-edited one could name any)."""
        project = self.session.current
        lines = [self.tr("Photos from: {0}").format(_links(project.sources))] if project.sources else []
        if project.added:
            lines.append(self.tr("%n added photo(s), copies kept in {0}", "", len(project.added)).format(
                _links(project.copies_folders())))
        return "".join(f"<br><small>{line}</small>" for line in lines)

    def _list_classes(self, index: DatasetIndex) -> None:
        project = self.session.current
        counts = dict.fromkeys(project.class_names(index), 0)
        for r in index.train:
            counts[r.label] = counts.get(r.label, 0) + 1
        self.classes.blockSignals(True)
        self.classes.clear()
        for name, count in counts.items():
            item = QListWidgetItem(self.tr("{0} — %n picture(s)", "", count).format(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.classes.addItem(item)
        if project.excluded:
            item = QListWidgetItem(self.tr("Left out — %n picture(s)", "", len(project.excluded)))
            item.setData(Qt.ItemDataRole.UserRole, LEFT_OUT)
            item.setForeground(Qt.GlobalColor.darkGray)
            self.classes.addItem(item)
        self.classes.blockSignals(False)

    def _show_health(self) -> None:
        report = self.session.health
        if report is None or not report.problems:
            self.health.setText(self.tr("No problems found.") if report else "")
            return
        show = self.tr("Show these photos")
        self.health.setText("<ul>" + "".join(
            f"<li>{html.escape(p)}" + (f' <a href="{i}">{show}</a>' if report.photos[i] else "") + "</li>"
            for i, p in enumerate(report.problems)) + "</ul>")

    def add_run_skipped(self, files: list) -> None:
        """Files a training run found it could not use (a truncated photo is only found when decoded)."""
        if self.session.index is not None and files:
            self.skipped.add_files(files)

    # --- what is shown -------------------------------------------------------------------------
    def current_class(self) -> str | None:
        item = self.classes.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _real_class(self) -> str | None:
        """The class shown, None for the photos left out or none at all: what class actions apply to."""
        label = self.current_class()
        return None if label == LEFT_OUT else label

    def show_class(self, name: str) -> None:
        for i in range(self.classes.count()):
            if self.classes.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.classes.setCurrentRow(i)

    def selected_photos(self) -> list[str]:
        return [self.grid.paths[i.row()] for i in sorted(self.thumbnails.selectionModel().selectedIndexes())]

    @Slot(str)
    def _on_health_link(self, link: str) -> None:
        """The photos a health problem is about, in the grid, where they can be moved or left out."""
        self.classes.setCurrentRow(-1)
        if self.session.health is None:
            return
        self.shown_problem = list(self.session.health.photos[int(link)])
        self.grid.set_paths(self.shown_problem)
        self._update_actions()

    @Slot(int)
    def _on_class_selected(self, row: int) -> None:
        self.shown_problem = None
        label, index = self.current_class(), self.session.index
        if index is None or label is None:
            self.grid.set_paths([])
        elif label == LEFT_OUT:
            self.grid.set_paths(list(self.session.current.excluded))
        else:
            self.grid.set_paths([r.path for r in index.train if r.label == label])
        self.thumbnails.scrollToTop()
        self._update_actions()

    def _update_actions(self) -> None:
        label = self.current_class()
        has_project = self.session.project is not None
        for action in (self.new_class_action, self.save_project_action, self.save_project_as_action,
                       self.export_action):
            action.setEnabled(has_project)
        real_class = has_project and label not in (None, LEFT_OUT)
        for action in (self.rename_class_action, self.delete_class_action, self.camera_action):
            action.setEnabled(real_class)
        for action in (self.add_photos_action, self.paste_action):  # one batch of photos at a time
            action.setEnabled(real_class and not self.session.adding_photos)
        photos_in_use = real_class or (has_project and self.shown_problem is not None)
        self.move_button.setEnabled(photos_in_use)
        self.exclude_action.setEnabled(photos_in_use)
        self.include_action.setEnabled(has_project and label == LEFT_OUT)

    # --- adding photos -------------------------------------------------------------------------
    def add_photos(self, files: list[str], label: str) -> None:
        if self.session.add_photos(files, label):
            self._update_actions()

    @Slot()
    def paste_photo(self) -> None:
        """An image on the clipboard (a screenshot, a picture copied in a browser) joins the current class."""
        label = self.current_class()
        image = QApplication.clipboard().image()
        if label not in (None, LEFT_OUT) and not image.isNull() and self.session.add_images([image], label, "png"):
            self._update_actions()

    @Slot(int, int)
    def _on_adding(self, done: int, total: int) -> None:
        self.adding_label.setText(self.tr("Adding photos: {0} of {1}").format(done, total))
        self.adding_progress.setRange(0, total)
        self.adding_progress.setValue(done)
        self.adding_box.show()

    @Slot(int)
    def _on_photos_added(self, count: int) -> None:
        self.adding_box.hide()
        self._update_actions()

    # --- saving and exporting ------------------------------------------------------------------
    def edits_kept_or_dropped(self) -> bool:
        """Before the project goes (another opens, the app quits): unsaved edits are saved or let go, as the
        user says; False when the user would rather stay (Cancel, or the save did not happen)."""
        if not self.session.unsaved:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Unsaved Changes"),
            self.tr("“{0}” has changes that are not saved. Save them before it closes?").format(
                self.session.current.name),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            self._on_save_clicked()
            return not self.session.unsaved
        return answer == buttons.Discard

    @Slot()
    def _on_save_clicked(self) -> None:
        if self.session.current.path is None:
            self._on_save_as_clicked()
        elif self.session.save():
            self._refresh_recent()

    @Slot()
    def _on_save_as_clicked(self) -> None:
        start = str(Path(self.settings.last_dataset or Path.home()).parent / self.session.current.name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the project as"), start,
                                              self.tr("FineTune Studio project (*.ftsproject)"))
        if path and self.session.save(path):
            self._refresh_recent()

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
            target = self.session.export_photos(str(Path(folder) / f"{self.session.current.name} photos"))
            if target is not None:
                QMessageBox.information(self, QApplication.applicationName(),
                                        self.tr("The photos are in {0}, one folder per class.").format(target))

    # --- asking the user -----------------------------------------------------------------------
    @Slot()
    def _on_new_class_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New class"), self.tr("Name of the new class:"))
        if ok and name.strip() and self.session.add_class(name):
            self.show_class(name.strip())

    @Slot()
    def _on_rename_class_clicked(self) -> None:
        old = self._real_class()
        if old is None:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename the class"), self.tr("New name:"), text=old)
        if ok and new.strip() and new.strip() != old and self.session.rename_class(old, new):
            self.show_class(new.strip())

    @Slot()
    def _on_delete_class_clicked(self) -> None:
        name = self._real_class()
        if name is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete the class"),
                                      self.tr("Take the class “{0}” and its photos out of the project? The photo "
                                              "files stay where they are, and Undo brings the class back.")
                                      .format(name))
        if answer == QMessageBox.StandardButton.Yes:
            self.session.delete_class(name)

    @Slot()
    def _on_add_photos_clicked(self) -> None:
        label = self._real_class()
        if label is None:
            return
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos to “{0}”").format(label),
                                                str(Path.home()), self.tr("Images ({0})").format(name_patterns()))
        if files:
            self.add_photos(files, label)

    @Slot()
    def open_camera(self) -> None:
        """The camera window, recording into the class shown (another can be chosen there)."""
        label, project = self._real_class(), self.session.project
        if label is None or project is None:
            return
        if self.capture is not None:
            self.capture.done(0)
            if not self.capture.adding:  # else it stays until its last recording is in the project
                self.capture.deleteLater()
        self.capture = CaptureDialog(self.cameras(), self.session, project.class_names(self.session.index), label,
                                     self)
        self.capture.open()

    def _fill_move_menu(self, menu: QMenu) -> None:
        menu.clear()
        project = self.session.project
        for name in project.class_names(self.session.index) if project else []:
            if name != self.current_class():
                menu.addAction(name, functools.partial(self._move_selected_to, name))

    def _move_selected_to(self, label: str) -> None:
        self.session.move_photos(self.selected_photos(), label)

    @Slot(object)
    def _on_classes_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.new_class_action, self.rename_class_action, self.delete_class_action,
                       self.add_photos_action, self.paste_action, self.camera_action):
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
        if watched is self.classes.viewport() and isinstance(event, QDropEvent):  # drag enter and move too
            item = self.classes.itemAt(event.position().toPoint())
            label = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            if not event.mimeData().hasUrls() or label in (None, LEFT_OUT) or self.session.adding_photos:
                event.ignore()
                return True
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self.add_photos(local_paths(event.mimeData()), label)
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

    def _refresh_recent(self) -> None:
        self.recent.clear()
        for path in self.settings.recent_datasets:
            self.recent.addItem(path, path)
        self.recent.setCurrentIndex(-1)

    def shutdown(self) -> None:
        if self.capture is not None:
            self.capture.done(0)
        self.grid.shutdown()


def _links(folders: list[str]) -> str:
    return ", ".join(f'<a href="{html.escape(Path(f).as_uri())}">{html.escape(f)}</a>' for f in folders)


def _thumbnail_view(grid: ThumbnailGridModel) -> QListView:
    view = QListView()
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.setModel(grid)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setIconSize(QSize(THUMB, THUMB))
    view.setGridSize(QSize(THUMB + 16, THUMB + 30))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(True)
    view.setMovement(QListView.Movement.Static)
    # laid out a batch at a time between events: laying out a class of 10,000 at once took 12-19 ms
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    return view
