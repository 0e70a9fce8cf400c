"""The comparison window, driven as a reader would: real files, real drops, a restart."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.ui import settings as keys
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"

WIRE = """Ferry service resumes after storm

HALIFAX — The harbour ferry resumed service on Monday after a storm closed the crossing for two days.

The operator said 1,200 passengers had been stranded. "We are glad to be back," spokeswoman Ines Dal said.

Crews inspected both terminals overnight and found no damage."""

HERALD = """Ferries back on the water after two-day storm

HALIFAX — The harbour ferry resumed service on Monday after a storm shut the crossing for two days.

The operator said 1,100 passengers had been stranded. "We are very glad to be back," spokeswoman Ines Dahl said.

A second ferry will join the route next month, the operator added.

Crews inspected both terminals overnight and found no damage."""


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


@pytest.fixture
def store(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def articles_dir(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "herald.txt").write_text(HERALD, encoding="utf-8")
    return folder


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.tasks.wait(10_000)


def _open_pair(qtbot, window, *paths):
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.open_files([str(p) for p in paths])
    return blocker.args[0]


def _drop(target, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(target.width() / 2, target.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return drop


def test_dropping_two_files_loads_and_compares_them(qtbot, window, articles_dir):
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        drop = _drop(window, [articles_dir / "wire.txt", articles_dir / "herald.txt"])
        assert drop.isAccepted()
    comparison = blocker.args[0]
    assert comparison.left.title == "Ferry service resumes after storm"
    assert comparison.right.title == "Ferries back on the water after two-day storm"
    assert window.model.rowCount() == 2
    assert [window.model.index(r, 0).data() for r in range(2)] == ["L", "R"]
    status = window.stats_label.text()
    assert "Similarity" in status and f"{comparison.stats.similarity:.0%}" in status
    assert f"+{comparison.stats.words_added:,}" in status


def test_a_drop_without_files_is_refused(window):
    mime = QMimeData()
    mime.setText("just words")
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_file_dropped_on_a_pane_goes_to_that_side(qtbot, window, articles_dir, tmp_path):
    _open_pair(qtbot, window, articles_dir / "wire.txt", articles_dir / "herald.txt")
    third = tmp_path / "third.txt"
    third.write_text(WIRE.replace("1,200", "1,500"), encoding="utf-8")
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.diff_view.files_dropped.emit("left", [str(third)])
    assert Path(blocker.args[0].left.path).name == "third.txt"
    assert Path(blocker.args[0].right.path).name == "herald.txt"


def test_unreadable_file_is_named_and_the_rest_stay(qtbot, window, articles_dir, tmp_path):
    first = _open_pair(qtbot, window, articles_dir / "wire.txt", articles_dir / "herald.txt")
    missing = tmp_path / "gone-missing.txt"
    extra = tmp_path / "extra.txt"
    extra.write_text("Extra story\n\nA third article about the ferry, written later.", encoding="utf-8")
    with qtbot.wait_signal(window.loader.pending_changed, check_params_cb=lambda n: n == 0, timeout=30_000):
        window.open_files([str(missing), str(extra)])
    qtbot.wait_until(lambda: window.model.rowCount() == 3, timeout=5000)
    problems = window.problems.problems()
    assert len(problems) == 1
    assert problems[0].path.endswith("gone-missing.txt") and problems[0].reason
    assert "gone-missing.txt" in window.problems.list.item(0).text()
    assert window.problems_dock.isVisible()  # shown without a modal dialog
    assert window.comparison() is first  # what was on screen stays
    assert window.sides() == (first.left, first.right)


def test_next_and_previous_move_the_change_counter(qtbot, window, articles_dir):
    comparison = _open_pair(qtbot, window, articles_dir / "wire.txt", articles_dir / "herald.txt")
    total = len(comparison.changes)
    assert total >= 3
    window.next_action.trigger()
    assert window.change_counter.text() == f"change 1 of {total}"
    window.next_action.trigger()
    assert window.change_counter.text() == f"change 2 of {total}"
    window.previous_action.trigger()
    assert window.change_counter.text() == f"change 1 of {total}"


def test_options_recompare_and_come_back_from_the_cache(qtbot, window, articles_dir):
    first = _open_pair(qtbot, window, articles_dir / "wire.txt", articles_dir / "herald.txt")
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.ignore_case_action.trigger()
    assert blocker.args[0].options.ignore_case
    with qtbot.wait_signal(window.comparison_shown, timeout=1000) as blocker:
        window.ignore_case_action.trigger()  # back to the first options: no new work
    assert blocker.args[0] is first
    assert window.tasks.pending() == 0


def test_swap_and_single_article(qtbot, window, articles_dir):
    first = _open_pair(qtbot, window, articles_dir / "wire.txt", articles_dir / "herald.txt")
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.swap_action.trigger()
    assert (blocker.args[0].left.id, blocker.args[0].right.id) == (first.right.id, first.left.id)
    with qtbot.wait_signal(window.article_shown, timeout=5000) as blocker:
        window.article_list.select_articles([first.left.id])
    assert blocker.args[0].id == first.left.id
    assert window.comparison() is None
    assert not window.next_action.isEnabled()


def test_pasted_text_becomes_an_article(qtbot, window):
    QGuiApplication.clipboard().setText("Pasted headline\n\nA paragraph someone copied from a web page.")
    with qtbot.wait_signal(window.article_shown, timeout=30_000) as blocker:
        window.paste_action.trigger()
    assert window.model.rowCount() == 1
    assert "copied from a web page" in blocker.args[0].text


def test_find_bar_reports_matches(qtbot, window, articles_dir):
    _open_pair(qtbot, window, articles_dir / "wire.txt", articles_dir / "herald.txt")
    window.find_action.trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "ferry")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert "match" in window.find_bar.count.text() and window.find_bar.count.text() != "no matches"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_settings_survive_a_restart(qtbot, store, articles_dir, tmp_path):
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    _open_pair(qtbot, first, articles_dir / "wire.txt", articles_dir / "herald.txt")
    first.resize(760, 520)  # inside the offscreen screen, which restoreGeometry clamps to
    first.splitter.setSizes([200, 500, 200])
    sizes = first.splitter.sizes()
    first.ignore_punct_action.trigger()
    first.sidebar_action.trigger()  # hide the sidebar
    qtbot.wait_until(lambda: first.tasks.pending() == 0, timeout=30_000)
    first.close()
    first.tasks.wait(10_000)

    reread = QSettings(store.fileName(), QSettings.Format.IniFormat)
    second = MainWindow(reread)
    qtbot.addWidget(second)
    second.show()
    assert second.ignore_punct_action.isChecked()
    assert not second.ignore_case_action.isChecked()
    assert not second.sidebar_action.isChecked() and not second.sidebar.isVisible()
    assert second.options().ignore_punctuation
    assert (second.width(), second.height()) == (760, 520)
    assert second.splitter.sizes()[0] == sizes[0]  # the hidden sidebar gave its room to the centre
    recent = keys.RECENT_FILES.read(reread)
    assert [Path(p).name for p in recent] == ["herald.txt", "wire.txt"]
    second.close()


def test_recent_menu_lists_and_reopens_files(qtbot, window, articles_dir):
    _open_pair(qtbot, window, articles_dir / "wire.txt", articles_dir / "herald.txt")
    window.recent_menu.aboutToShow.emit()
    names = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert names[:2] == ["&1 herald.txt", "&2 wire.txt"]


def test_every_action_has_a_shortcut_and_panes_have_names(window):
    from PySide6.QtGui import QAction

    unnamed = [a.text() for a in window.findChildren(QAction) if a.parent() is window and a.text() and a.shortcut().isEmpty()]
    assert unnamed == []
    for pane in (window.article_list.view, window.diff_view, window.sidebar, window.problems.list):
        assert pane.accessibleName()


def test_smoke_test_exits_cleanly():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke-test"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


@pytest.mark.slow
def test_screenshot_of_the_samples(tmp_path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--samples", "--screenshot", str(out), "--size", "1000x700", "--dark"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    assert image.pixelColor(500, 350).lightness() < 128  # the dark palette was used


def _slow_align(delay):
    from desktop.ui.comparing import align_pair

    def slow(left, right, options):
        import time

        time.sleep(delay)
        return align_pair(left, right, options)

    return slow


def test_busy_bar_shows_only_for_slow_results_and_stale_pairs_are_dropped(qtbot, window, articles_dir, tmp_path, monkeypatch):
    import desktop.ui.comparing as comparing

    first = _open_pair(qtbot, window, articles_dir / "wire.txt", articles_dir / "herald.txt")
    assert not window.busy_bar.isVisible()  # a quick comparison never flashes the bar
    third = tmp_path / "third.txt"
    third.write_text(HERALD.replace("1,100", "1,300"), encoding="utf-8")
    with qtbot.wait_signal(window.loader.pending_changed, check_params_cb=lambda n: n == 0, timeout=30_000):
        window.open_files([str(third)])
    qtbot.wait_until(lambda: window.model.rowCount() == 3, timeout=5000)
    third_article = next(a for a in window.model.articles() if a.path.endswith("third.txt"))

    monkeypatch.setattr(comparing, "align_pair", _slow_align(0.6))
    shown = []
    window.comparison_shown.connect(shown.append)
    with qtbot.wait_signal(window.comparison_shown, timeout=5000):
        window.article_list.select_articles([first.left.id, first.right.id])  # from the cache
    window.ignore_case_action.trigger()  # slow: wire vs herald, ignoring case
    window.article_list.select_articles([first.left.id, third_article.id])  # slow, and replaces it
    qtbot.wait_until(window.busy_bar.isVisible, timeout=2000)
    qtbot.wait_until(lambda: len(shown) == 2, timeout=30_000)
    assert not window.busy_bar.isVisible()
    qtbot.wait_until(lambda: window.tasks.pending() == 0, timeout=30_000)
    assert len(shown) == 2  # the replaced pair finished later, into the cache only
    assert [(c.left.id, c.right.id, c.options.ignore_case) for c in shown] == [
        (first.left.id, first.right.id, False),
        (first.left.id, third_article.id, True),
    ]
    assert window.comparison().right.id == third_article.id


def test_highlights_come_before_the_entities_and_options_reuse_them(qtbot, window, articles_dir, monkeypatch):
    import desktop.ui.comparing as comparing

    calls = []
    real = comparing.entity_part

    def slow_entities(*args):
        import time

        calls.append(args[0].id)
        time.sleep(0.5)
        return real(*args)

    monkeypatch.setattr(comparing, "entity_part", slow_entities)
    order = []
    window.alignment_shown.connect(lambda c: order.append(("aligned", c.entities)))
    window.comparison_shown.connect(lambda c: order.append(("whole", len(c.entities) > 0)))
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000):
        window.open_files([str(articles_dir / "wire.txt"), str(articles_dir / "herald.txt")])
    assert order == [("aligned", ()), ("whole", True)]
    assert window.print_action.isEnabled()
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.ignore_punct_action.trigger()
    assert blocker.args[0].options.ignore_punctuation and blocker.args[0].entities
    assert len(calls) == 1  # entities do not depend on the options: found once per pair


def test_delete_removes_from_the_list_only_when_the_list_has_focus(qtbot, window, articles_dir):
    _open_pair(qtbot, window, articles_dir / "wire.txt", articles_dir / "herald.txt")
    window.diff_view.setFocus()
    qtbot.keyClick(window.diff_view, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 2
    window.article_list.view.setFocus()
    shown = window.comparison()
    window.article_list.view.selectionModel().clearSelection()
    window.article_list._select([window.model.articles()[0].id])  # selected, not yet picked
    qtbot.keyClick(window.article_list.view, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 1
    assert window.comparison() is shown  # deleting changes what is listed, never what is compared
