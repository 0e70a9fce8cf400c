"""Soak the real window: thousands of seeded random user actions on real articles, each seed in
its own process so that a native crash is counted, not fatal to the run.

    python bench/soak.py [--actions 20000] [--seeds 4]              # offscreen
    xvfb-run -a -s "-screen 0 1600x1000x24" python bench/soak.py --platform xcb

Prints per seed: actions, actions per second, peak and warm/end memory, invariant failures,
Python exceptions and how the process ended; then the totals and the crash count. The
articles are the BASIL folder and the scraped seed of ../shared/corpus (and a copy of the
seed) when present, else stories written for the project (tests/window_soak.py).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def _corpus() -> Path:
    """DIPTYCH_CORPUS, else ../shared/corpus beside the checkout, else /work/shared/corpus."""
    for candidate in (os.environ.get("DIPTYCH_CORPUS"), ROOT.parent / "shared" / "corpus", "/work/shared/corpus"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return ROOT.parent / "shared" / "corpus"  # absent: the soak uses stories written for the project


CORPUS = _corpus()
WARM_UP = 0.2  # the first fifth of the actions: every file opened, caches filled


def workspace(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    basil = sorted((CORPUS / "basil" / "articles").glob("*/*.json")) if CORPUS.exists() else []
    seed = sorted((CORPUS / "scraped").glob("*.txt")) if CORPUS.exists() else []
    if basil:
        for path in basil + seed:
            shutil.copy(path, folder / path.name)
        for path in seed:
            shutil.copy(path, folder / f"copy-of-{path.name}")
        return sorted(str(p) for p in folder.iterdir())
    sys.path.insert(0, str(ROOT))
    from tests.window_soak import write_story_files

    return write_story_files(folder, 150)


def child(seed: int, actions: int, folder: str, out: str) -> None:
    """One seed in this process; writes its figures to `out` as it goes (a crash keeps the last)."""
    import faulthandler

    faulthandler.enable()
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings

    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow
    from tests.window_soak import WindowSoak, rss_mb

    app = make_application(sys.argv[:1])
    scratch = Path(tempfile.mkdtemp(prefix="diptych-soak-"))
    store = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store)
    window.resize(1400, 900)
    window.show()
    files = sorted(str(Path(folder) / name) for name in os.listdir(folder))
    soak = WindowSoak(window, files, folder, scratch, seed)
    started = time.perf_counter()

    def report(n: int, result) -> None:
        if n % 100 == 0 or n == actions - 1:
            figures = {
                "seed": seed, "actions": result.actions, "seconds": time.perf_counter() - started,
                "rss": result.rss_mb, "failures": result.failures[:20], "failure_count": len(result.failures),
                "exceptions": result.exceptions[:5], "exception_count": len(result.exceptions),
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "counts": dict(result.counts),
            }
            Path(out).write_text(json.dumps(figures), encoding="utf-8")

    soak.run(actions, sample_every=100, on_step=report)
    report(actions - 1, soak.result)
    window.close()
    window.tasks.wait(10_000)
    del app
    print(f"rss at end {rss_mb():.0f} MB", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=20_000, help="actions in all, shared by the seeds")
    parser.add_argument("--seeds", type=int, default=4)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--platform", default="offscreen", help="offscreen, or xcb under a real (or Xvfb) display")
    parser.add_argument("--child", nargs=4, metavar=("SEED", "ACTIONS", "FOLDER", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        seed, actions, folder, out = args.child
        child(int(seed), int(actions), folder, out)
        return 0

    sys.stdout.reconfigure(line_buffering=True)  # each seed's row shows as it ends, also in a file
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, PYTHONFAULTHANDLER="1")
    if args.platform == "xcb" and not env.get("DISPLAY"):
        print("soak: --platform xcb needs a display (run under xvfb-run)", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="diptych-soak-"))
    files = workspace(scratch / "articles")
    per_seed = max(1, args.actions // args.seeds)
    print(f"soak: {args.seeds} seeds x {per_seed} actions on {len(files)} articles, platform {args.platform}")
    print(f"      each seed's figures so far, every 100 actions: {scratch}/seed-N.json", flush=True)
    print(f"{'seed':>4} {'actions':>7} {'act/s':>6} {'peak MB':>8} {'warm MB':>8} {'end MB':>7} {'growth':>7} {'fail':>5} {'exc':>4}  ended")
    totals = {"actions": 0, "crashes": 0, "failures": 0, "exceptions": 0, "seconds": 0.0, "flat": True}
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        out = scratch / f"seed-{seed}.json"
        log = scratch / f"seed-{seed}.log"
        with open(log, "w") as stream:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", str(seed), str(per_seed), str(scratch / "articles"), str(out)],
                env=env, stdout=stream, stderr=subprocess.STDOUT, cwd=ROOT,
            )
        figures = json.loads(out.read_text()) if out.exists() else {"actions": 0, "seconds": 0, "rss": [], "failure_count": 0, "exception_count": 0, "peak_mb": 0}
        crashed = proc.returncode != 0
        rss = figures["rss"]
        warm = rss[int(len(rss) * WARM_UP)] if rss else 0.0
        end = rss[-1] if rss else 0.0
        growth = (max(rss[int(len(rss) * WARM_UP):]) / warm - 1) if warm else 0.0
        ended = f"exit {proc.returncode}" + (f" (crash; see {log})" if crashed else "")
        print(f"{seed:>4} {figures['actions']:>7} {figures['actions'] / max(figures['seconds'], 1e-9):>6.1f} {figures['peak_mb']:>8.0f} "
              f"{warm:>8.0f} {end:>7.0f} {growth:>+7.1%} {figures['failure_count']:>5} {figures['exception_count']:>4}  {ended}")
        for failure in figures.get("failures", [])[:3]:
            print(f"       invariant: {failure}")
        for exc in figures.get("exceptions", [])[:2]:
            print("       exception: " + exc.strip().splitlines()[-1])
        totals["actions"] += figures["actions"]
        totals["seconds"] += figures["seconds"]
        totals["crashes"] += int(crashed)
        totals["failures"] += figures["failure_count"]
        totals["exceptions"] += figures["exception_count"]
        totals["flat"] = totals["flat"] and growth <= 0.10
    rate = totals["actions"] / max(totals["seconds"], 1e-9)
    print(f"total: {totals['actions']} actions in {totals['seconds']:.0f} s ({rate:.1f}/s), crashes {totals['crashes']}, "
          f"invariant failures {totals['failures']}, exceptions {totals['exceptions']}, "
          f"memory flat within 10% after warm-up: {'yes' if totals['flat'] else 'no'}")
    return 1 if totals["crashes"] or totals["failures"] or totals["exceptions"] else 0


if __name__ == "__main__":
    sys.exit(main())
