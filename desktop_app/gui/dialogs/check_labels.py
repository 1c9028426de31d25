"""Check labels: the photos whose class the model doubts most, each to move, keep or leave out.

After training, every photo was judged by an output layer that had not seen it (the held-out answers
saved in the model). A photo filed under one class that such a layer confidently calls another is
often a labelling mistake; the most confident disagreements come first.
"""

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem

from ...core.i18n import sentences
from ...core.models.bundle import read_metadata
from ...core.models.evaluation import validation_evaluation
from ...core.percent import whole_percent
from ..building import STRETCH, hbox, make_button, vbox
from ..sessions.project_session import ProjectSession
from ..widgets.thumbnail_loader import ThumbnailLoader

THUMB = 96
STRONG_DOUBT = 0.9  # a held-out answer at least this sure of another class stands out


class CheckLabelsDialog(QDialog):
    def __init__(self, session: ProjectSession, model_path: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Check labels"))
        self.resize(720, 560)
        ev = validation_evaluation(read_metadata(model_path))
        filed = {r.path: r.label for r in session.index.train} if session.index else {}
        # Only photos still filed as the model saw them: one already moved or left out is done.
        self.suspects = [(p, truth) for p, truth in (ev.mistakes if ev else []) if filed.get(p.path) == truth]
        self._build()
        self._lay_out()
        self.list.setCurrentRow(0)
        self._on_current_changed(self.list.currentRow())

    def _build(self) -> None:
        self.list = QListWidget()
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.currentRowChanged.connect(self._on_current_changed)
        self._thumbs = ThumbnailLoader(THUMB, self._set_icon, self)
        for p, truth in self.suspects:
            item = QListWidgetItem(self.tr("{0}\nfiled as {1}; the model says {2} ({3}% sure)").format(
                Path(p.path).name, truth, p.label, whole_percent(p.confidence)))
            item.setData(Qt.ItemDataRole.UserRole, (p, truth))
            item.setToolTip(p.path)
            self.list.addItem(item)
        self._thumbs.load([(i, p.path) for i, (p, _) in enumerate(self.suspects)])
        self.empty = QLabel(self.tr("Nothing to check: every photo agrees with its class."))
        self.empty.setVisible(not self.suspects)
        self.move_button = make_button("", self._on_move_clicked)
        self.keep_button = make_button(self.tr("Keep"), self._take_current,
                                       tip=self.tr("The class is right; take the photo off this list"))
        self.exclude_button = make_button(self.tr("Leave Out"), self._on_exclude_clicked)

    def _lay_out(self) -> None:
        self.intro = QLabel(self._intro_words(), wordWrap=True)
        close = make_button(self.tr("Close"), self.accept)
        close.setDefault(True)  # Enter never moves or leaves out a photo
        for button in (self.move_button, self.keep_button, self.exclude_button):
            button.setAutoDefault(False)
        vbox(self.intro, (self.list, 1), self.empty,
             hbox(self.move_button, self.keep_button, self.exclude_button, STRETCH, close),
             parent=self)
        self.list.setFocus()

    def _intro_words(self) -> str:
        """What the doubts are based on and how strong they are; never that the labels are wrong."""
        based = self.tr("Each photo below was judged by a model that had not seen it (the one training set "
                        "aside to test it), and that model disagrees with the photo's class; the surest come first.")
        strong = sum(p.confidence >= STRONG_DOUBT for p, _ in self.suspects)
        if not self.suspects:
            return based
        if not strong:
            doubt = self.tr("Nothing stands out: none of these %n doubt(s) is {0}% sure or more. Such doubts are "
                            "more often the model's mistakes than wrong labels.", "", len(self.suspects))
        else:
            doubt = self.tr("For %n photo(s) the model is at least {0}% sure of another class: worth a look. The "
                            "model can be wrong too, so move a photo only when you see its class is wrong.", "",
                            strong)
        return sentences([based, doubt.format(whole_percent(STRONG_DOUBT))])

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
        if self.session.move_photos([p.path], p.label):
            self._take_current()

    @Slot()
    def _on_exclude_clicked(self) -> None:
        p, _truth = self.current()
        if self.session.exclude_photos([p.path]):
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
