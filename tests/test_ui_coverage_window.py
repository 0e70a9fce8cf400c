"""Compare coverage in the real window: three picked articles, the dock, a cell opens the pair."""

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.core.coverage.model import CellState
from desktop.ui.coverage.models import Role
from desktop.ui.main_window import MainWindow
from tests.coverage_story import write_story

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


def test_three_picked_articles_open_the_coverage_beside_the_pair(qtbot, tmp_path):
    (tmp_path / "story").mkdir()
    paths = write_story(tmp_path / "story")
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000):
        window.open_files([str(p) for p in paths])
    qtbot.wait_until(lambda: window.model.rowCount() == 3 and not window.loader.pending, timeout=10_000)
    window.article_list.select_articles([a.id for a in window.model.articles()])
    qtbot.wait_until(lambda: len(window.article_list.selected_ids()) == 3)
    shown = window.session.shown_ids()
    with qtbot.wait_signal(window.coverage.ready, timeout=60_000) as blocker:
        window.coverage.action.trigger()
    coverage = blocker.args[0]
    assert window.coverage.dock.isVisible() and len(coverage.articles) == 3
    assert window.session.shown_ids() == shown  # choosing three changes nothing compared
    # The repair bill is the one figure that differs, and its row comes first.
    facts = window.coverage.view.facts_model
    first = [facts.index(0, c) for c in range(facts.columnCount())]
    assert any(CellState.DIFFERS == getattr(coverage.facts[0].cells[k], "state", None) for k in range(3))
    assert "million" in " ".join(str(i.data()) for i in first)
    # A click on a cell opens that pair in the split view.
    target = next(facts.index(0, c) for c in range(facts.columnCount()) if facts.index(0, c).data(Role.TARGET) is not None)
    left, right, _offset = target.data(Role.TARGET)
    window.coverage.view.facts_view.clicked.emit(target)
    pair = [coverage.articles[left].id, coverage.articles[right].id]
    assert window.session.shown_ids() == pair
    qtbot.wait_until(lambda: window.diff_view._built_from[1:] == tuple(pair), timeout=30_000)
