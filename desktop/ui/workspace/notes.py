"""The notes editor: free text kept with the workspace, in a dock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QPlainTextEdit, QWidget


class NotesDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__("Notes", parent)
        self.setObjectName("notesDock")
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName("Workspace notes")
        self.editor.setPlaceholderText("Notes on these articles: saved with the workspace.")
        self.editor.setTabChangesFocus(True)
        self.setWidget(self.editor)
        self.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        if text != self.text():
            self.editor.setPlainText(text)
