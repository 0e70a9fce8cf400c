"""Word tokens for the entity rules: acronyms, initials, title abbreviations and possessives kept apart."""

from __future__ import annotations

import re
from typing import NamedTuple

_ABBREV = (
    "Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Cmdr|Prof|Rev|Hon|St|Jr|Sr|Mt|Ft|Inc|Corp|Co|Ltd|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Messrs|Supt|Det|Gov|Pres|Ariz|Calif|Fla|Mass|Mich|Tex|Va|Wash"
)
_TOKEN_RE = re.compile(
    r"(?P<A>(?:[A-Za-z]\.){2,}|(?:" + _ABBREV + r")\.|[A-Z]\.(?=\s))"
    r"|(?P<N>\d+(?:[.,:]\d+)*)"
    r"|(?P<W>[^\W\d_]+(?:['\u2019-][^\W_]+)*)"
    r"|(?P<P>\S)"
)
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
    for m in _TOKEN_RE.finditer(text, start, end):
        kind = m.lastgroup
        s, e = m.span()
        word = m.group()
        if kind == "W" and ("'" in word or "\u2019" in word):
            if word.endswith(_POSSESSIVE) and len(word) > 2:
                append(Tok(s, e - 2, word[:-2], "W"))
                append(Tok(e - 2, e, word[-2:], "S"))
                continue
            if word.endswith(("'", "\u2019")):
                append(Tok(s, e - 1, word[:-1], "W"))
                append(Tok(e - 1, e, word[-1], "S"))
                continue
        append(Tok(s, e, word, kind))
    return out
