"""Numbers as the window writes them for people."""

from PySide6.QtCore import QCoreApplication


def duration_text(seconds: float) -> str:
    tr = QCoreApplication.translate
    if seconds < 60:
        return tr("duration", "{0} s").format(round(seconds))
    minutes, rest = divmod(round(seconds), 60)
    if minutes < 60:
        return tr("duration", "{0} min {1:02d} s").format(minutes, rest)
    return tr("duration", "{0} h {1:02d} min").format(minutes // 60, minutes % 60)
