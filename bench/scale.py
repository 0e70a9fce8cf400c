"""Ten thousand articles through the real window, offscreen: how fast the list fills and stays responsive.

    .venv/bin/python bench/scale.py [--count 10000] [--dir FOLDER]

Generates the articles (bench/scale_corpus.py) into a temporary folder unless --dir names
one already made, opens the folder in a MainWindow and prints: time until the list shows
every title, time until related coverage is ready for all, the time of one related
query (in the core and through the window), peak memory (RSS of the process and its
children), and the longest event-loop stall meanwhile (a 10 ms timer's largest gap).
Targets: titles < 3 s, ready < 30 s on two cores, query < 100 ms, < 1 GB, stall < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def tree_rss(root: int) -> tuple[int, int]:
    """Resident bytes of a process, and of all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * page
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(c for c, p in parents.items() if p == pid)
    return rss.get(root, 0), total - rss.get(root, 0)


class Sampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = self.peak_self = self.peak_children = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            own, children = tree_rss(os.getpid())
            self.peak = max(self.peak, own + children)
            self.peak_self = max(self.peak_self, own)
            self.peak_children = max(self.peak_children, children)
            time.sleep(0.1)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--dir", help="use this folder of articles instead of generating one")
    ap.add_argument("--after-warm-up", action="store_true",
                    help="open the folder only once the window's start-up work (entity warm-up) is done, "
                         "to tell the folder load's own stalls from that one")
    args = ap.parse_args()

    scratch = tempfile.TemporaryDirectory(prefix="diptych-scale-")
    folder = Path(args.dir) if args.dir else Path(scratch.name) / "articles"
    if not args.dir:
        from scale_corpus import generate

        t = time.perf_counter()
        generate(folder, args.count)
        print(f"generated {args.count:,} files in {time.perf_counter() - t:.1f} s")
    files = sum(1 for p in folder.rglob("*") if p.is_file())

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer

    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow

    app = make_application(sys.argv[:1])
    store = QSettings(os.path.join(scratch.name, "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    if args.after_warm_up:
        settle = QEventLoop()
        QTimer.singleShot(3000, settle.quit)  # the warm-up starts a moment after the window shows
        settle.exec()
        window.tasks.wait(60_000)
        app.processEvents()

    sampler = Sampler()
    sampler.start()
    clock = QElapsedTimer()
    marks: dict[str, float] = {}
    stall = {"max": 0.0, "last": 0.0, "at": ""}
    long_gaps: list[tuple[float, float]] = []
    loop = QEventLoop()

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e9
        gap = now - stall["last"]
        if gap > stall["max"]:
            stall["max"], stall["at"] = gap, f"{now:.1f} s"
        if gap > 0.1:
            long_gaps.append((now, gap))
        stall["last"] = now
        model = window.model
        if "titles" not in marks and model.rowCount() >= files:
            marks["titles"] = now
        if "titles" in marks and "ready" not in marks and not window.folders.loader.is_running():
            marks["ready"] = now
            QTimer.singleShot(300, loop.quit)  # a few more ticks: the last batch settles

    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    cpu0 = os.times()
    clock.start()
    ticker.start()
    window.open_files([str(folder)])
    QTimer.singleShot(600_000, loop.quit)
    loop.exec()
    ticker.stop()

    coverage = window.folders.coverage
    articles = window.model.articles()
    print(f"{files:,} files, {len(articles):,} articles listed, {len(coverage):,} in the related index, "
          f"{len(window.problems.problems())} problems, {sum(1 for a in articles if window.model.duplicate_of(a.id)):,} duplicates marked")
    # One query in the core, then through the window (selection -> Related column filled).
    ids = [a.id for a in articles[:: max(1, len(articles) // 25)]]
    core = []
    for i in ids:
        t = time.perf_counter()
        coverage.query(i, 400)
        core.append(time.perf_counter() - t)
    target = articles[len(articles) // 2]
    t = time.perf_counter()
    window.article_list.select_articles([target.id])
    while window.model.related()[0] != target.id:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
    through_window = time.perf_counter() - t
    sampler.stop.set()
    sampler.join()

    print(f"titles shown        {marks.get('titles', float('nan')):7.2f} s   (target < 3 s)")
    print(f"related ready (all) {marks.get('ready', float('nan')):7.2f} s   (target < 30 s)")
    print(f"one related query   {1000 * statistics.median(core):7.1f} ms median, {1000 * max(core):.1f} ms worst in the core; "
          f"{1000 * through_window:.1f} ms selection to Related column (target < 100 ms)")
    print(f"peak memory         {sampler.peak / 2**20:7.0f} MB   (process and children; target < 1024 MB); "
          f"window process alone {sampler.peak_self / 2**20:.0f} MB peak, {tree_rss(os.getpid())[0] / 2**20:.0f} MB at the end; "
          f"workers {sampler.peak_children / 2**20:.0f} MB peak")
    cpu = os.times()
    print(f"cpu time            {cpu.user + cpu.system - cpu0.user - cpu0.system:7.1f} s window process, "
          f"{cpu.children_user + cpu.children_system - cpu0.children_user - cpu0.children_system:.1f} s workers "
          f"(wall {marks.get('ready', float('nan')):.1f} s; load average {os.getloadavg()[0]:.1f})")
    print(f"longest stall       {1000 * stall['max']:7.1f} ms   at {stall['at']} (target < 100 ms); "
          f"{len(long_gaps)} gaps over 100 ms" + (": " + ", ".join(f"{1000 * g:.0f} ms at {t:.1f} s" for t, g in long_gaps[:8]) if long_gaps else ""))
    window.close()
    window.tasks.wait(10_000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
