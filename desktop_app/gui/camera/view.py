"""What the camera sees, scaled to the space it has; or, without a camera, why not."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy


class CameraView(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("background: #202020; color: #f0f0f0; padding: 12px;")

    def show_frame(self, image: QImage) -> None:
        # Fast scaling: a frame is replaced within a fraction of a second, and smooth scaling of each one
        # would cost the window's thread what it needs for everything else.
        self.setPixmap(QPixmap.fromImage(image).scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                        Qt.TransformationMode.FastTransformation))

    def show_words(self, text: str) -> None:
        self.setPixmap(QPixmap())
        self.setText(text)
