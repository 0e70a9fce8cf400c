"""A per-input time and memory budget for the fuzz tests: each input is read within 2 s of CPU
and 200 MB of memory above what the process held before it (Linux: peak resident size, reset
before each input; elsewhere only time is checked)."""

from __future__ import annotations

import time
from contextlib import contextmanager

SECONDS = 2.0
MEMORY_MB = 200


def _status(field: str) -> int | None:
    try:
        with open("/proc/self/status") as stream:
            for line in stream:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as stream:
            stream.write("5")
        return True
    except OSError:
        return False


@contextmanager
def within_budget(what: str):
    measured = _reset_peak()
    before = _status("VmRSS:") if measured else None
    start = time.process_time()
    yield
    spent = time.process_time() - start
    assert spent < SECONDS, f"{what}: {spent:.2f} s of CPU"
    if before is not None:
        peak = _status("VmHWM:")
        if peak is not None:
            grew = (peak - before) / 1024
            assert grew < MEMORY_MB, f"{what}: {grew:.0f} MB"
