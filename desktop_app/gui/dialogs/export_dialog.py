"""Export the model in use for other programs: formats, a folder (made if it does not exist yet), and the outcome."""

import html
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit,
                               QProgressBar, QWidget)

from ...core.errors import Failure
from ...core.models.export import FORMATS, ExportProgress, ExportResult, exporting
from ...core.models.info import ModelInfo
from ..building import hbox, make_button, panel, vbox
from ..jobs import JobSlot
from ..system import open_in_system
from ...core.percent import percent


class ExportDialog(QDialog):
    exported = Signal(object)
    """The ExportResults of the formats that were written (all asked for, or those before Cancel)."""
    failed = Signal(object)
    """A Failure to show the user."""

    def __init__(self, info: ModelInfo, parent=None):
        super().__init__(parent)
        self.info = info
        self.results: list = []
        self._exporting = JobSlot(self, tensorflow=True)
        self._failure: Failure | None = None
        self._stopping = False
        self._step: ExportProgress | None = None
        self._step_began = 0.0
        self._ticking = QTimer(self, interval=1000)
        self._ticking.timeout.connect(self._show_step)
        self.setWindowTitle(self.tr("Export {0}").format(info.name))
        self._build(info)
        self._lay_out()
        self.resize(620, self.sizeHint().height())
        self._update_buttons()

    def _build(self, info: ModelInfo) -> None:
        self.formats = {fmt.id: QCheckBox(fmt.name) for fmt in FORMATS.values()}
        for fmt, box in self.formats.items():
            box.setChecked(fmt == "keras")
            box.toggled.connect(self._update_buttons)
        self.folder = QLineEdit(str(info.path.with_name(info.name + " exports")))
        self.folder.textChanged.connect(self._update_buttons)
        self.photos = QLineEdit(info.dataset_root if info.dataset_root and Path(info.dataset_root).is_dir() else "",
                                placeholderText=self.tr("a folder of photos like the ones it was trained on"))
        self.photos.textChanged.connect(self._update_buttons)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.outcome = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText,
                              textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.show_button = self.buttons.addButton(self.tr("Show in Folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.show_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start_export)
        self.show_button.clicked.connect(self._on_show_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Formats:"), panel(*(widget for fmt in FORMATS.values()
                                                 for widget in (self.formats[fmt.id], _for_whom(fmt.for_whom)))))
        form.addRow(self.tr("Into the folder:"), self._with_browse(self.folder, self._on_browse_folder))
        form.addRow(self.tr("Checked on the photos in:"), self._with_browse(self.photos, self._on_browse_photos))
        note = QLabel(self.tr("Each export is run next to the original on up to 32 of these photos and kept only "
                              "if it gives the same answers. The folder is created if it does not exist; "
                              "labels.txt (the class names, in output order) and README.md (code that runs each "
                              "file, as the app does) are written beside the files."),
                      wordWrap=True)
        vbox(form, note, self.progress, self.outcome, self.buttons, parent=self)

    def _with_browse(self, line: QLineEdit, on_click) -> QWidget:
        return panel(hbox((line, 1), make_button(self.tr("Browse…"), on_click), margins=False))

    def chosen_formats(self) -> list[str]:
        return [f for f, box in self.formats.items() if box.isChecked()]

    @Slot()
    def _update_buttons(self) -> None:
        idle = not self._exporting.busy
        self.export_button.setEnabled(idle and bool(self.chosen_formats()) and bool(self.folder.text().strip())
                                      and Path(self.photos.text().strip()).is_dir())

    @Slot()
    def _on_browse_folder(self) -> None:
        start = Path(self.folder.text())
        while not start.is_dir() and start != start.parent:  # the dialog can only start in a folder that exists
            start = start.parent
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder to export into"), str(start))
        if folder:
            self.folder.setText(folder)

    @Slot()
    def _on_browse_photos(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose some photos to check the export on"),
                                                  self.photos.text() or str(self.info.path.parent))
        if folder:
            self.photos.setText(folder)

    # --- exporting ------------------------------------------------------------------------------
    @Slot()
    def start_export(self) -> None:
        model, folder, photos, formats = str(self.info.path), self.folder.text().strip(), self.photos.text().strip(), \
            self.chosen_formats()
        self.results = []
        self._failure, self._stopping = None, False
        self.outcome.clear()
        self.show_button.setVisible(False)
        self.progress.setRange(0, len(formats))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m formats"))
        self.progress.setVisible(True)

        def job(_cancel):  # stopping is looked at between steps: an export is made aside, whole or not there
            for f in formats:
                yield (yield from exporting(model, f, folder, [photos]))

        self._exporting.start(job, on_errored=self._on_failed, on_yielded=self._on_yielded,
                              on_finished=self._on_finished)
        self._update_buttons()

    @Slot(object)
    def _on_yielded(self, news: ExportProgress | ExportResult) -> None:
        if isinstance(news, ExportResult):
            self.results.append(news)
            self.progress.setValue(len(self.results))
            return
        self._step, self._step_began = news, time.monotonic()
        self._show_step()
        self._ticking.start()

    def _show_step(self) -> None:
        """The step being made, with its time left counting down between the steps' own estimates."""
        step = self._step
        if step is None or not self._exporting.busy or self._stopping:
            self._ticking.stop()
            return
        left = step.seconds_left
        if left is not None:
            left = max(left - (time.monotonic() - self._step_began), 1.0)
        self.outcome.setText(html.escape(replace(step, seconds_left=left).line()))

    @Slot(object)
    def _on_failed(self, failure: Failure) -> None:
        self._failure = failure
        if failure.details:  # a bug, not a problem with the user's files: the details go to the usual dialog
            self.failed.emit(failure)

    @Slot()
    def _on_finished(self) -> None:
        self._ticking.stop()
        if self._failure is not None:
            message = self._failure.message.replace("{", "{{")
            headline = self.tr("Not everything could be exported: {0}").format(message)
            if self.results:
                headline += " " + self.tr("Finished before that, in {0}:")
        elif self._stopping:
            headline = self.tr("Stopped; nothing half-made was left. Finished before that, in {0}:")
        else:
            headline = self.tr("Exported into {0}:")
        headline = headline.format(self.folder.text().strip())
        self.progress.setVisible(False)
        self.close_button.setEnabled(True)
        lines = [self.tr("{0}: {1} (same answer as the original on {2} of {3} photos)").format(
            r.format.name, r.path.name, percent(r.same_answer_share), r.images_checked) for r in self.results]
        if self.results:
            lines.append(self.tr("labels.txt: the class names, in output order"))
        self.outcome.setText("<br>".join([headline, *lines]))
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width()), self.sizeHint().height()))
        self.show_button.setVisible(bool(self.results))
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()
        if self.results:
            self.exported.emit(self.results)

    @Slot()
    def _on_show_clicked(self) -> None:
        open_in_system(self, self.folder.text().strip())

    @Slot()
    def _on_close_clicked(self) -> None:
        if self._exporting.busy:  # exporting: stop after the step under way (a format half made is not kept)
            self._stopping = True
            self._exporting.stop()
            self.close_button.setEnabled(False)
            self.outcome.setText(self.tr("Stopping once the step under way is over…"))
            return
        self.reject()

    def reject(self) -> None:
        if self._exporting.busy:  # Escape or the window's close button while exporting
            self._on_close_clicked()
            return
        super().reject()


def _for_whom(words: str) -> QLabel:
    """Under a format's box, in small grey type: who runs it."""
    label = QLabel(words, wordWrap=True)
    label.setIndent(24)
    label.setStyleSheet("color: #666; font-size: small;")
    return label
