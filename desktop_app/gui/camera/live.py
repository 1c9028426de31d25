"""The model's answers to what the camera sees, live.

One frame is looked at at a time, on the TensorFlow lane; frames that come meanwhile replace each other,
so a slow model (or a slow computer) shows answers less often but never falls behind the camera and never
queues work that would be stale when it is done. Snapshot keeps the frame on screen as a photo file and puts
it in the Predict tab's table like a dropped photo (from there it can teach the project).
"""

import time

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)

from ...core import paths
from ...core.atomic import free_path
from ...core.errors import Failure
from ...core.models.confidence import not_sure_words
from ...core.models.prediction import Prediction
from ..jobs import JobSlot
from ..sessions.model_session import ModelSession
from ..widgets.prediction_table import MAX_BARS, bar_text
from .picker import CameraPicker
from .sources import Cameras, frame_rgb
from .view import CameraView

SNAPSHOT_QUALITY = 92


class LiveDialog(QDialog):
    snapshot_taken = Signal(str)
    """The path of a snapshot just saved."""
    failed = Signal(object)
    """A Failure of the model on a frame."""

    def __init__(self, cameras: Cameras, session: ModelSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Live answers"))
        self.session = session
        self.answered = 0  # frames the model has answered
        self.dropped = 0  # frames that came while it was busy and a newer one replaced
        self._next: QImage | None = None
        self._looking = JobSlot(self, tensorflow=True)

        self.view = CameraView()
        self.camera_box = QComboBox()
        self.picker = CameraPicker(cameras, self.camera_box, self)
        self.answer = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        font = QFont(self.answer.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.answer.setFont(font)
        self.bars = [QProgressBar(minimum=0, maximum=1000, textVisible=True) for _ in range(MAX_BARS)]
        self.snapshot_button = QPushButton(self.tr("Snapshot"))
        self.snapshot_button.setEnabled(False)
        self.snapshot_button.setToolTip(self.tr("Keep this picture as a photo in the Predict tab's table"))
        self.snapshot_button.clicked.connect(self.take_snapshot)
        self.picker.frame.connect(self._on_frame)
        self.picker.failed.connect(self._on_camera_failed)
        self._lay_out()
        self._show(None)
        self.picker.start()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Camera:"), self.camera_box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.addButton(self.snapshot_button, QDialogButtonBox.ButtonRole.ActionRole)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.answer)
        for bar in self.bars:
            layout.addWidget(bar)
        layout.addWidget(close)
        self.resize(640, 640)

    @Slot(QImage)
    def _on_frame(self, image: QImage) -> None:
        self.view.show_frame(image)
        self.snapshot_button.setEnabled(True)
        if self.session.predictor is None:
            self._show(None)
        elif self._looking.busy:
            self.dropped += self._next is not None
            self._next = image
        else:
            self._look_at(image)

    def _look_at(self, image: QImage) -> None:
        predictor = self.session.predictor
        if predictor is None:
            return
        self._looking.start(lambda _cancel: predictor.predict_picture(frame_rgb(image), self.tr("camera")),
                            on_returned=self._on_answer, on_errored=self._on_model_failed,
                            on_finished=self._look_at_next)

    @Slot()
    def _look_at_next(self) -> None:
        image, self._next = self._next, None
        if image is not None and self.isVisible():
            self._look_at(image)

    @Slot(object)
    def _on_answer(self, prediction: Prediction) -> None:
        self.answered += 1
        self._show(prediction)

    @Slot(object)
    def _on_model_failed(self, failure: Failure) -> None:
        self.answer.setText(failure.message)
        self.failed.emit(failure)

    def _show(self, prediction: Prediction | None) -> None:
        if prediction is None:
            self.answer.setText(self.tr("Open or train a model to see its answers here.")
                                if self.session.predictor is None else "")
            for bar in self.bars:
                bar.hide()
            return
        self.answer.setText(prediction.label if prediction.sure
                            else not_sure_words(prediction.label, prediction.confidence, self.session.threshold))
        self.answer.setStyleSheet("" if prediction.sure else "color: #777; font-style: italic;")
        top = prediction.top(MAX_BARS)
        for i, bar in enumerate(self.bars):
            bar.setVisible(i < len(top))
            if i < len(top):
                name, p = top[i]
                bar.setValue(round(p * 1000))
                bar.setFormat(bar_text(name, p))

    @Slot()
    def take_snapshot(self) -> None:
        image = self.picker.latest
        if image is None:
            return
        folder = paths.data_dir() / "snapshots"
        folder.mkdir(parents=True, exist_ok=True)
        target = free_path(folder, time.strftime("snapshot %Y-%m-%d %H.%M.%S"), ".jpg")
        if image.save(str(target), quality=SNAPSHOT_QUALITY):
            self.snapshot_taken.emit(str(target))
        else:
            self.answer.setText(self.tr("The snapshot could not be saved in {0}.").format(folder))

    @Slot(str)
    def _on_camera_failed(self, words: str) -> None:
        self.snapshot_button.setEnabled(False)
        self.view.show_words(words)

    def done(self, result: int) -> None:
        self.picker.stop()
        self._next = None
        super().done(result)

