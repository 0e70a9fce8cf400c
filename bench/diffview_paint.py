"""Time choosing a 10,000-word pair in the split view: compare, build both panes, level, paint.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/diffview_paint.py
The pair is generated here (seeded), never taken from the corpus.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

WORDS = (
    "harbour council ferry crew storm vessel cargo port inspector fuel oil shellfish lease beach "
    "coast guard minister report budget school hospital road bridge river town village mayor "
    "police court judge trial witness evidence company market price share bank loan tax worker "
    "union strike contract season team coach player match goal league weather rain wind snow "
    "said told announced warned added reported confirmed expected planned opened closed moved"
).split()


def sentence(rng: random.Random) -> str:
    n = rng.randint(12, 28)
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.3:
        words.insert(rng.randint(1, n - 1), f"{rng.randint(2, 9000):,}")
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def make_pair(words: int = 10_000, seed: int = 7) -> tuple[str, str]:
    rng = random.Random(seed)
    paragraphs: list[list[str]] = []
    count = 0
    while count < words:
        para = [sentence(rng) for _ in range(rng.randint(2, 5))]
        count += sum(len(s.split()) for s in para)
        paragraphs.append(para)
    right: list[list[str]] = []
    for para in paragraphs:
        out = []
        for s in para:
            r = rng.random()
            if r < 0.05:
                continue  # deleted
            if r < 0.20:
                w = s.split()
                w[rng.randrange(len(w))] = rng.choice(WORDS)
                s = " ".join(w)
            out.append(s)
            if rng.random() < 0.04:
                out.append(sentence(rng))  # inserted
        right.append(out)
    for _ in range(3):  # moved paragraphs
        i, j = rng.randrange(len(right)), rng.randrange(len(right))
        right.insert(j, right.pop(i))
    join = lambda ps: "\n\n".join(" ".join(p) for p in ps if p)  # noqa: E731
    return join(paragraphs), join(right)


def _compare(compare, left, right):
    try:
        return compare(left, right)
    except ImportError:  # entity extraction not built yet: time the alignment alone
        return compare(left, right, entities=False)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.core.ingest.build import article_from_text
    from desktop.core.compare import compare
    from desktop.ui.diffview import DiffView

    app = QApplication.instance() or QApplication([])
    left_text, right_text = make_pair()
    left = article_from_text(left_text, path="left.txt", title="Left")
    right = article_from_text(right_text, path="right.txt", title="Right")
    view = DiffView()
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    for run in range(3):
        t0 = time.perf_counter()
        compare(left, right, entities=False)
        t_align = time.perf_counter() - t0
        t0 = time.perf_counter()
        c = _compare(compare, left, right)  # the window runs this in a worker
        t1 = time.perf_counter()
        view.set_comparison(c)
        t2 = time.perf_counter()
        view.grab()  # paint once, as the screen would
        app.processEvents()
        t3 = time.perf_counter()
        print(
            f"run {run}: {left.word_count:,}/{right.word_count:,} words, {len(c.sentences)} rows, "
            f"{len(view.bands())} bands: compare {1000 * (t1 - t0):.0f} ms (alignment alone "
            f"{1000 * t_align:.0f} ms), build+level {1000 * (t2 - t1):.0f} ms, paint {1000 * (t3 - t2):.0f} ms; "
            f"view total {1000 * (t3 - t1):.0f} ms, with compare {1000 * (t3 - t0):.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
