"""Label each change: figure, date, name, quote, attribution, hedging, cosmetic or other.

A change is a hunk: an edited run inside one sentence pair, joined with its neighbours when
they get the same label and at most one word stands between them, so a reworded clause
reads as one change. The rules look at both sides alike, so swapping sides never changes
a label.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from rapidfuzz.distance import Levenshtein

from desktop.core import regexes
from desktop.core.align.units import Sentence, Side, number_value
from desktop.core.align.words import Run
from desktop.core.article import BlockKind, Span
from desktop.core.compare.model import ChangeClass

MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
_DAY_NAMES = MONTHS | WEEKDAYS  # once: the union was rebuilt for every word asked about
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
    """An edit inside a sentence pair, as keyed-token positions on each side."""

    a0: int  # keyed-token positions in the left sentence
    a1: int
    b0: int
    b1: int


def changes_in(a: Side, sa: Sentence, b: Side, sb: Sentence, runs: Sequence[Run], quotes_a, quotes_b):
    """(class, hunk) for the edits of one pair, in reading order.

    Each edited run is labelled on its own; neighbours with the same label and at most
    one word between them are then read as one change ("will not reopen the" →
    "are not going to reopen those"), while a respelled name next to a dropped weekday
    stays two changes.
    """
    out: list[tuple[ChangeClass, Hunk]] = []
    gap_words = 99
    wordy = a.wordy
    for tag, a0, a1, b0, b1 in runs:
        if tag == "equal":
            gap_words = 0
            for i in range(a0, a1):
                gap_words += wordy[sa.tokens[i]]
                if gap_words > 1:
                    break
            continue
        h = Hunk(a0, a1, b0, b1)
        cls = classify(a, sa, b, sb, h, quotes_a, quotes_b)
        if out and gap_words <= 1:
            last_cls, last = out[-1]
            joined = Hunk(last.a0, a1, last.b0, b1)
            # A word dropped on one side and one added on the other, a word apart, is one
            # edit ("Rasheed said" → "said Rashid"): label it as a whole, as any joined change.
            swapped = (last.a0 == last.a1) != (h.a0 == h.a1) and (last.b0 == last.b1) != (h.b0 == h.b1)
            if last_cls == cls or swapped:
                out[-1] = (classify(a, sa, b, sb, joined, quotes_a, quotes_b), joined)
                gap_words = 99
                continue
        out.append((cls, h))
        gap_words = 99
    return out


# Japanese corner brackets 「」 open and close a quotation as “ ” do.
_DOUBLE = regexes.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u300c\u300d]')
_SINGLE = regexes.compile("['\u2018\u2019\u201a\u201b]")
_START = itemgetter(0)


class QuoteMap:
    """Where one side's text stands inside quotation marks, found paragraph by paragraph as asked.

    Most labels are settled before quotation matters, and most paragraphs hold no change: scanning
    only the paragraphs asked about (every quotation mark and apostrophe of the text costs a step
    of Python) left a tenth of the work at 100k words."""

    def __init__(self, side: Side) -> None:
        self.side = side
        self._spans: dict[int, tuple[list[int], list[int]]] = {}  # per paragraph: starts, ends

    def _paragraph_spans(self, para: int) -> list[tuple[int, int]]:
        """The quoted spans of one paragraph (a quotation left open runs to its end)."""
        text = self.side.article.text
        a, b = self.side.paragraphs[para].span
        spans: list[tuple[int, int]] = []
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
        return spans

    def any_quoted(self, tokens: Sequence[int], para: int) -> bool:
        """Whether any of these tokens (indices into the article's tokens, all in paragraph `para`
        of the side: a paragraph's quotation marks are read within it) starts inside a quotation."""
        merged = self._spans.get(para)
        if merged is None:
            merged = self._spans[para] = _merged(self._paragraph_spans(para))
        starts, ends = merged
        if not starts or not tokens:
            return False
        toks = self.side.article.tokens
        if type(tokens) is not range or tokens.step != 1:
            for t in tokens:
                offset = toks[t].start
                k = bisect_right(starts, offset) - 1
                if k >= 0 and offset < ends[k]:
                    return True
            return False
        # A run of tokens (a hunk can hold thousands, in a paragraph of hundreds of quotations):
        # only the spans between its first and last token's starts are looked at, each by one
        # bisection for the first token starting inside it.
        first, stop = tokens.start, tokens.stop
        last_start = toks[stop - 1].start
        k = bisect_right(ends, toks[first].start)  # the first span ending after the first token starts
        while k < len(starts) and starts[k] <= last_start:
            t = bisect_left(toks, starts[k], first, stop, key=_START)
            if t < stop and toks[t].start < ends[k]:
                return True
            k += 1
        return False


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts and ends of the union of the spans, as sorted disjoint spans (empty ones dropped)."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if s >= e:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [s for s, _ in merged], [e for _, e in merged]


class _View:
    """One side of a hunk, as the rules read it. What only some rules ask about (the sentence's
    first word, a day or clock word beside a number, quotation) is found when they ask: most
    changes are labelled before."""

    def __init__(self, side: Side, sent: Sentence, lo: int, hi: int, quotes: QuoteMap) -> None:
        toks = side.article.tokens
        text = side.article.text
        self.idx = sent.tokens[lo:hi]
        wordy = side.wordy
        self.words = [text[toks[t].start : toks[t].end] for t in self.idx if wordy[t]]
        self.norms = [toks[t].norm for t in self.idx]
        self.word_idx = [t for t in self.idx if wordy[t]]
        around = [*sent.tokens[max(0, lo - 3) : lo], *sent.tokens[hi : hi + 3]]
        self.context = [toks[t].norm.casefold() for t in around]
        self._side, self._sent, self._lo, self._hi = side, sent, lo, hi
        self._quotes = quotes

    def initial(self) -> set[int]:
        """The sentence's first word token, whose capital says nothing about a name."""
        wordy, tokens = self._side.wordy, self._sent.tokens
        first_word = next((k for k, t in enumerate(tokens) if wordy[t]), -1)
        return {tokens[first_word]} if first_word >= 0 else set()

    def day_names(self) -> bool:
        """Whether the word right next to the hunk makes a number in it a date or a time:
        "March 4", "4 March", "Aug. 15", "6 p.m." (not "4.39 percent late Friday")."""
        toks, wordy, tokens, lo, hi = self._side.article.tokens, self._side.wordy, self._sent.tokens, self._lo, self._hi
        before = [t for t in tokens[max(0, lo - 3) : lo] if wordy[t]][-1:]
        after = [t for t in tokens[hi : hi + 4] if wordy[t]][:2]
        follow = [toks[t].norm.casefold().replace(".", "") for t in after]
        clock = follow[:1] in (["am"], ["pm"]) or follow in (["a", "m"], ["p", "m"])
        return clock or any(_is_day_name(toks[t].norm) for t in before + after[:1])

    def quoted(self) -> bool:
        """Whether the hunk stands (partly) in a quotation: asked only of the changes no other rule labels."""
        return self._quotes.any_quoted(self.idx, self._sent.para)


def _flat(norms: list[str]) -> str:
    """Letters and digits only, case folded; a number keeps its decimal point (1.2 is not 12)."""
    out = []
    for n in norms:
        if n.isascii() and n.isalpha():  # most words: kept whole
            out.append(n)
        elif any(ch.isdigit() for ch in n):
            n = number_value(n) or n  # 1,000 and 1000 are one figure
            out.append("".join(ch for ch in n if ch.isalnum() or ch in ".,"))
        else:
            out.append("".join(ch for ch in n if ch.isalnum()))
    return "".join(out).casefold()


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _is_day_name(word: str) -> bool:
    # Capitalised only: "may", "march", "sun" and "wed" are ordinary words in lower case.
    return _capital(word) and word.casefold().rstrip(".") in _DAY_NAMES


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2100


def _is_date(word: str) -> bool:
    return _is_day_name(word) or word.casefold() in RELATIVE_DAYS or _is_year(word)


def _is_number(word: str) -> bool:
    if word.casefold() == "one":  # mostly a pronoun ("one of the", "no one")
        return False
    return any(ch.isdigit() for ch in word) or number_value(word) is not None


def classify(
    a: Side, sa: Sentence, b: Side, sb: Sentence, h: Hunk, quotes_a: QuoteMap, quotes_b: QuoteMap
) -> ChangeClass:
    va = _View(a, sa, h.a0, h.a1, quotes_a)
    vb = _View(b, sb, h.b0, h.b1, quotes_b)
    flat_a = _flat(va.norms)
    flat_b = _flat(vb.norms)
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
    numbers = [w for w in diff if _is_number(w)]
    if numbers:
        years = all(_is_year(w) for w in numbers)
        clock = (va.day_names() or vb.day_names()) and not context & {"$", "%"}
        return ChangeClass.DATE if years or clock else ChangeClass.FIGURE
    dates = [w for w in diff if _is_date(w)]
    if dates and (len(diff) <= 4 or 3 * len(dates) >= len(diff)):
        return ChangeClass.DATE
    # A long rewrite that happens to hold a hedge word or a name is a rewrite, not a hedge
    # or a name change: those labels need the hedge or the names to be most of the edit.
    hedges = [w for w in diff if w.casefold() in HEDGES]
    if hedges and len(diff) - len(hedges) <= 2:
        return ChangeClass.HEDGING
    if only_a and len(only_a) == len(only_b):
        pairs = list(zip(only_a, only_b))
        if all(
            _capital(x) and _capital(y) and min(len(x), len(y)) >= 3
            and not _is_day_name(x) and not _is_day_name(y)
            and Levenshtein.normalized_similarity(x.casefold(), y.casefold()) >= 0.6
            for (x, _), (y, _) in pairs
        ):
            return ChangeClass.NAME  # a respelling
    initial_a, initial_b = va.initial(), vb.initial()
    names = [w for w, t in only_a if _capital(w) and t not in initial_a] + [
        w for w, t in only_b if _capital(w) and t not in initial_b
    ]
    speech = (context | (set_a & set_b)) & SPEECH
    if speech and diff and not all(w.casefold() in SPEECH for w in diff):
        if names or any(w.casefold() in AGENTS for w in diff):
            return ChangeClass.ATTRIBUTION
    if names and (len(diff) <= 2 or 2 * len(names) >= len(diff)):
        return ChangeClass.NAME
    if only_a and len(only_a) == len(only_b):
        if all(
            not _capital(x) and not _capital(y) and min(len(x), len(y)) >= 4
            and Levenshtein.distance(x.casefold(), y.casefold()) <= 2
            for (x, _), (y, _) in zip(only_a, only_b)
        ):
            return ChangeClass.COSMETIC  # spelling
    if va.quoted() or vb.quoted():
        return ChangeClass.QUOTE
    return ChangeClass.OTHER


def whole_sentence_class(side: Side, sent: Sentence, quotes: QuoteMap) -> ChangeClass:
    """An added or removed sentence: a date for a dateline, a quote when it quotes someone, else other
    (cosmetic when the options leave nothing of it to compare)."""
    if not sent.keys:
        return ChangeClass.COSMETIC
    if side.article.blocks[sent.block].kind == BlockKind.DATELINE:
        return ChangeClass.DATE
    return ChangeClass.QUOTE if quotes.any_quoted(sent.tokens, sent.para) else ChangeClass.OTHER


def hunk_spans(a: Side, sa: Sentence, b: Side, sb: Sentence, h: Hunk) -> tuple[Span | None, Span | None]:
    ta, tb = a.article.tokens, b.article.tokens
    left = Span(ta[sa.tokens[h.a0]].start, ta[sa.tokens[h.a1 - 1]].end) if h.a1 > h.a0 else None
    right = Span(tb[sb.tokens[h.b0]].start, tb[sb.tokens[h.b1 - 1]].end) if h.b1 > h.b0 else None
    return left, right
