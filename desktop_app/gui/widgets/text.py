"""Numbers as the window writes them for people."""

from PySide6.QtCore import QCoreApplication

from ...core.confidence import confidence_percent, threshold_percent


def duration_text(seconds: float) -> str:
    tr = QCoreApplication.translate
    if seconds < 60:
        return tr("duration", "{0} s").format(round(seconds))
    minutes, rest = divmod(round(seconds), 60)
    if minutes < 60:
        return tr("duration", "{0} min {1:02d} s").format(minutes, rest)
    return tr("duration", "{0} h {1:02d} min").format(minutes // 60, minutes % 60)


def threshold_text(threshold: float) -> str:
    """The window's words for a "not sure" threshold (core.confidence.threshold_words in the CLI and report)."""
    tr = QCoreApplication.translate
    if threshold <= 0:
        return tr("threshold", "always answers (never “not sure”)")
    return tr("threshold", "answers only when at least {0}% sure").format(threshold_percent(threshold))


def not_sure_text(label: str, confidence: float, threshold: float) -> str:
    return QCoreApplication.translate("threshold", "not sure — best guess {0} at {1}%, needs {2}%").format(
        label, confidence_percent(confidence), threshold_percent(threshold))
