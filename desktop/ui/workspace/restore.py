"""The offer to restore the autosaved workspace after a run that did not close cleanly."""

from __future__ import annotations

import html
import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class RestoreOffer(QFrame):
    """A bar above the comparison: Restore opens the autosave, Dismiss leaves the window empty.

    Not restored unasked: the workspace that was open may be what ended the last run."""

    restore_requested = Signal(str)  # the autosave's path
    dismissed = Signal()

    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.setObjectName("restoreOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = QLabel(
            "Diptych did not close properly last time. Restore the articles and notes it had open?", self
        )
        self.label.setWordWrap(True)
        self.label.setToolTip(f"<p>{html.escape(path)}</p>")
        self.restore_button = QPushButton("Restore", self)
        self.restore_button.setDefault(True)
        self.dismiss_button = QPushButton("Dismiss", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.dismiss_button)
        self.restore_button.clicked.connect(self._restore)
        self.dismiss_button.clicked.connect(self._dismiss)
        self.setAccessibleName("Restore the last workspace")

    def _restore(self) -> None:
        self.hide()
        self.restore_requested.emit(self.path)
        self.deleteLater()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
        self.deleteLater()


def has_autosave(path: str | None) -> bool:
    return bool(path) and (os.path.isfile(path) or os.path.isfile(path + ".bak"))
