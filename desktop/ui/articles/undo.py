"""Undoable list edits (Qt's QUndoStack): removing articles from the list, swapping sides.

Removing changes what is listed, never what is compared: the pair on screen stays, and
undo puts the rows back where they stood without touching the session.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from desktop.core.library.slim import full, slim
from desktop.ui.articles.model import ArticleListModel, ListRow


def is_pasted(path: str) -> bool:
    """A pasted article exists nowhere but in the list (its name is not a file)."""
    import os

    return path.startswith("Pasted text") and not os.path.exists(path)


class RemoveArticles(QUndoCommand):
    def __init__(self, model: ArticleListModel, ids: set[str], put_back=None):
        # Kept slim (no token index): the list hydrates an article again when it is asked for,
        # and fifty steps of history then cost the texts, not fifty token indexes.
        taken: list[tuple[int, ListRow]] = [(n, replace(row, article=slim(row.article))) for n, row in model.rows_of(ids)]
        what = f"“{_short(taken[0][1].title)}”" if len(taken) == 1 else f"{len(taken)} articles"
        super().__init__(f"remove {what} from the list")
        self.model = model
        self.ids = set(ids)
        self.taken = taken
        self.on_put_back = put_back  # told of the articles listed again (coverage, watches)

    def redo(self) -> None:  # Qt override
        self.model.remove_articles(self.ids)

    def undo(self) -> None:  # Qt override
        back = self.model.put_back(self.taken)
        if back and self.on_put_back is not None:
            self.on_put_back(back)


class SwapSides(QUndoCommand):
    """Undo puts back the pair as it was before the swap (the pair is a record of the
    step, as the reader saw it, not a copy of what is shown: the session keeps that).

    The record is slim (text without its token index): a full article is about 150 KB of
    tokens, and a day of swaps kept fifty steps' worth of copies the list had already let go
    (bench/soak.py grew by about 0.6 MB per hundred actions until the history was full).
    `find` gives the listed article by id; one no longer listed is indexed again."""

    def __init__(self, session, left, right, find=None):
        super().__init__("swap sides")
        self.session = session
        self.find = find
        self.before = (slim(left), slim(right))
        self._first: tuple | None = (left, right)  # the push's own redo swaps what is shown

    def _pair(self) -> tuple:
        if self._first is not None:
            pair, self._first = self._first, None
            return pair
        return tuple((self.find(a.id) if self.find is not None else None) or full(a) for a in self.before)

    def redo(self) -> None:  # Qt override
        left, right = self._pair()
        self.session.show_pair(right, left)

    def undo(self) -> None:  # Qt override
        self.session.show_pair(*self._pair())


def ask_before_removing_pasted(parent, names: list[str], remove) -> None:
    """Pasted text exists nowhere else: ask before it leaves the list. A window-modal box
    answered later (`remove` runs on "Remove"), never a nested event loop."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, "Remove pasted text?", "", QMessageBox.StandardButton.NoButton, parent)
    shown = ", ".join(f"“{_short(n)}”" for n in names[:3]) + (" …" if len(names) > 3 else "")
    box.setText(f"Remove {shown} from the list?")
    box.setInformativeText("Pasted text is kept nowhere else. Edit ▸ Undo brings it back while the window is open.")
    box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("confirmRemovePasted")
    box.buttonClicked.connect(lambda button: button is not keep and remove())
    box.open()


def _short(title: str, most: int = 40) -> str:
    return title if len(title) <= most else title[: most - 1] + "…"
