"""Rule-based entities, quotes and cross-article discrepancies (no model downloads, no Qt)."""

from desktop.core.entities.extract import extract
from desktop.core.entities.matching import match

__all__ = ["extract", "match"]
