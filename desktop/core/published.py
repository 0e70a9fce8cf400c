"""Find an article's publication date: metadata, else a dateline, else the text."""

from __future__ import annotations

from desktop.core.article import Article, Published


def find_published(article: Article, raw: str) -> Published | None:
    """Placeholder: metadata only."""
    if not raw:
        return None
    from dateutil import parser

    try:
        value = parser.isoparse(raw)
    except ValueError:
        try:
            value = parser.parse(raw)
        except (ValueError, OverflowError):
            return None
    return Published(value.date().isoformat(), "day", "metadata")
