"""What every view builds with: actions, buttons that stand for them, rows, columns and splitters.

Each view's constructor then reads as build, lay out, connect, in a few lines each (labelme's action
factory; Qt's own examples' small layout helpers).
"""

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

Box = TypeVar("Box", bound=QBoxLayout)
STRETCH = None
"""In a row or a column: the free space goes here."""

Part = QWidget | QLayout | tuple[QWidget | QLayout, int] | None
"""A widget or a layout, (one of them, its stretch factor), or STRETCH."""


def make_action(parent: QObject, text: str, slot: Callable[[], object], shortcut=None, tip: str = "",
                enabled: bool = True) -> QAction:
    """An action that runs `slot`. A shortcut works while focus is inside `parent` (a tab's Delete key must
    not delete in another tab), so a widget parent also takes the action."""
    action = QAction(text, parent)
    action.triggered.connect(lambda _checked=False: slot())
    action.setEnabled(enabled)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        if isinstance(parent, QWidget):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            parent.addAction(action)
    return action


def make_button(text: str, slot: Callable[[], object], tip: str = "", enabled: bool = True) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(lambda _checked=False: slot())
    button.setToolTip(tip)
    button.setEnabled(enabled)
    return button


def action_button(action: QAction) -> QPushButton:
    """A push button that stands for `action`: same text and tip, enabled with it, triggers it."""
    button = QPushButton(action.text().replace("&", ""))
    button.setToolTip(action.statusTip())  # make_action's tip; a tool tip defaults to the text

    def follow() -> None:
        button.setEnabled(action.isEnabled())
        button.setVisible(action.isVisible())

    follow()
    action.changed.connect(follow)
    button.clicked.connect(action.trigger)
    return button


def hbox(*parts: Part, margins: bool = True) -> QHBoxLayout:
    """Widgets and layouts side by side; STRETCH takes the free space."""
    return _fill(QHBoxLayout(), parts, margins)


def vbox(*parts: Part, parent: QWidget | None = None, margins: bool = True) -> QVBoxLayout:
    """Widgets and layouts one under the other (the layout of `parent`, if given); STRETCH takes the free
    space."""
    return _fill(QVBoxLayout(parent) if parent is not None else QVBoxLayout(), parts, margins)


def panel(*parts: Part) -> QWidget:
    """A widget holding `parts` in a column without margins: one side of a splitter, one page of a stack."""
    widget = QWidget()
    vbox(*parts, parent=widget, margins=False)
    return widget


def splitter(*widgets: QWidget, sizes: Sequence[int],
             orientation: Qt.Orientation = Qt.Orientation.Horizontal) -> QSplitter:
    split = QSplitter(orientation)
    for widget in widgets:
        split.addWidget(widget)
    split.setSizes(list(sizes))
    return split


def _fill(layout: Box, parts: Sequence[Part], margins: bool) -> Box:
    if not margins:
        layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if item is STRETCH:
            layout.addStretch(1)
        elif isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)
    return layout
