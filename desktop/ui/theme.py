"""Colour roles for every pane, in a light and a dark variant chosen from the palette.

This is the one place colours are defined. Panes call `palette_colors(widget.palette())`
(or `current_colors()`) and read roles by name; nothing else in the UI writes a hex value.
Backgrounds are soft tints so the article text stays readable in its own colour; the
`*_text` and `*_line` roles are for foregrounds and strokes drawn on the window colour.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True, slots=True)
class Colors:
    dark: bool
    # sentence/paragraph backgrounds
    inserted: QColor  # text only in the right article
    deleted: QColor  # text only in the left article
    changed: QColor  # sentence present on both sides but edited
    moved: QColor  # sentence moved (both ends)
    # word-level marks inside a changed sentence: at least 3:1 (WCAG) against the sentence
    # tint, so an edited word stands out in both palettes; their text is `word_text`
    # (tests/test_theme_contrast.py checks every pair)
    word_insert: QColor
    word_delete: QColor
    word_change: QColor
    char_change: QColor  # one-letter edits inside a changed word
    word_text: QColor  # text on the word and character marks (4.5:1 or more on each)
    # boilerplate kept but set aside: dimmed foreground and a faint background
    boilerplate_text: QColor
    boilerplate_background: QColor
    # selections and searches
    entity_highlight: QColor
    find_highlight: QColor
    find_current: QColor
    current_change: QColor  # outline of the change the reader has stepped to
    discrepancy: QColor  # figures/dates/names that disagree (underline, badges)
    quote: QColor  # quoted speech marks
    # connector band and overview strip between and beside the panes
    connector: QColor  # line between matching sentences
    connector_changed: QColor
    connector_moved: QColor
    overview_background: QColor
    # strokes and text on the window colour (legends, sidebar badges, status counts)
    inserted_line: QColor
    deleted_line: QColor
    changed_line: QColor
    moved_line: QColor
    muted_text: QColor  # secondary text (source, date, counters)
    header_background: QColor  # the title/source/date band above each pane

    def as_dict(self) -> dict[str, QColor]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "dark"}


def _c(hex_rgb: str, alpha: int = 255) -> QColor:
    color = QColor(hex_rgb)
    color.setAlpha(alpha)
    return color


def _light() -> Colors:
    # Tints checked for contrast with near-black text (ratio above 12:1 on each).
    return Colors(
        dark=False,
        inserted=_c("#dff3e0"),
        deleted=_c("#fbe1e1"),
        changed=_c("#fdf1cf"),
        moved=_c("#e4e8fb"),
        word_insert=_c("#2e6b33"),
        word_delete=_c("#a8262b"),
        word_change=_c("#7d5700"),
        char_change=_c("#4f3600"),
        word_text=_c("#ffffff"),
        boilerplate_text=_c("#7a7f87"),
        boilerplate_background=_c("#f1f1f3"),
        entity_highlight=_c("#cfe6ff"),
        find_highlight=_c("#fff176"),
        find_current=_c("#ffb74d"),
        current_change=_c("#3b6fd8"),
        discrepancy=_c("#c62828"),
        quote=_c("#6a4fb3"),
        connector=_c("#b8bcc4"),
        connector_changed=_c("#d9a521"),
        connector_moved=_c("#5c6bc0"),
        overview_background=_c("#f4f5f7"),
        inserted_line=_c("#2e7d32"),
        deleted_line=_c("#c62828"),
        changed_line=_c("#b07d00"),
        moved_line=_c("#3949ab"),
        muted_text=_c("#5f6670"),
        header_background=_c("#eef0f3"),
    )


def _dark() -> Colors:
    # Deep, low-saturation tints so light text (#e6e6e6-ish) keeps above 9:1 contrast.
    return Colors(
        dark=True,
        inserted=_c("#1f3d25"),
        deleted=_c("#4a2326"),
        changed=_c("#463a17"),
        moved=_c("#27305a"),
        word_insert=_c("#7fd48a"),
        word_delete=_c("#ff9a92"),
        word_change=_c("#e8bf5a"),
        char_change=_c("#ffe08a"),
        word_text=_c("#1a1b1e"),
        boilerplate_text=_c("#8b919a"),
        boilerplate_background=_c("#2a2c30"),
        entity_highlight=_c("#1e4a78"),
        find_highlight=_c("#5c5300"),
        find_current=_c("#7a4800"),
        current_change=_c("#7aa7ff"),
        discrepancy=_c("#ff7b72"),
        quote=_c("#b9a3f5"),
        connector=_c("#5a5f68"),
        connector_changed=_c("#c9a23a"),
        connector_moved=_c("#8c9eff"),
        overview_background=_c("#25272b"),
        inserted_line=_c("#6fcf7c"),
        deleted_line=_c("#ff7b72"),
        changed_line=_c("#e3b341"),
        moved_line=_c("#8c9eff"),
        muted_text=_c("#a0a6ae"),
        header_background=_c("#2d3035"),
    )


LIGHT = _light()
DARK = _dark()


WORD_ROLES = ("word_insert", "word_delete", "word_change", "char_change")


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def palette_colors(palette: QPalette) -> Colors:
    """The light or dark set, chosen by how light the palette's window colour is."""
    return DARK if is_dark(palette) else LIGHT


def current_colors() -> Colors:
    """Colours for the application palette (call from widgets without a palette at hand)."""
    from PySide6.QtGui import QGuiApplication

    return palette_colors(QGuiApplication.palette())


def dark_palette() -> QPalette:
    """A dark Fusion palette for --dark (checking the dark look on any desktop)."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    window, base, text = QColor("#2b2d31"), QColor("#1e1f22"), QColor("#e6e6e6")
    p.setColor(role.Window, window)
    p.setColor(role.WindowText, text)
    p.setColor(role.Base, base)
    p.setColor(role.AlternateBase, QColor("#26282c"))
    p.setColor(role.ToolTipBase, QColor("#3a3d42"))
    p.setColor(role.ToolTipText, text)
    p.setColor(role.PlaceholderText, QColor("#8b919a"))
    p.setColor(role.Text, text)
    p.setColor(role.Button, QColor("#33363b"))
    p.setColor(role.ButtonText, text)
    p.setColor(role.BrightText, QColor("#ff6b6b"))
    p.setColor(role.Light, QColor("#45484e"))
    p.setColor(role.Midlight, QColor("#3a3d42"))
    p.setColor(role.Mid, QColor("#2f3237"))
    p.setColor(role.Dark, QColor("#18191b"))
    p.setColor(role.Shadow, QColor("#000000"))
    p.setColor(role.Highlight, QColor("#3d6fb6"))
    p.setColor(role.HighlightedText, QColor("#ffffff"))
    p.setColor(role.Link, QColor("#7aa7ff"))
    p.setColor(role.LinkVisited, QColor("#b9a3f5"))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7a7f87"))
    return p
