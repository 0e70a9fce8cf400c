"""Icons: qtawesome's Material Design glyphs by what they are for, coloured for the palette, cached.

The glyphs are the icon font qtawesome ships (Material Design Icons 6). They are drawn here
into pixmaps straight from that font, because `import qtawesome` pulls in qtpy
and costs about 0.3 s of start-up on this machine; the names are qtawesome's ("mdi6.magnify").
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from desktop.core.resources import resource_path

# What each icon is for -> qtawesome glyph name.
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

_FONT_FILES = {  # qtawesome prefix -> (font file, charmap) inside qtawesome/fonts
    "mdi6": ("materialdesignicons6-webfont-6.9.96.ttf", "materialdesignicons6-webfont-charmap-6.9.96.json"),
}


def icon(purpose: str) -> QIcon:
    """The icon for `purpose` (a GLYPHS key), drawn in the palette's text colour."""
    palette = QGuiApplication.palette()
    key = (purpose, palette.cacheKey())
    found = _BY_PALETTE.get(key)
    if found is None:
        text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
        disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
        found = _BY_PALETTE[key] = glyph_icon(GLYPHS[purpose], text, disabled=disabled)
    return found


_BY_PALETTE: dict[tuple[str, int], QIcon] = {}  # list rows ask for their icon on every repaint


def format_icon(fmt: str) -> QIcon:
    key = f"format_{fmt}"
    return icon(key if key in GLYPHS else "format_txt")


ICON_SIZES = (16, 20, 24, 32, 48, 64)  # the sizes toolbars, menus, lists and dialogs ask for


@lru_cache(maxsize=512)
def glyph_icon(glyph: str, color: str, selected: str = "", disabled: str = "") -> QIcon:
    """A qtawesome glyph ("mdi6.magnify") as an icon; `selected`/`disabled` colour those modes.

    The icon is made of pixmaps drawn once, not a Python QIconEngine: Qt keeps an engine's
    C++ pointer in every copy of the icon and calls clone() when a copy detaches, and a
    Python engine returned from clone() is freed under Qt's feet (a native crash, PySide6
    6.11; tests/test_icons.py shows the trap stays closed). Pixmaps have no Python half.
    """
    family, char = _glyph(glyph)
    colors = {
        QIcon.Mode.Normal: QColor(color),
        QIcon.Mode.Active: QColor(color),
        QIcon.Mode.Selected: QColor(selected or color),
        QIcon.Mode.Disabled: QColor(disabled or color),
    }
    if not disabled:
        colors[QIcon.Mode.Disabled].setAlpha(110)
    ratio = max(1.0, QGuiApplication.instance().devicePixelRatio()) if QGuiApplication.instance() else 1.0
    out = QIcon()
    for mode, colour in colors.items():
        for size in ICON_SIZES:
            out.addPixmap(_draw(family, char, colour, size, ratio), mode, QIcon.State.Off)
    return out


def _draw(family: str, char: str, colour: QColor, size: int, ratio: float) -> QPixmap:
    side = max(1, round(size * ratio))
    pm = QPixmap(side, side)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = QFont()
    font.setFamily(family)
    # As qtawesome sizes it: the glyph is 7/8 of the icon so the font's bearing fits.
    font.setPixelSize(max(1, round(0.875 * side)))
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(QRect(QPoint(0, 0), QSize(side, side)), int(Qt.AlignmentFlag.AlignCenter), char)
    painter.end()
    pm.setDevicePixelRatio(ratio)
    return pm


def _glyph(name: str) -> tuple[str, str]:
    prefix, _, glyph = name.partition(".")
    family, charmap = _font(prefix)
    try:
        return family, chr(int(charmap[glyph], 16))
    except KeyError:
        raise KeyError(f"no icon named {name!r} in qtawesome's {prefix} font") from None


def _fonts_dir() -> Path | None:
    """qtawesome's font folder: in the package, or where the frozen app's spec put the fonts it uses."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "qtawesome" / "fonts"
    spec = find_spec("qtawesome")
    return Path(spec.origin).parent / "fonts" if spec is not None and spec.origin else None


@lru_cache(maxsize=None)
def _font(prefix: str) -> tuple[str, dict[str, str]]:
    fonts = _fonts_dir()
    if fonts is None or prefix not in _FONT_FILES:
        raise KeyError(f"icon font {prefix!r} is not available")
    ttf, charmap = _FONT_FILES[prefix]
    font_id = QFontDatabase.addApplicationFont(str(fonts / ttf))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise KeyError(f"icon font {fonts / ttf} could not be loaded")
    return families[0], json.loads((fonts / charmap).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "diptych.svg")))
