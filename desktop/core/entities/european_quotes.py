"""Quotes in „…“, »…«, «…», ‹…› and “…”, with their speakers named by a speech verb before or after them
("sagte X", "so X", "a déclaré X", "selon X", "dijo X", "ha detto X", "disse X")."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> closing marks. German „…“ also closes with ” in some typesetting; «…» may hold
# spaces inside in French (« calme »).
_PAIRS = {"\u201e": "\u201c\u201d", "\u00bb": "\u00ab", "\u00ab": "\u00bb", "\u203a": "\u2039", "\u2039": "\u203a",
          "\u201c": "\u201d", "\u201a": "\u2018"}
_OPEN = {
    "de": "\u201e\u00bb\u00ab\u201a\u203a\u2039\u201c",
    "fr": "\u00ab\u201c\u2039",
    "es": "\u00ab\u201c\u2039",
    "it": "\u00ab\u201c\u2039",
    "pt": "\u00ab\u201c\u2039",
}
_VERBS = {
    "de": """sagte sagten sagt sagen erklärte erklärten erklärt betonte betont meinte meint fügte ergänzte
        ergänzt berichtete berichtet schrieb schreibt sagt warnte warnt kritisierte kritisiert forderte fordert
        rief erzählte erzählt antwortete antwortet räumte versicherte versichert bestätigte bestätigt
        so laut teilte""",
    "fr": """dit déclaré déclare a affirmé affirme affirmé expliqué explique souligné souligne ajouté ajoute
        estimé estime indiqué indique assuré assure confié confie raconté raconte précisé précise lancé lance
        répondu répond insisté insiste martelé martèle selon d'après commenté commente écrit écrit
        dit-il dit-elle""",
    "es": """dijo dice afirmó afirma declaró declara explicó explica señaló señala aseguró asegura añadió
        añade indicó indica sostuvo sostiene comentó comenta subrayó subraya según escribió""",
    "it": """detto dice dichiarato dichiara affermato afferma spiegato spiega sottolineato sottolinea aggiunto
        aggiunge secondo scritto ribadito ribadisce""",
    "pt": """disse diz afirmou afirma declarou declara explicou explica sublinhou sublinha acrescentou
        acrescenta segundo escreveu garantiu garante""",
}
SPEECH_VERBS: dict[str, frozenset[str]] = {lang: frozenset(v.split()) for lang, v in _VERBS.items()}
PRONOUNS = {"de": {"er", "sie"}, "fr": {"il", "elle", "-t-il", "-t-elle"}, "es": {"él", "ella"},
            "it": {"lui", "lei"}, "pt": {"ele", "ela"}}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # inside the marks
    end: int
    text: str
    words: int
    verb_before: tuple[int, int] | None  # the stretch before the quote that holds a speech verb
    verb_after: tuple[int, int] | None


_WORDS = re.compile(r"[^\W\d_][\w'\u2019-]*")


def find_quotes(text: str, start: int, end: int, lang: str) -> list[QuoteSpan]:
    """The quotes in one paragraph (text[start:end]), with the stretches around them where a
    speech verb names who spoke."""
    out: list[QuoteSpan] = []
    opens = _OPEN[lang]
    verbs = SPEECH_VERBS[lang]
    i = start
    while i < end:
        ch = text[i]
        if ch not in opens:
            i += 1
            continue
        closes = _PAIRS[ch]
        j = i + 1
        while j < end and text[j] not in closes and text[j] != "\n":
            j += 1
        if j >= end or text[j] not in closes:
            i += 1
            continue
        inner = text[i + 1:j]
        s = i + 1 + (len(inner) - len(inner.lstrip()))
        e = j - (len(inner) - len(inner.rstrip()))
        words = _WORDS.findall(inner)
        before = _sentence_before(text, start, i)
        after = _clause_after(text, j + 1, end)
        vb = before if any(w.lower() in verbs for w in _WORDS.findall(text[before[0]:before[1]])) else None
        va = after if any(w.lower() in verbs for w in _WORDS.findall(text[after[0]:after[1]])) else None
        # One word in marks is a term or a title; up to three are kept only where a speech verb is near,
        # and only when that verb leads to a speaker (european.py).
        if len(words) >= 4 or (len(words) >= 2 and (vb or va)):
            out.append(QuoteSpan(s, e, text[s:e], len(words), vb, va))
        i = j + 1
    return out


def _sentence_before(text: str, para_start: int, q: int) -> tuple[int, int]:
    k = q
    while k > para_start and text[k - 1] not in ".!?\u201c\u201d\u00ab\u00bb":
        k -= 1
    return k, q


def _clause_after(text: str, pos: int, end: int) -> tuple[int, int]:
    """ ", sagte Müller." / " a déclaré le ministre." / ", so die Ministerin.": up to the sentence's end."""
    m = re.compile(r"[^.!?\u201e\u00bb\u00ab\u201c]{0,120}").match(text, pos, end)
    return pos, m.end() if m else pos
