"""The window's title and status bar tell the reader where they are: what is compared, which
workspace, whether it has unsaved changes, and the comparison's figures after a folder load."""

import pytest
from PySide6.QtCore import QSettings

from desktop.ui.main_window import MainWindow
from tests.ferry_pair import HERALD, WIRE

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "herald.txt").write_text(HERALD, encoding="utf-8")
    return folder


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.tasks.wait(10_000)


def _shown_title(window) -> str:
    """The title the window manager is given (Qt resolves the [*] mark there)."""
    return window.windowHandle().title()


def test_title_names_the_workspace_and_marks_unsaved_changes(qtbot, window, files, tmp_path):
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000):
        window.open_files([str(files / "wire.txt"), str(files / "herald.txt")])
    qtbot.wait_until(lambda: window.isWindowModified(), timeout=3000)
    assert _shown_title(window) == (
        "Ferry service resumes after storm ↔ Ferries back on the water after two-day storm — unsaved workspace* — Diptych"
    )

    window.workspace.save_now(str(tmp_path / "Harbour story.diptych"))
    assert _shown_title(window) == (
        "Ferry service resumes after storm ↔ Ferries back on the water after two-day storm — Harbour story — Diptych"
    )
    window.workspace.notes.editor.setPlainText("Ask the operator about the second ferry.")
    qtbot.wait_until(lambda: _shown_title(window).endswith("— Harbour story* — Diptych"), timeout=3000)
    window.workspace.save_now(window.workspace.path)
    assert _shown_title(window).endswith("— Harbour story — Diptych")


def test_a_reopened_workspace_is_not_marked_changed(qtbot, window, files, tmp_path):
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000):
        window.open_files([str(files / "wire.txt"), str(files / "herald.txt")])
    target = tmp_path / "Ferry.diptych"
    window.workspace.save_now(str(target))
    other = MainWindow(QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(other)
    other.show()
    with qtbot.wait_signal(other.comparison_shown, timeout=30_000):
        other.open_files([str(target)])
    qtbot.wait(400)  # past the pause after which the window compares with the file
    assert not other.isWindowModified()
    assert _shown_title(other).endswith("— Ferry — Diptych")
    other.tasks.wait(10_000)


def test_status_bar_shows_the_comparison_again_when_a_folder_load_ends(qtbot, window, files, tmp_path):
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.open_files([str(files / "wire.txt"), str(files / "herald.txt")])
    comparison = blocker.args[0]
    more = tmp_path / "more"
    more.mkdir()
    for n in range(3):
        (more / f"note{n}.txt").write_text(f"Harbour note {n}\n\nThe ferry ran {n + 2} crossings on Tuesday.", encoding="utf-8")
    with qtbot.wait_signal(window.folders.loader.finished, timeout=60_000):
        window.open_files([str(more)])
    qtbot.wait_until(lambda: window.model.rowCount() == 5, timeout=10_000)
    bar = window.statusBar()
    assert bar.currentMessage() == ""  # no message hides the figures
    assert window.stats_label.isVisible()
    assert window.stats_label.text().startswith(f"Similarity {comparison.stats.similarity:.0%}")
    assert window.folders.progress.label.text() == "5 articles in the list"
    assert window.folders.progress.isVisible() and not window.folders.progress.bar.isVisible()


def test_recent_files_lists_only_files_that_opened(qtbot, window, files, tmp_path):
    from desktop.ui import settings as keys

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    gone = tmp_path / "gone.txt"
    gone.write_text("Gone soon\n\nThis file opens once, then it is deleted.", encoding="utf-8")
    with qtbot.wait_signal(window.article_shown, timeout=30_000):
        window.open_files([str(gone)])
    window.open_files([str(empty), str(files / "wire.txt"), str(files / "herald.txt")])
    qtbot.wait_until(lambda: window.model.rowCount() == 3, timeout=30_000)
    qtbot.wait_until(lambda: any(p.path == str(empty) for p in window.problems.problems()), timeout=10_000)

    window.recent_menu.aboutToShow.emit()
    names = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert names[:3] == ["&1 herald.txt", "&2 wire.txt", "&3 gone.txt"]
    assert not any("empty.txt" in n for n in names)

    gone.unlink()  # reopened from the menu, it fails: it leaves the list
    gone_action = next(a for a in window.recent_menu.actions() if a.text().endswith("gone.txt"))
    gone_action.trigger()
    qtbot.wait_until(lambda: any(p.path == str(gone) for p in window.problems.problems()), timeout=10_000)
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions() if a.text()][:2] == ["&1 herald.txt", "&2 wire.txt"]
    assert str(gone) not in keys.RECENT_FILES.read(window.store)
