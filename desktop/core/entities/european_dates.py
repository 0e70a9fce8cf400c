"""Dates in German, French, Spanish, Italian and Portuguese: month and weekday names, day-first
numeric dates, relative days and cued years, resolved against the reference day as English ones are."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from desktop.core.entities.dates import DateHit, Reference, _nearest_year, weekday_on_or_after, weekday_on_or_before
from desktop.core.entities.months import ABBREVIATIONS, LAST_WORDS, MONTHS, NEXT_WORDS, RELATIVE_DAYS, WEEKDAYS, YEAR_CUES

_YEAR = r"(?:1[89]\d\d|20\d\d)"
# Words that put a weekday or a month ahead of the reference day rather than behind it.
_FUTURE = {
    "de": r"\b(?:wird|werden|soll|sollen|will|wollen|plant|planen|geplant|bevorstehend\w*)\b",
    "fr": r"\b(?:va|vont|sera|seront|aura|auront|doit|doivent|prévu\w*|devrait|devraient)\b",
    "es": r"\b(?:será|serán|va a|van a|prevé|prevén|previst\w+|tendrá|habrá)\b",
    "it": r"\b(?:sarà|saranno|previst\w+|dovrà|dovranno|avrà)\b",
    "pt": r"\b(?:será|serão|vai|vão|previst\w+|deverá|deverão|terá)\b",
}


_SENTENCE_END = re.compile(r"[!?]\s|(?<![\d\s][\d])(?<!\s\d)\.\s(?=[A-ZÄÖÜÀ-Þ])")


def _alt(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    # German writes months and weekdays with a capital, the others in lower case: "Mars" and
    # "Mayo" with a capital are a planet and a name, not months.
    months = [m.capitalize() if lang == "de" else m for m in MONTHS[lang]]
    abbrev = "|".join(re.escape(m) + (r"\." if m.lower() in ABBREVIATIONS[lang] else "")
                      for m in sorted(months, key=len, reverse=True))
    month = r"(?P<month>" + abbrev + r")(?![\w])"
    weekdays = [w.capitalize() if lang == "de" else w for w in WEEKDAYS[lang]]
    weekday = r"(?P<wd>" + _alt(weekdays) + r")(?![\w-])"
    if lang == "de":
        day = r"(?P<day>[0-3]?\d)\.\s?"
    elif lang == "fr":
        day = r"(?P<day>1er|[0-3]?\d)\s"
    elif lang == "it":
        day = r"(?P<day>1[º°]|[0-3]?\d)\s"
    else:
        day = r"(?P<day>1[º°]|[0-3]?\d)\s(?:de\s)?"
    year_join = r",?\s(?:de\s|del\s)?" if lang in ("es", "pt") else r",?\s"
    full = (r"(?<![\w.])(?:" + day + month + r"(?:" + year_join + r"(?P<year>" + _YEAR + r"))?(?!\d)"
            r"|" + month.replace("P<month>", "P<month2>") + r"\s(?:de\s|del\s)?(?P<year2>" + _YEAR + r")(?!\d)"
            r"|(?P<nd>[0-3]?\d)[./](?P<nm>[01]?\d)[./](?P<ny>" + _YEAR + r")(?!\d)"
            r"|(?P<iso>" + _YEAR + r"-[01]\d-[0-3]\d)(?!\d)"
            r"|(?P<dec>(?:1[89]|20)\d0er)(?!\w)"
            r"|" + weekday +
            r"|(?P<time>[0-2]?\d(?:[:.][0-5]\d)?\s?Uhr\b|[0-2]?\d\s?h\s?[0-5]\d\b|[0-2]?\d\s?h(?=[\s,.;)])|[0-2]?\d:[0-5]\d\b))")
    rel = [w.capitalize() for w in RELATIVE_DAYS[lang] if not (lang == "de" and w == "morgen")] + list(RELATIVE_DAYS[lang])
    cues = YEAR_CUES[lang]
    other = (r"(?<![\w'\u2019])(?P<rel>" + _alt(rel) + r")(?![\w'\u2019])"
             r"|(?<![\w])(?P<cue>(?i:" + _alt(cues) + r"))\s(?:(?:dem\s|den\s|l'|le\s|el\s|o\s|il\s)?(?P<cmonth>" + abbrev + r")(?!\w)"
             r"|(?P<cyear>" + _YEAR + r")(?![\w]|[.,]\d|\s?%))")
    return re.compile(full), re.compile(other)


def find_dates(text: str, start: int, end: int, lang: str, ref: Reference | None) -> list[DateHit]:
    """Dates in text[start:end] for one of the languages months.py knows."""
    full_re, other_re = _patterns(lang)
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    future = re.compile(_FUTURE[lang], re.I)
    cues = [c.start() for c in future.finditer(text, start, end)]
    stops = [start] + [k.end() for k in _SENTENCE_END.finditer(text, start, end)] + [end]

    def ahead_at(pos: int) -> bool:
        """A future cue in the sentence of `pos` (the paragraph is searched, not split: "4." ends no sentence)."""
        a = max(x for x in stops if x <= pos)
        z = min((x for x in stops if x > pos), default=end)
        return any(a <= c < z for c in cues)

    for m in full_re.finditer(text, start, end):
        hit = _full(m, text, lang, ref, ahead_at(m.start()))
        if hit is not None:
            hits.append(hit)
            taken.append((m.start(), m.end()))
    for m in other_re.finditer(text, start, end):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        hit = _other(m, text, lang, ref, ahead_at(m.start()))
        if hit is not None:
            hits.append(hit)
    hits.sort(key=lambda h: h.start)
    # "Montag, 4. Dezember 2023", "lundi 5 décembre": the date names the day; the weekday before it is
    # not a second date (were it kept, a changed date would hide behind a weekday both articles wrote).
    hits = [a for a, b in zip(hits, hits[1:] + [None]) if not (
        b is not None and a.text.lower() in WEEKDAYS[lang] and b.precision == "day"
        and re.fullmatch(r",?\s(?:den\s|der\s)?", text[a.end:b.start]))]
    return hits


def _month(word: str, lang: str) -> int:
    return MONTHS[lang][word.lower().rstrip(".")]


def _full(m: re.Match, text: str, lang: str, ref: Reference | None, ahead: bool) -> DateHit | None:
    s, e, word = m.start(), m.end(), m.group()
    if m.group("month"):
        day = int(re.match(r"\d+", m.group("day")).group())
        month = _month(m.group("month"), lang)
        if m.group("year"):
            return _day(s, e, word, int(m.group("year")), month, day)
        if ref is None:
            try:
                dt.date(2000, month, day)
            except ValueError:
                return None
            return DateHit(s, e, word, f"--{month:02d}-{day:02d}", "day", "no year and no reference date")
        year = _nearest_year(month, day, ref.day, True if ahead else None)
        hit = _day(s, e, word, year, month, day)
        if hit is None:
            return None
        return DateHit(s, e, word, hit.value, "day", f"{word} \u2192 {hit.value} (year nearest the reference, from {ref.origin})")
    if m.group("month2"):
        return DateHit(s, e, word, f"{int(m.group('year2')):04d}-{_month(m.group('month2'), lang):02d}", "month")
    if m.group("nd"):
        return _day(s, e, word, int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
    if m.group("iso"):
        y, mo, d = (int(x) for x in word.split("-"))
        return _day(s, e, word, y, mo, d)
    if m.group("dec"):
        return DateHit(s, e, word, word[:4] + "s", "decade")
    if m.group("time"):
        return DateHit(s, e, word, word.replace(" ", ""), "time")
    return _weekday(m, text, lang, ref, ahead)


def _day(s: int, e: int, word: str, y: int, mo: int, d: int) -> DateHit | None:
    try:
        return DateHit(s, e, word, dt.date(y, mo, d).isoformat(), "day")
    except ValueError:
        return None


def _weekday(m: re.Match, text: str, lang: str, ref: Reference | None, ahead: bool) -> DateHit | None:
    s, e, word = m.start(), m.end(), m.group()
    if ref is None:
        return DateHit(s, e, word, "", "", "relative, and no reference date to resolve it")
    wd = WEEKDAYS[lang][word.lower()]
    around = {w.lower() for w in re.findall(r"[\w\u00e0-\u00ff]+", text[max(0, s - 14):s] + " " + text[e:e + 12])}
    rd = ref.day
    if around & LAST_WORDS:
        day, how = weekday_on_or_before(rd - dt.timedelta(days=1), wd), "last"
    elif around & NEXT_WORDS or ahead:
        day, how = weekday_on_or_after(rd + dt.timedelta(days=1), wd), "the next one"
    else:
        day, how = weekday_on_or_before(rd, wd), "the latest one"
    return DateHit(s, e, word, day.isoformat(), "day", f"{word} \u2192 {day.isoformat()} ({how}, from {ref.origin})")


def _other(m: re.Match, text: str, lang: str, ref: Reference | None, ahead: bool) -> DateHit | None:
    s, e = m.span()
    if m.group("rel"):
        word = m.group("rel")
        if ref is None:
            return DateHit(s, e, word, "", "", "relative, and no reference date to resolve it")
        shift = RELATIVE_DAYS[lang][word.lower()]
        value = (ref.day + dt.timedelta(days=shift)).isoformat()
        return DateHit(s, e, word, value, "day", f"{word} \u2192 {value} (from {ref.origin})")
    if m.group("cyear"):
        s = m.start("cyear")
        return DateHit(s, e, text[s:e], text[s:e], "year", m.group("cue"))
    s = m.start("cmonth")
    word = text[s:e]
    month = _month(word, lang)
    if ref is None:
        return DateHit(s, e, word, f"--{month:02d}", "month", "no reference date")
    y = ref.day.year
    if ahead and month < ref.day.month:
        y += 1
    elif not ahead and month > ref.day.month:
        y -= 1
    return DateHit(s, e, word, f"{y:04d}-{month:02d}", "month", f"{word} \u2192 {y:04d}-{month:02d} (from {ref.origin})")
