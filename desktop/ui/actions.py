"""The window's actions by name: controllers add, find and enable actions here, never on the window.

One registry per window. The registry parents the actions and says `added` for each; the window
adds them to itself, so their shortcuts work window-wide even when no menu or toolbar shows
them. The registry holds no widget: a controller given it gets actions, not the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.ui.icons import icon


class ActionRegistry(QObject):
    added = Signal(QAction)  # a new action: the window adds it to itself for its shortcut

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}

    def add(self, name: str, text: str, slot, shortcut=None, icon_name: str | None = None, tip: str = "",
            checkable: bool = False) -> QAction:
        """A new action called `name`: `slot()` on trigger (`slot(checked)` when checkable)."""
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if checkable:
            action.setCheckable(True)
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        plain = text.replace("&", "").rstrip("…")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or plain} ({keys})" if shortcut else (tip or plain))
        action.setStatusTip(tip or plain)
        return self.put(name, action)

    def put(self, name: str, action: QAction) -> QAction:
        """Register an action made elsewhere (a dock's toggle, the undo stack's) under `name`."""
        if name in self._actions:
            raise KeyError(f"an action named {name!r} is already registered")
        self._actions[name] = action
        self.added.emit(action)
        return action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __contains__(self, name: str) -> bool:
        return name in self._actions

    def enable(self, name: str, on: bool) -> None:
        self._actions[name].setEnabled(on)

    def all(self) -> list[QAction]:
        """Every registered action, in the order added (the help's shortcut list reads them)."""
        return list(self._actions.values())

    def after(self, widget: QWidget, name: str) -> QAction | None:
        """The action after `name` in a menu or toolbar (None: the end), to insert before it."""
        actions = widget.actions()
        action = self._actions[name]
        if action in actions:
            i = actions.index(action)
            return actions[i + 1] if i + 1 < len(actions) else None
        return None
