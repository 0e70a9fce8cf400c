"""One article pane: a header (title, source, date) over a read-only wrapped text view."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer, Signal
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
COUNT_NOW = 100_000  # characters: a longer article's words are counted over event-loop turns
COUNT_STEP = 32_000  # characters counted per turn (a few ms)


def known_word_count(article: Article) -> int | None:
    """The article's word count if a pane has counted it (None while it is being counted)."""
    return _WORD_COUNTS.get(article.id)


def _count_pieces(article: Article) -> list[tuple[int, int, int]]:
    """The article's body in pieces of about COUNT_STEP characters, cut at spaces (a word token
    never crosses a space), so counting them one per turn never holds the GUI thread long.
    Each piece is (start, end, overcount): 1 when it starts inside a word cut for want of a
    space (one enormous "word"), which both pieces then count."""
    text, pieces = article.text, []
    for block in article.body_blocks:
        lo, over = block.start, 0
        while block.end - lo > COUNT_STEP:
            cut = text.rfind(" ", lo + 1, lo + COUNT_STEP)
            if cut > lo:
                pieces.append((lo, cut, over))
                lo, over = cut, 0
            else:
                cut = lo + COUNT_STEP
                pieces.append((lo, cut, over))
                lo, over = cut, int(text[cut - 1].isalnum() and text[cut].isalnum())
        pieces.append((lo, block.end, over))
    return pieces


def _count_words(text: str, lo: int, hi: int) -> int:
    # The count of core/slim.py's word_count, for one piece of a block.
    from desktop.core.library.slim import _WIDE_MARK_RE, _WORD_TOKEN_RE
    from desktop.core.ingest.text import is_word, normalize

    if text[lo:hi].isascii():
        return len(_WORD_TOKEN_RE.findall(text, lo, hi))
    return (sum(1 for g in _WORD_TOKEN_RE.findall(text, lo, hi) if g.isascii() or is_word(normalize(g)))
            + sum(1 for ch in _WIDE_MARK_RE.findall(text, lo, hi) if is_word(normalize(ch))))


class PaneHeader(QFrame):
    """Title on one line (elided, full text in the tooltip) and source · author · date below."""

    words_counted = Signal(str, int)  # article id, its word count (once counted over several turns)

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
        self._parts: list[str] = []  # source, author, date: before the word count
        self._after: list[str] = []  # the language: after it
        self._counting: Article | None = None  # the article whose words are being counted
        self._pieces: list[tuple[int, int, int]] = []  # what is left to count
        self._count = 0

    def set_article(self, article: Article | None, placeholder: str) -> None:
        self._counting = None
        self._pieces = []
        if article is None:
            self._title_text = placeholder
            self.meta.setText("")
            self.setToolTip("")
        else:
            self._title_text = article.display_title
            parts = [article.source, article.author]
            if article.published is not None:
                parts.append(article.published.value.replace("T", " "))
            self._parts = [p for p in parts if p]
            # as detected, or as the reader set it (Set language): after the word count
            self._after = [display_name(article.language)] if article.language else []
            self._counting = article
            count = _WORD_COUNTS.get(article.id)
            if count is None and len(article.text) <= COUNT_NOW:
                count = sum(_count_words(article.text, lo, hi) - over for lo, hi, over in _count_pieces(article))
            if count is None:
                # Article.word_count walks every token in Python: 0.2 s of the GUI thread for a
                # 1 MB paragraph. Counted a piece per event-loop turn instead, shown when done.
                self._pieces = _count_pieces(article)
                self._count = 0
                QTimer.singleShot(0, self._count_step)
            self._show_count(count)
            self.setToolTip(f"<p>{html.escape(article.path)}</p>")
        self._elide()

    def _show_count(self, count: int | None) -> None:
        article = self._counting
        if count is not None and article is not None:
            if len(_WORD_COUNTS) > 256:
                _WORD_COUNTS.clear()
            _WORD_COUNTS[article.id] = count
        words = f"{count:,} words" if count is not None else "counting words…"
        self.meta.setText("  ·  ".join([*self._parts, words, *self._after]))
        if count is not None and article is not None:
            self.words_counted.emit(article.id, count)

    def _count_step(self) -> None:
        article = self._counting
        if article is None or not self._pieces:
            return  # another article came meanwhile: its own count runs
        lo, hi, over = self._pieces.pop()
        self._count += _count_words(article.text, lo, hi) - over
        if self._pieces:
            QTimer.singleShot(0, self._count_step)
        else:
            self._show_count(self._count)

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
