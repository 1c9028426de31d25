"""The files that could not be used, each named with its reason: one list, the same in every tab."""

from pathlib import Path

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...core.data.dataset import SkippedFile

MAX_HEIGHT = 120


class SkippedList(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.files: list[SkippedFile] = []
        self.heading = QLabel()
        self.list = QListWidget()
        self.list.setMaximumHeight(MAX_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.setVisible(False)

    def show_files(self, files: list[SkippedFile]) -> None:
        self.files = []
        self.list.clear()
        self.add_files(files)

    def add_files(self, files: list[SkippedFile]) -> None:
        """Files found later (while a run read the photos) join the list; one already listed is not repeated."""
        known = {f.path for f in self.files}
        for f in files:
            if f.path in known:
                continue
            known.add(f.path)
            self.files.append(f)
            item = QListWidgetItem(self.tr("{0}: {1}").format(Path(f.path).name, f.reason))
            item.setToolTip(f.path)
            self.list.addItem(item)
        self.heading.setText(self.tr("<b>%n file(s) could not be used:</b>", "", len(self.files)))
        self.setVisible(bool(self.files))
