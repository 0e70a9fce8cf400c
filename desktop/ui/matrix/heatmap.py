"""A heat map of pairwise similarity: one row and one column per article; a click picks a pair."""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

LABEL_WIDTH = 220  # titles beside the rows
MIN_CELL, MAX_CELL = 10, 40


def blend(a: QColor, b: QColor, t: float) -> QColor:
    t = max(0.0, min(1.0, t))
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


class HeatMap(QWidget):
    pair_clicked = Signal(int, int)  # row, column (two different articles)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.titles: list[str] = []
        self.scores: list[list[float | None]] = []
        self.setMouseTracking(True)
        self.setAccessibleName("Similarity matrix")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._hover: tuple[int, int] | None = None

    def set_data(self, titles: list[str], scores: list[list[float | None]]) -> None:
        self.titles, self.scores = list(titles), [list(r) for r in scores]
        self._hover = None
        self.updateGeometry()
        self.update()

    # --- geometry ----------------------------------------------------------------------

    def _label_width(self) -> int:
        return min(LABEL_WIDTH, max(120, self.width() // 3))

    def _cell(self) -> int:
        n = len(self.titles) or 1
        top = self.fontMetrics().height() + 6
        room = min(self.width() - self._label_width() - 8, self.height() - top - 4)
        return max(MIN_CELL, min(MAX_CELL, room // n))

    def _origin(self) -> QPoint:
        return QPoint(self._label_width() + 4, self.fontMetrics().height() + 6)

    def cell_rect(self, row: int, col: int) -> QRect:
        c = self._cell()
        o = self._origin()
        return QRect(o.x() + col * c, o.y() + row * c, c, c)

    def column_labels(self) -> list[tuple[QRect, str]]:
        """The column numbers over the grid: every column's when they fit in a cell, else
        every k-th, k chosen so that no two numbers touch ("8 910" ran together)."""
        n = len(self.titles)
        if not n:
            return []
        c, o, fm = self._cell(), self._origin(), self.fontMetrics()
        widest = fm.horizontalAdvance(str(n)) + fm.horizontalAdvance(" ")
        step = next((s for s in (1, 2, 5, 10, 20, 50) if s * c >= widest), 100)
        labels = []
        for i in range(n):
            if step == 1 or (i + 1) % step == 0:
                centre = o.x() + i * c + c // 2
                width = max(c, step * c)
                labels.append((QRect(centre - width // 2, 2, width, o.y() - 4), str(i + 1)))
        return labels

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        c, o, n = self._cell(), self._origin(), len(self.titles)
        col, row = (pos.x() - o.x()) // c, (pos.y() - o.y()) // c
        if pos.x() < o.x() or pos.y() < o.y() or not (0 <= row < n and 0 <= col < n):
            return None
        return row, col

    def sizeHint(self) -> QSize:  # Qt override
        n = max(len(self.titles), 4)
        return QSize(LABEL_WIDTH + 12 + n * 18, self.fontMetrics().height() + 10 + n * 18)

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(200, 120)

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # Qt override
        from desktop.ui.theme import palette_colors

        p = QPainter(self)
        pal = self.palette()
        colors = palette_colors(pal)
        base = pal.color(QPalette.ColorRole.Base)
        hot = QColor(pal.color(QPalette.ColorRole.Highlight))
        text = pal.color(QPalette.ColorRole.Text)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Window))
        n = len(self.titles)
        if not n:
            p.setPen(colors.muted_text)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Select 2 to 50 articles and choose\nArticles ▸ Similarity matrix.")
            return
        c, o, fm = self._cell(), self._origin(), self.fontMetrics()
        label_w = self._label_width()
        for i, title in enumerate(self.titles):
            r = self.cell_rect(i, 0)
            hovered = self._hover is not None and i in self._hover
            p.setPen(text if hovered else colors.muted_text)
            label = fm.elidedText(f"{i + 1}. {title}", Qt.TextElideMode.ElideRight, label_w - 6)
            if c >= fm.height() - 2:
                p.drawText(QRect(2, r.top(), label_w - 4, c), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
        p.setPen(colors.muted_text)
        for rect, number in self.column_labels():
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignBottom), number)
        show_values = c >= fm.horizontalAdvance(".88") + 6
        for i in range(n):
            for j in range(n):
                score = self.scores[i][j] if i < len(self.scores) and j < len(self.scores[i]) else None
                rect = self.cell_rect(i, j).adjusted(0, 0, -1, -1)
                if score is None:
                    p.fillRect(rect, pal.color(QPalette.ColorRole.AlternateBase))
                    continue
                fill = blend(base, hot, score ** 0.7)
                p.fillRect(rect, fill)
                if show_values and i != j:
                    light = fill.lightnessF() > 0.55
                    p.setPen(QColor("#111111") if light else QColor("#f4f4f4"))
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{score:.2f}"[1:] if score < 1 else "1")
        if self._hover is not None:
            p.setPen(text)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.cell_rect(*self._hover).adjusted(0, 0, -1, -1))

    # --- mouse -------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt override
        cell = self.cell_at(event.position().toPoint())
        if cell != self._hover:
            self._hover = cell
            self.update()
        if cell is None:
            QToolTip.hideText()
            return
        i, j = cell
        score = self.scores[i][j]
        value = "not scored" if score is None else f"{score:.2f}"
        tip = f"<b>{i + 1}.</b> {html.escape(self.titles[i])}<br><b>{j + 1}.</b> {html.escape(self.titles[j])}<br>similarity {value}"
        if i != j:
            tip += "<br><i>Click to compare</i>"
        QToolTip.showText(event.globalPosition().toPoint(), tip, self)

    def leaveEvent(self, _event) -> None:  # Qt override
        self._hover = None
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt override
        cell = self.cell_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and cell is not None and cell[0] != cell[1]:
            self.pair_clicked.emit(*cell)
