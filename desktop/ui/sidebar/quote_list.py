"""Quotes grouped by speaker, each paired across the two articles with its word-level difference."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from desktop.core.entities.model import MatchStatus
from desktop.ui.sidebar.discrepancy_list import write_word_diff
from desktop.ui.sidebar.documents import ROW_ROLE, DocumentWriter, install_document_delegate
from desktop.ui.sidebar.quote_pairs import QuotePair, group_by_speaker
from desktop.ui.sidebar.rows import quote_status_text
from desktop.ui.sidebar.status import glyph_icon, status_color, status_icon

Index = QModelIndex | QPersistentModelIndex


class _Speaker:
    __slots__ = ("row", "name", "pairs", "speaks_for")

    def __init__(self, row: int, name: str, pairs: list[QuotePair]) -> None:
        self.row = row
        self.name = name
        self.pairs = pairs
        self.speaks_for = next((q.speaker_for for p in pairs for q in (p.left, p.right) if q and q.speaker_for), "")


class QuoteModel(QAbstractItemModel):
    """Speakers at the top level, their quote pairs below. Child indexes point at their speaker."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._top = object()  # internal pointer of top-level rows
        self._speakers: list[_Speaker] = []
        self._one_article = False

    @property
    def single(self) -> bool:
        return self._one_article

    def set_pairs(self, pairs: tuple[QuotePair, ...], *, single: bool = False) -> None:
        self.beginResetModel()
        self._speakers = [_Speaker(i, name, ps) for i, (name, ps) in enumerate(group_by_speaker(pairs))]
        self._one_article = single
        self.endResetModel()

    def pair_count(self) -> int:
        return sum(len(s.pairs) for s in self._speakers)

    def index_of(self, pair: QuotePair) -> QModelIndex:
        for s in self._speakers:
            for i, p in enumerate(s.pairs):
                if p is pair:
                    return self.createIndex(i, 0, s)
        return QModelIndex()

    # -- Qt overrides ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self._top)
        return self.createIndex(row, column, self._speakers[parent.row()])

    def parent(self, index: Index | None = None) -> QModelIndex:  # type: ignore[override]
        if index is None:  # QObject.parent(), which this override shadows
            return QObject.parent(self)  # type: ignore[return-value]
        if not index.isValid():
            return QModelIndex()
        ptr = index.internalPointer()
        if ptr is self._top:
            return QModelIndex()
        return self.createIndex(ptr.row, 0, self._top)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._speakers)
        if parent.column() != 0 or parent.internalPointer() is not self._top:
            return 0
        return len(self._speakers[parent.row()].pairs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalPointer() is not self._top:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        ptr = index.internalPointer()
        if ptr is self._top:
            speaker = self._speakers[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                # The count before the body the speaker speaks for: a narrow sidebar elides the end.
                label = f"{speaker.name}  ·  {len(speaker.pairs)}"
                return f"{label}  ·  {speaker.speaks_for}" if speaker.speaks_for else label
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                n = len(speaker.pairs)
                tip = f"{html.escape(speaker.name)}: {n} quote{'s' if n != 1 else ''}"
                return tip + (f"<br>speaks for {html.escape(speaker.speaks_for)}" if speaker.speaks_for else "")
            return None
        pair = ptr.pairs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            status = quote_status_text(pair, self._one_article)
            return f"“{pair.text}”" + (f" ({status.lower()})" if status else "")
        if role == ROW_ROLE:
            return pair
        if role == Qt.ItemDataRole.ToolTipRole:
            return _pair_tooltip(pair, self._one_article)
        return None


def _pair_tooltip(pair: QuotePair, single: bool) -> str:
    esc = html.escape
    lines = [f"<b>{esc(pair.speaker)}</b>"]
    status = quote_status_text(pair, single)
    if status:
        lines.append(f"<i>{esc(status)}</i>")
    for side, q in (("Here" if single else "Left", pair.left), ("Right", pair.right)):
        if q is not None:
            said = f" (said by {esc(q.speaker)})" if q.speaker and q.speaker != pair.speaker else ""
            lines.append(f"<b>{side}</b>{said}: “{esc(q.text)}”")
    return "<br>".join(lines)


def _write_pair(model: QuoteModel, index: Index, w: DocumentWriter) -> bool:
    pair: QuotePair | None = index.data(ROW_ROLE)
    if pair is None:
        return False
    c = w.colors
    if model.single:
        w.icon = glyph_icon("mdi6.format-quote-open", c.quote.name())
    else:
        w.icon = status_icon(pair.status, c)
        w.block()
        status = quote_status_text(pair, False)
        color = status_color(pair.status, c) if pair.status != MatchStatus.BOTH else c.muted_text
        w.text(status, color=color, scale=0.85, bold=pair.status == MatchStatus.CONFLICT)
    w.block(space_before=2)
    if pair.words:
        write_word_diff(w, pair.words)
    else:
        w.text("“", color=c.muted_text)
        w.text(" ".join(pair.text.split()))
        w.text("”", color=c.muted_text)
    if pair.left and pair.right and pair.left.speaker != pair.right.speaker and "attributed" in pair.note:
        w.block(space_before=3)
        w.text(f"Left: {pair.left.speaker or 'unattributed'} · Right: {pair.right.speaker or 'unattributed'}",
               color=c.muted_text, scale=0.85)
    return True


class QuoteList(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = QuoteModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setIndentation(12)
        self.setMouseTracking(True)
        self.setWordWrap(True)
        self.delegate = install_document_delegate(self, lambda i, w: _write_pair(self.model_, i, w))
        self.model_.modelReset.connect(self.delegate.clear_cache)
        self.model_.modelReset.connect(self.expandAll)
