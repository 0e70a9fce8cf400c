"""Where the entity sidebar sits: beside the articles, or stacked under the article list.

At 1024 px the panes beside a 300 px list and a 300 px sidebar hold about 25 characters a
line. Stacked under the list (View ▸ Sidebar under the list), the sidebar gives its width
to the articles and fills the list's empty lower half.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSplitter, QWidget


SIDEBAR_MIN_WIDTH = 280  # "Amira Rasheed ↔ Amira Rashid" and its counts still fit


def wide_sizes(width: int) -> list[int]:
    """List, articles, sidebar at first start: the sidebar a quarter of what is left after the
    list, between 300 and 460 px, so entity names fit on wide screens."""
    sidebar = min(max((width - 300) // 4, 300), 460)
    return [300, max(width - 300 - sidebar, 300), sidebar]


class SidebarPlacement:
    def __init__(self, main: QSplitter, column: QSplitter, sidebar: QWidget) -> None:
        self.main, self.column, self.sidebar = main, column, sidebar
        self.side_by_side: QByteArray | None = None  # the main splitter's sizes while stacked

    def stacked(self) -> bool:
        return self.sidebar.parent() is self.column

    def stack(self, stacked: bool) -> None:
        if stacked == self.stacked():
            return
        width = self.main.width() or self.main.window().width()
        if stacked:
            self.side_by_side = self.main.saveState()
            self.column.addWidget(self.sidebar)  # moves it out of the main splitter
            left = max(260, width * 3 // 10)
            self.main.setSizes([left, width - left])
            # Before the window is shown the column has no height of its own yet.
            shown = self.column.isVisible() and self.column.height() > 100
            height = self.column.height() if shown else max(self.main.window().height() - 120, 300)
            self.column.setSizes([height * 2 // 5, height - height * 2 // 5])
        else:
            self.main.addWidget(self.sidebar)
            self.main.setStretchFactor(2, 1)
            if self.side_by_side is None or not self.main.restoreState(self.side_by_side):
                self.main.setSizes(wide_sizes(width))

    def side_by_side_state(self) -> QByteArray | None:
        """The sizes to save for the side-by-side layout (kept from before stacking)."""
        return self.side_by_side if self.stacked() else self.main.saveState()
