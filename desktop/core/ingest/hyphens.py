"""The line-end hyphen rule: whether a word broken at a hyphen at the end of a line keeps it.

The readers that join wrapped lines (txt, pdf) ask it of each line ending in a hyphen; the text
itself decides first, by how it writes the word elsewhere, looked up in the casefolded text.
"""

from __future__ import annotations

from bisect import bisect_right

from desktop.core import regexes

# First parts that make an English compound, not a word broken in two ("well-known", "self-made",
# "twenty-five"), and second parts that do the same after any word ("state-owned", "long-term").
# Short on purpose: a longer list ("high", "part", "mid") takes in the fragments of ordinary words
# broken at the margin ("high-ly", "part-ner", "mid-dle").
_COMPOUND_HEADS = frozenset("well self half twenty thirty forty fifty sixty seventy eighty ninety".split())
_COMPOUND_TAILS = frozenset("based owned backed term year".split())
# Endings that continue a word rather than start one: "self-ish", "well-ness".
_SUFFIXES = frozenset("ly ness ish less ful er ers est ed ing ment ments y ies".split())
_WORDS_RE = regexes.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTER_RE = regexes.compile(r"[^\W\d_]")  # what _WORDS_RE's words are made of


def text_words(text: str) -> tuple[TextWords, TextWords]:
    """The casefolded words of a text, split into (hyphenated, whole): the context
    `keeps_line_end_hyphen` weighs a broken word against. Each asks `in`, as a set would."""
    found = _Words(text)
    return TextWords(found, True), TextWords(found, False)


class TextWords:
    """`word in words`: is `word` one of the text's casefolded words (of `_WORDS_RE`) with a hyphen
    (`hyphenated`) or without? The readers ask about the few words broken at a line's end, so a
    word is looked for, not every word of the text listed first (a third of reading 100k words)."""

    __slots__ = ("_found", "_hyphenated")

    def __init__(self, found: _Words, hyphenated: bool) -> None:
        self._found = found
        self._hyphenated = hyphenated

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and ("-" in word) == self._hyphenated and self._found.has(word)


# The characters that casefold to more than one ("ß" -> "ss", "ﬁ" -> "fi", "İ" -> "i̇"), all 104 of
# them (tests/test_line_end_hyphens.py checks every code point): where they stand, an offset into the
# casefolded text is not one into the text.
CASEFOLD_SEVERAL = (
    "\u00df\u0130\u0149\u01f0\u0390\u03b0\u0587\u1e96-\u1e9a\u1e9e\u1f50\u1f52\u1f54\u1f56\u1f80-\u1faf"
    "\u1fb2-\u1fb4\u1fb6\u1fb7\u1fbc\u1fc2-\u1fc4\u1fc6\u1fc7\u1fcc\u1fd2\u1fd3\u1fd6\u1fd7\u1fe2-\u1fe4"
    "\u1fe6\u1fe7\u1ff2-\u1ff4\u1ff6\u1ff7\u1ffc\ufb00-\ufb06\ufb13-\ufb17"
)
_CASEFOLD_SEVERAL_RE = regexes.compile(f"[{CASEFOLD_SEVERAL}]")


# Past this many words asked of one text, or places where a word was found inside others, the
# text's words are listed once instead (linear, and each word then a set lookup): every question
# scans the casefolded text, so a file with thousands of broken lines, or a word found everywhere
# inside longer ones, would otherwise cost the product of the two.
_QUESTIONS = 16
_CANDIDATES = 1000


class _Words:
    """The words of one text, looked for in its casefolded form: `word` is one of them where it is
    found in the casefolded text at an offset where a word of the text starts (no letter before it,
    nor a hyphen after a letter, which would join it to the word before) that casefolds to `word`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded: str | None = None
        self.grown: list[int] = []  # where each character that casefolds to several ends, casefolded
        self.shift: list[int] = [0]  # how much longer the casefolded text is before each, and after the last
        self.listed: set[str] | None = None  # every word, listed (past the budget, or a Python whose casefold differs)
        self.questions = self.candidates = 0

    def has(self, word: str) -> bool:
        text = self.text
        if self.folded is None:
            self._fold()
        self.questions += 1
        if self.listed is None and self.questions > _QUESTIONS:
            self._list()
        if self.listed is not None:
            return word in self.listed
        folded, grown, shift = self.folded, self.grown, self.shift
        at = folded.find(word) if word else -1
        while at >= 0:
            self.candidates += 1
            if self.candidates > _CANDIDATES:
                self._list()
                return word in self.listed
            # The offset in the text, less the growth of what casefolded to several before (inside
            # one such character, `at` is no character's start: the word found there is checked anyway).
            i = at - shift[bisect_right(grown, at)]
            if not (i and (_LETTER_RE.match(text, i - 1) or text[i - 1] == "-" and i > 1 and _LETTER_RE.match(text, i - 2))):
                m = _WORDS_RE.match(text, i)
                if m is not None and m.group().casefold() == word:
                    return True
            at = folded.find(word, at + 1)
        return False

    def _fold(self) -> None:
        text = self.text
        self.folded = text.casefold()
        if len(self.folded) == len(text):
            return
        for m in _CASEFOLD_SEVERAL_RE.finditer(text):
            grown = self.shift[-1] + len(m.group().casefold()) - 1
            self.grown.append(m.end() + grown)
            self.shift.append(grown)
        if len(text) + self.shift[-1] != len(self.folded):  # a character this Python folds otherwise
            self._list()

    def _list(self) -> None:
        self.listed = {w.casefold() for w in set(_WORDS_RE.findall(self.text))}


def keeps_line_end_hyphen(head: str, tail: str, hyphenated: TextWords | frozenset = frozenset(),
                          whole: TextWords | frozenset = frozenset()) -> bool:
    """Whether a word broken at a line-end hyphen ("head-" then "tail" on the next line) keeps
    its hyphen once joined: the one rule the readers apply (txt, pdf).

    The text itself decides first: the word written with the hyphen elsewhere keeps it, written
    whole elsewhere drops it. Then a capital or a figure after the break keeps it ("Indo-Pacific",
    "COVID-19"), as does a known compound ("well-known", "state-owned"). Otherwise the lower-case
    second part continues the word ("inter-" "national"): the hyphen goes, as de-hyphenation does.
    """
    h, t = head.casefold(), tail.casefold()
    if f"{h}-{t}" in hyphenated:
        return True
    if h + t in whole:
        return False
    if tail[:1].isupper() or tail[:1].isdigit() or head[-1:].isdigit():
        return True
    if t in _SUFFIXES:
        return False
    return h.rsplit("-", 1)[-1] in _COMPOUND_HEADS or t.split("-", 1)[0] in _COMPOUND_TAILS
