"""Thumbnails for the rows a view paints, and only those: what keeps a list of ten thousand photos light.

A view asks its model for icons only while painting, i.e. for the rows on screen; the model hands the
question here. Those rows are decoded off the GUI thread, and at most MAX_ICONS are kept: scrolling through
a huge list costs bounded memory, and an evicted icon is simply decoded again when it comes back into view.
Decoding every row of a long list instead kept threads busy that the GUI thread then waited behind.
"""

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QIcon, QPixmap

from .thumbnail_loader import ThumbnailLoader

MAX_ICONS = 1500


class IconsOnDemand(QObject):
    def __init__(self, size: int, changed: Callable[[int], None], parent: QObject):
        """`changed(row)` is called when the icon of a row has arrived."""
        super().__init__(parent)
        self._changed = changed
        self._icons: OrderedDict[int, QIcon] = OrderedDict()
        self._requested: set[int] = set()
        self._wanted: list[tuple[int, str]] = []
        placeholder = QPixmap(size, size)
        placeholder.fill(Qt.GlobalColor.lightGray)
        self._placeholder = QIcon(placeholder)
        self._loader = ThumbnailLoader(size, self._on_thumbnail, self)
        # Rows asked for while the view paints are gathered and sent as one job when it is done.
        self._request_timer = QTimer(self, singleShot=True, interval=0)
        self._request_timer.timeout.connect(self._request)

    def icon(self, row: int, path: str) -> QIcon:
        """The thumbnail of the photo at `path` shown in `row`, or a placeholder while it is decoded."""
        icon = self._icons.get(row)
        if icon is not None:
            self._icons.move_to_end(row)
            return icon
        if row not in self._requested:
            self._requested.add(row)
            self._wanted.append((row, path))
            self._request_timer.start()
        return self._placeholder

    def has(self, row: int) -> bool:
        return row in self._icons

    def count(self) -> int:
        return len(self._icons)

    def clear(self) -> None:
        """Forget every icon and stop decoding: the rows now show other photos."""
        self._loader.reset()
        self._icons.clear()
        self._requested.clear()
        self._wanted.clear()

    @Slot()
    def _request(self) -> None:
        wanted, self._wanted = self._wanted, []
        self._loader.load(wanted)

    def _on_thumbnail(self, row: int, icon: QIcon) -> None:
        if row not in self._requested:
            return  # asked for before a clear
        self._requested.discard(row)
        self._icons[row] = icon
        while len(self._icons) > MAX_ICONS:
            self._icons.popitem(last=False)
        self._changed(row)
