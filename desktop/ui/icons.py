"""Icons: qtawesome glyphs by what they are for, coloured for the palette and cached; the app icon."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QGuiApplication, QIcon

from desktop.core.resources import resource_path

# What each icon is for -> Material Design Icons 6 glyph (bundled with qtawesome).
GLYPHS = {
    "open": "mdi6.folder-open-outline",
    "paste": "mdi6.content-paste",
    "recent": "mdi6.history",
    "next_change": "mdi6.arrow-down",
    "previous_change": "mdi6.arrow-up",
    "set_left": "mdi6.alpha-l-box",
    "set_right": "mdi6.alpha-r-box",
    "swap": "mdi6.swap-horizontal",
    "remove": "mdi6.delete",
    "reveal": "mdi6.folder-search",
    "filter": "mdi6.filter-variant",
    "find": "mdi6.magnify",
    "close": "mdi6.close",
    "ignore_case": "mdi6.format-letter-case",
    "ignore_punctuation": "mdi6.comma",
    "boilerplate": "mdi6.text-box-remove",
    "sidebar": "mdi6.page-layout-sidebar-right",
    "print": "mdi6.printer",
    "print_preview": "mdi6.printer-eye",
    "export_pdf": "mdi6.file-pdf-box",
    "export_html": "mdi6.language-html5",
    "problem": "mdi6.alert-circle",
    "compare": "mdi6.file-compare",
    # article formats
    "format_txt": "mdi6.file-document-outline",
    "format_md": "mdi6.language-markdown",
    "format_html": "mdi6.file-code",
    "format_docx": "mdi6.file-word-box",
    "format_pdf": "mdi6.file-pdf-box",
    "format_json": "mdi6.code-json",
    "format_pasted": "mdi6.content-paste",
}


def icon(purpose: str) -> QIcon:
    """The icon for `purpose` (a GLYPHS key), drawn in the palette's text colour."""
    palette = QGuiApplication.palette()
    text = palette.color(palette.ColorGroup.Active, palette.ColorRole.WindowText).name()
    disabled = palette.color(palette.ColorGroup.Disabled, palette.ColorRole.WindowText).name()
    return _icon(GLYPHS[purpose], text, disabled)


def format_icon(fmt: str) -> QIcon:
    key = f"format_{fmt}"
    return icon(key if key in GLYPHS else "format_txt")


@lru_cache(maxsize=256)
def _icon(glyph: str, color: str, disabled: str) -> QIcon:
    import qtawesome  # imported late: it loads its fonts on first use, after QApplication

    return qtawesome.icon(glyph, color=color, color_disabled=disabled)


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "diptych.svg")))
