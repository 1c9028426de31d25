"""One undoable edit of a project: the project's state before and after it."""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ...core.data.project import Project


class ProjectEdit(QUndoCommand):
    """Undo restores the snapshot taken before the edit, redo the one after; `changed` shows the result.

    Whole snapshots rather than inverse operations: a project's edits are a few lists and maps, and
    every edit kind is then undone the same, exact way."""

    def __init__(self, text: str, project: Project, before: dict, changed: Callable[[], None]):
        super().__init__(text)
        self.project, self.before, self.after, self.changed = project, before, project.snapshot(), changed

    def undo(self) -> None:
        self.project.restore(self.before)
        self.changed()

    def redo(self) -> None:
        self.project.restore(self.after)
        self.changed()
