"""The similarity matrix's labels: column numbers that never run together, and rows for
duplicate titles told apart by their file names — checked on the painted widget."""

import pytest
from PySide6.QtCore import QRect

from desktop.core.article import Article
from desktop.ui.matrix.controller import row_labels
from desktop.ui.matrix.heatmap import HeatMap

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("n,size", [(12, (420, 260)), (30, (520, 330)), (50, (700, 420)), (50, (1400, 900))])
def test_column_numbers_never_touch_and_fit(qtbot, n, size, tmp_path):
    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.resize(*size)
    heat.set_data([f"Story {i}" for i in range(n)], [[0.5] * n for _ in range(n)])
    heat.show()
    labels = heat.column_labels()
    fm = heat.fontMetrics()
    shown = []
    for rect, text in labels:
        ink = fm.horizontalAdvance(text)
        assert ink <= rect.width(), (text, rect)
        shown.append(QRect(rect.center().x() - ink // 2, rect.top(), ink, rect.height()))
    for a, b in zip(shown, shown[1:]):
        assert a.right() + fm.horizontalAdvance(" ") // 2 < b.left(), "numbers run together"
    numbers = [int(t) for _r, t in labels]
    assert numbers[-1] >= n - 9 and numbers == sorted(numbers)  # the last columns are still numbered
    heat.grab().save(str(tmp_path / f"matrix-{n}.png"))


def test_duplicate_titles_get_their_file_names():
    def article(path, title):
        return Article(id=path, path=path, format="txt", text="", blocks=(), sentences=(), tokens=(), title=title)

    articles = [
        article("/news/wire/ferry.txt", "Ferry back after storm"),
        article("/news/herald/ferry-herald.html", "Ferry back after storm"),
        article("/news/release.md", "Harbour reopens"),
        article("/a/copy.txt", "Same"),
        article("/b/copy.txt", "Same"),
    ]
    assert row_labels(articles) == [
        "Ferry back after storm — ferry.txt",
        "Ferry back after storm — ferry-herald.html",
        "Harbour reopens",
        "Same — copy.txt (a)",
        "Same — copy.txt (b)",
    ]
