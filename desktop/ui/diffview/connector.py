"""The band between the panes: curved links from each changed or moved row to its counterpart.

It is the splitter's handle, so dragging it resizes the panes (as in Meld).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSplitter, QSplitterHandle, QWidget

from desktop.ui.theme import Colors


@dataclass(frozen=True, slots=True)
class Link:
    """Counterpart rows, in the handle's coordinates: left rows [l0, l1], right rows [r0, r1]."""

    l0: float
    l1: float
    r0: float
    r1: float
    kind: str  # changed, inserted, deleted, moved


CONNECTOR_WIDTH = 36


class ConnectorHandle(QSplitterHandle):
    def __init__(self, orientation: Qt.Orientation, parent: QSplitter) -> None:
        super().__init__(orientation, parent)
        # Asked at each paint: the rows' vertical clip range and the links, in handle coordinates.
        self.links: Callable[[QWidget], tuple[float, float, list[Link]]] = lambda handle: (0.0, 0.0, [])
        self.colors: Colors | None = None
        self.setToolTip("Links each changed or moved sentence to its counterpart; drag to resize")

    def paintEvent(self, event) -> None:  # Override QSplitterHandle
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        colors = self.colors
        if colors is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = float(self.width())
        line = {
            "changed": colors.connector_changed,
            "moved": colors.connector_moved,
            "inserted": colors.inserted_line,
            "deleted": colors.deleted_line,
        }
        top, bottom, links = self.links(self)
        painter.setClipRect(QRectF(0, top, w, max(0.0, bottom - top)))
        for link in links:
            stroke = QColor(line.get(link.kind, colors.connector))
            fill = QColor(stroke)
            fill.setAlpha(70 if link.kind == "moved" else 45)
            path = QPainterPath(QPointF(0, link.l0))
            mid = w / 2
            path.cubicTo(QPointF(mid, link.l0), QPointF(mid, link.r0), QPointF(w, link.r0))
            path.lineTo(QPointF(w, link.r1))
            path.cubicTo(QPointF(mid, link.r1), QPointF(mid, link.l1), QPointF(0, link.l1))
            path.closeSubpath()
            painter.fillPath(path, fill)
            pen = QPen(stroke)
            pen.setWidthF(1.5 if link.kind == "moved" else 1.0)
            painter.setPen(pen)
            edges = QPainterPath(QPointF(0, link.l0))
            edges.cubicTo(QPointF(mid, link.l0), QPointF(mid, link.r0), QPointF(w, link.r0))
            edges.moveTo(QPointF(w, link.r1))
            edges.cubicTo(QPointF(mid, link.r1), QPointF(mid, link.l1), QPointF(0, link.l1))
            painter.drawPath(edges)
        painter.end()


class ConnectedSplitter(QSplitter):
    """A horizontal splitter whose handle is the connector band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setHandleWidth(CONNECTOR_WIDTH)
        self.setChildrenCollapsible(False)

    def createHandle(self) -> QSplitterHandle:  # Override QSplitter
        return ConnectorHandle(self.orientation(), self)

    def connector(self) -> ConnectorHandle:
        handle = self.handle(1)
        assert isinstance(handle, ConnectorHandle)
        return handle
