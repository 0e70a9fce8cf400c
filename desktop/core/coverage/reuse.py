"""Who took from whom: directional containment, shared passages and the likely source of two articles."""

from __future__ import annotations

from desktop.core.article import Article
from desktop.core.compare.model import Comparison
from desktop.core.coverage.model import Reuse

# Containment shares closer than this say nothing about direction: two rewrites of one wire story
# keep, each, most of it and differ by a few points either way.
DIRECTION_MARGIN = 0.10


def reuse(i: int, j: int, comp: Comparison) -> Reuse:
    """The overlap of articles i and j (i < j, `comp` with i on the left), read off their comparison.

    The borrower is the one whose text the shared passages make the larger share of: a paragraph
    lifted from a long report into a short one is most of the short one and little of the long one.
    """
    s = comp.stats
    passages_from = None
    if comp.shared_passages and abs(s.left_in_right - s.right_in_left) >= DIRECTION_MARGIN:
        passages_from = j if s.left_in_right > s.right_in_left else i
    earlier = _earlier(comp.left, comp.right, i, j)
    return Reuse(i, j, s.left_in_right, s.right_in_left, s.similarity, comp.shared_passages, earlier,
                 passages_from, earlier if earlier is not None else passages_from)


def _earlier(a: Article, b: Article, i: int, j: int) -> int | None:
    if a.published is None or b.published is None:
        return None
    da, db = a.published.value, b.published.value
    if da == db or da.startswith(db) or db.startswith(da):
        return None  # the same day, or one known only to the day the other has a time in
    return i if da < db else j
