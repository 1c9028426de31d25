"""Cameras as the window sees them: a FrameSource gives frames until it is stopped or fails.

The capture and live-answer dialogs know only this seam; the production source is Qt Multimedia's camera,
tests feed a fake one. Qt Multimedia is imported only when the user asks for a camera: on Linux it needs a
sound library (libpulse) that a machine without sound may lack, and nothing else in the app may depend on it.
"""

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QImage


class FrameSource(QObject):
    """One camera. `frame` carries each picture as it comes; `failed` says in plain words why the camera
    stopped (unplugged, in use, not allowed). start() may be called again after stop() or a failure."""

    frame = Signal(QImage)
    failed = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


@dataclass
class Cameras:
    """The cameras found, or the reason there are none, in plain words."""

    sources: list[FrameSource] = field(default_factory=list)
    problem: str = ""


def find_cameras() -> Cameras:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:  # a shared library of Qt Multimedia is missing: "libpulse.so.0: cannot open…"
        missing = str(exc).split(":")[0]
        return Cameras(problem=QCoreApplication.translate(
            "Camera", "The camera cannot be used on this computer: a system library it needs is missing ({0}). On "
            "Linux, install the PulseAudio client library (package libpulse0).").format(missing))
    devices = QMediaDevices.videoInputs()
    if not devices:
        return Cameras(problem=QCoreApplication.translate(
            "Camera", "No camera was found. Attach one and open this window again."))
    return Cameras(sources=[QtCamera(device) for device in devices])


class QtCamera(FrameSource):
    def __init__(self, device, parent: QObject | None = None):
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

        super().__init__(device.description(), parent)
        self._device_id = device.id()
        self._camera = QCamera(device, self)
        self._sink = QVideoSink(self)
        self._capture = QMediaCaptureSession(self)
        self._capture.setCamera(self._camera)
        self._capture.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._camera.errorOccurred.connect(self._on_error)
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._on_devices_changed)

    def start(self) -> None:
        from PySide6.QtCore import QCameraPermission

        app = QCoreApplication.instance()
        permission = QCameraPermission()
        status = app.checkPermission(permission) if app is not None else Qt.PermissionStatus.Granted
        if app is not None and status == Qt.PermissionStatus.Undetermined:  # macOS asks the user once
            app.requestPermission(permission, self, lambda _answer: self.start())
        elif status == Qt.PermissionStatus.Denied:
            self.failed.emit(self.tr("FineTune Studio may not use the camera. Allow it in the system settings "
                                     "(on a Mac: System Settings ▸ Privacy & Security ▸ Camera)."))
        else:
            self._camera.start()

    def stop(self) -> None:
        self._camera.stop()

    def _on_frame(self, frame) -> None:
        image = frame.toImage()
        if not image.isNull():
            self.frame.emit(image)

    def _on_error(self, _error, _detail: str) -> None:
        self._camera.stop()
        self.failed.emit(self.tr("The camera stopped working. If another program is using it, close that "
                                 "program and try again."))

    def _on_devices_changed(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        if self._device_id not in {device.id() for device in QMediaDevices.videoInputs()}:
            self._camera.stop()
            self.failed.emit(self.tr("The camera was unplugged."))


def frame_rgb(image: QImage):
    """The picture as an RGB uint8 array (height, width, 3), for the model."""
    import numpy as np

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    rows = np.frombuffer(rgb.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    return rows[:, :width * 3].reshape(height, width, 3).copy()
