"""Unchecking a change class hides its highlights in the panes and the overview strip, and
the choice survives a restart."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor

from desktop.core.compare.model import ChangeClass
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

LEFT = """Ferry service resumes after storm

The operator said 1,200 passengers had been stranded.

Spokeswoman Ines Dal said crews were glad to be back.

Crews inspected both terminals overnight and found no damage."""

RIGHT = """Ferry service resumes after storm

The operator said 1,100 passengers had been stranded.

Spokeswoman Ines Dahl said crews were glad to be back.

Crews inspected both terminals overnight and found no damage."""


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


@pytest.fixture
def files(tmp_path):
    (tmp_path / "left.txt").write_text(LEFT, encoding="utf-8")
    (tmp_path / "right.txt").write_text(RIGHT, encoding="utf-8")
    return [str(tmp_path / "left.txt"), str(tmp_path / "right.txt")]


def _window(qtbot, tmp_path, files):
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    with qtbot.wait_signal(w.comparison_shown, timeout=30_000):
        w.open_files(files)
    w.diff_view.finish_building()
    return w


def _painted(window, side: str, word: str) -> bool:
    """Whether the word has a highlight (a background) where the pane shows it."""
    doc = window.diff_view.text_view(side).document()
    cursor = doc.find(word)
    assert not cursor.isNull(), word
    probe = QTextCursor(doc)
    probe.setPosition(cursor.selectionStart() + 1)
    return probe.charFormat().background().style() != Qt.BrushStyle.NoBrush


def test_unchecking_a_class_hides_its_highlights_and_is_kept(qtbot, tmp_path, files):
    window = _window(qtbot, tmp_path, files)
    comparison = window.comparison()
    assert {c.cls for c in comparison.changes} >= {ChangeClass.FIGURE, ChangeClass.NAME}
    assert _painted(window, "left", "1,200") and _painted(window, "right", "1,100")
    assert _painted(window, "left", "Dal") and _painted(window, "right", "Dahl")
    marks_before = len(window.diff_view.overview.marks)

    window.class_filter.class_actions[ChangeClass.FIGURE].trigger()  # uncheck Figures
    window.diff_view.finish_building()
    assert not _painted(window, "left", "1,200") and not _painted(window, "right", "1,100")
    assert not _painted(window, "left", "operator")  # the sentence tint goes too
    assert _painted(window, "left", "Dal") and _painted(window, "right", "Dahl")
    assert len(window.diff_view.overview.marks) == marks_before - 1
    window.next_action.trigger()
    assert window.diff_view._changes[0][1].cls != ChangeClass.FIGURE
    assert "of" in window.class_button.text()

    window.close()
    again = _window(qtbot, tmp_path, files)  # a restart with the same settings
    assert not again.class_filter.class_actions[ChangeClass.FIGURE].isChecked()
    assert not _painted(again, "left", "1,200")
    assert _painted(again, "left", "Dal")

    again.class_filter.set_classes(None)  # All changes
    again.diff_view.finish_building()
    assert _painted(again, "left", "1,200")
    again.tasks.wait(10_000)
    window.tasks.wait(10_000)
