"""The folder-loading indicator for the status bar: a progress bar, a file count and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget


class LoadProgress(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel("", self)
        self.label.setAccessibleName("Files read")
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Folder loading progress")
        self.bar.setMaximumWidth(180)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop reading the folder (the files read so far stay)")
        self.cancel_button.setAccessibleName("Cancel folder loading")
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._hide_timer = QTimer(self, singleShot=True, timeout=self.hide)
        self.hide()

    def start(self) -> None:
        self._hide_timer.stop()
        self.bar.show()
        self.cancel_button.show()
        self.bar.setRange(0, 0)  # listing: no total yet
        self.label.setText("Listing files…")
        self.cancel_button.setEnabled(True)
        self.show()

    def set_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(f"Read {done:,} of {total:,} files")

    def finish(self, outcome: str = "", keep_ms: int = 8000) -> None:
        """The load ended: say how it ended beside the statistics for a while, then go.
        (A status-bar message would hide the comparison's statistics meanwhile.)"""
        if not outcome:
            self.hide()
            return
        self.bar.hide()
        self.cancel_button.hide()
        self.label.setText(outcome)
        self._hide_timer.start(keep_ms)
