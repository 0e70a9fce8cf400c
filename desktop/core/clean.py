"""Decide what each paragraph of a scraped article is: title, body, caption, boilerplate..."""

from __future__ import annotations

from desktop.core.article import BlockKind, Document, Paragraph


def classify(doc: Document, paragraphs: list[Paragraph]) -> list[tuple[BlockKind, str]]:
    """One (kind, reason) per paragraph. Placeholder: format hints, else body."""
    out = []
    for p in paragraphs:
        kind = BlockKind(p.hint) if p.hint else BlockKind.BODY
        out.append((kind, ""))
    return out
