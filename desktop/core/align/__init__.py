"""The comparison engine: align two articles' text, label the changes, measure the overlap."""

from desktop.core.align.engine import align

__all__ = ["align"]
