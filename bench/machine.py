"""How fast this machine runs plain Python right now, printed beside every speed figure.

The shared 2-core machine these benchmarks run on has been seen to change speed about twofold
within an hour, with the load average below 2. A figure alone then says little; beside this
one it can be read: a run that took twice as long while this loop also took twice as long was
the machine, not the code. Only runs alternated in the same minutes compare code with code.
"""

from __future__ import annotations

import time

LOOP = 5_000_000


def loop_seconds() -> float:
    """CPU seconds of a fixed pure-Python loop (additions in a for loop), best of three."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        total = 0
        for i in range(LOOP):
            total += i
        best = min(best, time.process_time() - t0)
    return best


def describe() -> str:
    return f"machine speed now: a plain-Python loop of {LOOP:,} additions takes {loop_seconds():.3f} s of CPU (best of 3)"
