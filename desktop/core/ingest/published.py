"""Find an article's publication date: metadata, else a dateline, else the text."""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime

from desktop.core import regexes
from desktop.core.article import Article, BlockKind, Published

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Only dates with a day, a month name and a year: a bare "Friday" or "in January" says
# nothing certain about when the article appeared.
FULL_DATE_RE = regexes.compile(
    rf"\b(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})(?!\d)"
)
# Spelled out, not \d{4}: a pattern opening on a character class lets sre skip to the next digit
# in C, where a repeat first is tried at every character (half the time on a long article).
_FOUR_DIGITS_RE = regexes.compile(r"\d\d\d\d")
_ISO_RE = regexes.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
# A dateline opening the first paragraph: "HALIFAX, Nova Scotia, March 5, 2025 (Wire) — ..."
_LEAD_DATELINE_RE = regexes.compile(r"((?=[A-Z][A-Z.' -]{2})[^\n]{0,90}?)\s(?:--|[\u2014\u2013-])\s")
_FIRST_YEAR, _LAST_YEAR = 1800, 2200


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, date]]:
    """Every full date (day, month name, year; or ISO) in text[start:end], with its span."""
    end = len(text) if end is None else end
    out = []
    if _FOUR_DIGITS_RE.search(text, start, end) is None:
        return out  # every form has a four-digit year: most paragraphs have none, found in one quick pass
    for m in FULL_DATE_RE.finditer(text, start, end):
        value = _parse_date(m.group())
        if value is not None:
            out.append((m.start(), m.end(), value))
    return out


# The three forms FULL_DATE_RE finds, read directly: importing and running dateutil cost the
# reading worker more than the rest of finding a date. A day outside 1-31, a month outside 1-12
# or a year outside the range kept still goes to dateutil, so whatever it makes of those stays as
# it was (it reads "0001" as 2001, "0000" as the default year).
_MONTH_NUMBERS = {m: k for k, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_DIRECT_RE = regexes.compile(
    r"(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[A-Z][a-z]{2,8})\.?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
)


def _direct_date(s: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date in one of FULL_DATE_RE's forms, or None to ask dateutil."""
    m = _DIRECT_RE.fullmatch(s)
    if m is None:
        return None
    if m["y3"]:
        year, month, day = int(m["y3"]), int(m["m3"]), int(m["d3"])
    else:
        name = m["m1"] or m["m2"]
        month = _MONTH_NUMBERS.get(name[:3].lower(), 0)
        year, day = int(m["y1"] or m["y2"]), int(m["d1"] or m["d2"])
    if not (1 <= month <= 12 and 1 <= day <= 31 and _FIRST_YEAR <= year <= _LAST_YEAR):
        return None
    return year, month, day


def _parse_date(s: str) -> date | None:
    direct = _direct_date(s)
    if direct is not None:
        try:
            return date(*direct)
        except ValueError:  # April 31
            return None
    from dateutil import parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = parser.parse(s.replace(".", " "), default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    if not _FIRST_YEAR <= value.year <= _LAST_YEAR:
        return None
    return value.date()


def parse_metadata_date(raw: str) -> Published | None:
    """A date from a file's metadata, as precise as the metadata is."""
    raw = " ".join(raw.split())
    if not raw:
        return None
    from dateutil import parser

    if _ISO_RE.match(raw):
        try:
            value = parser.isoparse(raw.replace(" ", "T"))
        except ValueError:
            return None
        if not _FIRST_YEAR <= value.year <= _LAST_YEAR:
            return None
        if len(raw) == 4:
            return Published(f"{value.year:04d}", "year", "metadata")
        if len(raw) == 7:
            return Published(f"{value.year:04d}-{value.month:02d}", "month", "metadata")
        if len(raw) == 10:
            return Published(value.date().isoformat(), "day", "metadata")
        return Published(value.isoformat(), "time", "metadata")
    dates = find_dates(raw)
    if dates:
        return Published(dates[0][2].isoformat(), "day", "metadata")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = parser.parse(raw, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    if not _FIRST_YEAR <= value.year <= _LAST_YEAR:
        return None
    return Published(value.date().isoformat(), "day", "metadata")


def find_published(article: Article, raw: str) -> Published | None:
    """Metadata first; else a date in a dateline; else a date the text gives as the article's."""
    found = parse_metadata_date(raw) if raw else None
    if found is not None:
        return found
    text = article.text
    for block in article.blocks:
        if block.kind == BlockKind.DATELINE:
            dates = find_dates(text, block.start, block.end)
            if dates:
                return Published(dates[0][2].isoformat(), "day", "dateline")
    first_body = next((b for b in article.blocks if b.kind == BlockKind.BODY), None)
    if first_body is not None:
        m = _LEAD_DATELINE_RE.match(text, first_body.start, first_body.end)
        if m:
            dates = find_dates(text, m.start(1), m.end(1))
            if dates:
                return Published(dates[0][2].isoformat(), "day", "dateline")
    return _from_text(article)


# Words that stamp a date as the article's own: "Published Jan. 9, 2024", "Updated: ...", "This article
# appears in print on ...", "Correction: ...".
_STAMP_RE = regexes.compile(
    r"\b(?:published|posted|updated|modified|first published|last updated|appears? in print on|print edition"
    r"|correction|dated)\b[^.\n]{0,30}$", re.I)
# News placed by weekday or by "yesterday", "last week": the article was written within days of it.
_RELATIVE_RE = regexes.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight"
                          r"|last week|this week)\b")
_YEAR_RE = regexes.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_LOWER_WORD = regexes.compile(r"\b[a-z]{2,}\b")


def _date_line(text: str, start: int, end: int, dates: list[tuple[int, int, date]]) -> bool:
    """A short block that is a date and little else ("By Ana Ruiz | March 5, 2025", "March 5, 2025
    10:30 am"), not a sentence: at most two lower-case words besides its dates."""
    if not dates or end - start > 120:
        return False
    rest, pos = [], start
    for s, e, _ in dates:
        rest.append(text[pos:s])
        pos = e
    rest.append(text[pos:end])
    return len(_LOWER_WORD.findall(" ".join(rest))) <= 2


def _from_text(article: Article) -> Published | None:
    """A date the text gives as the article's: on a Published/Updated line, a short date line or a
    photo caption, the latest of those; else the latest full date in running text, only where it cannot be history.

    A full date in running text is most often an event's ("the attacks of Sept. 11, 2001", "a letter
    sent on Oct. 19, 2011"). News of the day is placed by weekday ("on Friday"), and a date spelled
    out with its year beside such words is one from the past; so is one older than a year the text
    names. Then no date is given rather than a wrong one: relative dates are counted from it."""
    text = article.text
    stamped: list[tuple[date, str]] = []
    running: list[date] = []
    for block in article.blocks:
        if block.kind in (BlockKind.BOILERPLATE, BlockKind.TITLE):
            continue  # other posts' dates are not this article's
        dates = find_dates(text, block.start, block.end)
        # A photo caption dates the picture, taken for this story ("shake hands after their meeting
        # on Feb. 27, 2023"), not a past event the story recalls.
        caption = block.kind == BlockKind.CAPTION
        line = _date_line(text, block.start, block.end, dates)
        for s, _, value in dates:
            if line or caption or _STAMP_RE.search(text, max(block.start, s - 60), s):
                stamped.append((value, "caption" if caption and not line else "dateline"))
            else:
                running.append(value)
    if stamped:
        value, origin = max(stamped)
        return Published(value.isoformat(), "day", origin)
    if not running:
        return None
    latest = max(running)
    body = "\n".join(text[b.start : b.end] for b in article.blocks if b.kind not in (BlockKind.BOILERPLATE, BlockKind.TITLE))
    if _RELATIVE_RE.search(body):
        return None
    if any(int(y) > latest.year for y in _YEAR_RE.findall(body)):
        return None
    return Published(latest.isoformat(), "day", "text")

