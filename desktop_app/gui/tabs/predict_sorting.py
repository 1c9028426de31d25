"""The Predict tab's *Sort into Folders…*: the answers in the table put the photos into one folder per class.

Copying is the default; moving is offered, and confirmed, because it takes photos out of the user's own
folders (Undo Sort puts them back). The work runs as a job that the tab's Stop ends between photos.
"""

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...core.models.prediction import Prediction, PredictionError
from ...core.models.sorting import SortResult, UndoResult, sort_photos, undo_sort
from ..jobs import JobSlot


class FolderSorter(QObject):
    progressed = Signal(int, int)
    """(photos placed, photos in all)"""
    finished = Signal(str)
    """What was done, in rich text, with links "open" (the folder) and "undo" (while it can be undone); the
    sorter is idle by then, so Undo Sort can start at once."""
    failed = Signal(object)
    """A Failure (the sorter is idle by then, too)."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.dest: Path | None = None  # the folder of the last sort
        self._job = JobSlot(self)

    @property
    def busy(self) -> bool:
        return self._job.busy

    def ask_and_sort(self, parent: QWidget, answers: Sequence[Prediction | PredictionError]) -> bool:
        """Ask where to, and whether to copy or move; then sort. False when the user cancelled."""
        folder = QFileDialog.getExistingDirectory(parent, self.tr("Sort the photos into folders in…"))
        if not folder:
            return False
        move = self._ask_move(parent, sum(isinstance(a, Prediction) for a in answers), folder)
        if move is None:
            return False
        self.sort(answers, folder, move)
        return True

    def _ask_move(self, parent: QWidget, count: int, folder: str) -> bool | None:
        """False to copy, True to move, None to cancel."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Sort into folders"),
                          self.tr("Put %n photo(s) into one folder per class in {0}?", "", count).format(folder),
                          parent=parent)
        box.setInformativeText(self.tr("Copying leaves your photos where they are. Moving takes them out of their "
                                       "folders; Undo Sort puts them back."))
        copy = box.addButton(self.tr("Copy"), QMessageBox.ButtonRole.AcceptRole)
        move = box.addButton(self.tr("Move…"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(copy)
        box.exec()
        if box.clickedButton() is copy:
            return False
        if box.clickedButton() is not move:
            return None
        sure = QMessageBox.warning(parent, self.tr("Move the photos?"),
                                   self.tr("Move %n photo(s) out of their folders into {0}?", "", count).format(folder),
                                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                   QMessageBox.StandardButton.Cancel)
        return True if sure == QMessageBox.StandardButton.Yes else None

    def sort(self, answers: Sequence[Prediction | PredictionError], folder: str, move: bool) -> None:
        self.dest = Path(folder)
        answers = list(answers)
        self._job.start(lambda cancel: sort_photos(answers, folder, move, cancel), on_returned=self._on_sorted,
                        on_errored=self.failed.emit, on_yielded=lambda step: self.progressed.emit(*step))

    def stop(self) -> None:
        self._job.stop()

    def undo(self) -> None:
        if self.dest is not None and not self.busy:
            dest = self.dest
            self._job.start(lambda _cancel: undo_sort(dest), on_returned=self._on_undone, on_errored=self.failed.emit)

    def _on_sorted(self, result: SortResult) -> None:
        done = html.escape(result.words())
        if result.unreadable:
            done += " " + self.tr("%n file(s) could not be read and stayed where they were.", "",
                                  len(result.unreadable))
        open_folder, undo = self.tr("Open the folder"), self.tr("Undo Sort")
        self.finished.emit(f'{done} <a href="open">{open_folder}</a> · <a href="undo">{undo}</a>')

    def _on_undone(self, result: UndoResult) -> None:
        words = html.escape(result.words())
        if result.kept:
            words += " " + self.tr("%n file(s) left as they are (listed in the sort's record).", "",
                                   len(result.kept))
        open_folder = self.tr("Open the folder")
        self.finished.emit(f'{words} <a href="open">{open_folder}</a>')
