"""Figures in German, French, Spanish, Italian and Portuguese: "3,5 Millionen Euro", "1 000 personnes",
"dos mil millones de euros", "12 %"; a year is a date, never the figure "2,005"."""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.entities.figures import FigureHit
from desktop.core.entities.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DIGITS,
    NUMBER_WORDS,
    PERCENT,
    SCALES,
    parse_digits,
)
from desktop.core.entities.stopwords import STOPWORDS

_UNITS = {
    "km": "km", "kilometer": "km", "kilometern": "km", "kilomètres": "km", "kilómetros": "km", "chilometri": "km",
    "quilômetros": "km", "quilómetros": "km", "m": "m", "meter": "m", "metern": "m", "mètres": "m", "metros": "m",
    "metri": "m", "kg": "kg", "kilogramm": "kg", "kilo": "kg", "kilos": "kg", "tonnen": "tonnes", "tonnes": "tonnes",
    "toneladas": "tonnes", "tonnellate": "tonnes", "jahre": "years", "jahren": "years", "jahr": "years",
    "ans": "years", "années": "years", "años": "years", "anni": "years", "anos": "years", "monate": "months",
    "monaten": "months", "mois": "months", "meses": "months", "mesi": "months", "tage": "days", "tagen": "days",
    "jours": "days", "días": "days", "giorni": "days", "dias": "days", "stunden": "hours", "heures": "hours",
    "horas": "hours", "ore": "hours", "minuten": "minutes", "minutes": "minutes", "minutos": "minutes",
    "minuti": "minutes", "grad": "degrees", "degrés": "degrees", "grados": "degrees", "gradi": "degrees",
    "graus": "degrees", "seiten": "pages", "pages": "pages", "páginas": "pages", "pagine": "pages",
    "cm": "cm", "mm": "mm", "ml": "ml", "l": "l", "g": "g", "kcal": "kcal", "gb": "GB", "mb": "MB",
    "hektar": "hectares", "hectares": "hectares", "hectáreas": "hectares", "ettari": "hectares",
}
# A number cited from a law or a ruling ("§ 97 Abs. 1", "Nr. 5", "Rdn. 748"), an article or page number:
# a reference, not a quantity.
_CITED = re.compile(r"(?:§§?|Abs\.|Absatz|Nr\.|Art\.|Rdn\.|Rn\.|Tz\.|S\.|Az\.?|Ziff\.|No\.|n°|nº|ISBN[-\d]*:?|"
                    r"Artikel-Nr\.:?|Kapitel|Band|Seite|chapitre|page|p\.|art\.|article)\s*$")
# What a counted noun ends with in the plural, and endings of verbs and adverbs, which it does not.
_PLURAL = {"fr": re.compile(r"[sxz]\Z"), "es": re.compile(r"s\Z"), "pt": re.compile(r"s\Z"), "it": re.compile(r"[ie]\Z"),
           "de": re.compile(r"")}
_VERBAL = {"fr": re.compile(r"(?:aient|èrent|ées|és|ment|ons|ez)\Z"), "es": re.compile(r"(?:aron|ieron|mente|ados|idos)\Z"),
           "pt": re.compile(r"(?:aram|eram|mente|ados|idos)\Z"), "it": re.compile(r"(?:ano|ono|mente|ati|iti)\Z"),
           "de": re.compile(r"(?:ten|ieren)\Z")}
_PREPOSED = frozenset("""grands grandes petits petites nouveaux nouvelles premiers premières derniers dernières autres
    jeunes vieux vieilles gros grosses bons bonnes principaux principales seuls seules grandi grandes piccoli piccole
    nuovi nuove primi prime ultimi ultime altri altre grandes pequeños pequeñas nuevos nuevas primeros primeras
    últimos últimas otros otras novos novas primeiros primeiras últimos outras pequenos pequenas""".split())
_YEARLIKE = re.compile(r"1[89]\d\d|20\d\d")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_ORDINAL_BEFORE = re.compile(r"(?:\b(?:der|die|das|den|dem|des|am|im|zum|zur|vom|beim)\s)$", re.I)


@lru_cache(maxsize=None)
def _word_re(lang: str) -> re.Pattern:
    words = sorted(NUMBER_WORDS[lang], key=len, reverse=True)
    return re.compile(r"(?<![\w'\u2019-])(?i:" + "|".join(map(re.escape, words)) + r")(?![\w'\u2019-])")


def find_figures(text: str, start: int, end: int, lang: str, taken: list[tuple[int, int]]) -> list[FigureHit]:
    out: list[FigureHit] = []
    cands = [(m.start(), m.end(), parse_digits(m.group()), False) for m in DIGITS.finditer(text, start, end)]
    cands += [(m.start(), m.end(), float(NUMBER_WORDS[lang][m.group().lower()]), True)
              for m in _word_re(lang).finditer(text, start, end)]
    cands.sort()
    pos = start
    for s, e, value, is_word in cands:
        if s < pos or any(a < e and s < b for a, b in taken):
            continue
        raw = text[s:e]
        if not is_word and lang == "de" and text[e:e + 2] == ". " and _ORDINAL_BEFORE.search(text, max(0, s - 6), s):
            continue  # "der 3. Platz": an ordinal
        if not is_word and (s > 0 and text[s - 1] in "#/:-\u2013\u00d7x" or _CITED.search(text, max(start, s - 14), s)):
            continue
        fig_start, cur = s, ""
        before = text[max(start, s - 4):s]
        for sym, code in CURRENCY_SYMBOLS.items():
            if before.rstrip().endswith(sym):
                cur, fig_start = code, s - (len(before) - len(before.rstrip()) + len(sym))
                break
        pos_after = e
        # Scale words, chained: "dos mil millones" is two thousand million.
        while True:
            m = _WORD.match(text, _skip_space(text, pos_after, end), end)
            if m is None or m.group().lower() not in SCALES[lang]:
                break
            value = round(value * SCALES[lang][m.group().lower()], 6)  # 4.1 * 1e6 is 4099999.9999999995
            pos_after = m.end()
        if is_word and value < 1000 and pos_after == e and raw[0].isupper() and lang != "de" and s > start:
            continue  # "Trois Rivières": part of a name
        unit, head_end = _unit(text, pos_after, end, lang, cur)
        if not unit:
            # A number that says not what it counts ("zwei", "1564", "978", "3,0" in a table of marks) is
            # most often a reference, a rating or a code in these pages, not a fact two articles would share.
            continue
        out.append(FigureHit(fig_start, head_end, text[fig_start:head_end], value, unit, unit.lower()))
        pos = head_end
    return out


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \u00a0\u202f\u2009":
        pos += 1
    return pos


def _unit(text: str, pos: int, end: int, lang: str, cur: str) -> tuple[str, int]:
    """What the number counts: a currency, percent, a unit, or the noun after it ("Menschen")."""
    at = _skip_space(text, pos, end)
    if at < end and text[at] == "%":
        return "percent", at + 1
    for sym, code in CURRENCY_SYMBOLS.items():
        if text.startswith(sym, at) and not cur:
            return code, at + len(sym)
    low = text[at:at + 16].lower()
    for word in PERCENT[lang]:
        if low.startswith(word) and not low[len(word):len(word) + 1].isalpha():
            return "percent", at + len(word)
    if cur:
        return cur, pos
    if text[at:at + 2] in (",-", ".-"):  # "449,- Euro"
        return _unit(text, at + 2, end, lang, cur)
    skipped = 0
    k = at
    # "millions d'euros", "millones de euros", "di euro": the preposition before the currency or noun
    m = re.match(r"(?:de|d'|d\u2019|di|do|da|dos|das|des)(?:\s|(?<=['\u2019]))", text[k:k + 4], re.I) if lang != "de" else None
    if m is not None:
        k += m.end()
        skipped = 1
    words = []
    for w in _WORD.finditer(text, k, min(end, k + 60)):
        if w.start() != k and text[k:w.start()].strip() or words and words[-1].group().endswith("."):
            break  # punctuation between: the phrase has ended
        low = w.group().lower().rstrip(".")
        if not words and low in CURRENCY_WORDS:
            return CURRENCY_WORDS[low], w.end() - (1 if w.group().endswith(".") else 0)
        if not words and low in _UNITS:
            return _UNITS[low], w.end() - (1 if w.group().endswith(".") else 0)
        if low in STOPWORDS.get(lang, ()) or "." in w.group()[:-1]:
            break
        words.append(w)
        k = _skip_space(text, w.end(), end)
        # German: the first capitalised word is the noun ("1.000 neue Wohnungen"); elsewhere one word
        # ("personnes"), or two after an adjective that stands before its noun ("quatre grandes écoles").
        if lang == "de" and w.group()[0].isupper() or lang != "de" and low not in _PREPOSED or len(words) == 2:
            break
    if not words or len(words[-1].group().rstrip(".")) < 2:
        return "", pos
    head = words[-1].group().lower().rstrip(".")
    if lang != "de" and not _PLURAL[lang].search(head) or _VERBAL[lang].search(head):
        return "", pos  # "quinze apparaissaient", "deux seulement": not a noun counted
    if lang == "de" and not words[-1].group()[0].isupper():
        return "", pos
    if skipped and lang != "de" and words[-1].group()[0].isupper():
        return "", pos  # "3 de Madrid": a name, not what is counted
    last = words[-1]
    return text[words[0].start():last.end()].rstrip("."), last.end() - (1 if last.group().endswith(".") else 0)
