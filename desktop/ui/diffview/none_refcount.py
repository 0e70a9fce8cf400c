"""WORKAROUND: keep None alive under shiboken6 6.12 on Python 3.11 (void Qt calls drop a reference to it)."""

from __future__ import annotations

import ctypes
import sys

# Measured here (PySide6-Essentials 6.12.0, CPython 3.11.7): every call to a Qt method that
# returns void (QPoint.setX, QTextCursor.setPosition, insertText...) lowers None's refcount
# by one, and None starts near 4,500, so the process aborts with "none_dealloc" after a few
# thousand calls. None is immortal from Python 3.12 (PEP 683), so this only applies before.
_CUSHION = 1 << 40


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or getattr(keep_none_alive, "done", False):
        return
    # ob_refcnt is the first field of every PyObject in release builds.
    ctypes.c_ssize_t.from_address(id(None)).value += _CUSHION
    keep_none_alive.done = True  # type: ignore[attr-defined]
