"""Label each change: figure, date, name, quote, attribution, hedging, cosmetic or other.

A change is a hunk: neighbouring edited runs inside one sentence pair, merged when at most
one word stands between them, so a reworded clause reads as one change. The rules look at
both sides alike, so swapping sides never changes a label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from desktop.core.align.units import Sentence, Side, number_value
from desktop.core.align.words import Run
from desktop.core.article import Span
from desktop.core.comparison import ChangeClass
from desktop.core.text import is_word

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
    toks = a.article.tokens
    for tag, a0, a1, b0, b1 in runs:
        if tag == "equal":
            gap_words = sum(1 for i in range(a0, a1) if is_word(toks[sa.tokens[i]].norm))
            continue
        if out and gap_words <= 1:
            last = out[-1]
            out[-1] = Hunk(last.a0, a1, last.b0, b1)
        else:
            out.append(Hunk(a0, a1, b0, b1))
        gap_words = 99
    return out


class QuoteMap:
    """Which tokens of one side stand inside quotation marks (per paragraph, double or single)."""

    def __init__(self, side: Side) -> None:
        self.inside: set[int] = set()
        text = side.article.text
        toks = side.article.tokens
        for para in side.paragraphs:
            idx = [t for s in side.sentences[para.first : para.last] for t in _all_tokens(side, s)]
            double = single = False
            for t in idx:
                norm = toks[t].norm
                if norm == '"':
                    double = not double
                    continue
                if norm == "'":
                    before = text[toks[t].start - 1] if toks[t].start > 0 else " "
                    after = text[toks[t].end] if toks[t].end < len(text) else " "
                    if not single and (before.isspace() or before in "([") and after.isalnum():
                        single = True
                    elif single and not after.isalnum():
                        single = False
                    continue
                if double or single:
                    self.inside.add(t)


def _all_tokens(side: Side, s: Sentence) -> range:
    """Every token of a sentence, keyed or not (quote marks may be dropped by the options)."""
    toks = side.article.tokens
    lo = s.tokens[0] if s.tokens else 0
    hi = s.tokens[-1] + 1 if s.tokens else 0
    while lo > 0 and toks[lo - 1].start >= s.span.start:
        lo -= 1
    while hi < len(toks) and toks[hi].end <= s.span.end:
        hi += 1
    return range(lo, hi)


class _View:
    """One side of a hunk, as the rules read it."""

    def __init__(self, side: Side, sent: Sentence, lo: int, hi: int, quotes: QuoteMap) -> None:
        toks = side.article.tokens
        text = side.article.text
        self.idx = sent.tokens[lo:hi]
        self.words = [text[toks[t].start : toks[t].end] for t in self.idx if is_word(toks[t].norm)]
        self.norms = [toks[t].norm for t in self.idx]
        first_word = next((k for k, t in enumerate(sent.tokens) if is_word(toks[t].norm)), -1)
        self.initial = {sent.tokens[first_word]} if first_word >= 0 else set()
        self.word_idx = [t for t in self.idx if is_word(toks[t].norm)]
        self.context = [toks[t].norm.casefold() for t in sent.tokens[max(0, lo - 3) : lo] + sent.tokens[hi : hi + 3]]
        self.quoted = any(t in quotes.inside for t in self.idx)


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
    """An added or removed sentence: a quote when it quotes someone, else other."""
    return ChangeClass.QUOTE if any(t in quotes.inside for t in _all_tokens(side, sent)) else ChangeClass.OTHER


def hunk_spans(a: Side, sa: Sentence, b: Side, sb: Sentence, h: Hunk) -> tuple[Span | None, Span | None]:
    ta, tb = a.article.tokens, b.article.tokens
    left = Span(ta[sa.tokens[h.a0]].start, ta[sa.tokens[h.a1 - 1]].end) if h.a1 > h.a0 else None
    right = Span(tb[sb.tokens[h.b0]].start, tb[sb.tokens[h.b1 - 1]].end) if h.b1 > h.b0 else None
    return left, right
