"""Values for the coverage of one story by three or more articles: facts, collation and reuse."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.core.article import Article, Span
from desktop.core.compare.model import Comparison, Options, SharedPassage
from desktop.core.entities.model import Extraction


class FactKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    DATE = "date"
    FIGURE = "figure"
    QUOTE = "quote"


class Standing(StrEnum):
    """How the articles stand on one fact; rows are listed in this order."""

    DISAGREE = "disagree"  # reported by two or more, with different values or wording
    SOME = "some"  # reported by some articles only
    ALL = "all"  # reported alike by every article


class CellState(StrEnum):
    HAS = "has"
    DIFFERS = "differs"  # has it, with a value or wording fewer (or as many) articles give than one it differs from
    LACKS = "lacks"


class Difference(StrEnum):
    """What two articles disagree on in one fact."""

    VALUE = "value"  # a figure or a date
    SPELLING = "spelling"  # a name
    WORDING = "wording"  # a quote's words
    SPEAKER = "speaker"  # the same words credited to different speakers


@dataclass(frozen=True, slots=True)
class Cell:
    """One article's part in one fact. `span` and `sentence` are offsets into that article's text."""

    article: int
    state: CellState
    value: str = ""  # as written: "52 people", "Sen. Jon Kyl", the words of a quote
    detail: str = ""  # role, unit, ISO date, speaker: what the value was read as
    span: Span | None = None
    sentence: int | None = None  # index into the article's sentences
    mentions: int = 0
    differs_from: tuple[int, ...] = ()  # articles whose value this one disagrees with


@dataclass(frozen=True, slots=True)
class Fact:
    kind: FactKind
    label: str  # what the row is about: a name, what a figure counts, a quote's speaker
    standing: Standing
    cells: tuple[Cell, ...]  # one per article, in article order
    differences: tuple[Difference, ...] = ()

    @property
    def reported_by(self) -> tuple[int, ...]:
        return tuple(c.article for c in self.cells if c.state != CellState.LACKS)

    def partner(self, article: int) -> int | None:
        """The article to set this one against when its cell is opened: one it disagrees with,
        else (for a fact some lack) one on the other side of having it, else the next article."""
        cell = self.cells[article]
        if cell.differs_from:
            return cell.differs_from[0]
        has = cell.state != CellState.LACKS
        other = next((c.article for c in self.cells if c.article != article and (c.state != CellState.LACKS) != has), None)
        if other is not None:
            return other
        others = [c.article for c in self.cells if c.article != article]
        return others[0] if others else None


class Reading(StrEnum):
    """What an article did with one sentence of the base."""

    BASE = "base"
    KEPT = "kept"
    REWRITTEN = "rewritten"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class CollationRow:
    sentence: int  # index into the base article's sentences
    span: Span  # that sentence in the base's text
    readings: tuple[Reading, ...]  # one per article (BASE in the base's own column)
    counterparts: tuple[Span | None, ...]  # where each article has it, None where dropped


class Presence(StrEnum):
    """One sentence of an article against all the others: one cell of its heat strip."""

    SHARED = "shared"  # at least one other article has it word for word
    REWRITTEN = "rewritten"  # others have it, only reworded
    ALONE = "alone"  # no other article has it


@dataclass(frozen=True, slots=True)
class HeatCell:
    sentence: int  # index into the article's sentences
    span: Span
    presence: Presence
    carried_by: int  # how many other articles have this sentence (kept or reworded)


@dataclass(frozen=True, slots=True)
class Addition:
    """Consecutive sentences of one paragraph that no other article has."""

    article: int
    span: Span
    sentences: tuple[int, ...]
    words: int


@dataclass(frozen=True, slots=True)
class Reuse:
    """Two articles' overlap: directional containment, shared passages and the likely source."""

    left: int
    right: int
    left_in_right: float  # share of the left's words found in the right (word 3-grams)
    right_in_left: float
    similarity: float
    passages: tuple[SharedPassage, ...]  # runs of 8+ words in both, spans into each text
    earlier: int | None  # the article published first, None when the dates are equal or unknown
    passages_from: int | None  # the article the shared passages make a smaller share of
    likely_source: int | None  # the earlier one, else the one the passages come from

    @property
    def passage_words(self) -> int:
        return sum(p.words for p in self.passages)


@dataclass(frozen=True, slots=True)
class Coverage:
    articles: tuple[Article, ...]
    labels: tuple[str, ...]  # a short name per article: its outlet, else its file name
    letters: tuple[str, ...]  # A, B, C, ...: the column letter of each article
    options: Options
    base: int
    facts: tuple[Fact, ...]
    collation: tuple[CollationRow, ...]
    strips: tuple[tuple[HeatCell, ...], ...]  # one heat strip per article
    additions: tuple[Addition, ...]
    reuse: tuple[Reuse, ...]  # one per pair of articles, (0, 1), (0, 2), ... (1, 2), ...
    extractions: tuple[Extraction, ...]
    comparisons: tuple[Comparison, ...]  # parallel to `reuse`: the pairwise comparisons it was built from

    def containment(self, i: int, j: int) -> float:
        """Share of article i's words found in article j."""
        if i == j:
            return 1.0
        r = self.pair(i, j)
        return r.left_in_right if r.left == i else r.right_in_left

    def pair(self, i: int, j: int) -> Reuse:
        a, b = min(i, j), max(i, j)
        return self.reuse[pair_index(len(self.articles), a, b)]

    def comparison(self, i: int, j: int) -> Comparison:
        """The pairwise comparison of articles i and j (left is the lower index)."""
        a, b = min(i, j), max(i, j)
        return self.comparisons[pair_index(len(self.articles), a, b)]

    def sentence_text(self, article: int, sentence: int) -> str:
        a = self.articles[article]
        s = a.sentences[sentence]
        return a.text[s.start : s.end]


def letter(i: int) -> str:
    """A, B, ... Z, then AA, AB: the column letter of article i."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def pair_index(n: int, i: int, j: int) -> int:
    """Position of the pair (i, j), i < j, in the order (0, 1), (0, 2), ..., (1, 2), ..."""
    return i * n - i * (i + 1) // 2 + (j - i - 1)
