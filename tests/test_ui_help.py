"""Help built into the app: a colour legend from the toolbar, how to read a comparison, the
keyboard shortcuts and About — no network, and the legend's colours are the panes' own."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QToolButton

from desktop import __version__
from desktop.ui.help import ABOUT, COLOURS, READING, SHORTCUTS
from desktop.ui.main_window import MainWindow
from desktop.ui.theme import palette_colors

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")]


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.tasks.wait(10_000)


def _page(window, n):
    return window.help.help_window.pages[n]


def test_the_legend_is_a_toolbar_button_away_and_uses_the_theme(qtbot, window):
    nav = window.toolbars[1]
    button = nav.widgetForAction(window.legend_action)
    assert isinstance(button, QToolButton) and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    help_window = window.help.help_window
    assert help_window.isVisible() and not help_window.isModal()
    assert help_window.tabs.currentIndex() == COLOURS
    colors = palette_colors(window.diff_view.palette())
    legend = _page(window, COLOURS).toHtml().lower()
    for role in ("changed", "word_change", "word_delete", "word_insert", "deleted", "inserted", "moved"):
        assert getattr(colors, role).name() in legend, role
    text = _page(window, COLOURS).toPlainText()
    assert "only in the left article" in text and "joins the two" in text


def test_help_menu_pages(qtbot, window):
    menus = {m.title().replace("&", ""): m for m in (a.menu() for a in window.menuBar().actions()) if m is not None}
    assert [a.text() for a in menus["Help"].actions() if a.text()] == [
        "&How to read a comparison", "Colour &legend", "&Keyboard shortcuts", "&About Diptych",
    ]
    window.help.reading_action.trigger()
    assert window.help.help_window.tabs.currentIndex() == READING
    reading = _page(window, READING).toPlainText()
    assert "row by row" in reading and "Left in right" in reading

    window.help.shortcuts_action.trigger()
    lines = [line.strip() for line in _page(window, SHORTCUTS).toPlainText().splitlines() if line.strip()]
    for name, keys in (("Find next", "F3"), ("Undo", "Ctrl+Z"), ("Next change", "F7"), ("Open", "Ctrl+O")):
        assert lines[lines.index(name) + 1] == keys, name  # a table: the name, then its keys

    window.help.about_action.trigger()
    about = _page(window, ABOUT).toPlainText()
    assert f"Diptych {__version__}" in about
    assert "GeoNames" in about and "CC BY 4.0" in about and "public domain" in about and "MIT" in about
    # Nothing in the help reaches out: no link leaves the app.
    for page in window.help.help_window.pages:
        assert not page.openExternalLinks() and not page.openLinks()
        assert "http" not in page.toHtml().replace("http://www.w3.org", "")
