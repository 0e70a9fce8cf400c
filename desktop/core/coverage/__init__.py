"""Coverage of one story by three or more articles: facts, collation and reuse, from pairwise comparisons."""

from desktop.core.coverage.cover import cover, rebase
from desktop.core.coverage.model import Coverage

__all__ = ["Coverage", "cover", "rebase"]
