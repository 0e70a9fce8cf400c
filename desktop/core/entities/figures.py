"""Figures: a number, its scale and currency, and the unit or head noun that says what it counts."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from desktop.core import regexes
from desktop.core.entities.lexicon import FUNCTION_WORDS, IRREGULAR_PAST

_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
           "dozen": 12}
_CURRENCY = {"$": "USD", "US$": "USD", "\u20ac": "EUR", "\u00a3": "GBP", "\u00a5": "JPY", "C$": "CAD", "A$": "AUD"}
# Surface form -> canonical unit; conversions to a shared base let "1,000 miles" meet "1,609 km".
UNITS = {
    "mile": "miles", "miles": "miles", "mi": "miles", "kilometer": "km", "kilometers": "km", "kilometre": "km",
    "kilometres": "km", "km": "km", "meter": "m", "meters": "m", "metre": "m", "metres": "m", "foot": "feet",
    "feet": "feet", "ft": "feet", "inch": "inches", "inches": "inches", "pound": "pounds", "pounds": "pounds",
    "lb": "pounds", "lbs": "pounds", "kilogram": "kg", "kilograms": "kg", "kg": "kg", "ton": "tons",
    "tons": "tons", "tonne": "tonnes", "tonnes": "tonnes", "percent": "percent", "per cent": "percent",
    "%": "percent", "year": "years", "years": "years", "month": "months", "months": "months", "week": "weeks",
    "weeks": "weeks", "day": "days", "days": "days", "hour": "hours", "hours": "hours", "minute": "minutes",
    "minutes": "minutes", "second": "seconds", "seconds": "seconds", "dollar": "USD", "dollars": "USD",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "degrees": "degrees",
    "points": "points", "percentage points": "percentage points", "acres": "acres", "gallons": "gallons",
    "barrels": "barrels", "people": "people", "persons": "people",
}
# Tons stay apart from tonnes: a "ton" may be short, long or metric, so the text's own unit is kept.
CONVERT = {"km": ("miles", 1 / 1.609344), "m": ("feet", 1 / 0.3048), "kg": ("pounds", 1 / 0.45359237)}
MEASURES = frozenset(UNITS.values()) - {"people"}

_NUMWORD = r"(?:" + "|".join(list(_SMALL) + list(_TENS)) + r")(?:-(?:" + "|".join(list(_SMALL)[:9]) + r"))?"
_TAIL = (
    r"(?:[\s-](?P<scale>hundred|thousand|million|billion|trillion|bn|mn)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per\scent)\b)?"
)
# Two patterns, each with a fixed set of first characters so the scan skips ahead quickly.
# No empty group before the number: a pattern that starts with a digit class is scanned for digits
# in C, one that starts with a group is tried at every character. So is one that starts with two
# branches: the first digit of "1,000" and "12.5" is written once, before them (the same matches
# as `\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`, tried in the same order; a third of the scan).
_DIGIT_RE = regexes.compile(r"(?P<num>\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))" + _TAIL)
_CUR_BEFORE = regexes.compile(r"(?:US\$|C\$|A\$|[$\u20ac\u00a3\u00a5])\s?$")
_WORDNUM_RE = regexes.compile(r"(?P<cur>)(?P<num>(?i:" + _NUMWORD + r"|a\sdozen))\b" + _TAIL)
# Odds: "one in three", "2 in 3", "a two-in-three chance" are one figure, the share, not a count
# of three chances. (Not "3 in 2010": a year is not a denominator.)
_ODDS_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}|" + _NUMWORD + r")"
_ODDS_RE = regexes.compile(r"\b(?P<a>" + _ODDS_NUM + r")[\s-]in[\s-](?P<b>" + _ODDS_NUM + r")\b(?![,.]?\d)", re.I)
# What every match of _ODDS_RE holds: "in" between spaces or hyphens, after a digit or a whole number
# word (the last word of "twenty-one" follows a hyphen: a word boundary too). Its scan is a tenth of
# _ODDS_RE's, which tries every number word at each word of every sentence, and it lets through one
# sentence in 250 (a figure's last letter alone, as in "more in", let through one in 6).
# (The space before "in" comes first, and the number looked behind for: a pattern that starts with
# a small class is scanned in C, and a space is rarer than a letter.)
_ODDS_HINT = regexes.compile(r"[\s-](?=in[\s-])(?:(?<=\d[\s-])|" + "|".join(
    rf"(?<=\b{w}[\s-])" for w in sorted({*_SMALL, *_TENS})) + ")", re.I)
# The longest number word _ODDS_RE reads ("seventeen-eight")
_ODDS_WORD_CHARS = max(map(len, (*_SMALL, *_TENS))) + 1 + max(map(len, list(_SMALL)[:9]))


def _odds(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of _ODDS_RE in text[start:end], as its finditer gives them, tried only where the
    first number can end: at a place _ODDS_HINT finds, and starting no further back than the longest
    number word or the digits and commas before it. (Its finditer tries every number word at every
    character: most of reading a paragraph with no full stop.)"""
    pos = start
    for hint in _ODDS_HINT.finditer(text, start + 1, end):
        sep = hint.start()
        if sep <= pos:
            continue  # inside the last match
        k = sep
        while k > pos and (text[k - 1] == "," or text[k - 1].isdecimal()):  # (\d is isdecimal)
            k -= 1
        # The first match from the leftmost start: the match found at the earliest place, as finditer's
        for s in range(max(pos, min(k, sep - _ODDS_WORD_CHARS)), sep):
            m = _ODDS_RE.match(text, s, end)
            if m is not None:
                yield m
                pos = m.end()
                break


_NUMWORD_FIRST = frozenset(list(_SMALL) + list(_TENS) + ["a"])
_NUMWORD_FORMS = frozenset(w for x in _NUMWORD_FIRST for w in (x, x.capitalize(), x.upper()))
_TEXT = itemgetter(2)  # a Tok's text
# The forms but "a", which starts a figure only in "a dozen"
_NUMBER_FORMS = _NUMWORD_FORMS - {"a", "A"}
_DOZEN = regexes.compile("dozen", re.I)
# A number word before a hyphen ("five-year", "twenty-one"), which the tokens' texts do not show as
# such: found from the hyphen, looked behind for each length of number word ("a-" is left out: no
# figure starts "a-"). It may also find "someone-": it only says whether to look at the tokens.
_NUMWORD_HYPHEN = regexes.compile("-(?:" + "|".join(
    f"(?<=(?:{'|'.join(sorted(w for w in _NUMWORD_FIRST if len(w) == n))})-)"
    for n in sorted({len(w) for w in _NUMWORD_FIRST} - {1})) + ")", re.I)
_WORD_RE = regexes.compile(r"[A-Za-z](?:[\w'\u2019]|\.(?=[\w-]))*(?:-\w+)*|[^\w\s]")
_STOP = FUNCTION_WORDS | frozenset(
    """is are was were be been being would could should will said says has have had than per away ago
    later earlier old long high wide each apiece more less fewer up down times who which that were
    percent""".split()
)


@dataclass(frozen=True, slots=True)
class FigureHit:
    """An amount found in a sentence: its number, unit and what it measures."""

    start: int
    end: int
    text: str
    number: float
    unit: str  # canonical unit ("miles", "USD") or the head phrase ("Tomahawk cruise missiles")
    head: str  # the word compared across articles ("missile", "mile", "usd")
    what: str = ""  # what a measure measures: "heavy fuel oil" in "1,200 tonnes of heavy fuel oil"


# (Compiled here, from the stored programs, rather than by re's cache on first use in each process.)
_LETTERS_RE = regexes.compile(r"\b[A-Za-z]+")
_GLUED_WORD = regexes.compile(r"[a-z]+\b")
_GLUED_UNIT = regexes.compile(r"[a-z]+")
_YEAR_LIKE = regexes.compile(r"1[89]\d\d|20\d\d")
_MADE_IN = regexes.compile(r"-(?:made|based|built|backed|led|owned|funded|era|style|class|range)$")

MAX_FIGURE_CHARS = 40  # "1,000,000,000,000,000.25" is 24; longer runs of digits are not amounts


def fmt_number(x: float) -> str:
    if not math.isfinite(x):  # a scale word on a huge number ("1e300 trillion")
        return f"{x:g}"
    return str(int(x)) if x == int(x) and abs(x) < 1e18 else f"{x:g}"


def _word_value(word: str) -> float | None:
    low = word.lower()
    if low == "a dozen":
        return 12
    if "-" in low:
        tens, _, unit = low.partition("-")
        if tens in _TENS and unit in _SMALL:
            return _TENS[tens] + _SMALL[unit]
        return None
    return _SMALL.get(low) or _TENS.get(low)


def _number(raw: str) -> float | None:
    return float(raw.replace(",", "")) if raw[0].isdigit() else _word_value(raw)


def find_figures(text: str, start: int, end: int, taken: list[tuple[int, int]], words=None) -> list[FigureHit]:
    """Figures in text[start:end]; `words` (its tokens.Tok), when given, spare a scan for number words."""
    out = []
    matches = list(_DIGIT_RE.finditer(text, start, end))
    if words is None:
        words_at = [m.start() for m in _LETTERS_RE.finditer(text[start:end])]
        words_at = [start + k for k in words_at]
    elif _NUMBER_FORMS.isdisjoint(map(_TEXT, words)) and _NUMWORD_HYPHEN.search(text, start, end) is None \
            and _DOZEN.search(text, start, end) is None:
        words_at = []  # most sentences: no number word, tested in C rather than token by token
    else:
        words_at = [t.start for t in words if t.text in _NUMWORD_FORMS
                    or ("-" in t.text and t.text.split("-")[0].lower() in _NUMWORD_FIRST)]
    for k in words_at:
        m = _WORDNUM_RE.match(text, k, end)
        if m is not None:
            matches.append(m)
    odds_hint = _ODDS_HINT.search(text, start + 1, end)  # from start + 1: it looks one character behind
    if not matches and odds_hint is None:
        return out  # no figure here (most sentences)
    matches.sort(key=lambda m: m.start())
    # The taken spans by start, with the furthest end among each span and those before it: a figure
    # overlaps one when, of the spans that start before its end, one ends after its start. (A scan of
    # them all for every figure cost the square of a long sentence's dates and figures.)
    taken = sorted(taken)
    taken_starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))
    odds_taken = []
    # (Each odds match is checked against the dates alone: the odds before it end where it may start.)
    for m in _odds(text, start, end) if odds_hint else ():
        a, b = (_number(m.group(g)) for g in ("a", "b"))
        k = bisect_left(taken_starts, m.end())
        if a and b and a <= b and not (k and reach[k - 1] > m.start()):
            out.append(FigureHit(m.start(), m.end(), m.group(), a / b, "odds", "odds"))
            odds_taken.append(m.span())
    if odds_taken:
        taken = sorted(taken + odds_taken)
        taken_starts = [a for a, _ in taken]
        reach = list(accumulate((b for _, b in taken), max))
    for m in matches:
        s, e = m.span()
        num_s = m.start("num")
        cur_m = _CUR_BEFORE.search(text, max(0, num_s - 4), num_s) if m.group("num")[0].isdigit() else None
        cur = _CURRENCY[cur_m.group().strip()] if cur_m else None
        if cur_m:
            s = cur_m.start()
        k = bisect_left(taken_starts, e)
        if k and reach[k - 1] > s:
            continue
        raw = m.group("num")
        if len(raw) > MAX_FIGURE_CHARS:
            continue  # a serial number or a hex dump, and past float's range: not a figure to compare
        if raw[0].isdigit():
            if num_s > 0 and (text[num_s - 1].isalnum() or text[num_s - 1] in "#/:."):
                continue
            glued = _GLUED_WORD.match(text[e : e + 4]) if e < len(text) and text[e].isalpha() else None
            if glued and glued.group() in UNITS:  # "52km"
                pass
            elif e < len(text) and (text[e].isalnum() or (text[e] in ":/" and e + 1 < len(text) and text[e + 1].isdigit())):
                continue
            value = float(raw.replace(",", ""))
            is_word = False
        else:
            value = _word_value(raw)
            is_word = True
            if value is None or raw[0].isupper() and e + 1 < len(text) and text[e + 1].isupper():
                continue  # "Five Eyes": part of a name
        scale = m.group("scale")
        if scale:
            value *= _SCALES[scale.lower()]
        pct = m.group("pct")
        if cur:
            unit, head, hend = cur, cur.lower(), e
        elif pct:
            unit, head, hend = "percent", "percent", e
        else:
            unit, head, hend = _head(text, e, end)
        if not unit:
            if is_word:
                continue
            if _YEAR_LIKE.fullmatch(raw):
                continue  # a year without a cue; the date rules decide
        if is_word and raw.lower() == "one" and unit not in UNITS.values():
            continue
        what = _measured(text, hend, end) if unit in MEASURES and unit != "percent" else ""
        out.append(FigureHit(s, max(hend, e), text[s : max(hend, e)], value, unit, head, what))
    out.sort(key=lambda h: h.start)
    return out


_OF_RE = regexes.compile(r"\s+of\s+")


def _measured(text: str, pos: int, end: int) -> str:
    """ "tonnes of heavy fuel oil": the noun phrase after a measure and "of", up to three words, ended
    early by a function word or a verb form ("oil ran aground")."""
    m = _OF_RE.match(text, pos, end)
    if m is None:
        return ""
    words = []
    for w in _WORD_RE.finditer(text, m.end(), min(end, m.end() + 60)):
        low = w.group().lower()
        if not w.group()[0].isalpha() or low in _STOP or low in IRREGULAR_PAST or low.endswith("ly") or (
                words and low.endswith("ed")):
            break
        words.append(w.group())
        if len(words) == 3:
            break
    return " ".join(words) if words and words[-1].lower() not in ("a", "an", "the") else ""


def _head(text: str, pos: int, end: int) -> tuple[str, str, int]:
    """The unit or noun phrase after a number: "U.S.-made Tomahawk cruise missiles" -> that phrase."""
    words: list[tuple[str, int, int]] = []
    skipped_modifier = False
    if pos < end and text[pos] == "-":  # "a five-year plan"
        pos += 1
    elif pos < end and text[pos].isalpha():  # "52km": the unit is glued to the number
        glued = _GLUED_UNIT.match(text[pos : pos + 4])
        if glued and glued.group() in UNITS:
            unit = UNITS[glued.group()]
            return unit, singular(unit.lower()), pos + glued.end()
    for m in _WORD_RE.finditer(text, pos, min(end, pos + 80)):
        w = m.group()
        low = w.lower()
        if not words:
            two = text[m.start() : m.start() + 16].lower()
            for unit in ("percentage points", "per cent"):
                if two.startswith(unit):
                    return UNITS[unit], unit.split()[-1], m.start() + len(unit)
            if low in UNITS:
                return UNITS[low], singular(UNITS[low].lower()), m.end()
            if low == "of":
                continue
            if low in ("the", "its", "their", "his", "her") and not words:
                continue
            if "-" in w and not skipped_modifier and _MADE_IN.search(low):
                skipped_modifier = True
                continue
        if w == "." and words and len(words) < 4 and "." in words[-1][0] and text[m.end() : m.end() + 1] == " " \
                and text[m.end() + 1 : m.end() + 2].islower():
            words[-1] = (words[-1][0] + ".", words[-1][1], m.end())
            continue  # the dot ending "U.S." in "23 U.S. troops", not a full stop
        if not w[0].isalpha() or low in _STOP or low.endswith("ly") or (words and low.endswith("ed")):
            break
        words.append((w, m.start(), m.end()))
        if len(words) == 4 or (low.endswith("s") and not low.endswith("ss") and w[0].islower()):
            break  # the first plural noun ends the phrase: "two countries", "cruise missiles"
    if not words:
        return "", "", pos
    phrase = " ".join(w for w, _, _ in words)
    return phrase, singular(words[-1][0].lower()), words[-1][2]


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
