"""Label each change: figure, date, name, quote, attribution, hedging, cosmetic or other.

A change is a hunk: neighbouring edited runs inside one sentence pair, merged when at most
one word stands between them, so a reworded clause reads as one change. The rules look at
both sides alike, so swapping sides never changes a label.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from desktop.core.align.units import Sentence, Side, number_value
from desktop.core.align.words import Run
from desktop.core.article import BlockKind, Span
from desktop.core.comparison import ChangeClass

MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
RELATIVE_DAYS = frozenset("today yesterday tomorrow tonight weekend morning afternoon evening overnight".split())
HEDGES = frozenset(
    """may might could reportedly allegedly apparently possibly perhaps probably likely unlikely alleged
    purportedly seemingly supposedly believed suspected unconfirmed appears appear appeared seems seem seemed
    suggests suggested estimated""".split()
)
SPEECH = frozenset(
    """said says say told tells according stated states announced claimed claims insisted explained wrote
    writes tweeted confirmed added adds""".split()
)
AGENTS = frozenset(
    """he she they we i officials official police spokesman spokeswoman spokesperson authorities sources source
    minister company government agency statement report reports witnesses residents experts analysts
    spokesmen representative representatives""".split()
)


@dataclass(frozen=True, slots=True)
class Hunk:
    a0: int  # keyed-token positions in the left sentence
    a1: int
    b0: int
    b1: int


def hunks(runs: Sequence[Run], sa: Sentence, a: Side) -> list[Hunk]:
    """Edited runs, merged across gaps of at most one word."""
    out: list[Hunk] = []
    gap_words = 0
    wordy = a.wordy
    for tag, a0, a1, b0, b1 in runs:
        if tag == "equal":
            gap_words = 0
            for i in range(a0, a1):
                gap_words += wordy[sa.tokens[i]]
                if gap_words > 1:
                    break
            continue
        if out and gap_words <= 1:
            last = out[-1]
            out[-1] = Hunk(last.a0, a1, last.b0, b1)
        else:
            out.append(Hunk(a0, a1, b0, b1))
        gap_words = 99
    return out


_DOUBLE = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]')
_SINGLE = re.compile("['\u2018\u2019\u201a\u201b]")


class QuoteMap:
    """Where one side's text stands inside quotation marks (per paragraph; built when first asked)."""

    def __init__(self, side: Side) -> None:
        self.side = side
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def _build(self) -> None:
        text = self.side.article.text
        spans: list[tuple[int, int]] = []
        for para in self.side.paragraphs:
            a, b = para.span
            open_at = None
            for m in _DOUBLE.finditer(text, a, b):
                if open_at is None:
                    open_at = m.end()
                else:
                    spans.append((open_at, m.start()))
                    open_at = None
            if open_at is not None:  # a quote running on into the next paragraph
                spans.append((open_at, b))
            open_at = None
            for m in _SINGLE.finditer(text, a, b):
                before = text[m.start() - 1] if m.start() > a else " "
                after = text[m.end()] if m.end() < b else " "
                if open_at is None and (before.isspace() or before in "([") and after.isalnum():
                    open_at = m.end()
                elif open_at is not None and not before.isspace() and not after.isalnum():
                    spans.append((open_at, m.start()))
                    open_at = None
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def quoted(self, offset: int) -> bool:
        if self._starts is None:
            self._build()
        k = bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self._ends[k]

    def any_quoted(self, tokens) -> bool:
        toks = self.side.article.tokens
        return any(self.quoted(toks[t].start) for t in tokens)


class _View:
    """One side of a hunk, as the rules read it."""

    def __init__(self, side: Side, sent: Sentence, lo: int, hi: int, quotes: QuoteMap) -> None:
        toks = side.article.tokens
        text = side.article.text
        self.idx = sent.tokens[lo:hi]
        wordy = side.wordy
        self.words = [text[toks[t].start : toks[t].end] for t in self.idx if wordy[t]]
        self.norms = [toks[t].norm for t in self.idx]
        first_word = next((k for k, t in enumerate(sent.tokens) if wordy[t]), -1)
        self.initial = {sent.tokens[first_word]} if first_word >= 0 else set()
        self.word_idx = [t for t in self.idx if wordy[t]]
        self.context = [toks[t].norm.casefold() for t in sent.tokens[max(0, lo - 3) : lo] + sent.tokens[hi : hi + 3]]
        self.quoted = quotes.any_quoted(self.idx)


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _is_date(word: str) -> bool:
    low = word.casefold().rstrip(".")
    if low == "may" and not _capital(word):
        return False  # the modal verb, not the month
    if low in MONTHS or low in WEEKDAYS or low in RELATIVE_DAYS:
        return True
    return len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2100


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) or number_value(word) is not None


def classify(
    a: Side, sa: Sentence, b: Side, sb: Sentence, h: Hunk, quotes_a: QuoteMap, quotes_b: QuoteMap
) -> ChangeClass:
    va = _View(a, sa, h.a0, h.a1, quotes_a)
    vb = _View(b, sb, h.b0, h.b1, quotes_b)
    flat_a = "".join(ch for n in va.norms for ch in n if ch.isalnum()).casefold()
    flat_b = "".join(ch for n in vb.norms for ch in n if ch.isalnum()).casefold()
    if flat_a == flat_b:
        return ChangeClass.COSMETIC  # punctuation or case only
    values_a = [number_value(w) or w.casefold() for w in va.words]
    values_b = [number_value(w) or w.casefold() for w in vb.words]
    if values_a == values_b:
        return ChangeClass.COSMETIC  # "five" and "5"
    set_a = {w.casefold() for w in va.words}
    set_b = {w.casefold() for w in vb.words}
    only_a = [(w, t) for w, t in zip(va.words, va.word_idx) if w.casefold() not in set_b]
    only_b = [(w, t) for w, t in zip(vb.words, vb.word_idx) if w.casefold() not in set_a]
    diff = [w for w, _ in only_a + only_b]
    context = set(va.context) | set(vb.context)
    if any(_is_date(w) for w in diff) or (
        any(_is_number(w) for w in diff) and context & (MONTHS | WEEKDAYS) and not context & {"$", "%"}
    ):
        return ChangeClass.DATE
    if any(_is_number(w) for w in diff):
        return ChangeClass.FIGURE
    if any(w.casefold() in HEDGES for w in diff):
        return ChangeClass.HEDGING
    if only_a and len(only_a) == len(only_b):
        pairs = list(zip(only_a, only_b))
        if all(
            _capital(x) and _capital(y) and min(len(x), len(y)) >= 3
            and Levenshtein.normalized_similarity(x.casefold(), y.casefold()) >= 0.6
            for (x, _), (y, _) in pairs
        ):
            return ChangeClass.NAME  # a respelling
    names = [w for w, t in only_a if _capital(w) and t not in va.initial] + [
        w for w, t in only_b if _capital(w) and t not in vb.initial
    ]
    speech = (context | (set_a & set_b)) & SPEECH
    if speech and diff and not all(w.casefold() in SPEECH for w in diff):
        if names or any(w.casefold() in AGENTS for w in diff):
            return ChangeClass.ATTRIBUTION
    if names:
        return ChangeClass.NAME
    if only_a and len(only_a) == len(only_b):
        if all(
            not _capital(x) and not _capital(y) and min(len(x), len(y)) >= 4
            and Levenshtein.distance(x.casefold(), y.casefold()) <= 2
            for (x, _), (y, _) in zip(only_a, only_b)
        ):
            return ChangeClass.COSMETIC  # spelling
    if va.quoted or vb.quoted:
        return ChangeClass.QUOTE
    return ChangeClass.OTHER


def whole_sentence_class(side: Side, sent: Sentence, quotes: QuoteMap) -> ChangeClass:
    """An added or removed sentence: a date for a dateline, a quote when it quotes someone, else other."""
    if side.article.blocks[sent.block].kind == BlockKind.DATELINE:
        return ChangeClass.DATE
    return ChangeClass.QUOTE if quotes.any_quoted(sent.tokens) else ChangeClass.OTHER


def hunk_spans(a: Side, sa: Sentence, b: Side, sb: Sentence, h: Hunk) -> tuple[Span | None, Span | None]:
    ta, tb = a.article.tokens, b.article.tokens
    left = Span(ta[sa.tokens[h.a0]].start, ta[sa.tokens[h.a1 - 1]].end) if h.a1 > h.a0 else None
    right = Span(tb[sb.tokens[h.b0]].start, tb[sb.tokens[h.b1 - 1]].end) if h.b1 > h.b0 else None
    return left, right
