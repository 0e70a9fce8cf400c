"""The units the engine aligns: one article's compared paragraphs and sentences, with token keys."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import itemgetter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from desktop.core import regexes
from desktop.core.article import BODY_KINDS, Article, Span
from desktop.core.compare.model import Options
from desktop.core.ingest.text import is_word

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12, "dozen": 12}
_DIGIT_GROUPS = regexes.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_START = itemgetter(0)
_NORM = itemgetter(2)


def number_value(word: str) -> str | None:
    """The digits a number word or a grouped numeral stands for ("five" → "5", "1,000" → "1000")."""
    low = word.casefold()
    if low in _UNITS:
        return str(_UNITS[low])
    if low in _TENS:
        return str(_TENS[low])
    if low in _SCALES:
        return str(_SCALES[low])
    if "-" in low:  # twenty-five
        a, _, b = low.partition("-")
        if a in _TENS and b in _UNITS and 0 < _UNITS[b] < 10:
            return str(_TENS[a] + _UNITS[b])
    if _DIGIT_GROUPS.match(word):
        return word.replace(",", "")
    return None


def _wordy(norm: str) -> bool:
    return norm.isalnum() or is_word(norm)


def token_key(norm: str, options: Options, word: bool | None = None) -> str | None:
    """The form two tokens must share to count as equal; None when the options drop the token.

    Hyphens inside a word never count: a hard wrap at a compound ("well-\\nknown") reaches
    the tokenizer as line-end hyphenation, so "well-known" and "wellknown" must agree.
    """
    word = _wordy(norm) if word is None else word
    if options.ignore_punctuation:
        if not word:
            return None
        key = "".join(ch for ch in norm if ch.isalnum())
    else:
        key = norm
    if options.digits_as_words and word:
        value = number_value(norm)
        if value is not None:
            return value
    if word and "-" in key:
        key = key.replace("-", "")
    if options.ignore_case:
        key = key.casefold()
    return key


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence as the aligner sees it: where it is and the keys of its words."""

    span: Span
    block: int  # index into article.blocks
    para: int  # index into Side.paragraphs
    tokens: Sequence[int]  # indices into article.tokens of the tokens that carry a key (a range when all do)
    keys: tuple[str, ...]  # their keys, parallel to `tokens`
    words: tuple[str, ...]  # casefolded keys of the word tokens: what similarity is measured on


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph as the aligner sees it: its block and its run of sentences."""

    block: int
    span: Span
    first: int  # index of its first sentence in Side.sentences
    last: int  # one past its last sentence


class Forms:
    """The key, the word flag and the similarity form of each distinct token form under one set of
    options: what a Side maps its tokens through. The two sides of a comparison share one, so the
    forms both articles use (most of them) are judged once."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.key: dict[str, str | None] = {}
        self.word: dict[str, bool] = {}
        self.fold: dict[str, str | None] = {}  # the similarity form of a word, None for punctuation

    def learn(self, norms: set[str]) -> None:
        options, key_of, word_of, fold_of = self.options, self.key, self.word, self.fold
        for n in norms - key_of.keys():
            w = _wordy(n)
            k = token_key(n, options, w)
            key_of[n], word_of[n] = k, w
            fold_of[n] = k.casefold() if w and k is not None else None


class Side:
    """One article as the engine sees it under the options."""

    def __init__(self, article: Article, options: Options, forms: Forms | None = None) -> None:
        self.article = article
        tokens = article.tokens
        norms = list(map(_NORM, tokens))
        if forms is None or forms.options != options:
            forms = Forms(options)
        forms.learn(set(norms))
        keys = list(map(forms.key.__getitem__, norms))
        wordy = bytearray(map(forms.word.__getitem__, norms))
        # filter(None, ...) on a slice of this gives a sentence's words without a Python loop.
        folded = list(map(forms.fold.__getitem__, norms))
        dropped = options.ignore_punctuation and None in keys  # only punctuation is ever dropped
        self.token_keys = keys
        self.wordy = wordy  # 1 for a word token (a letter or digit in it), 0 for punctuation
        self.word_before = list(accumulate(wordy, initial=0))  # word tokens before each token
        self.paragraphs: list[Para] = []
        self.sentences: list[Sentence] = []
        all_sentences = article.sentences
        # Each sentence's tokens: from its first token (the index keeps it) to the next sentence's,
        # since only spaces stand between two sentences. Found by bisection for an article built
        # without those starts.
        first_token = article.sentence_token_starts
        if len(first_token) != len(all_sentences) + 1:
            starts = list(map(_START, tokens))
            first_token = [bisect_left(starts, sp.start) for sp in all_sentences] + [len(tokens)]
        for bi, block in enumerate(article.blocks):
            if not options.include_boilerplate and block.kind not in BODY_KINDS:
                continue
            lo = bisect_left(all_sentences, (block.start, block.start))
            hi = bisect_right(all_sentences, (block.end, block.end))
            first = len(self.sentences)
            for k in range(lo, hi):
                span = all_sentences[k]
                if span.start < block.start or span.end > block.end:
                    continue
                t0 = first_token[k]
                t1 = first_token[k + 1]
                while t1 > t0 and tokens[t1 - 1][0] >= span.end:  # never, where spaces part sentences
                    t1 -= 1
                if dropped:
                    idx = tuple(i for i in range(t0, t1) if keys[i] is not None)
                    skeys = tuple(keys[i] for i in idx)
                else:
                    idx = range(t0, t1)
                    skeys = tuple(keys[t0:t1])
                words = tuple(filter(None, folded[t0:t1]))
                self.sentences.append(Sentence(span if type(span) is Span else Span(*span), bi, len(self.paragraphs),
                                               idx, skeys, words))
            if len(self.sentences) > first:
                self.paragraphs.append(Para(bi, Span(block.start, block.end), first, len(self.sentences)))
        self._word_tokens: list[int] | None = None
        self._word_keys: list[str] | None = None
        self.word_count = sum(len(s.words) for s in self.sentences)
        self._sorts_after: dict[Side, bool] = {}

    def order_key_parts(self) -> Iterator[str]:
        """The compared text as one string, piece by piece: the keys of each sentence joined by
        spaces, sentences parted by "\\x00", paragraphs by "\\x01". The string decides which side
        the engine treats as first (`sorts_after`)."""
        for p in self.paragraphs:
            if p.first:
                yield "\x01"
            for k in range(p.first, p.last):
                if k > p.first:
                    yield "\x00"
                yield " ".join(self.sentences[k].keys)

    def sorts_after(self, other: Side) -> bool:
        """Whether this side's order key sorts after the other's, both read only as far as their
        first difference (two versions of a story mostly differ early; building both whole strings
        cost a few milliseconds in every long comparison, three times over)."""
        if other not in self._sorts_after:
            self._sorts_after[other] = _greater(self.order_key_parts(), other.order_key_parts())
        return self._sorts_after[other]

    def words_between(self, sent: Sentence, lo: int, hi: int) -> int:
        """Word tokens among a sentence's keyed tokens lo..hi (dropped tokens are never words)."""
        if hi <= lo:
            return 0
        return self.word_before[sent.tokens[hi - 1] + 1] - self.word_before[sent.tokens[lo]]

    def article_word_count(self) -> int:
        """`Article.word_count` of the whole article (its body, whatever the options compare), from
        the word flags kept here: the same test of a form (a letter or digit in it)."""
        before = self.word_before
        return self.article.body_words(lambda lo, hi: before[hi] - before[lo])

    def word_tokens(self) -> list[int]:
        """Indices of the compared word tokens, in text order."""
        if self._word_tokens is None:
            wordy = self.wordy
            self._word_tokens = [i for s in self.sentences for i in s.tokens if wordy[i]]
        return self._word_tokens

    def word_keys(self) -> list[str]:
        """The keys of `word_tokens()`, in the same order (containment and shared passages both read them)."""
        if self._word_keys is None:
            keys = self.token_keys
            self._word_keys = [keys[t] for t in self.word_tokens()]
        return self._word_keys


def _greater(parts_a: Iterator[str], parts_b: Iterator[str]) -> bool:
    """"".join(parts_a) > "".join(parts_b), joining no further than the first character that differs."""
    a = b = ""
    while True:
        while not a and (a := next(parts_a, None)) == "":
            pass
        while not b and (b := next(parts_b, None)) == "":
            pass
        if not a or not b:  # one string ended: the other, if it goes on, is the greater
            return bool(a)
        n = min(len(a), len(b))
        if a[:n] != b[:n]:
            return a[:n] > b[:n]
        a, b = a[n:], b[n:]
