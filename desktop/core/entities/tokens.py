"""Word tokens for the entity rules: acronyms, initials, title abbreviations and possessives kept apart."""

from __future__ import annotations

import re
from typing import NamedTuple

_ABBREV = frozenset(
    "Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Capt Sgt Adm Cmdr Prof Rev Hon St Jr Sr Mt Ft Inc Corp Co Ltd "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Messrs Supt Det Pres Ariz Calif Fla Mass Mich Tex "
    "Va Wash Ala Ark Colo Conn Del Ga Ill Ind Kan Ky La Md Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Vt Wis Wyo"
    .split()
)
# Words first: the common case is tried first and abbreviations are settled in Python only when
# a dot follows a word.
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W_]+)*|\d+(?:[.,:]\d+)*|\S")
_ACRONYM_RE = re.compile(r"(?:[A-Za-z]\.){2,}")
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
    pos = start
    finditer = _TOKEN_RE.finditer
    while True:
        restart = None
        for m in finditer(text, pos, end):
            s, e = m.span()
            word = m.group()
            c = word[0]
            if c.isalpha():
                if e < end and text[e] == ".":
                    acr = _ACRONYM_RE.match(text, s, end) if len(word) == 1 else None
                    if acr is not None:  # "U.S.", "a.m."
                        append(new(Tok, (s, acr.end(), acr.group(), "A")))
                        restart = acr.end()
                        break
                    if word in _ABBREV or (len(word) == 1 and c.isupper() and (e + 1 >= end or text[e + 1].isspace())):
                        append(new(Tok, (s, e + 1, word + ".", "A")))  # "Mr.", "Gov.", the initial in "John F. Kennedy"
                        restart = e + 1
                        break
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
            elif c.isdigit():
                append(new(Tok, (s, e, word, "N")))
            else:
                append(new(Tok, (s, e, word, "P")))
        if restart is None:
            return out
        pos = restart
