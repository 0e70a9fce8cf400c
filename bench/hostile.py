"""Hostile inputs and what each costs to be refused: outcome, time and peak memory, as a table.

Each input is written to a temporary folder and loaded in a forked child of a process that
has already imported every reader; memory is the child's peak resident size above the fork.
Run: .venv/bin/python bench/hostile.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hostile_files import MEMORY_LIMIT_MB, TIME_LIMIT_S, run_all  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="diptych-hostile-") as folder:
        outcomes = run_all(folder)
    width = max(len(o.name) for o in outcomes)
    print(f"{'input':<{width}}  {'outcome':<8}  {'time':>8}  {'peak MB':>7}  reason")
    print("-" * (width + 40))
    for o in outcomes:
        detail = o.detail if len(o.detail) <= 90 else o.detail[:87] + "..."
        print(f"{o.name:<{width}}  {o.result:<8}  {o.seconds * 1000:>6.1f}ms  {o.peak_mb:>7.1f}  {detail}")
    worst_time = max(o.seconds for o in outcomes)
    worst_mem = max(o.peak_mb for o in outcomes)
    print(f"\nslowest {worst_time:.2f} s (bound {TIME_LIMIT_S:.0f} s), largest {worst_mem:.0f} MB (bound {MEMORY_LIMIT_MB} MB)")
    bad = [o for o in outcomes if o.result in ("crash", "hang")]
    for o in bad:
        print(f"FAILED: {o.name}: {o.result}: {o.detail}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
