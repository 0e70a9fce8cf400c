"""Word tokens for the entity rules: acronyms, initials, title abbreviations and possessives kept apart."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

from desktop.core import regexes

_ABBREV = frozenset(
    "Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Capt Sgt Adm Cmdr Prof Rev Hon St Jr Sr Mt Ft Inc Corp Co Ltd "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Messrs Supt Det Pres Ariz Calif Fla Mass Mich Tex "
    "Va Wash Ala Ark Colo Conn Del Ga Ill Ind Kan Ky La Md Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Vt Wis Wyo"
    .split()
)
# A word, a number or any other mark, with the whitespace before it, for findall: (space, plain
# word, word, number or mark). Words first: the common case is tried first, and abbreviations are
# settled in Python only when a dot follows a word. A tuple of strings made in C costs less than a
# match object and two calls on it per token; the offsets are running sums of the lengths.
# A plain word is ASCII letters that the word branch would take whole (no letter of another
# script, apostrophe or hyphen joins it after) with no dot after: no possessive, acronym, title
# or initial, so a word token as it stands. Most words are, and skip the tests below (a fifth of
# the time of `tokenize`).
_SPACED_TOKEN_RE = regexes.compile(r"(\s*+)(?:([A-Za-z]++)(?![^\W\d_]|['\u2019-][^\W_]|\.)"
                                   r"|([^\W\d_]+(?:['\u2019-][^\W_]+)*)|(\d+(?:[.,:]\d+)*|\S))")
_ACRONYM_RE = regexes.compile(r"(?:[A-Za-z]\.){2,}")
_POSSESSIVE = ("'s", "\u2019s", "'S", "\u2019S")


class Tok(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # W word, A acronym or abbreviation with dots, N number, P punctuation, S possessive 's

    @property
    def cap(self) -> bool:
        return self.kind in "WA" and self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    out: list[Tok] = []
    append = out.append
    new = tuple.__new__  # skips the Python-level NamedTuple constructor: one token per word adds up
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1  # no space after the last token: a run of it would be tried from each of its characters
    pos = start  # where the token before ends
    taken = start  # an acronym or abbreviation took the tokens that start before this ("U", ".", "S", ".")
    for space, plain, word, other in _SPACED_TOKEN_RE.findall(text, start, last):
        s = pos + len(space)
        if plain:
            e = pos = s + len(plain)
            if s >= taken:
                append(new(Tok, (s, e, plain, "W")))
        elif word:
            e = pos = s + len(word)
            if s < taken:
                continue
            c = word[0]
            if c.isalpha():
                if e < end and text[e] == ".":
                    acr = _ACRONYM_RE.match(text, s, end) if len(word) == 1 else None
                    if acr is not None:  # "U.S.", "a.m."
                        append(new(Tok, (s, acr.end(), acr.group(), "A")))
                        taken = acr.end()  # where a dot ends a one-letter token: a token ends there
                        continue
                    if word in _ABBREV or (len(word) == 1 and c.isupper() and (e + 1 >= end or text[e + 1].isspace())):
                        append(new(Tok, (s, e + 1, word + ".", "A")))  # "Mr.", "Gov.", the initial in "John F. Kennedy"
                        taken = e + 1
                        continue
                if "'" in word or "\u2019" in word:
                    if word.endswith(_POSSESSIVE) and len(word) > 2:
                        append(new(Tok, (s, e - 2, word[:-2], "W")))
                        append(new(Tok, (e - 2, e, word[-2:], "S")))
                        continue
                    if word.endswith(("'", "\u2019")):
                        append(new(Tok, (s, e - 1, word[:-1], "W")))
                        append(new(Tok, (e - 1, e, word[-1], "S")))
                        continue
                append(new(Tok, (s, e, word, "W")))
            else:  # a letter-like digit or mark that \w holds ("²", "½")
                append(new(Tok, (s, e, word, "N" if c.isdigit() else "P")))
        else:
            e = pos = s + len(other)
            if s >= taken:
                append(new(Tok, (s, e, other, "N" if other[0].isdigit() else "P")))
    return out


# ---- from the index's tokens ---------------------------------------------------------------------
# The article is tokenised once, by the index (desktop/core/ingest/text.py, with offsets); on plain
# ASCII words, numbers and punctuation its tokens are these, one for one. They differ only around a
# few marks, found in one scan of the sentence: an apostrophe (the possessive is split here), a
# title or a single letter before a dot ("Mr.", "F.", "U.S."), a letter beside a digit ("10am",
# "a,3", "ID.3"), a digit before a hyphen ("19-year-old"), a line-end hyphen, "_", and any non-ASCII
# character but curly quotes and dashes (copied as written). A word with one apostrophe is split
# as `tokenize` splits it; only the whitespace-delimited chunks holding another mark are tokenised
# again, by `tokenize`: a chunk starts after whitespace and ends before it, where `tokenize` gives
# the same tokens as over the whole sentence (its tokens never hold whitespace, and it looks past a
# word only at the next two characters). tests/test_entity_tokens.py holds the two to each other.
# Each branch is a rare character (what comes before is looked behind for). A full stop is a mark
# only after a single letter or a title of _ABBREV standing alone (a lookbehind per length, as they
# must be of fixed width): "said." at the end of every sentence is no mark.
_DOT_AFTER = "|".join(
    [r"(?<=(?<![A-Za-z])[A-Za-z]\.)"]
    + [rf"(?<=(?<![A-Za-z])(?:{'|'.join(sorted(w for w in _ABBREV if len(w) == n))})\.)"
       for n in sorted({len(w) for w in _ABBREV})])
# The pattern opens with one class of every character a mark can start with, then each branch
# looks behind for its own: `re` skips from one character of an opening class to the next in C,
# but tries a pattern that opens with alternatives at every character (that was a third of
# from_index's time). The branches are tried in the same order, so the matches are those of
# `[^\x00-\x7f<standalone>]|['_]|\.(?!\d)(?:<dot after>)|[.,](?<=[A-Za-z][.,])(?=\d)|-(?<=[A-Za-z]-)(?=\d)
# |-[ \t]*\n|\d(?<=[A-Za-z]\d)|\d(?=[-A-Za-z])`.
# Non-ASCII marks neither tokeniser joins to a word, a token of their own wherever they stand (not
# "’", a joiner), are no marks: a one-character token is copied as written (the index's form of "“"
# is '"'). They stay out of _MARK_RE's classes, and are in _AFTER_WORD.
_STANDALONE_CHARS = "\u201c\u201d\u2018\u2014\u2013\u2026\u00ab\u00bb\u2022"
# What a mark can start with: any character but ASCII and those standalone marks; an apostrophe, "_",
# ".", ",", "-", a digit.
_MARK_RE = regexes.compile(r"[^\x00-\x26\x28-\x2b\x2f\x3a-\x5e\x60-\x7f" + _STANDALONE_CHARS + r"]"
                      r"(?:(?<=[^\x00-\x7f" + _STANDALONE_CHARS + r"])|(?<=['_])|(?<=\.)(?!\d)(?:" + _DOT_AFTER
                      + r")|(?<=[A-Za-z][.,])(?=\d)|(?<=[A-Za-z]-)(?=\d)|(?<=-)[ \t]*\n|(?<=[A-Za-z]\d)|(?<=\d)(?=[-A-Za-z]))")
_START = itemgetter(0)
_STANDALONE = frozenset(_STANDALONE_CHARS)
# What may follow a word without joining it.
_AFTER_WORD = frozenset(" \t\n\r,.;:!?)]}\"") | _STANDALONE
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_KIND = {**dict.fromkeys(_LETTERS, "W"), **dict.fromkeys("0123456789", "N")}


def from_index(text: str, index: Sequence[tuple[int, int, str]], lo: int, hi: int, start: int, end: int) -> list[Tok]:
    """`tokenize(text, start, end)`, read off the index's tokens `index[lo:hi]`: those that start
    in [start, end) (see above)."""
    if (lo > 0 and index[lo - 1][1] > start) or (hi > lo and index[hi - 1][1] > end):
        return tokenize(text, start, end)  # an index token across the sentence's edge: not these
    new = tuple.__new__
    kind = _KIND.get
    out: list[Tok] = []
    i = lo  # the next index token not yet read
    done = start  # the tokens before this are out
    for m in _MARK_RE.finditer(text, start, end):
        pos = m.start()
        c = text[pos]
        if pos < done or c.isspace():
            continue  # inside a chunk tokenised again, or a space of another script: between tokens either way
        if c == "'" or c == "\u2019":  # "Obama's", "don't": one index token, split here as `tokenize` does
            k = bisect_right(index, pos, i, hi, key=_START) - 1
            if k >= i:
                ts, te, _ = index[k]
                head, _, tail = text[ts:te].partition(c)
                if ts < pos < te and (te == end or text[te] in _AFTER_WORD) and _ascii_word(head) and _ascii_word(tail):
                    out += [new(Tok, (s, e, w if e - s > 1 else text[s], kind(w[0], "P"))) for s, e, w in index[i:k]]
                    if text[te - 2] == c and text[te - 1] in "sS":
                        out.append(new(Tok, (ts, te - 2, text[ts : te - 2], "W")))
                        out.append(new(Tok, (te - 2, te, text[te - 2 : te], "S")))
                    else:
                        out.append(new(Tok, (ts, te, text[ts:te], "W")))
                    i = k + 1
                    done = te
                    continue
        cs = _chunk_start(text, pos, done)
        k = bisect_left(index, cs, i, hi, key=_START)
        while k > i and index[k - 1][1] > cs:  # an index token holding whitespace ("infor-\nmation")
            k -= 1
            cs = _chunk_start(text, index[k][0], done)
        ce = m.end()
        j = k
        while True:
            while ce < end and not text[ce].isspace():
                ce += 1
            j = bisect_left(index, ce, j, hi, key=_START)
            if j == k or index[j - 1][1] <= ce:
                break
            ce = index[j - 1][1]
        out += [new(Tok, (s, e, w if e - s > 1 else text[s], kind(w[0], "P"))) for s, e, w in index[i:k]]
        out += tokenize(text, cs, ce)
        i = j
        done = ce
    out += [new(Tok, (s, e, w if e - s > 1 else text[s], kind(w[0], "P"))) for s, e, w in index[i:hi]]
    return out


def _ascii_word(w: str) -> bool:
    return w.isalpha() and w.isascii()


def _chunk_start(text: str, pos: int, start: int) -> int:
    while pos > start and not text[pos - 1].isspace():
        pos -= 1
    return pos
