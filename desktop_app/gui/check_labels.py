"""Check labels: the photos whose class the model doubts most, each to move, keep or leave out.

After training, every photo was judged by an output layer that had not seen it (the held-out answers
saved in the model). A photo filed under one class that such a layer confidently calls another is
often a labelling mistake; the most confident disagreements come first.
"""

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from ..core.bundle import read_metadata
from ..core.confidence import confidence_percent
from ..core.evaluation import validation_evaluation
from .project_session import ProjectSession
from .widgets.thumbnail_loader import ThumbnailLoader

THUMB = 96


class CheckLabelsDialog(QDialog):
    def __init__(self, project: ProjectSession, model_path: str, parent=None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Check labels"))
        self.resize(720, 560)
        ev = validation_evaluation(read_metadata(model_path))
        filed = {r.path: r.label for r in project.index.train}
        # Only photos still filed as the model saw them: one already moved or left out is done.
        self.suspects = [(p, truth) for p, truth in (ev.mistakes if ev else []) if filed.get(p.path) == truth]
        intro = QLabel(self.tr("Each photo below was judged by a model that had not seen it, and that model "
                               "disagrees with the photo's class; the surest disagreements come first. Many are "
                               "photos filed under the wrong class."), wordWrap=True)
        self.list = QListWidget()
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.currentRowChanged.connect(self._on_current_changed)
        self._thumbs = ThumbnailLoader(THUMB, self._set_icon, self)
        for p, truth in self.suspects:
            item = QListWidgetItem(self.tr("{0}\nfiled as {1}; the model says {2} ({3}% sure)").format(
                Path(p.path).name, truth, p.label, confidence_percent(p.confidence)))
            item.setData(Qt.ItemDataRole.UserRole, (p, truth))
            item.setToolTip(p.path)
            self.list.addItem(item)
        self._thumbs.load([(i, p.path) for i, (p, _) in enumerate(self.suspects)])
        self.empty = QLabel(self.tr("Nothing to check: every photo agrees with its class."))
        self.empty.setVisible(not self.suspects)

        self.move_button = QPushButton()
        self.move_button.clicked.connect(self._on_move_clicked)
        self.keep_button = QPushButton(self.tr("Keep"))
        self.keep_button.setToolTip(self.tr("The class is right; take the photo off this list"))
        self.keep_button.clicked.connect(self._take_current)
        self.exclude_button = QPushButton(self.tr("Leave Out"))
        self.exclude_button.clicked.connect(self._on_exclude_clicked)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.move_button, self.keep_button, self.exclude_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.list.setCurrentRow(0)
        self._on_current_changed(self.list.currentRow())

    def current(self):
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    @Slot(int)
    def _on_current_changed(self, row: int) -> None:
        current = self.current()
        for b in (self.move_button, self.keep_button, self.exclude_button):
            b.setEnabled(current is not None)
        self.move_button.setText(self.tr("Move to “{0}”").format(current[0].label) if current else self.tr("Move"))

    @Slot()
    def _on_move_clicked(self) -> None:
        p, _truth = self.current()
        if self.project.move_photos([p.path], p.label):
            self._take_current()

    @Slot()
    def _on_exclude_clicked(self) -> None:
        p, _truth = self.current()
        if self.project.exclude_photos([p.path]):
            self._take_current()

    @Slot()
    def _take_current(self) -> None:
        self.list.takeItem(self.list.currentRow())
        self.empty.setVisible(self.list.count() == 0)
        self._on_current_changed(self.list.currentRow())

    def _set_icon(self, row: int, icon: QIcon) -> None:
        # Rows taken off the list shift the others; the path in each item says which photo it is.
        path = self.suspects[row][0].path
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole)[0].path == path:
                self.list.item(i).setIcon(icon)
                return

    def done(self, result: int) -> None:
        self._thumbs.reset()
        super().done(result)
