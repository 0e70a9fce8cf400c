"""Sentences and word tokens with character offsets, and the comparison form of a token.

The comparison form makes the engine reflow-proof by construction: curly and straight
quotes, dashes, non-breaking spaces, NFKC variants and line-end hyphenation all map to
one form, while the text shown is never touched.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.core.article import Span, Token

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2007": " ",
        "\u00ad": "",  # soft hyphen
    }
)

# A word: letters/digits, joined by inner apostrophes, dots, commas in numbers, hyphens,
# and a line-end hyphen ("infor-\nmation"). Anything else that is not space is one token.
_TOKEN_RE = re.compile(
    r"[^\W_]+(?:(?:['\u2019]|[.,](?=\d)|[-\u2010\u2011](?:[ \t]*\n[ \t]*)?)[^\W_]+)*"
    r"|[^\w\s]",
)
_HYPHEN_BREAK_RE = re.compile(r"[-\u2010\u2011][ \t]*\n[ \t]*")


def normalize(s: str) -> str:
    """NFKC plus one form for quotes, dashes and spaces; case is kept."""
    s = unicodedata.normalize("NFKC", s.translate(_CHAR_MAP)).translate(_CHAR_MAP)
    if "\n" in s:
        s = _HYPHEN_BREAK_RE.sub("", s)
    return s


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), normalize(m.group())) for m in _TOKEN_RE.finditer(text, start, end)]


def is_word(norm: str) -> bool:
    return any(ch.isalnum() for ch in norm)


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm st jr sr rev hon pres supt det insp
    inc corp co ltd llc plc bros no nos vs etc al approx dept est fig vol ed eds op
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla
    ore pa tenn tex va vt wash wis wyo""".split()
)

# Sentence end: . ! ? (or …) possibly followed by closing quotes/brackets, then space.
_END_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the '.' at `dot` part of an abbreviation or an initial rather than a sentence end?"""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot]
    if not word:
        return False
    if "." in word:  # U.S, a.m, Ph.D
        return True
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    return word.lower() in _ABBREVIATIONS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside text[start:end], trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    cur = start
    for m in _END_RE.finditer(text, start, end):
        punct_end = m.end()
        nxt = punct_end
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        follower = text[nxt]
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            # An abbreviation ends a sentence only when a line break follows it.
            if "\n" not in text[punct_end:nxt]:
                continue
        if not (follower.isupper() or follower.isdigit() or follower in "\"'\u201c\u2018(["):
            continue
        spans.append(Span(cur, punct_end))
        cur = nxt
    spans.append(Span(cur, end))
    return [s for s in (_trim(text, s) for s in spans) if s.end > s.start]


def _trim(text: str, span: Span) -> Span:
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span(a, b)
