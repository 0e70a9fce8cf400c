"""The window shows each article's language, says what is not read in it, and lets the reader
set it: the list's Language column, the sidebar's note, and Set language in the list's menu."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.ui.articles.model import Column
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "cjk"
SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


def _cell(window, article_id: str, column: Column) -> str:
    row = window.model._ids[article_id]
    return window.model.index(row, column).data()


def _open_pair(qtbot, window, paths):
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000):
        window.open_files([str(p) for p in paths])
    qtbot.wait_until(lambda: window.model.rowCount() == len(paths) and not window.loader.pending, timeout=10_000)
    ids = [a.id for a in window.model.articles()]
    window.article_list.select_articles(ids)
    qtbot.wait_until(lambda: window.session.complete and window.session.shown_ids() == ids, timeout=30_000)
    return ids


def test_a_japanese_pair_shows_its_language_and_that_names_are_not_read(qtbot, tmp_path):
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    ids = _open_pair(qtbot, window, [FIXTURES / "ja-a.txt", FIXTURES / "ja-b.txt"])
    assert [_cell(window, i, Column.LANGUAGE) for i in ids] == ["Japanese", "Japanese"]
    note = window.sidebar.language_note
    assert note.isVisible() and "not available for Japanese" in note.text()
    # No people, places or organisations are listed for a language whose names are not read.
    rows = window.session.comparison.entities
    assert not [m for m in rows if (m.left or m.right).type in ("person", "place", "organization")]


def test_setting_the_language_recomputes_what_is_shown(qtbot, tmp_path):
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    left, right = _open_pair(qtbot, window, [SAMPLES / "harbour-wire.txt", SAMPLES / "harbour-herald.html"])
    assert _cell(window, left, Column.LANGUAGE) == "English"
    assert not window.sidebar.language_note.isVisible()
    before = window.session.comparison
    # The reader says the left one is Japanese: the row, the session and the sidebar follow.
    window.article_list.select_articles([left])
    qtbot.wait_until(lambda: window.session.shown_ids() == [left])
    window.article_list.set_language("ja")
    new_id = window.session.shown_ids()[0]
    assert new_id != left and window.session.single.language == "ja"
    assert _cell(window, new_id, Column.LANGUAGE) == "Japanese"
    qtbot.wait_until(lambda: window.session.extraction is not None, timeout=30_000)
    assert window.session.extraction.language == "ja" and not window.session.extraction.names_available
    assert "not available for Japanese" in window.sidebar.language_note.text()
    # Back as a pair: compared afresh, never the comparison made under the old reading.
    window.article_list.select_articles([new_id, right])
    qtbot.wait_until(lambda: window.session.complete and window.session.shown_ids() == [new_id, right], timeout=30_000)
    assert window.session.comparison is not before
    assert window.session.comparison.left_extraction.language == "ja"
    assert window.sidebar.language_note.isVisible()
    # Set back to English: the note goes.
    window.article_list.select_articles([new_id])
    qtbot.wait_until(lambda: window.session.shown_ids() == [new_id])
    window.article_list.set_language("en")
    qtbot.wait_until(lambda: window.session.extraction is not None and window.session.extraction.language == "en",
                     timeout=30_000)
    assert not window.sidebar.language_note.isVisible()


def test_the_list_filter_finds_articles_by_language(qtbot, tmp_path):
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    _open_pair(qtbot, window, [FIXTURES / "zh-a.txt", SAMPLES / "harbour-wire.txt"])
    window.article_list.filter_box.setText("chinese")
    qtbot.wait_until(lambda: window.article_list.proxy.rowCount() == 1)
