"""The discrepancy list: figures, dates, names and quotes the two articles disagree on."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desktop.core.article import Article, Span
from desktop.core.entities.model import Discrepancy, DiscrepancyKind
from desktop.ui.sidebar.documents import ROW_ROLE, DocumentWriter, install_document_delegate
from desktop.ui.sidebar.quote_pairs import normalise_ops, word_diff
from desktop.ui.sidebar.status import kind_icon

Index = QModelIndex | QPersistentModelIndex

KIND_LABELS = {
    DiscrepancyKind.FIGURE: "figure",
    DiscrepancyKind.DATE: "date",
    DiscrepancyKind.NAME: "name",
    DiscrepancyKind.QUOTE: "quote",
}

_CONTEXT_CHARS = 100


def sentence_around(article: Article | None, span: Span) -> str:
    """The sentence holding `span` (a fallback when the engine gave no context)."""
    if article is None:
        return ""
    for s in article.sentences:
        if s.start <= span.start < s.end:
            return article.text[s.start : s.end]
    return ""


def context_snippet(context: str, wording: str, limit: int = _CONTEXT_CHARS) -> tuple[str, str, str]:
    """(before, wording, after) cut to about `limit` characters around the wording, with ellipses."""
    context = " ".join(context.split())
    wording = " ".join(wording.split())
    at = context.find(wording) if wording else -1
    if at < 0:
        text = context if len(context) <= limit else context[: limit - 1].rstrip() + "…"
        return (text, "", "")
    before, after = context[:at], context[at + len(wording) :]
    room = max(limit - len(wording), 20)
    keep_before = min(len(before), room // 2)
    keep_after = min(len(after), room - keep_before)
    keep_before = min(len(before), room - keep_after)
    if keep_before < len(before):
        cut = before[len(before) - keep_before :]
        cut = cut[cut.find(" ") + 1 :] if " " in cut else cut  # start on a word
        before = "…" + cut
    if keep_after < len(after):
        cut = after[:keep_after]
        cut = cut[: cut.rfind(" ")] if " " in cut else cut
        after = cut + "…"
    return (before, wording, after)


def _same_context(d: Discrepancy) -> bool:
    """True when the two sentences differ only by the wording itself (show one line of context)."""
    if not d.left_context or not d.right_context:
        return False
    squash = lambda t: re.sub(r"\s+", " ", t).strip()  # noqa: E731
    return squash(d.left_context.replace(d.left_text, d.right_text)) == squash(d.right_context)


class DiscrepancyModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[Discrepancy, ...] = ()
        self._sources: tuple[Article | None, Article | None] = (None, None)  # where the rows were found

    def set_discrepancies(
        self, items: tuple[Discrepancy, ...], left: Article | None = None, right: Article | None = None
    ) -> None:
        self.beginResetModel()
        self._items = tuple(items)
        self._sources = (left, right)
        self.endResetModel()

    def discrepancy(self, row: int) -> Discrepancy:
        return self._items[row]

    def contexts(self, d: Discrepancy) -> tuple[str, str]:
        return (
            d.left_context or sentence_around(self._sources[0], d.left),
            d.right_context or sentence_around(self._sources[1], d.right),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt override)
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        d = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            subject = f"{d.subject}: " if d.subject else ""
            return f"{subject}{d.left_text} → {d.right_text}"
        if role == ROW_ROLE:
            return d
        if role == Qt.ItemDataRole.ToolTipRole:
            left_ctx, right_ctx = self.contexts(d)
            esc = html.escape
            lines = [f"<b>{esc(d.subject or KIND_LABELS.get(d.kind, str(d.kind)).capitalize())}</b>"]
            lines.append(f"<b>Left</b>: {esc(left_ctx or d.left_text)}")
            lines.append(f"<b>Right</b>: {esc(right_ctx or d.right_text)}")
            return "<br>".join(lines)
        return None


def _write_discrepancy(model: DiscrepancyModel, index: Index, w: DocumentWriter) -> bool:
    d: Discrepancy | None = index.data(ROW_ROLE)
    if d is None:
        return False
    c = w.colors
    w.icon = kind_icon(d.kind, c)
    kind = KIND_LABELS.get(d.kind, str(d.kind))
    w.block()
    w.text(d.subject or kind.capitalize(), bold=True)
    if d.subject:
        w.text(f"  {kind}", color=c.muted_text, scale=0.9)
    if d.kind == DiscrepancyKind.QUOTE:
        ops = normalise_ops(d.word_diff) if d.word_diff else word_diff(d.left_text, d.right_text)
        w.block(space_before=3)
        write_word_diff(w, ops)
    else:
        for label, text, color in (("L", d.left_text, c.deleted_line), ("R", d.right_text, c.inserted_line)):
            w.block(space_before=3)
            w.text(f"{label}  ", color=c.muted_text, scale=0.85)
            w.text(" ".join(text.split()), color=color, bold=True)
    left_ctx, right_ctx = model.contexts(d)
    sides = [("L", left_ctx, d.left_text)]
    if not _same_context(d) and right_ctx:
        sides.append(("R", right_ctx, d.right_text))
    if d.kind == DiscrepancyKind.QUOTE:
        sides = []  # the diff above is the context
    for label, ctx, wording in sides:
        if not ctx:
            continue
        before, match, after = context_snippet(ctx, wording)
        w.block(space_before=3)
        if len(sides) > 1:
            w.text(f"{label}  ", color=c.muted_text, scale=0.85)
        w.text(before, color=c.muted_text, scale=0.9)
        if match:
            w.text(match, scale=0.9, italic=True)
        w.text(after, color=c.muted_text, scale=0.9)
    return True


def write_word_diff(w: DocumentWriter, ops: tuple[tuple[str, str, str], ...]) -> None:
    """Equal words plain; deleted words struck through on the deletion tint; inserted on the insertion tint."""
    c = w.colors
    w.text("“", color=c.muted_text)
    first = True
    for op, left, right in ops:
        parts: list[tuple[str, str]] = []
        if op == "equal":
            parts.append(("equal", left))
        else:
            if left:
                parts.append(("deleted", left))
            if right:
                parts.append(("inserted", right))
        for kind, words in parts:
            if not words:
                continue
            if not first:
                w.text(" ")
            first = False
            if kind == "equal":
                w.text(words)
            elif kind == "deleted":
                w.text(words, background=c.word_delete, strike=True)
            else:
                w.text(words, background=c.word_insert)
    w.text("”", color=c.muted_text)


class DiscrepancyList(QListView):
    """One card per discrepancy: what it is about, the two wordings, a line of context."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = DiscrepancyModel(self)
        self.setModel(self.model_)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.delegate = install_document_delegate(self, lambda i, w: _write_discrepancy(self.model_, i, w))
        self.model_.modelReset.connect(self.delegate.clear_cache)
