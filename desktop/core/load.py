"""Load article files: pick a reader by content and extension, then clean and index."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from desktop.core.article import Article, Document, Paragraph
from desktop.core.build import build_article
from desktop.core.errors import ReadError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def load_file(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Placeholder reader: UTF-8 text only. Raises ReadError naming the file and the reason."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(str(p), exc.strerror or str(exc)) from None
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
    paragraphs = tuple(Paragraph(t) for t in text.split("\n\n") if t.strip())
    doc = Document(str(p), "txt", paragraphs, sha256=hashlib.sha256(data).hexdigest())
    return [build_article(doc)]
