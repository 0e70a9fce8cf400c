"""The split view: two articles side by side with their differences painted (see view.py)."""

from desktop.ui.diffview.view import DiffView

__all__ = ["DiffView"]
