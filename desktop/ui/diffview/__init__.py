"""The split view: two articles side by side with their differences painted (see view.py)."""

from desktop.ui.diffview.none_refcount import keep_none_alive

keep_none_alive()

from desktop.ui.diffview.view import DiffView  # noqa: E402

__all__ = ["DiffView"]
