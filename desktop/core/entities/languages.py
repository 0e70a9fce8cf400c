"""Which languages the entity rules read: names and quotes, or dates and figures only."""

from __future__ import annotations

# English has its own rules and learned tagger (extract.py); these five have the rules of the
# european_* modules (month names, number words, quote marks, titles and given names). Which
# languages have names at all is desktop/core/language.py's NAMES_SUPPORTED.
EUROPEAN = frozenset({"de", "fr", "es", "it", "pt"})


def article_language(article, language: str | None = None) -> str:
    """The language to read an article in: the one asked for, else the article's own (set by
    language detection), else English, as before languages were told apart."""
    code = language or getattr(article, "language", None) or "en"
    return code.lower()[:2]
