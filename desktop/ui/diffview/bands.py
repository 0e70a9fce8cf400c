"""Display bands: the sentence alignment regrouped into rows that sit level in both panes.

A band is what one pair of text blocks (one per pane) shows. Runs of equal sentences in
the same paragraph on both sides share a band so the prose still reads as paragraphs;
every other alignment row gets a band of its own, and text the alignment does not cover
(titles, captions, boilerplate set aside by the options) gets "context" bands in its
place so nothing is hidden unless the reader asks. Plain Python: no Qt here.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass
from itertools import zip_longest

from desktop.core.article import BODY_KINDS, Article, Block, BlockKind, Span
from desktop.core.compare.model import Change, ChangeClass, Comparison, Op, Piece

CONTEXT = "context"  # band kind for text outside the alignment
REPLACED = "replaced"  # band kind for a deleted row shown beside an inserted one


@dataclass(frozen=True, slots=True)
class Band:
    kind: str  # an Op value, or CONTEXT
    pieces: tuple[int, ...]  # indexes into Comparison.sentences
    left: tuple[Span, ...]  # article spans shown in the left pane, in order
    right: tuple[Span, ...]
    paragraph_end: bool = False  # the next band starts a new paragraph on some side

    def spans(self, side: str) -> tuple[Span, ...]:
        return self.left if side == "left" else self.right


@dataclass(frozen=True, slots=True)
class Mark:
    """A painted range in one pane: article offsets and what it means."""

    start: int
    end: int
    role: str  # a theme role name (inserted, word_delete, ...); "" for none
    level: int  # 0 sentence, 1 word, 2 character: finer marks win


class BlockIndex:
    """Which block of an article holds an offset, found by bisection."""

    def __init__(self, article: Article) -> None:
        self.blocks = article.blocks
        self.starts = [b.start for b in article.blocks]

    def index(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end + 1:
            return i
        return None

    def kind(self, offset: int) -> BlockKind:
        i = self.index(offset)
        return self.blocks[i].kind if i is not None else BlockKind.BODY

    def is_body(self, offset: int) -> bool:
        i = self.index(offset)
        return i is None or self.blocks[i].kind in BODY_KINDS


def _uncovered(article: Article, spans: list[Span], blocks: BlockIndex) -> list[int]:
    covered = {blocks.index(s.start) for s in spans}
    return [i for i in range(len(article.blocks)) if i not in covered]


def _pair_context(left: list[Block], right: list[Block]) -> list[tuple[Block | None, Block | None]]:
    """Pair the set-aside blocks of both sides by kind, so the two titles share a row."""
    lk = [str(b.kind) for b in left]
    rk = [str(b.kind) for b in right]
    out: list[tuple[Block | None, Block | None]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, lk, rk, autojunk=False).get_opcodes():
        out.extend(zip_longest(left[i1:i2], right[j1:j2]))
    return out


def build_bands(c: Comparison, show_boilerplate: bool = True) -> list[Band]:
    """The bands of a comparison, in display order."""
    lb, rb = BlockIndex(c.left), BlockIndex(c.right)
    pieces = c.sentences
    l_unc = _uncovered(c.left, [p.left for p in pieces if p.left is not None], lb)
    r_unc = _uncovered(c.right, [p.right for p in pieces if p.right is not None], rb)
    li = ri = 0  # next uncovered block per side
    bands: list[Band] = []
    # The block each side showed last: equal rows merge only within one paragraph.
    last_lblock: int | None = None
    last_rblock: int | None = None

    def keep(article_blocks: BlockIndex, span: Span | None) -> bool:
        return span is not None and (show_boilerplate or article_blocks.is_body(span.start))

    def flush_context(l_before: int | None, r_before: int | None) -> None:
        nonlocal li, ri, last_lblock, last_rblock
        lefts: list[Block] = []
        rights: list[Block] = []
        while li < len(l_unc) and (l_before is None or c.left.blocks[l_unc[li]].start < l_before):
            lefts.append(c.left.blocks[l_unc[li]])
            li += 1
        while ri < len(r_unc) and (r_before is None or c.right.blocks[r_unc[ri]].start < r_before):
            rights.append(c.right.blocks[r_unc[ri]])
            ri += 1
        if not lefts and not rights:
            return
        if not show_boilerplate:
            lefts = [b for b in lefts if b.kind in BODY_KINDS]
            rights = [b for b in rights if b.kind in BODY_KINDS]
        for a, b in _pair_context(lefts, rights):
            bands.append(
                Band(
                    CONTEXT,
                    (),
                    (Span(a.start, a.end),) if a else (),
                    (Span(b.start, b.end),) if b else (),
                )
            )
            last_lblock = last_rblock = None

    # Where each row stands on each side: its own span, else the next row's on that side,
    # so set-aside text of both sides (the two titles) comes out in one context run.
    next_left = _next_starts([p.left for p in pieces])
    next_right = _next_starts([p.right for p in pieces])
    for index, piece in enumerate(pieces):
        flush_context(next_left[index], next_right[index])
        left = piece.left if keep(lb, piece.left) else None
        right = piece.right if keep(rb, piece.right) else None
        if left is None and right is None:
            continue
        lblock = lb.index(left.start) if left is not None else None
        rblock = rb.index(right.start) if right is not None else None
        prev = bands[-1] if bands else None
        if (
            piece.op == Op.EQUAL
            and prev is not None
            and prev.kind == Op.EQUAL
            and left is not None
            and right is not None
            and lblock == last_lblock
            and rblock == last_rblock
        ):
            bands[-1] = Band(Op.EQUAL, prev.pieces + (index,), prev.left + (left,), prev.right + (right,))
        else:
            bands.append(
                Band(str(piece.op), (index,), (left,) if left else (), (right,) if right else ())
            )
        if lblock is not None:
            last_lblock = lblock
        if rblock is not None:
            last_rblock = rblock
    flush_context(None, None)
    return split_long_bands(_mark_paragraph_ends(_pair_replacements(bands), lb, rb), c.left.text, c.right.text)


def _pair_replacements(bands: list[Band]) -> list[Band]:
    """Show a stretch of deleted rows beside the inserted rows that took its place.

    Stacked one above the other, a rewritten passage costs twice its height in gaps;
    side by side it reads like the two versions it is (as in Meld and WinMerge).
    """
    out: list[Band] = []
    run: list[Band] = []

    def flush() -> None:
        deleted = [b for b in run if b.kind == Op.DELETED]
        inserted = [b for b in run if b.kind == Op.INSERTED]
        for d, i in zip_longest(deleted, inserted):
            if d is not None and i is not None:
                out.append(Band(REPLACED, d.pieces + i.pieces, d.left, i.right))
            else:
                out.append(d or i)
        run.clear()

    for band in bands:
        if band.kind in (Op.DELETED, Op.INSERTED):
            run.append(band)
        else:
            flush()
            out.append(band)
    flush()
    return out


def _next_starts(spans: list[Span | None]) -> list[int]:
    # -1 when no later row has this side: its set-aside text waits for the end.
    out = [-1] * len(spans)
    upcoming = -1
    for i in range(len(spans) - 1, -1, -1):
        if spans[i] is not None:
            upcoming = spans[i].start
        out[i] = upcoming
    return out


def _mark_paragraph_ends(bands: list[Band], lb: BlockIndex, rb: BlockIndex) -> list[Band]:
    out: list[Band] = []
    for i, band in enumerate(bands):
        end = False
        if i + 1 < len(bands):
            nxt = bands[i + 1]
            end = band.kind == CONTEXT or nxt.kind == CONTEXT
            for spans, nspans, blocks in ((band.left, nxt.left, lb), (band.right, nxt.right, rb)):
                if spans and nspans and blocks.index(spans[-1].start) != blocks.index(nspans[0].start):
                    end = True
        out.append(Band(band.kind, band.pieces, band.left, band.right, end) if end else band)
    return out


def single_bands(article: Article, show_boilerplate: bool = True) -> list[Band]:
    """One band per block, for an article shown on its own."""
    bands = [
        Band(CONTEXT, (), (Span(b.start, b.end),), (), True)
        for b in article.blocks
        if show_boilerplate or b.kind in BODY_KINDS
    ]
    return split_long_bands(bands, article.text, "")


# A pane lays out each band as one block, in one go: a 1 MB paragraph (or "word") took 0.15 s
# to 0.25 s of the GUI thread however it was built. A band longer than this on either side
# is shown as several rows of at most this many characters (cut at a space where there is
# one near), which the panes build and lay out a few at a time like any long pair.
ROW_CHARS = 20_000
_CUT_SEARCH = 200  # how far back from the limit to look for a space to cut at


def split_long_bands(bands: list[Band], left_text: str, right_text: str) -> list[Band]:
    """The bands, with every band longer than ROW_CHARS on a side cut into rows of that size.
    The rows keep the band's kind and pieces (their marks are painted inside each row's spans)."""
    if not any(_length(b.left) > ROW_CHARS or _length(b.right) > ROW_CHARS for b in bands):
        return bands
    out: list[Band] = []
    for band in bands:
        if _length(band.left) <= ROW_CHARS and _length(band.right) <= ROW_CHARS:
            out.append(band)
            continue
        rows = list(zip_longest(_cut(band.left, left_text), _cut(band.right, right_text), fillvalue=()))
        for i, (left, right) in enumerate(rows):
            out.append(Band(band.kind, band.pieces, left, right, band.paragraph_end and i == len(rows) - 1))
    return out


def _length(spans: tuple[Span, ...]) -> int:
    return sum(s.end - s.start for s in spans)


def _cut(spans: tuple[Span, ...], text: str) -> list[tuple[Span, ...]]:
    """Spans regrouped into rows of at most ROW_CHARS characters, long spans cut in pieces."""
    rows: list[tuple[Span, ...]] = []
    row: list[Span] = []
    room = ROW_CHARS
    for span in spans:
        start = span.start
        if room <= 0:
            rows.append(tuple(row))
            row, room = [], ROW_CHARS
        while span.end - start > room:
            limit = start + room
            space = text.rfind(" ", max(start + 1, limit - _CUT_SEARCH), limit)
            cut, resume = (space, space + 1) if space > start else (limit, limit)
            row.append(Span(start, cut))
            rows.append(tuple(row))
            row, room, start = [], ROW_CHARS, resume
        if span.end > start:
            row.append(Span(start, span.end))
            room -= span.end - start
    if row:
        rows.append(tuple(row))
    return rows


@dataclass(frozen=True, slots=True)
class Hidden:
    """What the change-class filter hides: pieces whose every change is of a hidden class
    (no tint at all), and, in pieces that keep some change, the spans of the hidden ones."""

    pieces: frozenset[int]
    spans: dict[int, tuple[Span, ...]]  # hidden changes' spans, in pieces still painted
    kept: dict[int, tuple[Span, ...]]  # the shown changes' spans in those pieces

    def hides(self, piece: int, mark: Mark) -> bool:
        def inside(spans: tuple[Span, ...]) -> bool:
            return any(s.start <= mark.start and mark.end <= s.end for s in spans)

        return inside(self.spans.get(piece, ())) and not inside(self.kept.get(piece, ()))


def hidden_by_class(c: Comparison | None, wanted: frozenset[ChangeClass] | None) -> Hidden | None:
    """What to leave unpainted when only the `wanted` change classes are shown (None: all).
    A piece with no classified change (a move without edits) stays painted."""
    if c is None or wanted is None:
        return None
    shown: dict[int, list[Change]] = {}
    hidden: dict[int, list[Change]] = {}
    for change in c.changes:
        (shown if change.cls in wanted else hidden).setdefault(change.piece, []).append(change)
    # A move's edits are listed once, at its left row: its right row follows them.
    for k, piece in enumerate(c.sentences):
        if piece.op == Op.MOVED and piece.left is None and piece.partner is not None:
            for found in (shown, hidden):
                if piece.partner in found:
                    found[k] = found[piece.partner]

    def spans(changes: list[Change]) -> tuple[Span, ...]:
        return tuple(s for ch in changes for s in (ch.left, ch.right) if s is not None)

    partial = [k for k in hidden if k in shown]
    return Hidden(
        frozenset(k for k in hidden if k not in shown),
        {k: spans(hidden[k]) for k in partial},
        {k: spans(shown[k]) for k in partial},
    )


def band_marks(c: Comparison | None, band: Band, side: str, hidden: Hidden | None = None) -> list[Mark]:
    """What to paint inside one band on one side (sentence, word and character marks),
    leaving out what the change-class filter hides."""
    if c is None or band.kind in (CONTEXT, Op.EQUAL):
        return []
    marks: list[Mark] = []
    for index in band.pieces:
        piece = c.sentences[index]
        span = piece.left if side == "left" else piece.right
        if span is None or (hidden is not None and index in hidden.pieces):
            continue
        piece_marks = _piece_marks(piece, span, side)
        if hidden is not None and index in hidden.spans:
            piece_marks = [m for m in piece_marks if m.level == 0 or not hidden.hides(index, m)]
        marks.extend(piece_marks)
    return marks


def band_hidden(band: Band, hidden: Hidden | None) -> bool:
    """True when the filter hides every change this band shows (the overview leaves it out)."""
    return hidden is not None and bool(band.pieces) and all(p in hidden.pieces for p in band.pieces)


_SENTENCE_ROLE = {
    Op.INSERTED: "inserted",
    Op.DELETED: "deleted",
    Op.CHANGED: "changed",
    Op.MOVED: "moved",
}
_WORD_ROLE = {Op.INSERTED: "word_insert", Op.DELETED: "word_delete", Op.CHANGED: "word_change"}


def _piece_marks(piece: Piece, span: Span, side: str) -> list[Mark]:
    marks = [Mark(span.start, span.end, _SENTENCE_ROLE.get(piece.op, ""), 0)]
    for word in piece.words:
        wspan = word.left if side == "left" else word.right
        role = _WORD_ROLE.get(word.op)
        if wspan is None or role is None or wspan.end <= wspan.start:
            continue
        marks.append(Mark(wspan.start, wspan.end, role, 1))
        for ch in word.chars:
            cspan = ch.left if side == "left" else ch.right
            if cspan is not None and ch.op != Op.EQUAL and cspan.end > cspan.start:
                marks.append(Mark(cspan.start, cspan.end, "char_change", 2))
    return marks


def paint_runs(start: int, end: int, marks: list[Mark]) -> list[tuple[int, int, str]]:
    """Split [start, end) into runs, each with the role of the finest mark covering it."""
    inside = [m for m in marks if m.start < end and m.end > start]
    if not inside:
        return [(start, end, "")]
    inside.sort(key=lambda m: m.level)
    points = sorted({start, end} | {min(max(p, start), end) for m in inside for p in (m.start, m.end)})
    runs: list[tuple[int, int, str]] = []
    for a, b in zip(points, points[1:]):
        role = ""
        for mark in inside:  # by level, so the finest covering mark is the last one seen
            if mark.start <= a and b <= mark.end:
                role = mark.role
        if runs and runs[-1][2] == role:
            runs[-1] = (runs[-1][0], b, role)
        else:
            runs.append((a, b, role))
    return runs
