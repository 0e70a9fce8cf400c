"""The Qt window: article list, split diff view, entity sidebar, reports; wired in main_window."""

import sys


def _keep_singletons_alive() -> None:
    """WORKAROUND for shiboken6 6.12 on CPython < 3.12: keep None, True and False alive.

    Measured here (PySide6 6.12.0, CPython 3.11.7): each void Qt call drops a reference to
    None, and each bool delivered by a signal to a Python slot or lambda (QAction.toggled,
    triggered, clicked, Signal(bool)) drops one to True or False. They start with a few
    thousand references, so a long session (or 500 files loading) aborts with
    "bool_dealloc"/"none_dealloc". From Python 3.12 these objects are immortal (PEP 683).
    Importing any desktop.ui module applies this once, before any widget exists.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    cushion = 1 << 40
    for obj in (None, True, False):
        # ob_refcnt is the first field of every PyObject in release builds.
        ctypes.c_ssize_t.from_address(id(obj)).value += cushion


_keep_singletons_alive()
