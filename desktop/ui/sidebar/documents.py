"""Rows painted as small text documents (built with cursor inserts, never from markup)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from desktop.ui.theme import Colors, palette_colors

Index = QModelIndex | QPersistentModelIndex

# Models painted by this delegate return their row object under this role.
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

PAD = 6
ICON = 16
GAP = 6

# Builds the document for one row, or None to let the default delegate paint it.
Builder = Callable[[Index, "DocumentWriter"], bool]


class DocumentWriter:
    """Appends runs of text with formats to a QTextDocument; article text goes in as plain text."""

    def __init__(self, font: QFont, colors: Colors, palette: QPalette) -> None:
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        self.document.setDefaultFont(font)
        self.document.setUndoRedoEnabled(False)
        self.colors = colors
        self.palette = palette
        self.cursor = QTextCursor(self.document)
        self._first_block = True
        self.icon: QIcon | None = None

    def block(self, *, space_before: float = 2.0) -> None:
        if self._first_block:
            self._first_block = False
            return
        self.cursor.insertBlock()
        fmt = self.cursor.blockFormat()
        fmt.setTopMargin(space_before)
        self.cursor.setBlockFormat(fmt)

    def text(
        self,
        text: str,
        *,
        color: QColor | None = None,
        background: QColor | None = None,
        bold: bool = False,
        italic: bool = False,
        strike: bool = False,
        scale: float = 1.0,
    ) -> None:
        fmt = QTextCharFormat()
        if color is not None:
            fmt.setForeground(color)
        if background is not None:
            fmt.setBackground(background)
        if bold:
            fmt.setFontWeight(QFont.Weight.DemiBold)
        if italic:
            fmt.setFontItalic(True)
        if strike:
            fmt.setFontStrikeOut(True)
        if scale != 1.0:
            size = self.document.defaultFont().pointSizeF()
            if size > 0:
                fmt.setFontPointSize(size * scale)
        self.cursor.insertText(text, fmt)


class DocumentDelegate(QStyledItemDelegate):
    """Paints rows whose builder writes a document; wraps to the view's width; caches by width."""

    def __init__(self, view: QAbstractItemView, builder: Builder) -> None:
        super().__init__(view)
        self._view = view
        self._builder = builder
        self._cache: dict[tuple[int, int, int], DocumentWriter | None] = {}

    def clear_cache(self) -> None:
        self._cache.clear()

    def _colors(self) -> Colors:
        return palette_colors(self._view.palette())

    def _text_width(self, index: Index) -> int:
        width = self._view.viewport().width() - 2 * PAD - ICON - GAP
        if isinstance(self._view, QTreeView):
            depth = 0
            parent = index.parent()
            while parent.isValid():
                depth += 1
                parent = parent.parent()
            if self._view.rootIsDecorated():
                depth += 1
            width -= depth * self._view.indentation()
        return max(width, 80)

    def _writer(self, index: Index) -> DocumentWriter | None:
        width = self._text_width(index)
        # The row object itself keys the cache: it lives as long as the model shows it.
        row_obj = index.data(ROW_ROLE)
        key = (id(row_obj), index.column(), width)
        if key in self._cache:
            return self._cache[key]
        if len(self._cache) > 600:
            self._cache.clear()
        writer = DocumentWriter(self._view.font(), self._colors(), self._view.palette())
        if not self._builder(index, writer):
            writer = None
        else:
            writer.document.setTextWidth(width)
        self._cache[key] = writer
        return writer

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # Qt override
        writer = self._writer(index)
        if writer is None:
            return super().sizeHint(option, index)
        height = int(writer.document.size().height()) + 2 * PAD
        return QSize(self._text_width(index) + 2 * PAD + ICON + GAP, max(height, ICON + 2 * PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:  # Qt override
        writer = self._writer(index)
        if writer is None:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            # A soft tint and an accent bar instead of the solid highlight, so the red and
            # green wording keeps its contrast on a selected row.
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(70 if selected else 28)
            painter.fillRect(rect, tint)
            if selected:
                painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), palette.color(QPalette.ColorRole.Highlight))
        # A hairline between cards.
        line = QColor(palette.color(QPalette.ColorRole.Mid))
        line.setAlpha(90)
        painter.setPen(line)
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        if writer.icon is not None:
            writer.icon.paint(painter, QRect(rect.left() + PAD, rect.top() + PAD + 1, ICON, ICON))
        painter.translate(QPoint(rect.left() + PAD + ICON + GAP, rect.top() + PAD))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.Text))
        ctx.clip = QRect(0, 0, rect.width(), rect.height())
        writer.document.documentLayout().draw(painter, ctx)
        painter.restore()


class _WidthWatcher(QObject):
    """Re-measures wrapped rows when the view's width changes."""

    def __init__(self, view: QAbstractItemView, delegate: DocumentDelegate) -> None:
        super().__init__(view)
        self._view = view
        self._delegate = delegate
        self._width = -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Resize:
            width = self._view.viewport().width()
            if width != self._width:
                self._width = width
                self._delegate.clear_cache()
                self._view.scheduleDelayedItemsLayout()
        return False


def install_document_delegate(view: QAbstractItemView, builder: Builder) -> DocumentDelegate:
    delegate = DocumentDelegate(view, builder)
    view.setItemDelegate(delegate)
    view.viewport().installEventFilter(_WidthWatcher(view, delegate))
    return delegate
