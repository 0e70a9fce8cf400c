"""Folders in the window: background loading with cancel and problems, drops, related coverage, the matrix."""

import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.ui.articles.model import Column, Role
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"

UNRELATED = """Village bakery wins regional bread award

The Millbrook village bakery took first prize at the regional bread fair on Saturday for its rye sourdough.

Owner Petra Vance said the recipe came from her grandmother and uses flour milled ten kilometres away.

The judges praised the crust and said the loaf kept well for four days."""


def story(n: int) -> str:
    return f"Story number {n} about topic {n}\n\nParagraph for story {n} with words w{n}a w{n}b w{n}c and more.\n"


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.folders.loader.cancel()
    w.folders.loader.wait(10)
    w.tasks.wait(10_000)


def _load_folder(qtbot, window, folder, how=None):
    with qtbot.wait_signal(window.folders.loader.finished, timeout=30_000) as blocker:
        (how or (lambda: window.open_files([str(folder)])))()
    qtbot.wait_until(lambda: window.tasks.pending() == 0, timeout=10_000)
    return blocker.args[0]


def _rows(window):
    m = window.model
    return [(m.index(r, Column.TITLE).data(), m.index(r, 0).data(Role.PATH)) for r in range(m.rowCount())]


def test_folder_loads_recursively_and_bad_files_go_to_problems(qtbot, window, tmp_path):
    folder = tmp_path / "news"
    (folder / "sub" / "deeper").mkdir(parents=True)
    for n in range(4):
        (folder / f"s{n}.txt").write_text(story(n), encoding="utf-8")
    (folder / "sub" / "deeper" / "s9.md").write_text("# " + story(9), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a pdf")
    (folder / "notes.xyz").write_text("not an article", encoding="utf-8")
    (folder / "pair.json").write_text(json.dumps([
        {"title": "First of two", "body": "The first article in one JSON file, about the harbour."},
        {"title": "Second of two", "body": "The second article in the same file, about the weather."},
    ]), encoding="utf-8")
    os.symlink(folder, folder / "sub" / "loop")
    assert _load_folder(qtbot, window, folder) is False
    titles = sorted(t for t, _ in _rows(window))
    expected = [f"Story number {n} about topic {n}" for n in (0, 1, 2, 3, 9)] + ["First of two", "Second of two"]
    assert titles == sorted(expected)  # the JSON list's placeholder row split into its two articles
    assert window.model.pending_paths() == []
    problems = {Path(p.path).name: p.reason for p in window.problems.problems()}
    assert set(problems) >= {"empty.txt", "broken.pdf"}
    assert "empty" in problems["empty.txt"]
    assert problems["broken.pdf"]
    assert "loop" in problems  # the symlink loop is reported, not followed twice
    assert "notes.xyz" not in problems and window.problems_dock.isVisible()
    assert not window.folders.progress.bar.isVisible()  # the load is over; only its outcome stays a while


def test_titles_show_first_and_cancel_keeps_what_was_read(qtbot, window, tmp_path, monkeypatch):
    import desktop.core.library.batch as batch

    real = batch.load_many
    released = threading.Event()

    def slow_load_many(paths, **kw):  # one file at a time, held until the test has looked
        cancel = kw.get("cancel")
        for n, path in enumerate(paths):
            if n >= 2:
                released.wait(10)
            if cancel is not None and cancel.is_set():
                return
            yield from real([path], workers=1, prepare=kw.get("prepare"))
            time.sleep(0.05)

    monkeypatch.setattr(batch, "load_many", slow_load_many)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(30):
        (folder / f"s{n:02d}.txt").write_text(story(n), encoding="utf-8")
    window.open_files([str(folder)])
    qtbot.wait_until(lambda: window.model.rowCount() == 30, timeout=10_000)  # every title at once
    assert window.model.index(5, Column.TITLE).data() == "Story number 5 about topic 5"
    assert window.folders.progress.isVisible() and window.folders.progress.cancel_button.isEnabled()
    qtbot.wait_until(lambda: len(window.model.articles()) >= 1, timeout=10_000)
    assert "Read 1 of 30 files" in window.folders.progress.label.text()
    with qtbot.wait_signal(window.folders.loader.finished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.folders.progress.cancel_button, Qt.MouseButton.LeftButton)
        released.set()
    assert blocker.args == [True]
    kept = window.model.articles()
    assert 1 <= len(kept) < 30
    assert window.model.rowCount() == len(kept)  # the unread placeholders are gone
    assert not window.folders.progress.bar.isVisible() and "Stopped" in window.folders.progress.label.text()


def _drop(target, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(target.width() / 2, target.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return drop


def test_a_dropped_folder_loads_and_duplicates_are_marked(qtbot, window, tmp_path):
    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "a.txt").write_text(story(1), encoding="utf-8")
    (folder / "b.txt").write_text(story(2), encoding="utf-8")
    (folder / "c.txt").write_text(story(1), encoding="utf-8")  # same text as a.txt
    _load_folder(qtbot, window, folder, how=lambda: _drop(window, [folder]))
    assert len(window.model.articles()) == 3
    ids = {Path(a.path).name: a.id for a in window.model.articles()}
    assert window.model.duplicate_of(ids["c.txt"]) == ids["a.txt"]
    assert window.model.duplicate_of(ids["b.txt"]) is None
    row = window.model.row_of(ids["c.txt"])
    assert window.model.index(row, Column.TITLE).data(Role.SUBTITLE).startswith("duplicate of Story number 1")


@pytest.fixture
def cluster(tmp_path):
    folder = tmp_path / "cluster"
    folder.mkdir()
    for name in ("harbour-wire.txt", "harbour-herald.html", "harbour-release.md"):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "bakery.txt").write_text(UNRELATED, encoding="utf-8")
    return folder


def test_related_column_ranks_the_siblings_first_and_best_match_compares(qtbot, window, cluster):
    _load_folder(qtbot, window, cluster)
    ids = {Path(a.path).name: a.id for a in window.model.articles()}
    window.article_list.select_articles([ids["harbour-wire.txt"]])
    qtbot.wait_until(lambda: window.model.related()[0] == ids["harbour-wire.txt"] and bool(window.model.related()[1]), timeout=10_000)
    view = window.article_list.view
    header = view.header()
    if header.isSectionHidden(Column.RELATED):
        header.showSection(Column.RELATED)
    x = header.sectionViewportPosition(Column.RELATED) + header.sectionSize(Column.RELATED) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))  # the first click
    proxy = window.article_list.proxy
    order = [proxy.index(r, 0).data(Role.PATH) for r in range(proxy.rowCount())]
    # The chosen article, then the most related; the unscored (none here) and weakest last.
    assert Path(order[0]).name == "harbour-wire.txt"
    assert {Path(p).name for p in order[1:3]} == {"harbour-herald.html", "harbour-release.md"}
    assert Path(order[-1]).name == "bakery.txt"
    scores = {Path(p).name: proxy.index(r, Column.RELATED).data() for r, p in enumerate(order)}
    assert float(scores["harbour-herald.html"]) > float(scores.get("bakery.txt") or 0) + 0.1
    assert scores["harbour-wire.txt"] == "chosen"  # the chosen article is marked, not scored

    window.folders.related_only_action.setChecked(True)
    kept = {Path(proxy.index(r, 0).data(Role.PATH)).name for r in range(proxy.rowCount())}
    assert "bakery.txt" not in kept and "harbour-wire.txt" in kept
    window.folders.related_only_action.setChecked(False)

    assert window.folders.best_match_action.isEnabled()
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.folders.best_match_action.trigger()
    comparison = blocker.args[0]
    assert comparison.left.id == ids["harbour-wire.txt"]
    assert Path(comparison.right.path).name in {"harbour-herald.html", "harbour-release.md"}


def test_matrix_scores_the_selection_and_a_click_compares_that_pair(qtbot, window, cluster):
    _load_folder(qtbot, window, cluster)
    articles = sorted(window.model.articles(), key=lambda a: a.path)
    with qtbot.wait_signal(window.matrix.ready, timeout=10_000):
        window.matrix.show_matrix(articles)
    heat = window.matrix.heatmap
    assert window.matrix.dock.isVisible() and len(heat.scores) == 4
    names = [Path(a.path).name for a in articles]
    bakery, herald, wire = names.index("bakery.txt"), names.index("harbour-herald.html"), names.index("harbour-wire.txt")
    assert heat.scores[wire][herald] == heat.scores[herald][wire] > heat.scores[wire][bakery]
    assert heat.scores[wire][wire] == 1.0
    qtbot.wait_until(lambda: heat.cell_rect(wire, herald).right() < heat.width(), timeout=2000)
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        qtbot.mouseClick(heat, Qt.MouseButton.LeftButton, pos=heat.cell_rect(wire, herald).center())
    comparison = blocker.args[0]
    assert (comparison.left.id, comparison.right.id) == (articles[wire].id, articles[herald].id)


def test_many_files_opened_at_once_load_through_the_worker_processes(qtbot, window, tmp_path):
    from desktop.ui.folders.controller import MANY_FILES

    paths = []
    for n in range(MANY_FILES + 5):
        path = tmp_path / f"many-{n:02d}.txt"
        path.write_text(story(n), encoding="utf-8")
        paths.append(str(path))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    paths.append(str(tmp_path / "broken.pdf"))
    _load_folder(qtbot, window, None, how=lambda: window.open_files(paths))
    titles = sorted(title for title, _ in _rows(window))
    assert titles == sorted(f"Story number {n} about topic {n}" for n in range(MANY_FILES + 5))
    assert "broken.pdf" in {Path(p.path).name for p in window.problems.problems()}


def test_related_only_keeps_the_pair_on_screen_the_best_two_and_strong_scores():
    from desktop.ui.folders.controller import related_kept

    scores = {"b": 0.13, "c": 0.09, "d": 0.05, "e": 0.125, "f": 0.02}
    # The top two if they score 0.08 or more (b, e), and anything at 0.12 or more (b, e);
    # c is third, d and f are weak; the article on the right side stays whatever it scores.
    assert related_kept("a", scores, ["a", "f"]) == {"a", "b", "e", "f"}
    assert related_kept("a", {"x": 0.09, "y": 0.085, "z": 0.01}, ["a"]) == {"a", "x", "y"}  # rank, not score
    assert related_kept("a", {"x": 0.05, "y": 0.03}, ["a"]) == {"a"}  # a story alone keeps only itself


def test_related_only_never_hides_what_is_compared(qtbot, window, cluster):
    _load_folder(qtbot, window, cluster)
    ids = {Path(a.path).name: a.id for a in window.model.articles()}
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000):
        window.session.show([window.model.article(ids["harbour-wire.txt"]), window.model.article(ids["bakery.txt"])])
    qtbot.wait_until(lambda: window.model.related()[0] == ids["harbour-wire.txt"] and bool(window.model.related()[1]), timeout=10_000)
    window.folders.related_only_action.setChecked(True)
    proxy = window.article_list.proxy
    kept = {Path(proxy.index(r, 0).data(Role.PATH)).name for r in range(proxy.rowCount())}
    assert kept == {"harbour-wire.txt", "bakery.txt", "harbour-herald.html", "harbour-release.md"}
    window.folders.related_only_action.setChecked(False)
