"""The real window under a seeded random sequence of user actions: invariants after each one."""

import pytest
from PySide6.QtCore import QSettings

from desktop.ui.main_window import MainWindow
from tests.window_soak import WindowSoak, write_story_files

pytestmark = pytest.mark.gui

ACTIONS = 300  # about 45 s here


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


def test_random_user_actions_keep_the_window_consistent(qtbot, tmp_path, seed=11):
    files = write_story_files(tmp_path / "stories", 24, seed=seed)
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    soak = WindowSoak(window, files[:16], str(tmp_path / "stories"), tmp_path, seed, pause_ms=(0, 2, 10))
    result = soak.run(ACTIONS)
    assert result.actions == ACTIONS
    assert not result.exceptions, result.exceptions[0]
    assert not result.failures, "\n".join(result.failures[:10])
    # the sequence really exercised the window: filters, picks, drops and comparisons
    assert result.counts["type_filter"] and result.counts["ctrl_click_row"] and result.counts["drop_on_pane"]
    assert window.model.rowCount() > 0
    window.close()
    window.tasks.wait(5000)
