"""The entity code's memo caches, kept bounded in a process that lives all day.

Extraction memoises per word and per name pair across calls (the tagger's feature scores,
`fold`, `same_person`...), because the same words come back in every article. A command-line
run ends long before that matters; a window open all day would keep every word and name pair it
ever met (bench/soak.py: the tagger's word caches alone grew by 2 MB per thousand actions).
`trim` empties them once together they pass a bound; the window calls it when it is idle.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

LIMIT = 20_000  # memo entries in all, about 8 MB: the words of a few dozen articles
_PACKAGE = "desktop.core.entities."


def _memo_functions() -> Iterator:
    """The lru-cached functions of the entity modules already imported (never imports one:
    a process that has not extracted has nothing to trim)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith(_PACKAGE) or module is None:
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            # maxsize 1 is a loader (the gazetteer, the weights), not a memo
            if info is not None and getattr(value, "__module__", None) == name and info().maxsize != 1:
                yield value


def _tagger():
    module = sys.modules.get(_PACKAGE + "tagger")
    loaded = getattr(module, "_LOADED", None) if module is not None else None
    return loaded[0] if loaded else None


def _gazetteer_memo() -> dict:
    """The loaded gazetteer's places by name looked up (empty if none is loaded)."""
    module = sys.modules.get(_PACKAGE + "gazetteer")
    load = getattr(module, "load_gazetteer", None) if module is not None else None
    return load().memo if load is not None and load.cache_info().currsize else {}


def size() -> int:
    """Entries in all the entity memo caches."""
    tagger = _tagger()
    return (sum(f.cache_info().currsize for f in _memo_functions()) + (tagger.memo_size() if tagger else 0)
            + len(_gazetteer_memo()))


def trim(limit: int | None = None) -> bool:
    """Empty the memo caches if together they hold more than `limit` (LIMIT) entries. True if it
    did. Safe beside a running extraction: it only finds a cache emptier than it was."""
    if size() <= (LIMIT if limit is None else limit):
        return False
    for function in _memo_functions():
        function.cache_clear()
    tagger = _tagger()
    if tagger is not None:
        tagger.forget()
    _gazetteer_memo().clear()
    return True
