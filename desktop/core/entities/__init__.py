"""Rule-based entities, quotes and cross-article discrepancies (no model downloads, no Qt)."""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.entities.extract import extract
    from desktop.core.entities.matching import match

__all__ = ["extract", "match"]

# Loaded on first use: the value types in desktop.core.entities.model are imported by the
# window at start-up, and the rules (gazetteer, dateutil, rapidfuzz) cost ~0.2 s there.
_LAZY = {"extract": "desktop.core.entities.extract", "match": "desktop.core.entities.matching"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """Importing the submodule `extract` binds the package's `extract` to that module, which would
    hide the function of the same name from `from desktop.core.entities import extract` for good
    (whenever anything imported the submodule first, e.g. through matching.py)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
