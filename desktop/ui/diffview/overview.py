"""The overview strip beside the scrollbar: where the changes are, and how dense they are.

Left column: a density histogram (share of each stretch of the comparison that is
changed, like Juxta's); right column: one coloured mark per changed row. The visible
part is outlined; a click or drag jumps there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui.theme import Colors

BINS = 64


@dataclass(frozen=True, slots=True)
class OverviewMark:
    top: float  # document y
    bottom: float
    role: str  # theme role of the line colour (changed_line, ...)


class OverviewStrip(QWidget):
    """Signals:
    jump_requested(float): the reader clicked at this share (0..1) of the comparison's height.
    """

    jump_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(18)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setToolTip("Where the changes are: click to jump")
        self.setAccessibleName("Change overview")
        self.colors: Colors | None = None
        self.marks: list[OverviewMark] = []
        self.total = 0.0
        self.visible = (0.0, 0.0)
        self.density: list[float] = []

    def sizeHint(self) -> QSize:  # Override QWidget
        return QSize(18, 200)

    def set_marks(self, marks: list[OverviewMark], total: float) -> None:
        self.marks = marks
        self.total = total
        bins = [0.0] * BINS
        if total > 0:
            size = total / BINS
            for mark in marks:
                y = mark.top
                while y < mark.bottom:
                    b = min(BINS - 1, int(y / size))
                    end = min(mark.bottom, (b + 1) * size)
                    bins[b] += max(end - y, 0.0) / size
                    y = end if end > y else mark.bottom
        self.density = [min(1.0, v) for v in bins]
        self.update()

    def set_visible_range(self, top: float, bottom: float) -> None:
        if (top, bottom) != self.visible:
            self.visible = (top, bottom)
            self.update()

    def paintEvent(self, event) -> None:  # Override QWidget
        painter = QPainter(self)
        colors = self.colors
        if colors is None:
            return
        painter.fillRect(self.rect(), colors.overview_background)
        if self.total <= 0:
            return
        h = float(self.height())
        scale = h / self.total
        hist = QColor(colors.muted_text)
        hist.setAlpha(90)
        bin_h = h / BINS
        for i, value in enumerate(self.density):
            if value > 0:
                painter.fillRect(QRectF(0, i * bin_h, 1 + 5 * value, bin_h), hist)
        for mark in self.marks:
            y = mark.top * scale
            height = max(2.0, (mark.bottom - mark.top) * scale)
            painter.fillRect(QRectF(7, y, self.width() - 8, height), getattr(colors, mark.role))
        top, bottom = self.visible
        if bottom > top:
            frame = QRectF(0.5, top * scale + 0.5, self.width() - 1.0, max(4.0, (bottom - top) * scale) - 1.0)
            shade = QColor(colors.current_change)
            shade.setAlpha(40)
            painter.fillRect(frame, shade)
            painter.setPen(QPen(colors.current_change, 1))
            painter.drawRect(frame)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Override QWidget
        if event.button() == Qt.MouseButton.LeftButton:
            self._jump(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Override QWidget
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event.position().y())

    def _jump(self, y: float) -> None:
        if self.height() > 0:
            self.jump_requested.emit(min(1.0, max(0.0, y / self.height())))
