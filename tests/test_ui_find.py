"""Find steps through the matches in both panes, in reading order, as a reader presses keys."""

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

LEFT = """Ferry service resumes after storm

HALIFAX — The harbour ferry resumed service on Monday after a storm closed the crossing.

Crews inspected the ferry terminals overnight and found no damage."""

RIGHT = """Crossing reopens after two-day storm

HALIFAX — The harbour ferry resumed service on Monday after a storm shut the crossing.

A second ferry will join the route next month, the operator added.

Crews inspected both terminals overnight and found no damage."""


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    (tmp_path / "left.txt").write_text(LEFT, encoding="utf-8")
    (tmp_path / "right.txt").write_text(RIGHT, encoding="utf-8")
    with qtbot.wait_signal(w.comparison_shown, timeout=30_000):
        w.open_files([str(tmp_path / "left.txt"), str(tmp_path / "right.txt")])
    yield w
    w.tasks.wait(10_000)


def _current_match(window) -> tuple[str, str, int]:
    """The side, text and paragraph of the match painted as current (the one stepped to)."""
    current = window.diff_view._colors.find_current
    found = []
    for side in ("left", "right"):
        for sel in window.diff_view.text_view(side).extraSelections():
            if sel.format.background().color() == current:
                found.append((side, sel.cursor.selectedText(), sel.cursor.block().text()))
    assert len(found) == 1, found
    side, text, block = found[0]
    return side, text, block


def test_enter_and_f3_step_through_matches_in_reading_order(qtbot, window):
    bar = window.find_bar
    window.find_action.trigger()
    qtbot.keyClicks(bar.edit, "ferry")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # runs the search at once: the first match
    assert bar.count.text() == "1 of 4"
    side, text, block = _current_match(window)
    assert (side, text) == ("left", "ferry") and "harbour ferry" in block

    # Row by row down the view, the left pane before the right one in a row.
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 4"
    assert _current_match(window)[0] == "right" and "harbour ferry" in _current_match(window)[2]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "3 of 4"
    assert _current_match(window)[0] == "right" and "second ferry" in _current_match(window)[2]
    window.find_next_action.trigger()  # F3
    assert bar.count.text() == "4 of 4"
    assert _current_match(window)[0] == "left" and "ferry terminals" in _current_match(window)[2]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # wraps round to the top
    assert bar.count.text() == "1 of 4"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # back, wrapping
    assert bar.count.text() == "4 of 4"
    window.find_previous_action.trigger()  # Shift+F3
    assert bar.count.text() == "3 of 4"

    # Every match stays painted; only one is the current one.
    painted = sum(len(window.diff_view.text_view(s).extraSelections()) for s in ("left", "right"))
    assert painted >= 4

    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert all(not window.diff_view.text_view(s).extraSelections() for s in ("left", "right"))


def test_a_new_word_starts_again_and_no_match_says_so(qtbot, window):
    bar = window.find_bar
    window.find_action.trigger()
    qtbot.keyClicks(bar.edit, "crews")
    qtbot.wait_until(lambda: bar.count.text() == "1 of 2", timeout=2000)  # after the typing pause
    bar.edit.clear()
    qtbot.keyClicks(bar.edit, "tugboat")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "no matches"
    window.find_next_action.trigger()
    assert bar.count.text() == "no matches"
