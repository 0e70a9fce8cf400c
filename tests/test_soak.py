"""Soak: load and unload 1,000 files ten times and compare 500 pairs (twice); memory comes back and nothing
(threads, timers, windows, pool workers) is left behind.

The core soak runs in a clean subprocess so its resident memory is not mixed with the test
runner's. The baseline is taken after one warm-up round, once imports, the gazetteer and
caches are in. Pairs are compared with entities=False there (the alignment is the part that
holds the most per pair); the window soak compares with entities on, as the window does.
"""

from __future__ import annotations

import gc
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FILES = 1000
ROUNDS = 10
PAIRS = 500
WORDS = (
    "the harbour crew said fuel spill minister council vote plan water boat storm report police tide coast "
    "money week leak cost oil beds test clean would may could Monday 14 1,200 Okafor Brennan Halifax"
).split()


def write_articles(folder: Path, count: int, seed: int = 7) -> list[str]:
    """Small generated articles: a title and four or five short paragraphs each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        paras = [f"Story number {i} on the harbour"]
        for _ in range(rng.randint(3, 5)):
            sentences = [" ".join(rng.choices(WORDS, k=rng.randint(6, 14))).capitalize() + "." for _ in range(2)]
            paras.append(" ".join(sentences))
        path = folder / f"story-{i:04}.txt"
        path.write_text("\n\n".join(paras), encoding="utf-8")
        paths.append(str(path))
    return paths


def _rss_mb() -> float:
    with open("/proc/self/statm") as stream:
        return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def core_soak(folder: str) -> dict:
    """Runs in the subprocess: rounds of load-all-then-drop, then pairs compared, RSS after each."""
    from desktop.core.compare import compare
    from desktop.core.library.folder import article_files
    from desktop.core.ingest.load import load_file

    paths = list(article_files([folder]))
    rss, seconds = [], []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        articles = [a for p in paths for a in load_file(p)]
        assert len(articles) == FILES
        del articles
        gc.collect()
        seconds.append(time.perf_counter() - start)
        rss.append(_rss_mb())
    articles = [load_file(p)[0] for p in paths[: PAIRS + 1]]
    compared, compare_seconds = [], []
    for _ in range(2):  # the first round warms the engine's caches; the second must add nothing
        start = time.perf_counter()
        for a, b in zip(articles, articles[1:]):
            c = compare(a, b, entities=False)
            assert c.sentences
        del c
        gc.collect()
        compare_seconds.append(time.perf_counter() - start)
        compared.append(_rss_mb())
    return {"rss": rss, "seconds": seconds, "compare_rss": compared, "compare_seconds": compare_seconds,
            "threads": threading.active_count()}


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads resident memory from /proc")
def test_core_soak_memory_comes_back(tmp_path):
    write_articles(tmp_path / "articles", FILES)
    code = "import json, sys, test_soak; print(json.dumps(test_soak.core_soak(sys.argv[1])))"
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "articles")],
        capture_output=True, text=True, timeout=600, cwd=HERE.parent,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent)])},
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.splitlines()[-1])
    print("soak:", json.dumps(result))
    start, end = result["rss"][0], result["rss"][-1]  # after the warm-up round, after the tenth
    assert end <= start * 1.10, result["rss"]
    assert max(result["rss"][1:]) <= start * 1.10, result["rss"]
    first, second = result["compare_rss"]
    assert second <= first * 1.10, result
    assert result["threads"] == 1


@pytest.mark.slow
@pytest.mark.gui
def test_window_soak_leaves_nothing_behind(qtbot, tmp_path):
    import shiboken6
    from PySide6.QtCore import QSettings, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

    paths = write_articles(tmp_path / "articles", 120, seed=11)
    gc.collect()
    threads_before = {t.ident for t in threading.enumerate()}
    widgets_before = set(map(id, QApplication.topLevelWidgets()))
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window.show()
    for _round in range(3):
        with qtbot.wait_signal(window.folders.loader.finished, timeout=120_000):
            window.open_files([str(tmp_path / "articles")])
        qtbot.waitUntil(lambda: len(window.model.articles()) == len(paths) and not window.model.pending_paths(),
                        timeout=60_000)
        articles = window.model.articles()
        for left, right in zip(articles[:10], articles[1:11]):
            with qtbot.wait_signal(window.comparison_shown, timeout=60_000):
                window.show_pair(left, right)
        window.model.remove_articles({a.id for a in articles})
        window.clear_view()
        del articles
        assert window.model.rowCount() == 0
    window.close()
    assert window.tasks.wait(30_000)
    assert window.tasks.pool.activeThreadCount() == 0
    window.folders.loader.wait(30)
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5000)
    del window
    for _ in range(3):
        QApplication.processEvents()
        gc.collect()
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    # Qt's pool threads show in threading.enumerate() as dummy threads once Python code asked
    # for current_thread() on them, and Python never drops those; the pools are checked above.
    def left() -> list[threading.Thread]:
        return [t for t in threading.enumerate()
                if t.ident not in threads_before and not isinstance(t, threading._DummyThread)]

    try:
        qtbot.waitUntil(lambda: not left(), timeout=10_000)  # a process pool's manager thread ends soon after
    finally:
        assert left() == [], [(t.name, type(t).__name__) for t in left()]
    assert set(map(id, QApplication.topLevelWidgets())) <= widgets_before
    timers = [o for o in gc.get_objects() if isinstance(o, QTimer) and shiboken6.isValid(o) and o.isActive()]
    assert timers == []
