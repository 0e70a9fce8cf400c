"""Window responsiveness: start-up to first paint, choosing a 10,000-word pair, event-loop stalls.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui.py [--files 500] [--words 10000]

1. Start-up: a fresh `python` process builds the window as `python -m desktop` does and
   prints the wall-clock time of the window's first paint; the figure is that minus the
   moment the parent spawned it (interpreter start, imports, window, first paint).
2. Choosing a pair of generated 10,000-word articles in the list until the diff view has
   painted the highlights (and until the sidebar has the entities): cold (compared on
   workers) and again from the window's cache.
3. The longest gap between ticks of a 10 ms QTimer while that pair is compared and shown,
   and while 500 generated files load into the list (picked as files, then as a folder).
Targets: start-up under 1.0 s, pair under 300 ms, no stall over 100 ms.
All articles are generated into a temporary folder; nothing is read from the corpus.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_START_S = 1.0
TARGET_PAIR_MS = 300
TARGET_STALL_MS = 100

WORDS = (
    "harbour council ferry crew storm vessel cargo port inspector fuel oil shellfish lease beach coast guard "
    "minister report budget school hospital road bridge river town village mayor police court judge trial "
    "witness evidence company market price share bank loan tax worker union strike contract season team "
    "weather rain wind snow the of and to in that was for on with as by at from after before during about"
).split()
VERBS = "said told announced warned added reported confirmed expected planned opened closed moved".split()
NAMES = "Amira Rasheed,Colm Brennan,Dana Whitcombe,Helen Okafor,Martin Oyelaran,Ines Dal,Tomas Lind".split(",")

CHILD = r"""
import sys, time, tempfile, os
from PySide6.QtCore import QEvent, QObject, QSettings
from desktop.ui.app import make_application
from desktop.ui.main_window import MainWindow
app = make_application(sys.argv[:1])
scratch = tempfile.mkdtemp(prefix="diptych-bench-")
window = MainWindow(QSettings(os.path.join(scratch, "s.ini"), QSettings.Format.IniFormat))

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"PAINTED {time.time():.6f}", flush=True)
            app.quit()
        return False

spy = FirstPaint()
window.installEventFilter(spy)
window.show()
app.exec()
"""


# ---- generated articles --------------------------------------------------------------------


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 26))]
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words) - 1), f"{rng.randint(2, 9000):,}")
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(NAMES))
    words.insert(rng.randint(2, len(words)), rng.choice(VERBS))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def article(rng: random.Random, words: int, title: str) -> list[list[str]]:
    paragraphs: list[list[str]] = [[title]]
    count = 0
    while count < words:
        para = [sentence(rng) for _ in range(rng.randint(2, 5))]
        count += sum(len(s.split()) for s in para)
        paragraphs.append(para)
    return paragraphs


def edited(rng: random.Random, paragraphs: list[list[str]]) -> list[list[str]]:
    """A rewrite: some sentences dropped, some words changed, some added, a few paragraphs moved."""
    out = [[paragraphs[0][0] + " (updated)"]]
    for para in paragraphs[1:]:
        new = []
        for s in para:
            r = rng.random()
            if r < 0.05:
                continue
            if r < 0.2:
                w = s.split()
                w[rng.randrange(len(w))] = rng.choice(WORDS)
                s = " ".join(w)
            new.append(s)
            if rng.random() < 0.04:
                new.append(sentence(rng))
        out.append(new)
    for _ in range(3):
        i, j = rng.randrange(1, len(out)), rng.randrange(1, len(out))
        out.insert(j, out.pop(i))
    return out


def write(path: Path, paragraphs: list[list[str]]) -> None:
    path.write_text("\n\n".join(" ".join(p) for p in paragraphs if p) + "\n", encoding="utf-8")


# ---- measurements --------------------------------------------------------------------------


def startup_entry_point(runs: int = 3) -> list[float]:
    """`python -m desktop --smoke-test` with DIPTYCH_TIMING=1: its own figure, from process start."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), DIPTYCH_TIMING="1")
    times = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-m", "desktop", "--smoke-test"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        line = next((ln for ln in done.stdout.splitlines() if ln.startswith("painted ")), None)
        if done.returncode != 0 or line is None or done.stderr.strip():
            raise SystemExit(f"smoke test failed (exit {done.returncode}):\n{done.stderr}")
        times.append(float(line.split()[1]))
    return times


def startup(runs: int = 3) -> list[float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    times = []
    for _ in range(runs):
        t0 = time.time()
        done = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        line = next((ln for ln in done.stdout.splitlines() if ln.startswith("PAINTED ")), None)
        if done.returncode != 0 or line is None:
            raise SystemExit(f"start-up run failed:\n{done.stderr}")
        times.append(float(line.split()[1]) - t0)
    return times


class StallMeter:
    """Largest gap between ticks of a 10 ms timer: how long the GUI thread was unavailable."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.worst = 0.0
        self._last = 0.0

    def start(self) -> None:
        self.worst = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.worst

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last)
        self._last = now


def wait_for(app, condition, timeout: float = 300.0) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise SystemExit("timed out waiting for the window")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)


def choose_pair(app, window, meter: StallMeter, left_id: str, right_id: str) -> tuple[float, float, float, float]:
    """Select two rows; time until the split view has painted the highlights, until the
    whole comparison (sidebar too) is on screen, and until the panes hold all of it; and the
    longest stall meanwhile."""
    from PySide6.QtCore import QEvent, QObject

    state = {"shown": None, "painted": None, "whole": None}
    view = window.diff_view

    class PaintSpy(QObject):
        def eventFilter(self, obj, event):
            if (
                state["shown"] is not None
                and state["painted"] is None
                and event.type() == QEvent.Type.Paint
                and isinstance(obj, type(view)) is False
                and _inside(obj, view)
            ):
                state["painted"] = time.perf_counter()
            return False

    def shown(_c) -> None:
        state["shown"] = time.perf_counter()

    def whole(_c) -> None:
        state["whole"] = time.perf_counter()

    spy = PaintSpy()
    app.installEventFilter(spy)
    window.alignment_shown.connect(shown)
    window.comparison_shown.connect(whole)
    # Nothing on screen first, so that choosing the pair again is a real switch (from the
    # cache the second time): picking what the session already shows changes nothing.
    window.session.clear()
    app.processEvents()
    meter.start()
    t0 = time.perf_counter()
    window.article_list.select_articles([left_id, right_id])
    wait_for(app, lambda: state["painted"] is not None and state["whole"] is not None)
    # A long pair is added to the panes in steps after its first screenful: the stall
    # measurement lasts until all of it is in, and the sidebar has painted.
    wait_for(app, lambda: not view.is_building())
    state["built"] = time.perf_counter()
    for _ in range(5):
        app.processEvents()
    stall = meter.stop()
    window.alignment_shown.disconnect(shown)
    window.comparison_shown.disconnect(whole)
    app.removeEventFilter(spy)
    return state["painted"] - t0, state["whole"] - t0, state["built"] - t0, stall


def _inside(obj, ancestor) -> bool:
    from PySide6.QtWidgets import QWidget

    while isinstance(obj, QWidget):
        if obj is ancestor:
            return True
        obj = obj.parentWidget()
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--words", type=int, default=10_000)
    args = parser.parse_args()

    starts = startup()
    print(
        f"start-up to first painted window: median {statistics.median(starts):.2f} s "
        f"(runs {', '.join(f'{t:.2f}' for t in starts)}; target < {TARGET_START_S:.1f} s)"
    )
    smoke = startup_entry_point()
    print(
        f"python -m desktop --smoke-test, process start to painted (DIPTYCH_TIMING): median "
        f"{statistics.median(smoke):.2f} s (runs {', '.join(f'{t:.2f}' for t in smoke)})"
    )

    from PySide6.QtCore import QSettings

    from desktop.core.ingest.load import load_file
    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow

    app = make_application(sys.argv[:1])
    rng = random.Random(20261127)
    with tempfile.TemporaryDirectory(prefix="diptych-bench-") as tmp:
        folder = Path(tmp)
        original = article(rng, args.words, "Harbour storm report")
        write(folder / "left.txt", original)
        write(folder / "right.txt", edited(rng, original))
        window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        left = load_file(folder / "left.txt")[0]
        right = load_file(folder / "right.txt")[0]
        window.model.add_articles([left, right])
        idle_until = time.perf_counter() + 1.5  # the reader reaches for the list: the window warms up
        wait_for(app, lambda: time.perf_counter() > idle_until and window.tasks.pending() == 0)
        meter = StallMeter()

        cold, cold_whole, cold_built, cold_stall = choose_pair(app, window, meter, left.id, right.id)
        warm, _warm_whole, _warm_built, warm_stall = choose_pair(app, window, meter, left.id, right.id)
        c = window.comparison()
        print(
            f"choose a {left.word_count:,}/{right.word_count:,}-word pair to highlights painted: "
            f"{1000 * cold:.0f} ms cold (compared on a worker), {1000 * warm:.0f} ms from the cache "
            f"({len(c.changes)} changes; target < {TARGET_PAIR_MS} ms); entities in the sidebar "
            f"after {1000 * cold_whole:.0f} ms cold, the whole pair in the panes after {1000 * cold_built:.0f} ms"
        )
        print(
            f"longest event-loop stall while that pair is compared and shown: {1000 * cold_stall:.0f} ms cold, "
            f"{1000 * warm_stall:.0f} ms from the cache (target < {TARGET_STALL_MS} ms)"
        )

        many = folder / "many"
        many.mkdir()
        files = []
        for n in range(args.files):
            files.append(str(many / f"story-{n:04d}.txt"))
            write(Path(files[-1]), article(rng, rng.randint(300, 900), f"Story number {n}"))
        # The same 500 files twice: picked one by one (a file dialog or a drop), then as a folder.
        for label, request in (("as files", files), ("as a folder", [str(many)])):
            window.model.remove_articles({a.id for a in window.model.articles() if a.path.startswith(str(many))})
            before = len(window.model.articles())
            app.processEvents()
            meter.start()
            t0 = time.perf_counter()
            window.open_files(request)
            wait_for(
                app,
                lambda: window.loader.pending == 0
                and not window.model.pending_paths()
                and len(window.model.articles()) >= before + args.files,
            )
            elapsed = time.perf_counter() - t0
            stall = meter.stop()
            print(
                f"load {args.files} files {label}: {elapsed:.1f} s, longest event-loop stall {1000 * stall:.0f} ms "
                f"(target < {TARGET_STALL_MS} ms); problems: {len(window.problems.problems())}"
            )
        window.close()
        window.tasks.wait(30_000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
