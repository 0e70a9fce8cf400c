"""Which languages the entity rules read: names and quotes, or dates and figures only."""

from __future__ import annotations

# English has its own rules and learned tagger (extract.py); these five have the rules of the
# european_* modules (month names, number words, quote marks, titles and given names).
EUROPEAN = frozenset({"de", "fr", "es", "it", "pt"})
NAME_LANGUAGES = frozenset({"en"}) | EUROPEAN


def names_supported(code: str | None) -> bool:
    """Are people, places, organisations and quotes found for text in this language (ISO 639-1)?"""
    return (code or "en") in NAME_LANGUAGES


def article_language(article, language: str | None = None) -> str:
    """The language to read an article in: the one asked for, else the article's own (set by
    language detection), else English, as before languages were told apart."""
    code = language or getattr(article, "language", None) or "en"
    return code.lower()[:2]
