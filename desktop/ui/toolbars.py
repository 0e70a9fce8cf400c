"""The window's small controls: find bar, change-class filter menu, change counter, status summary."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton, QWidget

from desktop.core.compare.model import ChangeClass, Comparison

CLASS_LABELS = {
    ChangeClass.FIGURE: "&Figures",
    ChangeClass.DATE: "&Dates",
    ChangeClass.NAME: "&Names",
    ChangeClass.QUOTE: "&Quotes",
    ChangeClass.ATTRIBUTION: "&Attribution",
    ChangeClass.HEDGING: "&Hedging",
    ChangeClass.COSMETIC: "&Cosmetic",
    ChangeClass.OTHER: "&Other",
}


class FindBar(QWidget):
    """Type to highlight matches in both panes; Enter and Shift+Enter (F3, Shift+F3 in the
    window) step through them, "3 of 6" beside the field; Escape closes and clears."""

    find_requested = Signal(str)  # "" clears
    step_requested = Signal(int)  # +1 next match, -1 previous
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from desktop.ui.icons import icon

        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in both articles")
        self.edit.setAccessibleName("Find text")
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip("Enter: next match · Shift+Enter: previous · Esc: close")
        self.edit.installEventFilter(self)
        self.count = QLabel("", self)
        self.count.setAccessibleName("Matches found")
        self.close_button = QToolButton(self)
        self.close_button.setIcon(icon("close"))
        self.close_button.setToolTip("Close the find bar (Esc)")
        self.close_button.setAccessibleName("Close find bar")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.close_bar)
        label = QLabel("&Find:", self)
        label.setBuddy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)
        # Typing is debounced: a 10,000-word pair is searched once per pause, not per key.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._search)
        self._searched: str | None = None  # the text the panes show matches for
        self.edit.textChanged.connect(lambda _t: self._debounce.start())
        escape = QAction(self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self.close_bar)
        self.addAction(escape)
        self.setFocusProxy(self.edit)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self._debounce.stop()
        self._searched = None
        self.hide()
        self.count.setText("")
        self.find_requested.emit("")
        self.closed.emit()

    def step(self, delta: int) -> None:
        """Next (1) or previous (-1) match; a search still waiting for its pause runs first
        and lands on the first match (or the last, going back)."""
        if not self.isVisible():
            self.open_bar()
        if self._debounce.isActive() or self._searched != self.edit.text():
            self._search()
            if delta > 0:
                return
        if self.edit.text():
            self.step_requested.emit(delta)

    def show_position(self, current: int, total: int) -> None:
        text = self.edit.text()
        if not text:
            self.count.setText("")
        elif total == 0:
            self.count.setText("no matches")
        else:
            self.count.setText(f"{current} of {total}" if current else f"{total} match{'es' if total != 1 else ''}")

    def show_count(self, n: int) -> None:
        self.show_position(0, n)

    def eventFilter(self, watched, event) -> bool:  # Override QObject: Enter steps, Shift+Enter back
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return True
        return super().eventFilter(watched, event)

    def _search(self) -> None:
        self._debounce.stop()
        self._searched = self.edit.text()
        self.find_requested.emit(self._searched)


class ClassFilter(QMenu):
    """Checkable change classes; all checked means no filter (None)."""

    filter_changed = Signal(object)  # frozenset[ChangeClass] | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Show &changes", parent)
        self.class_actions: dict[ChangeClass, QAction] = {}
        everything = self.addAction("&All changes")
        everything.triggered.connect(lambda: self.set_classes(None))
        self.addSeparator()
        for cls, label in CLASS_LABELS.items():
            action = self.addAction(label)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._toggled)
            self.class_actions[cls] = action

    def classes(self) -> frozenset[ChangeClass] | None:
        chosen = frozenset(c for c, a in self.class_actions.items() if a.isChecked())
        return None if len(chosen) == len(self.class_actions) else chosen

    def set_classes(self, classes: frozenset[ChangeClass] | None) -> None:
        for cls, action in self.class_actions.items():
            action.blockSignals(True)
            action.setChecked(classes is None or cls in classes)
            action.blockSignals(False)
        self._toggled()

    def _toggled(self, *_: object) -> None:
        self.filter_changed.emit(self.classes())


def change_counter_text(current: int, total: int) -> str:
    if total == 0:
        return "no changes"
    if current == 0:
        return f"{total} change{'s' if total != 1 else ''}"
    return f"change {current} of {total}"


def stats_text(c: Comparison) -> str:
    s = c.stats
    moves = s.sentences_moved
    return (
        f"Similarity {s.similarity:.0%}   ·   "
        f"Left in right {s.left_in_right:.0%}, right in left {s.right_in_left:.0%}   ·   "
        f"{_word_counts(s)}   ·   "
        f"{moves} move{'s' if moves != 1 else ''}"
    )


def _word_counts(s) -> str:
    """ "+3 / −2 words, 1 changed": a changed word is neither added nor removed, and "+0 / −0
    words" beside "1 change" read as a contradiction (seen at 1024x700 on a one-word edit)."""
    text = f"+{s.words_added:,} / −{s.words_removed:,} words"
    return f"{text}, {s.words_changed:,} changed" if s.words_changed else text


def stats_tooltip(c: Comparison) -> str:
    s = c.stats
    return (
        "Similarity: how much of the two articles' wording is shared (symmetric).\n"
        f"Containment: {s.left_in_right:.0%} of the left's words appear in the right; "
        f"{s.right_in_left:.0%} of the right's in the left.\n"
        f"Words: {s.words_kept:,} kept, {s.words_changed:,} changed, {s.words_added:,} added, "
        f"{s.words_removed:,} removed, {s.words_moved:,} moved.\n"
        f"Sentences: {s.sentences_kept} kept, {s.sentences_changed} changed, {s.sentences_added} added, "
        f"{s.sentences_removed} removed, {s.sentences_moved} moved."
    )

