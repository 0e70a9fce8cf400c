"""compare(): the whole comparison of two articles, alignment plus entities."""

from __future__ import annotations

from dataclasses import replace

from desktop.core.article import Article
from desktop.core.comparison import Comparison, Options


def compare(left: Article, right: Article, options: Options = Options(), *, entities: bool = True) -> Comparison:
    from desktop.core.align import align

    result = align(left, right, options)
    if not entities:
        return result
    # From the modules, not the package's lazy names: once anything has imported the module
    # desktop.core.entities.extract, the package attribute `extract` is that module.
    from desktop.core.entities.extract import extract
    from desktop.core.entities.matching import match

    left_ext, right_ext = extract(left), extract(right)
    matches, discrepancies = match(left, left_ext, right, right_ext)
    return replace(
        result,
        left_extraction=left_ext,
        right_extraction=right_ext,
        entities=tuple(matches),
        discrepancies=tuple(discrepancies),
    )
