"""Boilerplate phrases in the languages newsrooms use, from resources/boilerplate/phrases.txt.

The cleaning rules in `desktop.core.ingest.clean` look at the shape of a paragraph; these phrases
say what a short line is when its words alone give it away ("Lire aussi", "Anzeige",
"Kommentare"). The table is small and lives in one resource so that a language is added
in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core import regexes
from desktop.core.resources import resource_path

PHRASES_FILE = "phrases.txt"
KINDS = ("links", "prefix", "ad", "comments", "credit", "plug")
# A label is a few words; a plug or credit line a sentence at most.
LABEL_WORDS = 6
LINE_WORDS = 30

_TRAILING = ":.\u2026!|>\u00bb\u203a-\u2013\u2014 "
# "3 Kommentare", "Kommentare (3)", "Kommentare: 3" (the caller strips the spaces left behind);
# possessive runs and no leading `\s*`, so a search stays linear on any input.
_COUNT_RE = regexes.compile(r"^\(?\d++\)?\s++|(?:\(\d++\)|:\s*+\d++)$")


@lru_cache(maxsize=1)
def phrases() -> dict[str, frozenset[str]]:
    """Kind -> phrases (casefolded). A missing file means no phrases, never a crash."""
    table: dict[str, set[str]] = {kind: set() for kind in KINDS}
    try:
        lines = resource_path("boilerplate", PHRASES_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        kind, _, phrase = line.partition("\t")
        if kind in table and phrase.strip():
            table[kind].add(" ".join(phrase.casefold().split()))
    return {kind: frozenset(found) for kind, found in table.items()}


def _prefix_pattern(kind: str) -> str:
    """A phrase of `kind` opening a line, then a colon or an arrow, then more text."""
    # Longest first, then alphabetical: the same pattern in every process (a set's order is not), so the
    # stored program is found. Only whether a line matches is asked, which no order changes.
    alternatives = "|".join(sorted((re.escape(p) for p in phrases()[kind]), key=lambda p: (-len(p), p))) or "(?!)"
    return rf"^[\[(]?(?:{alternatives})\s*[:|>\u00bb\u203a\u2014-]\s*\S"


# Made at import, from the phrases table, through the stored programs: compiled afresh they cost
# every reading process about 2 ms, and made here scripts/build_stores.py stores them and
# tests/test_regexes.py sees when the table has changed since.
_PREFIX_RE = {kind: regexes.compile(_prefix_pattern(kind), re.I) for kind in ("prefix", "credit")}


def label(text: str) -> str:
    """The kind of label a short line is ("links", "ad", "comments"), or ""."""
    words = text.split(None, LABEL_WORDS)  # no further: a longer line is no label, however long
    if not words or len(words) > LABEL_WORDS:
        return ""
    key = _COUNT_RE.sub("", " ".join(words).casefold().strip(_TRAILING)).strip()
    table = phrases()
    for kind in ("links", "ad", "comments"):
        if key in table[kind]:
            return kind
    return ""


def line_kind(text: str) -> str:
    """"prefix" for a link to another story, "credit" for a picture credit, "plug" for a
    newsletter plug, or "" (for lines of up to LINE_WORDS words)."""
    words = len(text.split(None, LINE_WORDS))  # split no further: a paragraph may be long
    if words > LINE_WORDS:
        return ""
    if _PREFIX_RE["prefix"].match(text):
        return "prefix"
    if words <= 15 and _PREFIX_RE["credit"].match(text):
        return "credit"
    folded = text.casefold()
    if any(p in folded for p in phrases()["plug"]):
        return "plug"
    return ""


def is_credit(text: str) -> bool:
    """`line_kind(text) == "credit"`, without the search for plug phrases that line_kind makes
    before it can say "": the credit prefix is tried first, at the start of the line only."""
    if not _PREFIX_RE["credit"].match(text):
        return False
    return len(text.split(None, 15)) <= 15 and not _PREFIX_RE["prefix"].match(text)
