"""Plain text: paragraphs are blank-line-separated blocks; hard-wrapped lines are joined."""

from __future__ import annotations

import re

from desktop.core.article import Document, Paragraph
from desktop.core.ingest.readers.decoding import decode_text

# Lines longer than this were not wrapped by a text editor or mail client.
_MAX_WRAP = 100
_BLANK_LINES = re.compile(r"\n[ \t\f\v\u00a0]*\n")


def read(path: str, data: bytes) -> list[Document]:
    text = decode_text(path, data)
    return [Document(path=path, format="txt", paragraphs=tuple(Paragraph(p) for p in split_paragraphs(text)))]


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text, each on one line with single spaces."""
    blocks = [b for b in _BLANK_LINES.split(text) if b.strip()]
    lengths = sorted(len(line.rstrip()) for b in blocks for line in b.split("\n") if line.strip())
    if not lengths:
        return []
    # The width the text was wrapped at: most lines of a wrapped paragraph come close to it.
    width = lengths[int(0.9 * (len(lengths) - 1))]
    out: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _hard_wrapped(lines, width):
            out.append(" ".join(" ".join(lines).split()))
        else:
            # Scrapes put one paragraph on each line; headlines and lists are short lines.
            out.extend(" ".join(line.split()) for line in lines)
    return out


def _hard_wrapped(lines: list[str], width: int) -> bool:
    """Every line but the last runs close to the wrap width, as a wrapped paragraph's do."""
    if len(lines) < 2:
        return False
    if width > _MAX_WRAP:  # most of the file is unwrapped; this block may still be wrapped
        width = max(len(line) for line in lines)
        if width > _MAX_WRAP:
            return False
    return all(0.6 * width <= len(line) <= width + 15 for line in lines[:-1])
