"""The result of comparing two articles, as plain values, and the JSON form of it.

`desktop.core.align` builds the alignment and statistics; `desktop.core.entities` adds
the entity comparison and discrepancies; `compare()` in `desktop.core.compare` glues them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop.core.article import Article, Span, article_meta_json

if TYPE_CHECKING:  # the entity code is imported only by a comparison that has entities
    from desktop.core.entities.model import Discrepancy, EntityMatch, Extraction, QuotePair


@dataclass(frozen=True, slots=True)
class Options:
    """What counts as equal. None of these ever changes the text shown."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    digits_as_words: bool = False  # "five" equals "5"
    include_boilerplate: bool = False


class Op(StrEnum):
    EQUAL = "equal"
    CHANGED = "changed"
    INSERTED = "inserted"
    DELETED = "deleted"
    MOVED = "moved"


class ChangeClass(StrEnum):
    FIGURE = "figure"
    DATE = "date"
    NAME = "name"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    HEDGING = "hedging"
    COSMETIC = "cosmetic"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class WordOp:
    """A word-level operation inside a changed (or edited moved) sentence.

    `chars` holds character-level operations for a changed word, with spans into the
    same texts, so a one-letter misspelling shows as one letter.
    """

    op: Op  # equal, changed, inserted, deleted
    left: Span | None
    right: Span | None
    chars: tuple[WordOp, ...] = ()


@dataclass(frozen=True, slots=True)
class Piece:
    """One row of the sentence alignment.

    equal/changed rows carry both spans. inserted rows only `right`, deleted rows only
    `left`. A move is two rows: one standing at its left position (`left` set) and one
    at its right position (`right` set), linked by `partner` (the other row's index)
    and both carrying the word operations of any edit made on the way.
    `paragraph` is (left paragraph index, right paragraph index), None on a missing side.
    """

    op: Op
    left: Span | None
    right: Span | None
    words: tuple[WordOp, ...] = ()
    partner: int | None = None
    classes: tuple[ChangeClass, ...] = ()
    paragraph: tuple[int | None, int | None] = (None, None)


@dataclass(frozen=True, slots=True)
class Change:
    """One labelled change: the unit a reader steps through and filters by class."""

    cls: ChangeClass
    left: Span | None
    right: Span | None
    left_text: str
    right_text: str
    piece: int  # index into Comparison.sentences


@dataclass(frozen=True, slots=True)
class SharedPassage:
    """A run of words the two articles share verbatim."""

    left: Span
    right: Span
    words: int


@dataclass(frozen=True, slots=True)
class Stats:
    """How much of each article the other keeps, changes, adds, removes and moves, in words."""

    similarity: float = 0.0  # 0..1, symmetric
    left_in_right: float = 0.0  # share of the left's words found in the right
    right_in_left: float = 0.0
    words_kept: int = 0
    words_changed: int = 0
    words_added: int = 0
    words_removed: int = 0
    words_moved: int = 0
    sentences_kept: int = 0
    sentences_changed: int = 0
    sentences_added: int = 0
    sentences_removed: int = 0
    sentences_moved: int = 0


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two articles compared: the alignments, the changes, the statistics and, if asked, the entities."""

    left: Article
    right: Article
    options: Options
    paragraphs: tuple[Piece, ...]  # paragraph-level alignment
    sentences: tuple[Piece, ...]  # sentence-level alignment, in display order
    changes: tuple[Change, ...]
    stats: Stats
    shared_passages: tuple[SharedPassage, ...]
    left_extraction: Extraction | None = None
    right_extraction: Extraction | None = None
    entities: tuple[EntityMatch, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = field(default=())
    # Article.word_count of left and right, counted by the aligner from the word flags it keeps per
    # token (the JSON's "word_count"); None from a maker that did not count them.
    word_counts: tuple[int, int] | None = None
    # Every quote of both articles, paired or on one side (entities/quote_pairs.py `pair_quotes`):
    # what the sidebar, the report and the JSON list. Made from the extractions and entity matches
    # whenever a Comparison is made or replaced, so no reader pairs quotes again.
    quotes: tuple[QuotePair, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        if self.left_extraction is not None and self.right_extraction is not None:
            from desktop.core.entities.quote_pairs import pair_quotes  # late: rapidfuzz is not needed at start-up

            pairs = pair_quotes(self.left_extraction.quotes, self.right_extraction.quotes, self.entities)
            object.__setattr__(self, "quotes", pairs)


def _span(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span is not None else None


def word_op_json(w: WordOp) -> dict:
    # One per word change of every sentence: the spans written out here, not through _span (a
    # call per span was 3% of a 100k-word `compare --json`).
    left, right = w.left, w.right
    out = {"op": str(w.op), "left": None if left is None else [left.start, left.end],
           "right": None if right is None else [right.start, right.end]}
    if w.chars:
        out["chars"] = [word_op_json(c) for c in w.chars]
    return out


def piece_json(p: Piece, pieces: tuple[Piece, ...]) -> dict:
    out = {"op": str(p.op), "left": _span(p.left), "right": _span(p.right)}
    if p.partner is not None:
        other = pieces[p.partner]
        out["partner"] = p.partner
        out["counterpart"] = _span(other.left if p.left is None else other.right)
    if p.classes:
        out["classes"] = [str(c) for c in p.classes]
    if p.words:
        out["words"] = [word_op_json(w) for w in p.words]
    return out


def comparison_json(c: Comparison) -> dict:
    """The `diptych compare --json` object (documented in the README)."""
    s = c.stats
    if c.entities or c.discrepancies or c.quotes:
        from desktop.core.entities.model import discrepancy_json, match_json, quote_pair_json
    return {
        "left": article_meta_json(c.left, c.word_counts[0] if c.word_counts else None),
        "right": article_meta_json(c.right, c.word_counts[1] if c.word_counts else None),
        "options": {
            "ignore_case": c.options.ignore_case,
            "ignore_punctuation": c.options.ignore_punctuation,
            "digits_as_words": c.options.digits_as_words,
            "include_boilerplate": c.options.include_boilerplate,
        },
        "similarity": round(s.similarity, 4),
        "containment": {"left_in_right": round(s.left_in_right, 4), "right_in_left": round(s.right_in_left, 4)},
        "stats": {
            k: getattr(s, k)
            for k in Stats.__dataclass_fields__
            if k not in ("similarity", "left_in_right", "right_in_left")
        },
        "paragraphs": [piece_json(p, c.paragraphs) for p in c.paragraphs],
        "alignment": [piece_json(p, c.sentences) for p in c.sentences],
        "shared_passages": [
            {"left": _span(sp.left), "right": _span(sp.right), "words": sp.words} for sp in c.shared_passages
        ],
        "changes": [
            {
                "class": str(ch.cls),
                "left": _span(ch.left),
                "right": _span(ch.right),
                "left_text": ch.left_text,
                "right_text": ch.right_text,
            }
            for ch in c.changes
        ],
        "entities": [match_json(m) for m in c.entities],
        "discrepancies": [discrepancy_json(d) for d in c.discrepancies],
        "quotes": [quote_pair_json(p) for p in c.quotes],
    }
