"""Dates and times: find the expressions first, then normalise them with dateutil against a reference day."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from desktop.core import regexes
from desktop.core.entities.lexicon import MONTHS, WEEKDAYS

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_MONTH_LONG = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMWORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_QUAL = r"(?:as early as|as late as|as soon as|no later than|by|since|until|till|before|after|around|about)"

_DATE_RE = regexes.compile(
    r"\b(?:(?P<md>\b" + _MONTH + r"\s\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s" + _YEAR + r"\b)?)"
    r"|(?P<dm>\b\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?" + _MONTH_LONG + r"\b(?:,?\s" + _YEAR + r"\b)?)"
    r"|(?P<my>\b" + _MONTH + r",?\s" + _YEAR + r"\b)"
    r"|(?P<iso>\b" + _YEAR + r"-[01]\d-[0-3]\d\b)"
    r"|(?P<num>\b[01]?\d/[0-3]?\d/(?:\d\d)?\d\d\b)"
    r"|(?P<wd>\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his)\s)?" + _WEEKDAY + r"\b)"
    r"|(?P<rel>\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b)"
    r"|(?P<relp>\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s(?:week|month|year|weekend)\b)"
    r"|(?P<ago>\b" + _NUMWORD + r"\s(?:minutes?|hours?|days?|weeks?|months?|years?)\s(?:ago|later|earlier)\b)"
    r"|(?P<cm>\b(?:(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Ee]arly|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)\s)?" + _MONTH_LONG + r"\b(?!\.?,?\s\d))"
    r"|(?P<yr>\b(?:" + _QUAL + r"\s)?" + _YEAR + r"\b(?![,.]\d|\s?%|-))"
    r"|(?P<dec>\b(?:the\s)?(?:1[89]|20)\d0s\b)"
    r"|(?P<time>\b[01]?\d(?::[0-5]\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)))"
)
_FUTURE_RE = regexes.compile(
    r"\b(?:will|shall|'ll|to be held|scheduled|plans? to|planning to|expected to|is to|are to|due to|upcoming|next)\b"
)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3,
}
_DAY = dt.timedelta(days=1)


def weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    """The latest `weekday` (Monday 0) on or before `day`: `day + relativedelta(weekday=WD(-1))`, in
    plain date arithmetic (relativedelta costs some 6 us a call, and news is full of weekdays)."""
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    """The first `weekday` on or after `day`: `day + relativedelta(weekday=WD(+1))`."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _months(n: int):
    """relativedelta(months=n), imported only when a date counts in months: weekdays no longer need
    dateutil, and most articles name no "last month", so most processes never load it."""
    from dateutil.relativedelta import relativedelta

    return relativedelta(months=n)


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date expression found in a sentence, with its resolved value."""

    start: int
    end: int
    text: str
    value: str  # ISO: "2023-02-27", "2023-02", "2026", "2023-W08", "1990s"; "" when unresolved
    precision: str  # time, day, week, month, year, decade
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Reference:
    """The day relative dates are counted from, and where it came from."""

    day: dt.date
    origin: str  # "the publication date" or "the latest full date in the text (Feb. 27, 2023)"


# Words without which no date expression matches (digits aside): used to skip sentences quickly.
DATE_HINTS = frozenset(
    [m.capitalize() for m in MONTHS] + [m.capitalize() + "." for m in MONTHS] + [d.capitalize() for d in WEEKDAYS]
    + "yesterday today tomorrow tonight Yesterday Today Tomorrow Tonight week month year weekend ago later "
    "earlier 1990s".split()
)
# What every date holds: a digit, or one of these words (the words the old single pattern
# `\d|day|[Jj]an|[Ff]eb|Mar|...|June?|July?|...` held, as plain words). Two searches, each of which
# re skips through in C to a character a match can start with; the one pattern, opening with a
# choice that is not a plain character, was tried at every character of the sentence.
_HINT_DIGIT = regexes.compile(r"\d")
_HINT_WORD = regexes.compile(r"day|Jan|jan|Feb|feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|week|month|year|tonight")
_FOUR_DIGITS = regexes.compile(r"\d{4}")
_DECADE = regexes.compile(r"\d{4}s")


def find_dates(text: str, start: int, end: int, ref: Reference | None, toks=None) -> list[DateHit]:
    """Dates in text[start:end]; `toks` (the sentence's tokens), when given, limit the pattern to
    the words a date can start with (trying it at every word is the slow part)."""
    out: list[DateHit] = []
    if _HINT_DIGIT.search(text, start, end) is None and _HINT_WORD.search(text, start, end) is None:
        return out
    tense = _Tense(text, start, end)
    for m in (_DATE_RE.finditer(text, start, end) if toks is None else _matches_at_starts(text, end, toks)):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "yr" and not _year_ok(text, s, m.group()):
            continue
        if kind == "cm":
            words = m.group().split()
            if len(words) == 1 and words[0] in ("May", "March"):
                continue  # "may" and "march" are verbs unless a day, a year or a cue says otherwise
            if words[0].lower() in ("in", "by", "since", "until", "early", "late"):
                s = e - len(words[-1])
        hit = _resolve(kind, text[s:e], text, s, e, ref, tense)
        if hit is not None:
            out.append(hit)
    for k in range(len(out) - 1):  # "Tuesday, March 4, 2025": the weekday is that day
        a, b = out[k], out[k + 1]
        if a.text.istitle() and a.text.lower() in WEEKDAYS and b.precision == "day" and text[a.end : b.start] in (", ", " "):
            out[k] = DateHit(a.start, a.end, a.text, b.value, "day", f"{a.text} \u2192 {b.value} (the date that follows it)")
    return out


# Words a date expression can start with, and (for the common ones) the words that must follow.
_FIRST = frozenset(list(MONTHS) + [m + "." for m in MONTHS] + list(WEEKDAYS)
                   + "yesterday today tomorrow tonight several".split())
_LEADS = frozenset("""a an one two three four five six seven eight nine ten eleven twelve last next this past coming
    in by since until till early late as no before after around about the""".split())
_LED = frozenset("""few minute minutes hour hours day days week weeks month months year years weekend early late soon
    later""".split()) | _FIRST


def _matches_at_starts(text: str, end: int, toks):
    """What _DATE_RE.finditer finds, trying the pattern only where a date can begin."""
    pos = 0
    n = len(toks)
    for k, t in enumerate(toks):
        low = t.text.lower()
        if t.kind == "N" or low in _FIRST:
            at = (t.start,)
        elif low in _LEADS:
            if k + 1 >= n:
                continue
            nxt = toks[k + 1]
            if nxt.kind != "N" and nxt.text.lower() not in _LED:
                continue
            at = (t.start,)
        elif "-" in t.text and t.kind == "W":  # "mid-2020", "Feb-March": a date inside a hyphenated word
            at = (t.start, *(t.start + i + 1 for i, ch in enumerate(t.text) if ch == "-"))
        else:
            continue
        for a in at:
            if a < pos:
                continue
            m = _DATE_RE.match(text, a, end)
            if m is not None:
                pos = m.end()
                yield m


def _year_ok(text: str, s: int, word: str) -> bool:
    """A bare year counts only after a cue ("in 2022", "as early as 2026"), never as a quantity."""
    if not word[0].isdigit():
        return True
    if s > 0 and text[s - 1] in "$\u20ac\u00a3#":
        return False
    before = text[max(0, s - 12) : s].lower()
    return bool(_YEAR_CUE.search(before))


_YEAR_CUE = regexes.compile(
    r"\b(?:in|of|by|since|until|before|after|around|about|from|during|through|early|late|mid|fiscal|year)[\s-]$")


_WORDS_ABS = regexes.compile(r"[A-Za-z]+|\d+")


def _quick_abs(s: str) -> tuple[dt.date, str] | None | bool:
    """The month-name and ISO forms the patterns find, read directly (dateutil is slow); the same
    answers as the two dateutil parses below, or False when the form is not one of these."""
    parts = _WORDS_ABS.findall(s)
    if len(parts) == 3 and "-" in s and all(p.isdigit() for p in parts):  # 2023-02-27
        y, m, d = (int(p) for p in parts)
    else:
        month = [MONTHS.get(p.lower()) for p in parts if p[0].isalpha() and p.lower() not in ("of", "st", "nd", "rd", "th")]
        nums = [p for p in parts if p.isdigit()]
        if len(month) != 1 or month[0] is None or not 1 <= len(nums) <= 2:
            return False
        m = month[0]
        years = [int(p) for p in nums if len(p) == 4]
        days = [int(p) for p in nums if len(p) <= 2]
        if len(years) + len(days) != len(nums) or len(years) > 1 or len(days) > 1 or any(x > 31 for x in days):
            return False  # "96 July": a two-digit year, left to dateutil
        y, d = (years[0] if years else 0), (days[0] if days else 0)
        if not y:
            try:
                return dt.date(1904, m, d), "noyear"  # as dateutil fills the year from its default
            except ValueError:
                return None
        if not d:
            return dt.date(y, m, 1), "month"
    try:
        return dt.date(y, m, d), "day"
    except ValueError:
        return None


def _parse_abs(s: str) -> tuple[dt.date, str] | None:
    """dateutil parse twice with different defaults: a field that changes was not in the text."""
    quick = _quick_abs(s)
    if quick is not False:
        return quick
    # Imported here: dateutil's parser costs every process ~25 ms of CPU to import, and _quick_abs
    # reads the forms news text uses (no call reached here on the 1k-100k-word process bench pairs).
    from dateutil import parser as dparser

    clean = s.replace("Sept.", "Sep.").replace(" of ", " ")
    try:
        a = dparser.parse(clean, default=dt.datetime(1904, 1, 1))
        b = dparser.parse(clean, default=dt.datetime(1905, 2, 2))
    except (ValueError, OverflowError):
        return None
    if a.year != b.year:
        return a.date(), "noyear"
    if a.day != b.day:
        return a.date(), "month"
    return a.date(), "day"


_PAST_RE = regexes.compile(r"\b(?:said|told|was|were|had|did|\w{3,}ed)\b")


class _Tense:
    """The tense cues of one sentence, found on the first question and kept: each date then asks
    only which cue came last before it (rescanning the sentence per date was quadratic in one
    50k-word paragraph with no full stop). Answers as _future(text, s, e, start) does."""

    __slots__ = ("text", "start", "end", "fut", "past")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self.fut: list[int] | None = None
        self.past: list[int] | None = None

    def future(self, s: int) -> bool:
        if self.fut is None:
            self.fut = [m.end() for m in _FUTURE_RE.finditer(self.text, self.start, self.end)]
        i = bisect_right(self.fut, s)
        if i == 0:
            return False
        if self.past is None:  # (asked only after a future cue: most sentences have none)
            self.past = [m.end() for m in _PAST_RE.finditer(self.text, self.start, self.end)]
        j = bisect_right(self.past, s)
        return j == 0 or self.fut[i - 1] > self.past[j - 1]


def _future(text: str, s: int, e: int, sent_start: int | _Tense = -1) -> bool:
    """Future when the last tense cue before the date in its sentence looks ahead ("plan to", "will")."""
    if isinstance(sent_start, _Tense):
        return sent_start.future(s)
    start = sent_start if sent_start >= 0 else max(0, s - 80)
    before = text[start:s]
    fut = [m.end() for m in _FUTURE_RE.finditer(before)]
    if not fut:
        return False
    past = [m.end() for m in _PAST_RE.finditer(before)]
    return not past or fut[-1] > past[-1]


# An event a month name can stand for that is held on a calendar: "the November election".
_SCHEDULED = regexes.compile(r"(?:'s|\u2019s)?\s(?:(?:general|midterm|presidential|congressional|state|local|special)\s)?"
                        r"(?:elections?|midterms?|vote|ballot|polls|runoff|referendum|primary|primaries|summit|deadline)\b")
_AHEAD = regexes.compile(r"\b(?:ahead\sof|before|until|by|hopes?\sto|aims?\sto|seeks?\sto|would|could|might|coming|upcoming)"
                    r"\s(?:the\s)?$")
# Past tenses, but not the verbs that report speech: "said the November vote will" looks ahead.
_DONE_RE = regexes.compile(r"\b(?:was|were|had|did|won|lost|held|took|(?!(?:said|told|added|noted|argued|warned|stated|asked|"
                      r"explained|insisted|claimed|predicted|promised|vowed)\b)\w{3,}ed)\b")


# How far back in its sentence a month looks for a verb telling of something done: bounded, so that
# thousands of months in one sentence with no full stop cost linear time.
_DONE_REACH = 300


def _month_ahead(text: str, s: int, e: int, sent: int | _Tense = -1) -> bool:
    """Is a month named without a year the coming one? By tense, as for other dates; and "the
    November election", "ahead of November" look ahead unless the sentence tells of something done."""
    if _future(text, s, e, sent):
        return True
    start = sent.start if isinstance(sent, _Tense) else sent if sent >= 0 else max(0, s - 80)
    if not (_SCHEDULED.match(text, e) or _AHEAD.search(text, max(start, s - 24), s)):
        return False
    return _DONE_RE.search(text, max(start, s - _DONE_REACH), s) is None


def _nearest_year(month: int, day: int, ref: dt.date, future: bool | None) -> int:
    years = (ref.year - 1, ref.year, ref.year + 1)
    cands = []
    for y in years:
        try:
            cands.append(dt.date(y, month, min(day, 28)))
        except ValueError:
            continue
    if future is True:
        cands = [c for c in cands if c >= ref] or cands
    elif future is False:
        earlier = [c for c in cands if c <= ref]
        cands = earlier or cands
    return min(cands, key=lambda c: abs((c - ref).days)).year


def _resolve(kind: str, word: str, text: str, s: int, e: int, ref: Reference | None,
             sent: int | _Tense = -1) -> DateHit | None:
    rd = ref.day if ref else None
    src = f"from {ref.origin}" if ref else ""

    def rel(value: str, prec: str, how: str) -> DateHit:
        return DateHit(s, e, word, value, prec, f"{word} \u2192 {value} ({how}, {src})")

    if kind in ("md", "dm", "my", "iso", "num"):
        parsed = _parse_abs(word)
        if parsed is None:
            return None
        day, prec = parsed
        if prec == "noyear":
            if rd is None:
                return DateHit(s, e, word, day.strftime("--%m-%d"), "day", "no year and no reference date")
            y = _nearest_year(day.month, day.day, rd, True if _future(text, s, e, sent) else None)
            return rel(f"{y:04d}-{day.month:02d}-{day.day:02d}", "day", "year nearest the reference")
        if prec == "month":
            return DateHit(s, e, word, day.strftime("%Y-%m"), "month")
        return DateHit(s, e, word, day.isoformat(), "day")
    if kind == "yr":
        year = _FOUR_DIGITS.search(word).group()
        qual = word[: word.index(year)].strip()
        return DateHit(s, e, word, year, "year", qual)
    if kind == "dec":
        decade = _DECADE.search(word).group()
        return DateHit(s, e, word, decade, "decade")
    if kind == "time":
        return DateHit(s, e, word, word.replace(" ", ""), "time")
    if kind == "cm":
        name = word.split()[-1]
        month = MONTHS[name.lower()]
        low = word.lower()
        if rd is None:
            return DateHit(s, e, word, f"--{month:02d}", "month", "no reference date")
        future = True if low.startswith("next") else False if low.startswith("last") else _month_ahead(text, s, e, sent)
        y = rd.year
        if future and month < rd.month:
            y += 1
        elif not future and month > rd.month:
            y -= 1
        return rel(f"{y:04d}-{month:02d}", "month", "future tense" if future else "past tense")
    if rd is None:
        return DateHit(s, e, word, "", "", "relative, and no reference date to resolve it")
    low = word.lower()
    if kind == "wd":
        wd = WEEKDAYS[low.split()[-1]]
        if low.startswith("last"):
            day, how = weekday_on_or_before(rd - _DAY, wd), "last"
        elif low.startswith("next"):
            day, how = weekday_on_or_after(rd + _DAY, wd), "next"
        elif _future(text, s, e, sent):
            day, how = weekday_on_or_after(rd + _DAY, wd), "future tense: the next one"
        else:
            day, how = weekday_on_or_before(rd, wd), "past tense: the latest one"
        return rel(day.isoformat(), "day", how)
    if kind == "rel":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[low]
        return rel((rd + dt.timedelta(days=shift)).isoformat(), "day", low)
    if kind == "relp":
        sign = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[low.split()[0]]
        unit = low.split()[1]
        if unit in ("week", "weekend"):
            day = rd + dt.timedelta(weeks=sign)
            iso = day.isocalendar()
            return rel(f"{iso[0]:04d}-W{iso[1]:02d}", "week", low)
        if unit == "month":
            day = rd + _months(sign)
            return rel(day.strftime("%Y-%m"), "month", low)
        return rel(f"{rd.year + sign:04d}", "year", low)
    if kind == "ago":
        parts = low.split()
        unit = parts[-2].rstrip("s")
        num_word = " ".join(parts[:-2])
        n = int(num_word) if num_word.isdigit() else _NUMBER_WORDS.get(num_word, 1)
        sign = -1 if parts[-1] in ("ago", "earlier") else 1
        if unit in ("minute", "hour"):
            hours = n if unit == "hour" else n / 60
            day = rd + dt.timedelta(days=sign * int(hours // 24))
            return rel(day.isoformat(), "day", f"{word}, counted from the reference day")
        if unit == "day":
            return rel((rd + dt.timedelta(days=sign * n)).isoformat(), "day", word)
        if unit == "week":
            day = rd + dt.timedelta(weeks=sign * n)
            iso = day.isocalendar()
            return rel(f"{iso[0]:04d}-W{iso[1]:02d}", "week", word)
        if unit == "month":
            return rel((rd + _months(sign * n)).strftime("%Y-%m"), "month", word)
        return rel(f"{rd.year + sign * n:04d}", "year", word)
    return None
