"""Filtering the list while a pair is chosen never changes a model in the middle of a change.

The native crashes of the old window came from here: Qt emits the selection's change inside
the filter proxy's own row removal, and the window answered by changing the source model
(the side marks) while that removal was in flight. A minimal script outside Diptych (a sorted
QSortFilterProxyModel whose selectionChanged slot edits the source model) segfaults the same
way. QAbstractItemModelTester watches both models here; any warning it logs fails the test
(qt_log_level_fail = WARNING)."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.ui.main_window import MainWindow
from tests.window_soak import write_story_files

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


def test_typing_a_filter_slowly_over_a_chosen_pair_keeps_the_models_sound(qtbot, tmp_path):
    files = write_story_files(tmp_path / "stories", 12)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.open_files(files)
    qtbot.wait_until(lambda: window.model.rowCount() == 12 and not window.loader.pending, timeout=20_000)
    lst = window.article_list
    testers = [QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Warning) for m in (window.model, lst.proxy)]
    lst.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # a sorted proxy, as in the crash
    first, second = lst.proxy.index(0, 1), lst.proxy.index(3, 1)
    qtbot.mouseClick(lst.view.viewport(), Qt.MouseButton.LeftButton, pos=lst.view.visualRect(first).center())
    qtbot.mouseClick(lst.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, lst.view.visualRect(second).center())
    qtbot.wait_until(lambda: window.session.has_pair(), timeout=5000)
    pair = window.session.shown_ids()
    for word in ("storm", "council", "zz", "harbour"):
        window.article_list.filter_box.setFocus()
        for ch in word:
            qtbot.keyClick(window.article_list.filter_box, ch)
            qtbot.wait(30)
        assert window.session.shown_ids() == pair  # filtering never changes what is compared
        window.article_list.filter_box.clear()
        qtbot.wait(30)
    qtbot.wait_until(lambda: set(lst.selected_ids()) == set(pair))  # listed again: selected again
    assert len(testers) == 2
