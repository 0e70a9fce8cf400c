"""Icons for the folder, matrix and workspace actions, drawn like the window's own (icons.py)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon, QPalette

GLYPHS = {
    "open_folder": "mdi6.folder-multiple-outline",
    "best_match": "mdi6.file-compare",
    "related_only": "mdi6.filter-variant",
    "matrix": "mdi6.grid",
    "coverage": "mdi6.table-multiple",
    "open_workspace": "mdi6.briefcase-outline",
    "save": "mdi6.content-save-outline",
    "save_as": "mdi6.content-save-edit-outline",
    "notes": "mdi6.note-text-outline",
}


def glyph(purpose: str) -> QIcon:
    from desktop.ui.icons import glyph_icon

    palette = QGuiApplication.palette()
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    return glyph_icon(GLYPHS[purpose], text, disabled=disabled)
