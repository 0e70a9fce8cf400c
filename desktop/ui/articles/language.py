"""Set language: the reader's word on what language an article is in, over the detector's.

The detector can be wrong on a short or mixed text (a German article quoting English at length),
and names and quotes are read only in some languages. Choosing a language gives the listed
article a new identity (a new id), so every cache keyed by article — comparisons, extractions —
computes afresh for it, and a result for the old reading can never be shown for the new one.
A file read again after it changed on disk is detected again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core.article import Article
from desktop.core.language import NAMES, display_name, names_supported, with_language

# Offered first: the languages of most of the world's news wires; the rest follow in a submenu.
COMMON = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar", "fa", "hi", "zh", "ja", "ko")


def overridden(article: Article, code: str) -> Article:
    """The article as written in `code`, under an id of its own (see the module's note)."""
    fresh = with_language(article, code)
    new_id = hashlib.sha256(f"{article.id}\0language={code}".encode()).hexdigest()[:16]
    return replace(fresh, id=new_id)


class LanguageMenu(QMenu):
    """The languages to choose from, the selected article's own checked; `chosen(code)` on a pick."""

    chosen = Signal(str)

    def __init__(self, selected: Callable[[], list[Article]], parent: QWidget | None = None):
        super().__init__("Set &language", parent)
        self.setToolTip("Say which language the selected articles are written in")
        self._selected = selected  # asked each time the menu opens; the first one's language is checked
        self.aboutToShow.connect(self._fill)

    def _fill(self) -> None:
        self.clear()
        selected = self._selected()
        if not selected:
            self.addAction("Select articles in the list first").setEnabled(False)
            return
        current = selected[0].language
        group = QActionGroup(self)
        group.setExclusive(True)
        more = QMenu("More", self)
        for code in COMMON + tuple(sorted((c for c in NAMES if c not in COMMON), key=display_name)):
            target = self if code in COMMON else more
            label = display_name(code) + ("" if names_supported(code) else "  (dates and figures only)")
            action = target.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.chosen.emit(c))
        self.addSeparator()
        self.addMenu(more)
