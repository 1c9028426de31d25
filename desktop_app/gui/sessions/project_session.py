"""The open project, for every view that shows or edits it (the Dataset tab, Check Labels).

Reading a project and adding photos to it (copying and checking each file) run as jobs, so a folder of
thousands of photos never freezes the window; every edit is one undoable step; the folders and projects
opened are remembered. Views follow the signals and never keep a project of their own.
"""

import tempfile
from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QUndoStack

from ...core.background import collections_paused
from ...core.data.dataset import DatasetIndex, HealthReport, health_report
from ...core.errors import Failure, UserError, describe
from ...core.progress import CancelToken
from ...core.data.project import CheckedPhotos, Project, export_dataset
from ..jobs import JobSlot
from .project_edit import ProjectEdit
from ..settings import Settings

JPEG_QUALITY = 92  # camera photos: a fine copy of what a webcam sees, a tenth of a PNG's size


class ProjectSession(QObject):
    opened = Signal(object)
    """The DatasetIndex of a project just opened (read off the GUI thread)."""
    open_failed = Signal(object)
    """A Failure: the project could not be read; the one before stays open."""
    edited = Signal(object)
    """The DatasetIndex after an edit, an undo or a redo."""
    adding = Signal(int, int)
    """(photos copied and checked, photos in all) while photos are being added."""
    photos_added = Signal(int)
    """Adding is over: how many usable photos were added (one edit on the undo stack), 0 when none were
    (stopped, failed, or no image among the files)."""
    failed = Signal(object)
    """A Failure to show the user: an edit that could not be made."""
    title_changed = Signal(str)
    """The project's name, with " *" while it has unsaved edits."""

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.project: Project | None = None
        self.index: DatasetIndex | None = None
        self.health: HealthReport | None = None
        """The open project's health check (None while it has no classes), made with its index: checking
        20,000 photos takes tens of milliseconds, which the GUI thread must not spend."""
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self._reading = JobSlot(self)
        self._adding = JobSlot(self)

    # --- opening ---------------------------------------------------------------------------------
    def open(self, project: Project, remembered: str) -> None:
        """Read `project` off the GUI thread; then it is the open one, and `remembered` (a folder or a
        project file, "" for a new project) heads the recent list."""
        def read(_cancel: CancelToken) -> tuple[DatasetIndex, HealthReport | None]:
            with collections_paused():  # a full collection amid 20,000 new records froze the window
                index = project.read()
                return index, _health(index)

        self._reading.start(read, lambda result: self._on_read(project, remembered, *result), self.open_failed.emit)

    def _on_read(self, project: Project, remembered: str, index: DatasetIndex, health: HealthReport | None) -> None:
        self.stop_adding()  # photos being added belonged to the project before
        self.project, self.index, self.health = project, index, health
        self.undo_stack.clear()
        if remembered:
            self.settings.remember_dataset(remembered)
        self.opened.emit(index)
        self._update_title()

    @property
    def current(self) -> Project:
        """The open project, for what is only offered while one is open."""
        assert self.project is not None, "no project is open yet"
        return self.project

    @property
    def unsaved(self) -> bool:
        return not self.undo_stack.isClean()

    # --- edits -----------------------------------------------------------------------------------
    def edit(self, text: str, change: Callable[[], object]) -> bool:
        """Apply `change()` to the project as one undoable step; bad input is said in plain words."""
        project = self.project
        if project is None:
            return False
        before = project.snapshot()
        try:
            change()
        except UserError as exc:
            project.restore(before)
            self.failed.emit(describe(exc))
            return False
        self.undo_stack.push(ProjectEdit(text, project, before, self._reread))
        return True

    def _reread(self) -> None:
        self.index = self.current.read()
        self.health = _health(self.index)
        self.edited.emit(self.index)

    def add_class(self, name: str) -> bool:
        return self.edit(self.tr("New class “{0}”").format(name), lambda: self.current.add_class(name))

    def rename_class(self, old: str, new: str) -> bool:
        return self.edit(self.tr("Rename “{0}” to “{1}”").format(old, new),
                         lambda: self.current.rename_class(old, new))

    def delete_class(self, name: str) -> bool:
        return self.edit(self.tr("Delete “{0}”").format(name), lambda: self.current.delete_class(name))

    def move_photos(self, photos: list[str], label: str) -> bool:
        return bool(photos) and self.edit(self.tr("Move %n photo(s) to “{0}”", "", len(photos)).format(label),
                                          lambda: self.current.move(photos, label))

    def exclude_photos(self, photos: list[str]) -> bool:
        return bool(photos) and self.edit(self.tr("Leave out %n photo(s)", "", len(photos)),
                                          lambda: self.current.exclude(photos))

    def include_photos(self, photos: list[str]) -> bool:
        return bool(photos) and self.edit(self.tr("Take back %n photo(s)", "", len(photos)),
                                          lambda: self.current.include(photos))

    # --- adding photos -----------------------------------------------------------------------------
    @property
    def adding_photos(self) -> bool:
        return self._adding.busy

    def add_photos(self, files: list[str], label: str) -> bool:
        """Copy image files (or the images in folders) into the project under `label`, off the GUI thread;
        `adding` says how far it got, `photos_added` when it is done (one undoable edit). False, and
        nothing started, while another batch is still being added or no project is open."""
        project = self.project
        if project is None or self.adding_photos:
            return False
        return self._start_adding(lambda cancel: project.import_photos(files, cancel), label)

    def add_images(self, images: list[QImage], label: str, kind: str) -> bool:
        """Pictures the window holds (pasted, or from the camera) join `label` as files of `kind` ("png",
        "jpg"), in one undoable edit; False, and nothing started, as for add_photos."""
        project, images = self.project, [image.copy() for image in images]  # saved off the GUI thread
        if project is None or self.adding_photos:
            return False

        def job(cancel: CancelToken) -> Generator[tuple[int, int], None, CheckedPhotos]:
            with tempfile.TemporaryDirectory() as scratch:
                files = [str(Path(scratch) / f"{i}.{kind}") for i in range(len(images))]
                for image, file in zip(images, files, strict=True):
                    image.save(file, quality=JPEG_QUALITY if kind == "jpg" else -1)
                return (yield from project.import_photos(files, cancel))

        return self._start_adding(job, label)

    def _start_adding(self, job: Callable[[CancelToken], Generator[tuple[int, int], None, CheckedPhotos]],
                      label: str) -> bool:
        self._adding.start(job, on_returned=lambda checked: self._adopt(checked, label),
                           on_errored=self._on_adding_failed, on_yielded=lambda step: self.adding.emit(*step))
        return True

    def _adopt(self, checked: CheckedPhotos, label: str) -> None:
        usable = sum(sha is not None for sha, _reason in checked.values())
        added = bool(checked) and self.edit(self.tr("Add photos to “{0}”").format(label),
                                            lambda: self.current.adopt(checked, label))
        self.photos_added.emit(usable if added else 0)

    def _on_adding_failed(self, failure: Failure) -> None:
        self.photos_added.emit(0)
        self.failed.emit(failure)

    def stop_adding(self) -> None:
        """Stop copying; nothing of this batch is added (copies made so far wait unused in the project's
        folder, where the same photos added again are found at once)."""
        if self.adding_photos:
            self._adding.quit()
            self.photos_added.emit(0)

    # --- saving ------------------------------------------------------------------------------------
    def save(self, path: str | None = None) -> Path | None:
        try:
            saved = self.current.save(path)
        except UserError as exc:
            self.failed.emit(describe(exc))
            return None
        self.undo_stack.setClean()
        self.settings.remember_dataset(str(saved))
        self._update_title()
        return saved

    def export_photos(self, target: str) -> Path | None:
        try:
            return export_dataset(self.current.resolve(), target)
        except UserError as exc:
            self.failed.emit(describe(exc))
            return None

    def _update_title(self) -> None:
        if self.project is not None:
            self.title_changed.emit(self.project.name + ("" if self.undo_stack.isClean() else " *"))

    def shutdown(self) -> None:
        self._reading.quit()
        self._adding.quit()


def _health(index: DatasetIndex) -> HealthReport | None:
    return health_report(index) if index.classes else None
