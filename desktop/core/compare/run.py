"""compare(): the whole comparison of two articles, alignment plus entities."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from desktop.core.article import Article
from desktop.core.compare.model import Comparison, Options

if TYPE_CHECKING:  # `compare --no-entities` imports nothing of desktop.core.entities
    from desktop.core.entities.model import Extraction


def compare(left: Article, right: Article, options: Options = Options(), *, entities: bool = True,
            extractions: tuple[Extraction, Extraction] | None = None) -> Comparison:
    """`extractions` lets a caller that compares one article with many (coverage) extract it once."""
    from desktop.core.align import align

    result = align(left, right, options)
    if not entities:
        return result
    # From the modules themselves: once `desktop.core.entities.extract` is imported as a module
    # (matching.py does), the package's lazy `extract` name is that module, not the function.
    from desktop.core.entities.extract import extract
    from desktop.core.entities.matching import match

    left_ext, right_ext = extractions if extractions is not None else (extract(left), extract(right))
    matches, discrepancies = match(left, left_ext, right, right_ext)
    return replace(
        result,
        left_extraction=left_ext,
        right_extraction=right_ext,
        entities=tuple(matches),
        discrepancies=tuple(discrepancies),
    )
