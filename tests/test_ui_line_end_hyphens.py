"""The reader's view of a reflowed article: opened beside the same story unwrapped, the words
broken at line-end hyphens show the file's hyphen and carry no change mark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor

from desktop.ui.main_window import MainWindow
from tests.test_line_end_hyphens import WHOLE, WRAPPED

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


def marks(view, side: str, start: int, end: int) -> set:
    """The backgrounds painted on article offsets [start, end) of one pane (None where plain)."""
    pane = view.pane_document(side)
    out = set()
    for offset in range(start, end):
        cursor = QTextCursor(pane.doc)
        cursor.setPosition(pane.to_position(offset) + 1)
        brush = cursor.charFormat().background()
        out.add(None if brush.style() == Qt.BrushStyle.NoBrush else brush.color().name())
    return out


def test_broken_words_show_as_the_file_has_them_with_no_change_marked(qtbot, tmp_path):
    (tmp_path / "wrapped.txt").write_text(WRAPPED, encoding="utf-8")
    (tmp_path / "whole.txt").write_text(WHOLE, encoding="utf-8")
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.open_files([str(tmp_path / "wrapped.txt"), str(tmp_path / "whole.txt")])
    comparison = blocker.args[0]
    window.diff_view.finish_building()
    left = comparison.left if comparison.left.path.endswith("wrapped.txt") else comparison.right
    side = "left" if left is comparison.left else "right"
    assert comparison.changes == ()
    text = left.text
    shown = window.diff_view.pane_document(side).doc.toPlainText()
    for word in ("Indo-Pacific", "inter-\nnational", "well-known"):
        at = text.index(word)
        assert marks(window.diff_view, side, at, at + len(word)) == {None}, word
    # The pane shows the hyphen the file has, and wraps the line itself: no break forced mid-row.
    assert "an inter-\u200bnational pact" in shown
    assert "\u2028" not in shown
    header = window.diff_view.panes[side].header
    assert header.title.toolTip() == "<p>Ports agree on shared storm warnings</p>"
    assert f"{left.word_count} words" in header.meta.text()
    window.tasks.wait(10_000)
