"""The clock for "did the window's thread stall?": wall time minus the time the thread sat ready
in the kernel's run queue. Load from other processes on a shared machine delays a ready thread
without any fault of the window; time spent computing or blocked (on a lock, a pipe, a file) is
the window's and counts. Linux reports both per thread in /proc/thread-self/schedstat (its second
field, in nanoseconds); elsewhere this is plain wall time.
"""

from __future__ import annotations

import time

_SCHEDSTAT = "/proc/thread-self/schedstat"


def _queued() -> float:
    try:
        with open(_SCHEDSTAT, "rb") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def own_time() -> float:
    """Seconds, monotonic, that stop while this thread waits for a CPU it was ready to use."""
    return time.perf_counter() - _queued()
