"""Edit ▸ Undo takes back removing articles from the list and swapping sides; removing a
pasted article, which exists nowhere else, asks first."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from desktop.ui.main_window import MainWindow
from tests.ferry_pair import HERALD, WIRE

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]  # the offscreen platform, for the question box


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "herald.txt").write_text(HERALD, encoding="utf-8")
    with qtbot.wait_signal(w.comparison_shown, timeout=30_000):
        w.open_files([str(tmp_path / "wire.txt"), str(tmp_path / "herald.txt")])
    yield w
    w.tasks.wait(10_000)


def _titles(window):
    return [window.model.index(r, 1).data() for r in range(window.model.rowCount())]


def _remove(qtbot, window, article_id):
    window.article_list.select_articles([article_id])
    qtbot.wait_until(lambda: window.article_list.selected_ids() == [article_id], timeout=3000)
    window.article_list.view.setFocus()
    window.remove_action.trigger()


def test_removing_from_the_list_is_undone_in_place_and_the_pair_stays(qtbot, window):
    comparison = window.comparison()
    before = _titles(window)
    assert window.undo_action.text() == "&Undo" and not window.undo_action.isEnabled()
    # Pick the left article alone, then take it off the list: it stays on screen.
    with qtbot.wait_signal(window.article_shown, timeout=5000):
        window.article_list.select_articles([comparison.left.id])
    window.article_list.view.setFocus()
    window.remove_action.trigger()
    assert _titles(window) == before[1:]
    assert window.session.single is not None and window.session.single.id == comparison.left.id
    assert window.undo_action.isEnabled() and "remove “Ferry service resumes after storm”" in window.undo_action.text()

    window.undo_action.trigger()  # Ctrl+Z
    assert _titles(window) == before  # back where it stood, first
    assert window.session.single.id == comparison.left.id  # what is shown did not move
    window.redo_action.trigger()
    assert _titles(window) == before[1:]
    window.undo_action.trigger()
    assert _titles(window) == before


def test_swapping_sides_is_undone(qtbot, window):
    first = window.comparison()
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.swap_action.trigger()
    assert (blocker.args[0].left.id, blocker.args[0].right.id) == (first.right.id, first.left.id)
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        window.undo_action.trigger()
    assert (blocker.args[0].left.id, blocker.args[0].right.id) == (first.left.id, first.right.id)


def test_the_history_keeps_no_token_index(qtbot, window):
    """Fifty steps of history must not keep fifty token-indexed copies of articles the list
    already let go (bench/soak.py grew until the history was full): each step keeps text only,
    and undo still shows the pair, indexed again, even after an article left the list."""
    first = window.comparison()
    for _ in range(3):
        with qtbot.wait_signal(window.comparison_shown, timeout=30_000):
            window.swap_action.trigger()
    window._remove_ids({first.right.id})  # what Delete in the list does, without picking the row
    stack = window.undo_stack
    kept = []
    for i in range(stack.count()):
        command = stack.command(i)
        kept += list(getattr(command, "before", ())) + [row.article for _n, row in getattr(command, "taken", ())]
    assert len(kept) == 7 and all(not a.tokens for a in kept)
    stack.undo()  # the removal: the row is back, and reads its index again when asked
    assert window.model.article(first.right.id).tokens
    window.model.remove_articles({first.right.id})  # gone from the list: the swap's record suffices
    with qtbot.wait_signal(window.comparison_shown, timeout=30_000) as blocker:
        stack.undo()  # the third swap
    shown = blocker.args[0]
    assert {shown.left.id, shown.right.id} == {first.left.id, first.right.id}
    assert shown.left.tokens and shown.right.tokens


def _confirm_box(window):
    boxes = [b for b in window.findChildren(QMessageBox, "confirmRemovePasted") if b.isVisible()]
    return boxes[0] if boxes else None


def test_removing_pasted_text_asks_first_and_can_be_undone(qtbot, window):
    QGuiApplication.clipboard().setText("Pasted headline\n\nA paragraph someone copied from a web page.")
    window.paste_action.trigger()
    qtbot.wait_until(lambda: window.model.rowCount() == 3, timeout=30_000)
    pasted = next(a for a in window.model.articles() if a.path.startswith("Pasted text"))
    before = _titles(window)

    _remove(qtbot, window, pasted.id)
    qtbot.wait_until(lambda: _confirm_box(window) is not None, timeout=3000)
    box = _confirm_box(window)
    assert "Pasted headline" in box.text() and "kept nowhere else" in box.informativeText()
    assert _titles(window) == before  # nothing removed while the question is open
    keep = next(b for b in box.buttons() if b.text() == "Keep")
    keep.click()
    qtbot.wait_until(lambda: _confirm_box(window) is None, timeout=3000)
    assert _titles(window) == before and not window.undo_stack.canUndo()

    _remove(qtbot, window, pasted.id)
    qtbot.wait_until(lambda: _confirm_box(window) is not None, timeout=3000)
    next(b for b in _confirm_box(window).buttons() if b.text() == "Remove").click()
    qtbot.wait_until(lambda: window.model.rowCount() == 2, timeout=3000)
    window.undo_action.trigger()
    assert _titles(window) == before
    assert window.model.article(pasted.id).text == pasted.text
