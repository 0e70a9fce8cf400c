"""Which languages the entity rules read: names and quotes, or dates and figures only."""

from __future__ import annotations

# The table lives in desktop/core/language.py, which the JSON, the report and the window read
# without importing the entity rules. English has its own rules and learned tagger (extract.py);
# the others have the rules of the european_* modules (month names, number words, quote marks,
# titles and given names).
from desktop.core.language import NAMES_SUPPORTED as NAME_LANGUAGES
from desktop.core.language import names_supported

EUROPEAN = NAME_LANGUAGES - {"en"}

__all__ = ["EUROPEAN", "NAME_LANGUAGES", "article_language", "names_supported"]


def article_language(article, language: str | None = None) -> str:
    """The language to read an article in: the one asked for, else the article's own (set by
    language detection), else English, as before languages were told apart."""
    code = language or getattr(article, "language", None) or "en"
    return code.lower()[:2]
