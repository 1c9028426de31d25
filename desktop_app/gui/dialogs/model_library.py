"""The model library: every model the user made or opened, with what it knows and how good it is."""

from pathlib import Path

from PySide6.QtCore import QFile, Qt, QUrl, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHeaderView, QInputDialog, QLabel,
                               QMessageBox, QTableWidget, QTableWidgetItem)

from ...core import paths
from ...core.errors import UserError, describe
from ...core.models.info import ModelInfo
from ...core.models.library import LibraryEntry, list_models, rename_model
from ...core.models.report import report_path
from ..building import STRETCH, hbox, make_button, vbox
from ..system import open_in_system
from ..sessions.model_session import ModelSession
from ..settings import Settings
from ...core.percent import percent, share_with_range


class ModelLibraryDialog(QDialog):
    open_requested = Signal(str)
    """The path of the model the user chose to use."""
    failed = Signal(object)
    """A Failure to show the user."""

    def __init__(self, settings: Settings, session: ModelSession, parent=None):
        super().__init__(parent)
        self.settings, self.session = settings, session
        self.entries: list[LibraryEntry] = []
        self.setWindowTitle(self.tr("Models"))
        self.resize(980, 420)
        self._build()
        self._lay_out()
        self.refresh()

    def _build(self) -> None:
        columns = (self.tr("Name"), self.tr("Knows"), self.tr("Right on held-out pictures"), self.tr("Network"),
                   self.tr("Trained"), self.tr("Photos from"))
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        self.empty = QLabel(self.tr("No models yet: train one in the Train tab, or open a model file."),
                            alignment=Qt.AlignmentFlag.AlignCenter)
        self.open_button = make_button(self.tr("Open"), self.open_selected)
        self.open_button.setDefault(True)
        self.rename_button = make_button(self.tr("Rename…"), self._on_rename_clicked)
        self.delete_button = make_button(self.tr("Delete…"), self._on_delete_clicked)
        self.reveal_button = make_button(self.tr("Show in Folder"), self._on_reveal_clicked)
        self.other_button = make_button(self.tr("Open a Model File…"), self._on_other_clicked)

    def _lay_out(self) -> None:
        folder = paths.models_dir()
        where = QLabel(self.tr("Models you train are kept in <a href=\"{0}\">{1}</a>; models you open from "
                               "elsewhere are listed too.").format(QUrl.fromLocalFile(str(folder)).toString(), folder),
                       wordWrap=True)
        where.linkActivated.connect(lambda link: open_in_system(self, QUrl(link).toLocalFile()))
        vbox(where, (self.table, 1), self.empty,
             hbox(self.open_button, self.rename_button, self.delete_button, self.reveal_button, STRETCH,
                  self.other_button, make_button(self.tr("Close"), self.reject)),
             parent=self)

    # --- the list -------------------------------------------------------------------------------
    def refresh(self, select: Path | None = None) -> None:
        self.entries = list_models(paths.models_dir(), self.settings.recent_models)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            for col, text in enumerate(self._cells(entry)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(entry.path) if entry.info else entry.problem)
                if entry.info is None:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, col, item)
        self.table.setVisible(bool(self.entries))
        self.empty.setVisible(not self.entries)
        current = select or self.session.path
        rows = [r for r, e in enumerate(self.entries) if current is not None and e.path == current]
        self.table.selectRow(rows[0] if rows else 0)
        self._update_buttons()

    def _cells(self, entry: LibraryEntry) -> list[str]:
        if entry.info is None:
            return [entry.path.stem, self.tr("cannot be opened"), "", "", "", ""]
        info: ModelInfo = entry.info
        name = info.name + (self.tr("  (in use)") if entry.path == self.session.path else "")
        accuracy = (share_with_range(info.val_accuracy, info.val_count) if info.val_accuracy is not None
                    and info.val_count else percent(info.val_accuracy) if info.val_accuracy is not None
                    else self.tr("not measured"))
        created = info.created.astimezone().strftime("%Y-%m-%d %H:%M") if info.created else ""
        source = Path(info.dataset_root).name if info.dataset_root else ""
        return [name, ", ".join(info.classes), accuracy, info.backbone, created, source]

    def selected(self) -> LibraryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        entry = self.selected()
        for b in (self.rename_button, self.reveal_button):
            b.setEnabled(entry is not None)
        in_use = entry is not None and entry.path == self.session.path
        self.delete_button.setEnabled(entry is not None and not in_use)
        self.delete_button.setToolTip(self.tr("The model in use cannot be deleted; open another one first")
                                      if in_use else "")
        self.open_button.setEnabled(entry is not None and entry.info is not None)

    # --- actions --------------------------------------------------------------------------------
    @Slot()
    def open_selected(self) -> None:
        entry = self.selected()
        if entry is not None and entry.info is not None:
            self.open_requested.emit(str(entry.path))
            self.accept()

    @Slot()
    def _on_other_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a model"), str(paths.models_dir()),
                                              self.tr("Keras model (*.keras)"))
        if path:
            self.open_requested.emit(path)
            self.accept()

    @Slot()
    def _on_rename_clicked(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename the model"), self.tr("New name:"),
                                        text=entry.path.stem)
        if ok:
            self.rename(entry, name)

    def rename(self, entry: LibraryEntry, name: str) -> None:
        try:
            target = rename_model(entry.path, name)
        except UserError as exc:
            self.failed.emit(describe(exc))
            return
        self.settings.model_renamed(entry.path, target)
        if entry.path == self.session.path:
            self.session.followed_rename(ModelInfo.read(target))
        self.refresh(select=target)

    @Slot()
    def _on_delete_clicked(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete the model"),
                                      self.tr("Move “{0}” and its training report to the trash?").format(
                                          entry.path.stem))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(entry)

    def delete(self, entry: LibraryEntry) -> None:
        """To the system trash; where there is none, the user is asked before it is deleted for good."""
        for p in (entry.path, report_path(entry.path)):
            if p.exists():
                QFile.moveToTrash(str(p))
        left = [p for p in (entry.path, report_path(entry.path)) if p.exists()]
        if left:
            answer = QMessageBox.question(self, self.tr("Delete the model"),
                                          self.tr("This system has no trash for {0}. Delete it for good?").format(
                                              entry.path.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
            for p in left:
                p.unlink(missing_ok=True)
        self.settings.forget_model(entry.path)
        self.refresh()

    @Slot()
    def _on_reveal_clicked(self) -> None:
        entry = self.selected()
        if entry is not None:
            open_in_system(self, entry.path.parent)
