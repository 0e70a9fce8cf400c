"""Hostile inputs and what each costs to be refused: outcome, time and peak memory, as tables.

First table (round one): each input is loaded in a forked child of a process that has already
imported every reader; memory is the child's peak resident size above the fork.
Second table (issue 17, every case under "What was seen"): files are read as the window and the
command line read them, through `read_within_budget` (a worker process, 5 s budget); memory is
the worker's peak above its idle size, CPU the worker's, and "stall" the longest CPU stretch a
1 ms ticker on another thread of this process went without running (the event loop's view).
Third: those files as one folder among 200 good articles, loaded as the window loads a folder
(`batch.load_many`, each file within a single read's budget): which were read or refused, and why.
Run: .venv/bin/python bench/hostile.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import hostile_round_two  # noqa: E402
from hostile_files import MEMORY_LIMIT_MB, TIME_LIMIT_S, run_all  # noqa: E402


def round_two() -> int:
    with tempfile.TemporaryDirectory(prefix="diptych-hostile2-") as folder:
        seen = hostile_round_two.run_all(folder)
    width = max(len(s.name) for s in seen)
    print(f"\n{'case (issue 17)':<{width}}  {'outcome':<7}  {'wall':>7}  {'cpu':>6}  {'peak MB':>7}  {'stall':>6}  reason")
    print("-" * (width + 60))
    for s in seen:
        reason = s.reason if len(s.reason) <= 100 else s.reason[:97] + "..."
        print(f"{s.name:<{width}}  {s.result:<7}  {s.seconds:>6.2f}s  {s.cpu_s:>5.2f}s  {s.peak_mb:>7.1f}  "
              f"{s.stall_s * 1000:>4.0f}ms  {reason}")
    bad = [s for s in seen if s.result == "FAILED"]
    print(f"\nworst worker CPU {max(s.cpu_s for s in seen):.2f} s (bound {hostile_round_two.TIME_LIMIT_S:.0f} s), "
          f"worst worker peak {max(s.peak_mb for s in seen):.0f} MB (bound {hostile_round_two.MEMORY_LIMIT_MB} MB), "
          f"longest stall {max(s.stall_s for s in seen) * 1000:.0f} ms (bound {hostile_round_two.STALL_LIMIT_S * 1000:.0f} ms)")
    for s in bad:
        print(f"FAILED: {s.name}: {s.reason}")
    return 1 if bad else 0


def folder_load() -> int:
    """Third table: the slow cases of issue 17 as one folder among good articles, loaded as the
    window loads a folder (`load_many`: worker processes, each file within a single read's budget)."""
    import time

    from desktop.core.library.batch import load_all

    with tempfile.TemporaryDirectory(prefix="diptych-hostile3-") as folder:
        root = Path(folder)
        for n in range(200):
            (root / f"good{n:03}.txt").write_text(
                f"Ferry {n} returns\n\nThe harbour ferry number {n} resumed service on Monday, the operator said.\n",
                encoding="utf-8")
        slow = ("word40k.txt", "word100k.txt", "word1m.txt", "capitals.txt", "hexdump.txt", "p40000.html", "junk.json")
        for _label, name, data in hostile_round_two.files():
            if name in slow:
                (root / name).write_bytes(data)
        started, cpu = time.perf_counter(), time.process_time()
        results = load_all(sorted(str(p) for p in root.iterdir()))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    good = [r for r in results if Path(r.path).name.startswith("good")]
    print(f"\nfolder load: 200 good articles and {len(results) - len(good)} hostile files in {wall:.1f} s "
          f"(this process's CPU {cpu:.2f} s); good read: {sum(1 for r in good if not r.error)} of {len(good)}")
    width = max(len(Path(r.path).name) for r in results)
    for r in sorted(results, key=lambda r: r.path):
        name = Path(r.path).name
        if not name.startswith("good"):
            print(f"  {name:<{width}}  {'refused' if r.error else 'read':<7}  {r.error}")
    return 0 if all(not r.error for r in good) else 1


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
    return round_two() or folder_load() or (1 if bad else 0)


if __name__ == "__main__":
    sys.exit(main())
