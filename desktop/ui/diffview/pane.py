"""One article pane: a header (title, source, date) over a read-only wrapped text view."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QTextEdit, QToolTip, QVBoxLayout, QWidget

from desktop.core.language import display_name
from desktop.core.article import Article
from desktop.ui.theme import Colors


class ArticleText(QTextEdit):
    """The read-only text of one pane; reports hovers, clicks and dropped files.

    Signals:
        position_hovered(int): document position under the mouse (-1 off text).
        position_clicked(int): a plain click (no selection made) at a document position.
        files_dropped(list): local file paths dropped here.
    """

    position_hovered = Signal(int)
    position_clicked = Signal(int)
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.viewport().setMouseTracking(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._press: QPoint | None = None
        self._hovered = -2
        # Document y range of the change the reader stepped to, drawn as a bar in the margin.
        self.marker: tuple[float, float] | None = None
        self.marker_color = QColor()
        # Says what the row under the mouse is (asked on a tooltip event; "" for none).
        self.describe: Callable[[int], str] = lambda position: ""
        # Document y ranges where the other article has text and this one has none.
        self.gaps: list[tuple[float, float, QColor]] = []

    def set_gaps(self, gaps: list[tuple[float, float, QColor]]) -> None:
        self.gaps = gaps
        self.viewport().update()

    def set_marker(self, rows: tuple[float, float] | None, color: QColor) -> None:
        self.marker, self.marker_color = rows, color
        self.viewport().update()

    def paintEvent(self, event) -> None:  # Override QTextEdit: gaps and the change bar over the text
        super().paintEvent(event)
        if self.marker is None and not self.gaps:
            return
        scroll = self.verticalScrollBar().value()
        height = self.viewport().height()
        painter = QPainter(self.viewport())
        margin = self.document().documentMargin()
        width = self.viewport().width() - 2 * margin
        for top, bottom, color in self.gaps:
            if bottom - scroll < 0 or top - scroll > height:
                continue
            hatch = QBrush(color, Qt.BrushStyle.BDiagPattern)
            painter.fillRect(QRectF(margin, top - scroll + 2, width, bottom - top - 4), hatch)
        if self.marker is not None:
            top, bottom = self.marker
            painter.fillRect(QRectF(1, top - scroll, 4, bottom - top), self.marker_color)
        painter.end()

    def position_at(self, point: QPoint) -> int:
        """Document position of the character under a viewport point, -1 when off the text."""
        layout = self.document().documentLayout()
        doc_point = point + QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        return layout.hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)

    # Override QAbstractScrollArea.viewportEvent: hover and click come from the viewport.
    def viewportEvent(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            pos = self.position_at(event.position().toPoint())
            if pos != self._hovered:
                self._hovered = pos
                self.position_hovered.emit(pos)
        elif kind == QEvent.Type.Leave:
            if self._hovered != -1:
                self._hovered = -1
                self.position_hovered.emit(-1)
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = self.position_at(event.pos())
            text = self.describe(pos) if pos >= 0 else ""
            if text:
                QToolTip.showText(event.globalPos(), f"<p>{html.escape(text)}</p>", self.viewport())
            else:
                QToolTip.hideText()
            return True
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._press = event.position().toPoint()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            point = event.position().toPoint()
            if (
                event.button() == Qt.MouseButton.LeftButton
                and self._press is not None
                and (point - self._press).manhattanLength() < 4
                and not self.textCursor().hasSelection()
            ):
                pos = self.position_at(point)
                if pos >= 0:
                    self.position_clicked.emit(pos)
            self._press = None
        return super().viewportEvent(event)

    # Drops: only local files are taken; the window loads them.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Override QTextEdit
        if _local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # Override QTextEdit
        if _local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # Override QTextEdit
        paths = _local_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths)

    def insertFromMimeData(self, source) -> None:  # Override QTextEdit: never edit the article
        return


def _local_paths(event) -> list[str]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [str(Path(url.toLocalFile())) for url in mime.urls() if url.isLocalFile()]


_WORD_COUNTS: dict[str, int] = {}


def _word_count(article: Article) -> int:
    # Article.word_count walks every token (tens of ms for a long article): once per article.
    count = _WORD_COUNTS.get(article.id)
    if count is None:
        if len(_WORD_COUNTS) > 256:
            _WORD_COUNTS.clear()
        count = _WORD_COUNTS[article.id] = article.word_count
    return count


class PaneHeader(QFrame):
    """Title on one line (elided, full text in the tooltip) and source · author · date below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diffviewHeader")
        self.setAutoFillBackground(True)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.meta = QLabel(self)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        self._title_text = ""

    def set_article(self, article: Article | None, placeholder: str) -> None:
        if article is None:
            self._title_text = placeholder
            self.meta.setText("")
            self.setToolTip("")
        else:
            self._title_text = article.display_title
            parts = [article.source, article.author]
            if article.published is not None:
                parts.append(article.published.value.replace("T", " "))
            parts.append(f"{_word_count(article):,} words")
            if article.language:  # as detected, or as the reader set it (Set language)
                parts.append(display_name(article.language))
            self.meta.setText("  ·  ".join(p for p in parts if p))
            self.setToolTip(f"<p>{html.escape(article.path)}</p>")
        self._elide()

    def _elide(self) -> None:
        metrics = self.title.fontMetrics()
        width = max(40, self.title.width())
        self.title.setText(metrics.elidedText(self._title_text, Qt.TextElideMode.ElideRight, width))
        self.title.setToolTip(f"<p>{html.escape(self._title_text)}</p>")  # a title is text, never markup

    def resizeEvent(self, event) -> None:  # Override QWidget
        super().resizeEvent(event)
        self._elide()

    def apply_colors(self, colors: Colors) -> None:
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, colors.header_background)
        self.setPalette(pal)
        meta_pal = self.meta.palette()
        meta_pal.setColor(QPalette.ColorRole.WindowText, colors.muted_text)
        self.meta.setPalette(meta_pal)


class ArticlePane(QWidget):
    """Header over text: one side of the split view."""

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.header = PaneHeader(self)
        self.text = ArticleText(self)
        self.text.setAccessibleName(f"{side.capitalize()} article")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)

    def set_article(self, article: Article | None) -> None:
        self.header.set_article(article, f"No {self.side} article")
        self.text.setPlaceholderText(
            # Qt draws a placeholder on one line, unwrapped: keep it short enough for a narrow pane.
            "Drop an article here or pick one in the list"
            if self.side == "left"
            else "Drop a second article here to compare"
        )
        name = f"{self.side.capitalize()} article"
        self.text.setAccessibleName(f"{name}: {article.display_title}" if article else name)
