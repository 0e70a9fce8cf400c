"""Passages × articles: the base collated against each article, heat strips and what only one adds.

Read off the pairwise sentence alignments (`Comparison.sentences`): a sentence paired word for
word is kept, paired with edits is rewritten, left unpaired is dropped (or, for an article's own
sentence, not carried by that other article). Moves count as kept or rewritten: the sentence is
there, elsewhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from desktop.core.article import Article, Span
from desktop.core.compare.model import ChangeClass, Comparison, Op, Piece
from desktop.core.coverage.model import Addition, CollationRow, HeatCell, Presence, Reading

Readings = dict[int, tuple[Reading, Span | None]]  # sentence index → what the other article did, and where
_WORD = re.compile(r"\w+")


def side_readings(comp: Comparison, left_side: bool) -> Readings:
    """For each sentence of one side of a pairwise comparison: kept, rewritten or dropped by the other."""
    article = comp.left if left_side else comp.right
    starts = [s.start for s in article.sentences]
    out: Readings = {}
    for piece in comp.sentences:
        mine, theirs = (piece.left, piece.right) if left_side else (piece.right, piece.left)
        if mine is None:
            continue
        if piece.op in (Op.EQUAL, Op.CHANGED):
            reading = Reading.KEPT if _unchanged(piece) else Reading.REWRITTEN
        elif piece.op == Op.MOVED:
            other = comp.sentences[piece.partner] if piece.partner is not None else None
            theirs = (other.right if left_side else other.left) if other is not None else None
            reading = Reading.KEPT if _unchanged(piece) else Reading.REWRITTEN
        else:
            reading, theirs = Reading.DROPPED, None
        for k in _covered(starts, mine):
            out[k] = (reading, theirs)
    return out


def _unchanged(piece: Piece) -> bool:
    if piece.op == Op.EQUAL:
        return True
    if piece.classes and all(c == ChangeClass.COSMETIC for c in piece.classes):
        return True  # quote marks, a comma: the same sentence to a reader
    return piece.op == Op.MOVED and all(w.op == Op.EQUAL for w in piece.words)


def _covered(starts: list[int], span: Span) -> range:
    """Sentences starting inside `span` (a unit of the alignment may join two sentences)."""
    lo = bisect_left(starts, span.start)
    hi = bisect_left(starts, span.end)
    return range(lo, max(hi, lo + 1) if lo < len(starts) else lo)


def collate(articles: Sequence[Article], base: int, readings: dict[tuple[int, int], Readings]
            ) -> tuple[CollationRow, ...]:
    """One row per body sentence of the base: what each other article did with it.
    `readings[i, j]` holds article i's sentences as read against article j."""
    n = len(articles)
    sentences = sorted({k for j in range(n) if j != base for k in readings[base, j]})
    rows = []
    for k in sentences:
        marks: list[Reading] = []
        spans: list[Span | None] = []
        for j in range(n):
            if j == base:
                marks.append(Reading.BASE)
                spans.append(articles[base].sentences[k])
                continue
            reading, where = readings[base, j].get(k, (Reading.DROPPED, None))
            marks.append(reading)
            spans.append(where)
        rows.append(CollationRow(k, articles[base].sentences[k], tuple(marks), tuple(spans)))
    return tuple(rows)


def heat_strip(articles: Sequence[Article], article: int, readings: dict[tuple[int, int], Readings]
               ) -> tuple[HeatCell, ...]:
    """Each body sentence of one article against all the others (Juxta's heat map, one line per article)."""
    n = len(articles)
    own = sorted({k for j in range(n) if j != article for k in readings[article, j]})
    cells = []
    for k in own:
        seen = [readings[article, j].get(k, (Reading.DROPPED, None))[0] for j in range(n) if j != article]
        carried = sum(r != Reading.DROPPED for r in seen)
        presence = (Presence.SHARED if Reading.KEPT in seen else
                    Presence.REWRITTEN if carried else Presence.ALONE)
        cells.append(HeatCell(k, articles[article].sentences[k], presence, carried))
    return tuple(cells)


def additions(articles: Sequence[Article], strips: Sequence[Sequence[HeatCell]]) -> tuple[Addition, ...]:
    """Runs of sentences, inside one paragraph, that only one article has."""
    out = []
    for i, strip in enumerate(strips):
        article = articles[i]
        run: list[int] = []

        def flush() -> None:
            if run:
                span = Span(article.sentences[run[0]].start, article.sentences[run[-1]].end)
                words = len(_WORD.findall(article.text, span.start, span.end))
                out.append(Addition(i, span, tuple(run), words))
                run.clear()

        for cell in strip:
            if cell.presence != Presence.ALONE:
                flush()
                continue
            if run and (cell.sentence != run[-1] + 1 or not _same_block(article, run[-1], cell.sentence)):
                flush()
            run.append(cell.sentence)
        flush()
    return tuple(out)


def _same_block(article: Article, a: int, b: int) -> bool:
    return article.block_at(article.sentences[a].start) is article.block_at(article.sentences[b].start)
