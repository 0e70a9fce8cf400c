"""Workspaces through the window (save, reopen, autosave, damaged files) and watched files."""

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.core.library.workspace import backup_path, read_workspace
from desktop.ui.articles.model import Column
from desktop.ui.main_window import MainWindow
from tests.ferry_pair import HERALD, WIRE

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


@pytest.fixture
def make_window(qtbot, tmp_path):
    made = []

    def make(name="settings.ini"):
        w = MainWindow(QSettings(str(tmp_path / name), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.tasks.wait(10_000)


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "herald.txt").write_text(HERALD, encoding="utf-8")
    return folder


def _open_pair(qtbot, window, *paths):
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.open_files([str(p) for p in paths])
    return blocker.args[0]


def test_workspace_round_trips_through_the_window(qtbot, make_window, files, tmp_path):
    first = make_window()
    _open_pair(qtbot, first, files / "wire.txt", files / "herald.txt")
    with qtbot.wait_signal(first.comparison_shown, timeout=30_000):
        first.ignore_case_action.trigger()
    first.workspace.notes.editor.setPlainText("Check the second ferry claim.")
    target = tmp_path / "story.diptych"
    first.workspace.save_now(str(target))
    saved = read_workspace(target)
    assert saved.left == str(files / "wire.txt") and saved.right == str(files / "herald.txt")

    second = make_window("other.ini")
    with qtbot.wait_signal(second.comparison_shown, timeout=30_000) as blocker:
        second.open_files([str(target)])  # as from the command line or a drop
    comparison = blocker.args[0]
    assert {a.path for a in second.model.articles()} == {str(files / "wire.txt"), str(files / "herald.txt")}
    assert (comparison.left.path, comparison.right.path) == (str(files / "wire.txt"), str(files / "herald.txt"))
    assert comparison.options.ignore_case and second.ignore_case_action.isChecked()
    assert second.workspace.notes.text() == "Check the second ferry claim."
    assert second.workspace.path == str(target)


def test_autosave_after_a_change_and_the_last_one_reopens(qtbot, make_window, files, tmp_path):
    data = tmp_path / "appdata"
    first = make_window()
    first.workspace.start(restore=False, autosave_dir=str(data))
    _open_pair(qtbot, first, files / "wire.txt", files / "herald.txt")
    with qtbot.wait_signal(first.workspace.saved, timeout=10_000) as blocker:
        first.workspace.notes.editor.setPlainText("autosaved note")
    assert blocker.args[0] == str(data / "autosave.diptych")
    qtbot.wait_until(lambda: read_workspace(data / "autosave.diptych").notes == "autosaved note", timeout=5000)
    assert len(read_workspace(data / "autosave.diptych").articles) == 2

    again = make_window()  # same settings: a restart
    with qtbot.wait_signal(again.comparison_shown, timeout=30_000):
        again.workspace.start(restore=True, autosave_dir=str(data))
    assert again.workspace.notes.text() == "autosaved note"
    assert again.workspace.path is None  # keeps autosaving to the autosave file


@pytest.mark.parametrize("damage", [lambda raw: raw[: len(raw) // 2], lambda raw: b"\x00garbage{"])
def test_a_damaged_workspace_is_refused_and_the_last_good_copy_kept(qtbot, make_window, files, tmp_path, damage):
    window = make_window()
    _open_pair(qtbot, window, files / "wire.txt", files / "herald.txt")
    target = tmp_path / "w.diptych"
    window.workspace.notes.editor.setPlainText("good copy")
    window.workspace.save_now(str(target))
    window.workspace.notes.editor.setPlainText("newer copy")
    window.workspace.save_now(str(target))  # the first save is now the .bak
    damaged = damage(target.read_bytes())
    target.write_bytes(damaged)

    other = make_window("other.ini")
    with qtbot.wait_signal(other.workspace.refused, timeout=5000) as blocker:
        other.open_files([str(target)])
    message = blocker.args[0]
    assert str(target) in message and ("damaged" in message or "not a Diptych" in message)
    assert other.workspace.notes.text() == "good copy"  # opened from the backup
    assert target.read_bytes() == damaged  # left untouched for the reader
    assert read_workspace(backup_path(target)).notes == "good copy"
    other.workspace.flush()
    assert target.read_bytes() == damaged

    # No backup at all: refused, nothing replaced.
    lone = tmp_path / "lone.diptych"
    lone.write_text(json.dumps({"format": "diptych-workspace", "version": 1})[:20], encoding="utf-8")
    before = other.model.rowCount()
    with qtbot.wait_signal(other.workspace.refused, timeout=5000) as blocker:
        assert other.workspace.open_path(str(lone)) is False
    assert str(lone) in blocker.args[0] and "truncated" in blocker.args[0]
    assert other.model.rowCount() == before


def test_a_file_edited_on_disk_is_reread_and_its_comparison_refreshed(qtbot, make_window, files):
    window = make_window()
    _open_pair(qtbot, window, files / "wire.txt", files / "herald.txt")
    qtbot.wait_until(lambda: str(files / "herald.txt") in window.watcher.watched(), timeout=5000)
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        (files / "herald.txt").write_text(HERALD.replace("next month", "next spring"), encoding="utf-8")
    assert "next spring" in blocker.args[0].right.text
    herald = next(a for a in window.model.articles() if a.path.endswith("herald.txt"))
    assert "next spring" in herald.text
    assert window.model.rowCount() == 2


def test_a_deleted_file_is_marked_missing_not_dropped(qtbot, make_window, files):
    window = make_window()
    _open_pair(qtbot, window, files / "wire.txt", files / "herald.txt")
    qtbot.wait_until(lambda: str(files / "wire.txt") in window.watcher.watched(), timeout=5000)
    wire = next(a for a in window.model.articles() if a.path.endswith("wire.txt"))
    with qtbot.wait_signal(window.watcher.missing, timeout=10_000):
        os.remove(files / "wire.txt")
    assert window.model.is_missing(wire.id) and window.model.rowCount() == 2
    index = window.model.index(window.model.row_of(wire.id), Column.TITLE)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert "file missing" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert Path(window.sides()[0].path).name == "wire.txt"  # the comparison stays


def test_a_file_only_read_is_not_reread(qtbot, make_window, files):
    """Reading a file moves its access time, which the watcher reports: no re-read for that."""
    window = make_window()
    _open_pair(qtbot, window, files / "wire.txt", files / "herald.txt")
    qtbot.wait_until(lambda: str(files / "wire.txt") in window.watcher.watched(), timeout=5000)
    reloaded = []
    window.watcher.reloaded.connect(reloaded.append)
    st = os.stat(files / "wire.txt")
    with qtbot.wait_signal(window.watcher.watcher.fileChanged, timeout=5000):
        os.utime(files / "wire.txt", ns=(st.st_atime_ns + 10**9, st.st_mtime_ns))
    qtbot.wait(800)  # past the settle time
    assert reloaded == [] and window.tasks.pending() == 0


def test_after_an_unclean_exit_the_autosave_is_offered_and_restored(qtbot, make_window, files, tmp_path):
    from desktop.ui import crash

    data = tmp_path / "appdata"
    first = make_window()
    assert crash.mark_running(data) is None  # a clean start: nothing left behind
    first.workspace.start(restore=False, autosave_dir=str(data))
    _open_pair(qtbot, first, files / "wire.txt", files / "herald.txt")
    with qtbot.wait_signal(first.workspace.saved, timeout=10_000):
        first.workspace.notes.editor.setPlainText("before the crash")
    # The process dies here: the running marker stays behind, as a segfault or kill leaves it.
    left = crash.mark_running(data)
    assert left and "pid" in left

    again = make_window()
    again.workspace.start(restore=True, autosave_dir=str(data), unclean=left)
    offer = again.workspace.offer
    assert offer.isVisible() and "did not close properly" in offer.label.text()
    assert again.model.rowCount() == 0  # nothing reopened unasked
    with qtbot.wait_signal(again.comparison_shown, timeout=30_000):
        qtbot.mouseClick(offer.restore_button, Qt.MouseButton.LeftButton)
    assert again.workspace.notes.text() == "before the crash"
    assert {Path(a.path).name for a in again.model.articles()} == {"wire.txt", "herald.txt"}
    assert again.workspace.offer is None  # answered: the bar is gone
    crash.mark_closed(data)
    assert crash.mark_running(data) is None  # closed cleanly: the next start offers nothing
