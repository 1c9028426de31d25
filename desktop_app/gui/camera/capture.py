"""Photos from the camera into a class of the open project: held down to record a few a second, or one at a time.

Each recording is added when the button (or the space bar) is let go, as one undoable edit, like photos
added from files: saved as JPEG files in the project's own photo folder, never among the user's photos.
"""

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from ..sessions.project_session import ProjectSession
from .picker import CameraPicker
from .sources import Cameras
from .view import CameraView

RATE = (1, 10, 4)  # photos a second while recording: lowest, highest, first offered


class CaptureDialog(QDialog):
    def __init__(self, cameras: Cameras, session: ProjectSession, classes: list[str], label: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photos from the camera"))
        self.session = session
        self.recorded: list[QImage] = []  # this recording, added when it ends
        self._waiting: list[tuple[list[QImage], str]] = []  # recordings for when the one being added is in
        self._sent = False  # a recording of this window is being added (other adds are not its to count)
        self.added = 0

        self.view = CameraView()
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the space bar records wherever the pointer is
        self.camera_box = QComboBox()
        self.picker = CameraPicker(cameras, self.camera_box, self)
        self.class_box = QComboBox()
        self.class_box.addItems(classes)
        self.class_box.setCurrentText(label)
        self.rate = QSpinBox(minimum=RATE[0], maximum=RATE[1], value=RATE[2])
        self.rate.setSuffix(self.tr(" a second"))
        self.record_button = QPushButton(self.tr("Hold to record"))
        self.record_button.setToolTip(self.tr("Hold the button, or the space bar, and move the thing a little: "
                                              "every angle helps the model."))
        self.take_button = QPushButton(self.tr("Take photo"))
        for button in (self.record_button, self.take_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setEnabled(False)
        self.counter = QLabel(wordWrap=True)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._record_one)

        self.record_button.pressed.connect(self.start_recording)
        self.record_button.released.connect(self.stop_recording)
        self.take_button.clicked.connect(self.take_photo)
        self.picker.frame.connect(self._on_frame)
        self.picker.failed.connect(self._on_failed)
        session.photos_added.connect(self._on_photos_added)
        self._lay_out()
        self._show_count()
        self.picker.start()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Camera:"), self.camera_box)
        form.addRow(self.tr("Add to class:"), self.class_box)
        form.addRow(self.tr("While recording:"), self.rate)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button, 2)
        buttons.addWidget(self.take_button, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.counter)
        layout.addWidget(close)
        self.resize(640, 620)

    @property
    def recording(self) -> bool:
        return self._tick.isActive()

    @property
    def adding(self) -> bool:
        """Recordings of this window are still on their way into the project."""
        return bool(self._waiting) or self._sent

    @Slot()
    def start_recording(self) -> None:
        if self.picker.running is None or self.recording:
            return
        self.recorded = []
        self._tick.start(round(1000 / self.rate.value()))
        self._record_one()

    @Slot()
    def stop_recording(self) -> None:
        if self.recording:
            self._tick.stop()
            self._add(self.recorded)
            self.recorded = []

    @Slot()
    def take_photo(self) -> None:
        if self.picker.latest is not None:
            self._add([self.picker.latest])

    @Slot()
    def _record_one(self) -> None:
        latest = self.picker.latest
        if latest is not None and not (self.recorded and latest is self.recorded[-1]):  # no new frame: none to keep
            self.recorded.append(latest)
            self._show_count()

    def _add(self, images: list[QImage]) -> None:
        if images:
            self._waiting.append((images, self.class_box.currentText()))
            self._send()

    def _send(self) -> None:
        if self._waiting and self.session.add_images(*self._waiting[0], "jpg"):
            self._waiting.pop(0)
            self._sent = True
            self._show_count()

    @Slot(int)
    def _on_photos_added(self, count: int) -> None:
        if self._sent:
            self._sent = False
            self.added += count
            self._show_count()
        self._send()

    def _show_count(self) -> None:
        lines = [self.tr("Recording: %n photo(s)…", "", len(self.recorded))] if self.recording else []
        if self.added:
            lines.append(self.tr("%n photo(s) added to the project this time (Dataset ▸ Undo takes them back).", "",
                                 self.added))
        if self._waiting:
            lines.append(self.tr("Adding photos…"))
        self.counter.setText("\n".join(lines))

    @Slot(QImage)
    def _on_frame(self, image: QImage) -> None:
        self.view.show_frame(image)
        if not self.record_button.isEnabled():
            self.record_button.setEnabled(True)
            self.take_button.setEnabled(True)

    @Slot(str)
    def _on_failed(self, words: str) -> None:
        self.stop_recording()  # what was recorded before the camera went is kept
        self.record_button.setEnabled(False)
        self.take_button.setEnabled(False)
        self.view.show_words(words)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.start_recording()
        elif event.key() != Qt.Key.Key_Space:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.stop_recording()
        else:
            super().keyReleaseEvent(event)

    def done(self, result: int) -> None:
        self.stop_recording()
        self.picker.stop()
        super().done(result)
