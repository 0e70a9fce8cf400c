"""The whole comparison of two articles: `run.compare()` builds it, `model` holds its value type.

`from desktop.core.compare import compare` is the entry point; `Comparison` and `Options` live in
`desktop.core.compare.model` so readers of a result need not import the machinery that made it.
"""

from desktop.core.compare.run import compare

__all__ = ["compare"]
