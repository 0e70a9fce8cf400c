"""No workspace file can stop the window from starting: each hostile one, set as the autosave,
opens nothing, is set aside, and the window starts empty with the reason in the Problems panel."""

import os

import pytest
from PySide6.QtCore import QSettings

from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

CASES = {
    "nested 1,000 deep": lambda p: p.write_text('{"version": 1, "articles": ' + "[" * 1000 + "]" * 1000 + "}"),
    "version of 4,301 digits": lambda p: p.write_text('{"version": ' + "9" * 4301 + ', "articles": []}'),
    "version true": lambda p: p.write_text('{"version": true, "articles": []}'),
    "yes for a boolean": lambda p: p.write_text('{"version": 1, "articles": [], "options": {"ignore_case": "yes"}}'),
    "link to /dev/zero": lambda p: os.symlink("/dev/zero", p),
    "a FIFO": lambda p: os.mkfifo(p),
}


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_autosave_never_stops_the_start(qtbot, tmp_path, case):
    data = tmp_path / "appdata"
    data.mkdir()
    autosave = data / "autosave.diptych"
    CASES[case](autosave)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.workspace.start(restore=True, autosave_dir=str(data))  # as at every start
    qtbot.wait(50)
    assert window.isVisible() and window.model.rowCount() == 0
    assert window.problems.list.count() >= 1
    assert not os.path.lexists(autosave)  # set aside: the next start does not try it again
    assert any(name.startswith("autosave.diptych.refused") for name in os.listdir(data))
    window.workspace.start(restore=True, autosave_dir=str(data))  # and the next start is clean
    assert window.model.rowCount() == 0
