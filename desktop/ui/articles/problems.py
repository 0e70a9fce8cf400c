"""The problems list: files that could not be read, each with the reason, until dismissed."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    reason: str

    @property
    def text(self) -> str:
        return f"{Path(self.path).name}: {self.reason}"


class ProblemsList(QWidget):
    """Non-modal: the reader keeps working while problems wait here."""

    count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Problems")
        self.list.setAccessibleDescription("Files that could not be read, with the reason")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.dismiss_button = QPushButton("&Dismiss selected", self)
        self.clear_button = QPushButton("C&lear all", self)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.clear_button.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.list)

    def add(self, problem: Problem) -> None:
        from desktop.ui.icons import icon

        item = QListWidgetItem(icon("problem"), problem.text)
        # Escaped rich text: a file name like "<img src=x>.txt" is a name, not markup to render.
        item.setToolTip(f"<p>{html.escape(problem.path)}<br>{html.escape(problem.reason)}</p>")
        item.setData(Qt.ItemDataRole.UserRole, problem)
        self.list.addItem(item)
        self.list.scrollToItem(item)
        self.count_changed.emit(self.list.count())

    def problems(self) -> list[Problem]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def dismiss_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.count_changed.emit(self.list.count())

    def clear(self) -> None:
        self.list.clear()
        self.count_changed.emit(0)
