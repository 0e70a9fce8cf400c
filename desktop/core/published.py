"""Find an article's publication date: metadata, else a dateline, else the text."""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime

from desktop.core.article import Article, BlockKind, Published

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Only dates with a day, a month name and a year: a bare "Friday" or "in January" says
# nothing certain about when the article appeared.
FULL_DATE_RE = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})(?!\d)"
)
_ISO_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
# A dateline opening the first paragraph: "HALIFAX, Nova Scotia, March 5, 2025 (Wire) — ..."
_LEAD_DATELINE_RE = re.compile(r"((?=[A-Z][A-Z.' -]{2})[^\n]{0,90}?)\s(?:--|[\u2014\u2013-])\s")
_FIRST_YEAR, _LAST_YEAR = 1800, 2200


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, date]]:
    """Every full date (day, month name, year; or ISO) in text[start:end], with its span."""
    end = len(text) if end is None else end
    out = []
    for m in FULL_DATE_RE.finditer(text, start, end):
        value = _parse_date(m.group())
        if value is not None:
            out.append((m.start(), m.end(), value))
    return out


def _parse_date(s: str) -> date | None:
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
    """Metadata first; else a date in a dateline; else the latest full date in the text."""
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
    latest: date | None = None
    for block in article.blocks:
        if block.kind in (BlockKind.BOILERPLATE, BlockKind.TITLE):
            continue  # other posts' dates are not this article's
        for _, _, value in find_dates(text, block.start, block.end):
            if latest is None or value > latest:
                latest = value
    if latest is not None:
        return Published(latest.isoformat(), "day", "text")
    return None
