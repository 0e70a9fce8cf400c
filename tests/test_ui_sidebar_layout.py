"""The entity sidebar is readable: whole names in tooltips, a stacked layout for narrow
windows, and its state (tab, filter, collapsed groups, Differences) kept across restarts."""

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.ui.main_window import MainWindow
from desktop.ui.sidebar.entity_model import Role
from desktop.ui.sidebar.rows import Group

pytestmark = pytest.mark.gui

WIRE = """Ferry service resumes after storm

HALIFAX — The harbour ferry resumed service on Monday after a storm closed the crossing for two days.

The operator said 1,200 passengers had been stranded. "We are glad to be back," spokeswoman Ines Dal said.

Crews inspected both terminals overnight and found no damage."""

HERALD = """Ferries back on the water after two-day storm

HALIFAX — The harbour ferry resumed service on Monday after a storm shut the crossing for two days.

The operator said 1,100 passengers had been stranded. "We are very glad to be back," spokeswoman Ines Dahl said.

Crews inspected both terminals overnight and found no damage."""


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


@pytest.fixture
def files(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "herald.txt").write_text(HERALD, encoding="utf-8")
    return [str(tmp_path / "wire.txt"), str(tmp_path / "herald.txt")]


def _window(qtbot, tmp_path, files, size=(1024, 700)):
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    with qtbot.wait_signal(w.comparison_shown, timeout=30_000):
        w.open_files(files)
    qtbot.wait_until(lambda: w.sidebar.model.rowCount() > 0, timeout=30_000)
    return w


def _group_index(window, group):
    proxy = window.sidebar.tree.model()
    return next(proxy.index(r, 0) for r in range(proxy.rowCount()) if proxy.index(r, 0).data(Role.GROUP) == group)


def test_the_whole_name_is_in_the_tooltip(qtbot, tmp_path, files):
    window = _window(qtbot, tmp_path, files)
    proxy = window.sidebar.tree.model()
    people = _group_index(window, Group.PEOPLE)
    labels = {proxy.index(r, 0, people).data(): proxy.index(r, 0, people).data(Qt.ItemDataRole.ToolTipRole)
              for r in range(proxy.rowCount(people))}
    name = next(label for label in labels if "Ines" in label)
    assert "↔" in name or "Dahl" in name or "Dal" in name
    assert labels[name].startswith(f"<b>{name}</b>")  # what the narrow column elides, in full
    window.tasks.wait(10_000)


def test_stacking_the_sidebar_under_the_list_widens_the_articles_and_is_kept(qtbot, tmp_path, files):
    window = _window(qtbot, tmp_path, files)
    pane = window.diff_view.text_view("left").viewport()
    before = pane.width()
    window.stack_sidebar_action.trigger()
    qtbot.wait_until(lambda: pane.width() > before * 1.3, timeout=3000)
    assert window.sidebar.parent() is window.list_column and window.sidebar.isVisible()
    assert window.sidebar.geometry().top() > window.article_list.geometry().bottom() - 1  # under the list
    chars = pane.width() / window.diff_view.text_view("left").fontMetrics().averageCharWidth()
    assert chars >= 38  # was about 25 characters at 1024 px
    window.close()
    window.tasks.wait(10_000)

    again = _window(qtbot, tmp_path, files)
    assert again.stack_sidebar_action.isChecked() and again.sidebar.parent() is again.list_column
    again.stack_sidebar_action.trigger()  # back beside the articles
    assert again.sidebar.parent() is again.splitter and again.splitter.count() == 3
    again.tasks.wait(10_000)


def test_sidebar_state_survives_a_restart(qtbot, tmp_path, files):
    window = _window(qtbot, tmp_path, files)
    sidebar = window.sidebar
    sidebar.tree.collapse(_group_index(window, Group.PLACES))
    sidebar.differences_button.setChecked(True)
    sidebar.filter_edit.setText("a")
    sidebar.tabs.setCurrentIndex(1)
    window.close()
    window.tasks.wait(10_000)

    again = _window(qtbot, tmp_path, files)
    bar = again.sidebar
    assert bar.tabs.currentIndex() == 1
    assert bar.differences_button.isChecked() and bar.filter_edit.text() == "a"
    bar.differences_button.setChecked(False)
    bar.filter_edit.clear()
    assert not bar.tree.isExpanded(_group_index(again, Group.PLACES))
    assert bar.tree.isExpanded(_group_index(again, Group.PEOPLE))
    again.tasks.wait(10_000)
