"""Heat strips in the Juxta style: one line per article, one mark per sentence, coloured by how many
other articles carry it. Painting only: the states come from `Coverage.strips`."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QMouseEvent, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.core.coverage.model import Coverage, Presence
from desktop.ui.theme import palette_colors

ROW_HEIGHT = 18
GAP = 6
MAX_MARK = 14  # a short article's marks stay small squares rather than long bars


class HeatStrips(QWidget):
    sentence_clicked = Signal(int, int)  # article index, sentence index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coverage: Coverage | None = None
        self._labels_width = 0  # measured once per coverage: paint asks for it at every mark
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_coverage(self, coverage: Coverage | None) -> None:
        self.coverage = coverage
        self._labels_width = self._measure_labels()
        self.updateGeometry()
        self.update()

    def _label_width(self) -> int:
        return self._labels_width

    def _measure_labels(self) -> int:
        if self.coverage is None:
            return 0
        fm = QFontMetrics(self.font())
        return max(fm.horizontalAdvance(self._label(i)) for i in range(len(self.coverage.articles))) + GAP * 2

    def _label(self, i: int) -> str:
        return f"{self.coverage.letters[i]} · {self.coverage.labels[i]}"

    def sizeHint(self) -> QSize:  # Qt override
        n = len(self.coverage.articles) if self.coverage else 0
        return QSize(400, GAP + n * (ROW_HEIGHT + GAP))

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(160, self.sizeHint().height())

    def mark_rect(self, article: int, k: int) -> QRect:
        """The rectangle of the k-th mark of an article's strip."""
        strip = self.coverage.strips[article]
        left = self._label_width()
        room = max(1, self.width() - left - GAP)
        width = min(MAX_MARK, room / max(1, len(strip)))
        top = GAP + article * (ROW_HEIGHT + GAP)
        x0, x1 = left + round(k * width), left + round((k + 1) * width)
        return QRect(x0, top, max(1, x1 - x0 - (1 if width >= 4 else 0)), ROW_HEIGHT)

    def mark_at(self, pos: QPoint) -> tuple[int, int] | None:
        if self.coverage is None:
            return None
        row = (pos.y() - GAP) // (ROW_HEIGHT + GAP)
        if not 0 <= row < len(self.coverage.articles):
            return None
        for k in range(len(self.coverage.strips[row])):
            r = self.mark_rect(row, k)
            if r.left() <= pos.x() <= r.right() + 1 and r.top() <= pos.y() <= r.bottom():
                return row, k
        return None

    def changeEvent(self, event) -> None:  # Qt override
        if event.type() == event.Type.FontChange:
            self._labels_width = self._measure_labels()
        super().changeEvent(event)

    def paintEvent(self, _event) -> None:  # Qt override
        if self.coverage is None:
            return
        colors = palette_colors(self.palette())
        fill = {Presence.SHARED: colors.inserted_line, Presence.REWRITTEN: colors.changed_line,
                Presence.ALONE: colors.deleted_line}
        p = QPainter(self)
        p.setPen(self.palette().color(self.foregroundRole()))
        for i, strip in enumerate(self.coverage.strips):
            top = GAP + i * (ROW_HEIGHT + GAP)
            p.drawText(QRect(GAP, top, self._label_width() - GAP, ROW_HEIGHT),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self._label(i))
            for k, cell in enumerate(strip):
                p.fillRect(self.mark_rect(i, k), fill[cell.presence])
        p.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt override
        hit = self.mark_at(event.position().toPoint())
        if hit is None:
            QToolTip.hideText()
            return
        i, k = hit
        cell = self.coverage.strips[i][k]
        others = len(self.coverage.articles) - 1
        text = self.coverage.articles[i].text[cell.span.start : cell.span.end]
        QToolTip.showText(event.globalPosition().toPoint(),
                          f"{self._label(i)}, sentence {cell.sentence + 1}: in {cell.carried_by} of {others} others "
                          f"({cell.presence})\n{text[:300]}", self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt override
        hit = self.mark_at(event.position().toPoint())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.sentence_clicked.emit(hit[0], self.coverage.strips[hit[0]][hit[1]].sentence)
