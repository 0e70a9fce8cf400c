"""Give freed heap back to the system once the window is idle (glibc only).

The task runner's threads compare and extract in their own malloc arenas; what they free stays
mapped in those arenas until something trims them, so the resident size kept the high-water
mark of every burst of work (bench/soak.py: 3 to 9 MB of a 220 MB window came back with one
malloc_trim after a few hundred actions). A second after the runner goes idle, one
malloc_trim(0) returns the free pages; nothing is freed that is in use, and a platform without
glibc simply skips it. The trim itself runs on the runner (ctypes lets go of the interpreter
lock): on a large fragmented heap it takes 25 to 45 ms, too long for the event loop.

The same idle job first empties the entity code's memo caches once they pass their bound
(desktop/core/entities/memos.py): they remember every word they meet, so in a window open all
day they grew with each new article; emptied, they fill again from the next article extracted.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

from PySide6.QtCore import QObject, QTimer

IDLE_MS = 1000  # after the last job ends: a trim (a few ms) never lands between two quick jobs


def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None  # musl and others: no malloc_trim
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def _forget_and_trim(trim) -> int:
    """The idle job: bounded memos first, so that what they free is given back too."""
    from desktop.core.entities import memos

    memos.trim()
    return trim(0)


class IdleTrim(QObject):
    """Trims the heap IDLE_MS after `busy_changed(False)` of the task runner."""

    def __init__(self, tasks, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._trim = _malloc_trim()
        self._trimming = False  # our own job's end is not a new idle moment (no trim loop)
        self.trims = 0  # how many times it ran (tests)
        self._timer = QTimer(self, singleShot=True, interval=IDLE_MS, timeout=self.trim_now)
        tasks.busy_changed.connect(self._busy_changed)

    def available(self) -> bool:
        return self._trim is not None

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._timer.stop()
        elif self._trim is not None and not self._trimming:
            self._timer.start()

    def trim_now(self) -> None:
        if self._trim is not None and not self._trimming:
            self._trimming = True
            self._tasks.submit(_forget_and_trim, self._trim, on_result=self._trimmed, on_error=self._trimmed)

    def _trimmed(self, _value) -> None:
        self._trimming = False
        self.trims += 1
