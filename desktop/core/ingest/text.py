"""Sentences and word tokens with character offsets, and the comparison form of a token.

The comparison form makes the engine reflow-proof by construction: curly and straight
quotes, dashes, non-breaking spaces, NFKC variants and line-end hyphenation all map to
one form, while the text shown is never touched.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import accumulate, chain, compress, count, repeat
from operator import contains, not_

from desktop.core import regexes
from desktop.core.article import Span, Token
from desktop.core.scripts import CJK_CLOSERS, CJK_TERMINALS, HAN_KANA, KATAKANA, OTHER_TERMINALS, SPACELESS, spaceless_in

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2007": " ",
        "\u00ad": "",  # soft hyphen
        "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",  # zero-width
    }
)

# A word: letters/digits, joined by inner apostrophes, dots, commas and colons in numbers, hyphens,
# and a line-end hyphen ("infor-\nmation"); or letters with dots ("U.S.", "a.m.").
# Anything else that is not space is one token. Letters with dots stop at 12 (possessive): tried
# from every letter of "a.a.a.a...", an unbounded run made tokenizing quadratic (10 KB: 9 s).
# Chinese and Japanese (no spaces between words, desktop/core/scripts.py): each Han or hiragana
# character is a token and a katakana run is one, so a changed name or figure is marked as
# itself, not as the whole clause; digits and Latin letters among them stay whole words.
_W = f"[^\\W_{SPACELESS}]"
_L = f"[^\\W\\d_{SPACELESS}]"  # a letter
_JOINED = rf"(?:(?:['\u2019]|[.,](?=\d)|(?<=\d):(?=\d)|[-\u2010\u2011](?:[ \t]*\n[ \t]*)?){_W}+)*"
TOKEN_PATTERN = (
    rf"(?:{_L}\.){{2,12}}+(?!{_W})"
    rf"|{_W}+{_JOINED}"
    rf"|[{KATAKANA}]+|[{HAN_KANA}]"
    r"|[^\w\s]"
)
# The same tokens, written for speed (the tokens of every article go through it): a token starts at
# any character but a space or "_", which sre then skips in C without trying each alternative
# there; the alternatives test that first character looking back; and the dotted one checks for
# its dot before its letter, so an ordinary word fails it at once. Spans equal TOKEN_PATTERN's
# (tests/test_text.py), and the tokenizer runs about a quarter faster.
_TOKEN_RE = regexes.compile(
    rf"[^\s_](?:\.(?<={_L}\.)(?:{_L}\.){{1,11}}+(?!{_W})"
    rf"|(?<={_W}){_W}*{_JOINED}"
    rf"|(?<=[{KATAKANA}])[{KATAKANA}]*|(?<=[{HAN_KANA}])"
    r"|(?<=[^\w\s]))"
)
_HYPHEN_BREAK_RE = regexes.compile(r"[-\u2010\u2011][ \t]*\n[ \t]*")
# Plain text: ASCII and the marks outside it that news text is full of (curly quotes and
# apostrophes, dashes, ellipses, guillemets, bullets, no-break spaces). None of these marks is a
# word character or (made NFKC) a word, and the tokenizer joins words at the apostrophe and the two
# hyphens only, as it does at "'" and "-"; so on plain text a letter is [A-Za-z] and a word
# character [A-Za-z0-9], the kana and Han alternatives never match, and the pattern below, of
# classes sre tests by bitmap rather than by Unicode category, finds the same tokens in two thirds
# of the time (tests/test_text.py and tests/test_lean_load.py check both, and the marks).
PLAIN_MARKS = "\u2018\u2019\u201c\u201d\u2010\u2011\u2013\u2014\u2026\u00ab\u00bb\u2022\u00a0"
NOT_PLAIN_RE = regexes.compile(f"[^\\x00-\\x7f{PLAIN_MARKS}]")
_PLAIN_JOINED = r"(?:(?:['\u2019]|[.,](?=[0-9])|(?<=[0-9]):(?=[0-9])|[-\u2010\u2011](?:[ \t]*\n[ \t]*)?)[A-Za-z0-9]++)*+"
_PLAIN_TOKEN = (
    r"[^\s_](?:\.(?<=[A-Za-z]\.)(?:[A-Za-z]\.){1,11}+(?![A-Za-z0-9])"
    rf"|(?<=[A-Za-z0-9])[A-Za-z0-9]*+{_PLAIN_JOINED}"
    r"|(?<=[^\w\s]))"
)
# Both patterns as a group to split on: the text between tokens (spaces, "_") and the tokens
# alternate in one list made in C, and the offsets are its running lengths. Every lookbehind of
# both looks inside its own token, so a piece of the text splits as it would in place.
_PLAIN_SPLIT_RE = regexes.compile(f"({_PLAIN_TOKEN})")
_TOKEN_SPLIT_RE = regexes.compile(f"({_TOKEN_RE.pattern})")


def single_spaced(text: str) -> str:
    """`" ".join(text.split())`, without the copy when the text is so already: printable text holds
    no whitespace but the space (tests/test_clean.py checks every code point), so only a double
    space or one at either end can differ, and most paragraphs and lines are single-spaced."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def normalize(s: str) -> str:
    """NFKC plus one form for quotes, dashes and spaces; case is kept."""
    if s.isascii() and "\n" not in s:
        return s  # nothing to unify, and the common case by far
    s = unicodedata.normalize("NFKC", s.translate(_CHAR_MAP)).translate(_CHAR_MAP)
    if "\n" in s:
        s = _HYPHEN_BREAK_RE.sub("", s)
    return s


# The comparison form of a token that is not plain ASCII, remembered: a few spellings ("’s",
# "“", "don’t") make most of them, and each costs two translations and an NFKC pass.
_token_norm = functools.lru_cache(maxsize=4096)(normalize)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end] with their offsets: the one tokenisation of an article, read by
    the index, the aligner and (entities/tokens.py from_index) the entity rules.

    Plain text by the plain pattern; a paragraph (between blank lines, which no token holds) with
    another character in it by the general one."""
    end = len(text) if end is None else end
    if text.isascii():
        return _tokens(_PLAIN_SPLIT_RE, text, start, end)
    tokens: list[Token] = []
    pos = start
    while pos < end:
        m = NOT_PLAIN_RE.search(text, pos, end)
        if m is None:
            tokens += _tokens(_PLAIN_SPLIT_RE, text, pos, end)
            break
        a = text.rfind("\n\n", pos, m.start())
        b = text.find("\n\n", m.end(), end)
        a, b = (pos if a < 0 else a), (end if b < 0 else b)
        if a > pos:
            tokens += _tokens(_PLAIN_SPLIT_RE, text, pos, a)
        tokens += _tokens(_TOKEN_SPLIT_RE, text, a, b)
        pos = b
    return tokens


def _tokens(split_re: re.Pattern, text: str, start: int, end: int) -> list[Token]:
    """The tokens of text[start:end], found by splitting on `split_re` (a token pattern as its group)."""
    piece = text if start == 0 and end == len(text) else text[start:end]
    parts = split_re.split(piece)  # between, token, between, token, ..., between
    offsets = list(accumulate(map(len, parts), initial=start))
    words = parts[1::2]
    # Each token's comparison form is itself but where it is not ASCII or holds a line-end hyphen's
    # line break: those few found in C and normalized (remembered: a few spellings make most of them).
    odd = [] if piece.isascii() else compress(count(), map(not_, map(str.isascii, words)))
    broken = compress(count(), map(contains, words, repeat("\n"))) if _HYPHEN_BREAK_RE.search(piece) else []
    norms = words
    for i in chain(odd, broken):
        if norms is words:
            norms = words.copy()
        norms[i] = _token_norm(words[i])
    # Token(...) runs a Python-level __new__: tuple.__new__ makes each in C.
    return list(map(tuple.__new__, repeat(Token), zip(offsets[1::2], offsets[2::2], norms)))


def is_word(norm: str) -> bool:
    return any(ch.isalnum() for ch in norm)


# Abbreviations, by what usually follows them. Titles come before a name ("Mr. Smith",
# "Gov. Reed", "No. 10", "v. Raich"), so a capital after them never starts a sentence.
_TITLES = frozenset(
    """mr mrs ms messrs mme mlle dr prof sen sens rep reps gov gen gens col lt sgt capt cmdr adm maj brig
    pvt cpl st rev hon pres supt det insp fr msgr rt atty amb no nos vol vols fig figs op pp p vs v ft mt
    cf ch sec art""".split()
)
# US state abbreviations end a place ("Kansas City, Mo."): a capital after them starts a sentence.
_STATES = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn tex va vt wash wis wyo""".split()
)
# Others end a sentence only when a typical sentence opener follows ("Apple Inc. The ...").
_OTHER_ABBREVIATIONS = frozenset(
    """jr sr inc corp co ltd llc plc bros etc al approx dept est ed eds esp govt
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split()
)
_ABBREVIATIONS = _TITLES | _STATES | _OTHER_ABBREVIATIONS

# Words that open sentences and rarely follow an abbreviation inside one.
_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those there here
    but and or so yet if when while after before as since although though because once then now
    in on at for from by with without under over during despite among about according
    however meanwhile still also instead later earlier today yesterday tomorrow last next
    some many most several both all each every no not none one two three what who why how where""".split()
)
_SPEECH_VERBS = frozenset(
    """said says asked asks told tells shouted yelled added adds wrote writes replied cried insisted noted
    recalled explained continued declared remarked responded exclaimed joked quipped whispered warned
    argued stated admitted agreed concluded tweeted posted""".split()
)

# Sentence end: . ! ? (or …) possibly followed by closing quotes/brackets, then space.
# It starts only where a run of marks starts, and takes the run whole (possessive): a run of
# 10,000 dots was otherwise rescanned from each dot, 18 s for one paragraph.
# Other scripts' full stops (danda, ؟, ։, ። ...: desktop/core/scripts.py) are followed by a space too.
# Chinese and Japanese full stops need no space after them (the `cjk` group).
# The pattern opens on a mark, and only then looks back for one before it: sre skips to the next
# mark in C, where a look-behind first was tried at every character (15 -> 4 ms on 600 KB).
_MARKS = f".!?\u2026{OTHER_TERMINALS}"
_END_RE = regexes.compile(rf"[{_MARKS}](?<![{_MARKS}].)[{_MARKS}]*+[\"'\u201d\u2019)\]]*+(?=\s)")
# With Chinese or Japanese in the block: their full stops too (the `cjk` group). A separate
# pattern, since the alternation halves the speed of the scan (English: 3.0 ms → 4.9 ms on 80 KB).
_END_CJK_RE = regexes.compile(_END_RE.pattern + rf"|(?P<cjk>[{CJK_TERMINALS}]++[{CJK_CLOSERS}]*+)")
# An abbreviation is a short word: the walk back from a dot stops here ("a.a.a.a..." is no
# abbreviation, and walking it from every dot was quadratic).
_ABBREVIATION_MAX = 12
_WORD_AT_RE = regexes.compile(r"\s*([^\W\d_][\w'\u2019-]*)")
_OPENING = "\"'\u201c\u2018([\u300c\u300e\uff08\u3010\u00ab\u00bf\u00a1"


# German writes the day of a date as an ordinal with a dot ("4. Dezember"); a month name after
# one or two digits and a dot goes on the sentence.
_ORDINAL_MONTHS = frozenset(
    "Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember".split()
)
_ORDINAL_DAY_RE = regexes.compile(r"(?<!\d)\d{1,2}$")
_MONTH_AFTER_RE = regexes.compile(r"[^\W\d_]+")


def _ordinal_day(text: str, dot: int, nxt: int) -> bool:
    before = text[dot - 1 : dot]
    if not (before.isdigit() or before == "\n"):
        return False  # what the search needs ("$" also matches before a final line break), tested first
    if _ORDINAL_DAY_RE.search(text, max(0, dot - 3), dot) is None:
        return False
    word = _MONTH_AFTER_RE.match(text, nxt)
    return word is not None and word.group() in _ORDINAL_MONTHS


def _abbreviation_at(text: str, dot: int) -> str:
    """The kind of abbreviation ending at the '.' at `dot`: "", "title", "state", "other", "dotted", "initial"."""
    stop = max(0, dot - _ABBREVIATION_MAX - 1)
    # Mostly a word of letters after a space ("said."): found in C; else walked back to its start.
    i = text.rfind(" ", stop, dot) + 1
    if not (i > stop and text[i:dot].replace(".", "").isalpha()):
        i = dot
        while i > stop and (text[i - 1].isalpha() or text[i - 1] == "."):
            i -= 1
        if i == stop and stop > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
            return ""  # longer than any abbreviation
    word = text[i:dot]
    if not word:
        return ""
    if "." in word:  # U.S, a.m, Ph.D, D-N.Y
        return "dotted"
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return "initial"
    low = word.lower()
    if low in _TITLES:
        return "title"
    if low in _STATES:
        return "state"
    if low in _OTHER_ABBREVIATIONS:
        return "other"
    return ""


def _next_words(text: str, pos: int, end: int, n: int) -> list[str]:
    """Up to n words starting right at `pos`, separated by spaces only."""
    words = []
    while len(words) < n:
        m = _WORD_AT_RE.match(text, pos, end)
        if m is None:
            break
        words.append(m.group(1))
        pos = m.end()
    return words


def _abbreviation_ends_sentence(kind: str, text: str, nxt: int, end: int) -> bool:
    follower = text[nxt]
    if kind in ("title", "initial"):
        return False
    if kind == "state":
        return follower.isupper() or follower in _OPENING
    if follower in _OPENING:
        return kind == "dotted"
    words = _next_words(text, nxt, end, 1)
    return bool(words) and words[0][0].isupper() and words[0].lower() in _OPENERS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside text[start:end], trimmed of surrounding whitespace.

    Not fooled by abbreviations ("Mr.", "Feb. 27", "U.S. officials"), initials, decimals, or
    a quotation that ends in "!" or "?" and runs on ("Go!" Smith shouted.).
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    cur = start
    ends = _END_CJK_RE if spaceless_in(text, start, end) else _END_RE
    for m in ends.finditer(text, start, end):
        punct_end = m.end()
        nxt = punct_end
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        follower = text[nxt]
        if m.lastgroup == "cjk":
            # 「…。」と述べた: a quotation closed inside the sentence, which goes on in hiragana.
            if nxt == punct_end and m.group()[-1] in CJK_CLOSERS and "\u3041" <= follower <= "\u309f":
                continue
            spans.append(Span(cur, punct_end))
            cur = nxt
            continue
        line_break = "\n" in text[punct_end:nxt]
        if text[m.start()] == "." and m.end() - m.start() == 1:
            if not line_break and _ordinal_day(text, m.start(), nxt):
                continue  # "am Montag, 4. Dezember 2023": a German date, not a sentence end
            kind = _abbreviation_at(text, m.start())
            if kind and not line_break and not _abbreviation_ends_sentence(kind, text, nxt, end):
                continue
        # A capital, a digit, an opening mark, or a letter of a script without case (Arabic, Hindi).
        if not (follower.isupper() or follower.isdigit() or follower in _OPENING
                or follower.isalpha() and not follower.islower()):
            continue
        if follower == "(" and _closing_aside(text, nxt, end):
            continue  # "... in Tokyo. (Wire Photo/Name)": a credit or aside closing the paragraph
        mark = m.group()
        if mark[-1] in "\"\u201d" and mark[0] in "!?" and not line_break:
            words = _next_words(text, nxt, end, 2)
            if len(words) == 2 and words[1].lower() in _SPEECH_VERBS:
                continue  # "Go!" Smith shouted.
        spans.append(Span(cur, punct_end))
        cur = nxt
    spans.append(Span(cur, end))
    # A span starts on a sentence's first character and ends on its full stop, but for the first
    # and last of the range: only a span on a space at either end is trimmed (a call for each
    # sentence cost a fifth of the splitting).
    out = []
    for s in spans:
        a, b = s
        if a < b and not text[a].isspace() and not text[b - 1].isspace():
            out.append(s)
        elif (s := _trim(text, s)).end > s.start:
            out.append(s)
    return out


def _closing_aside(text: str, pos: int, end: int) -> bool:
    """Is text[pos:end] one short parenthesis with nothing after it?"""
    close = text.find(")", pos, min(end, pos + 81))  # bounded: this runs at every sentence end
    return 0 < close - pos <= 80 and "(" not in text[pos + 1 : close] and not text[close + 1 : end].strip()


def _trim(text: str, span: Span) -> Span:
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span(a, b)
