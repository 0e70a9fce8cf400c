"""Status and group icons for the sidebar: qtawesome's glyphs in the theme's colours, cached."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from desktop.core.entities.model import DiscrepancyKind, MatchStatus
from desktop.ui.icons import glyph_icon as draw_glyph
from desktop.ui.sidebar.rows import Group
from desktop.ui.theme import Colors

STATUS_GLYPHS = {
    MatchStatus.BOTH: "mdi6.check-circle-outline",
    MatchStatus.LEFT: "mdi6.arrow-left-bold-circle-outline",
    MatchStatus.RIGHT: "mdi6.arrow-right-bold-circle-outline",
    MatchStatus.VARIANT: "mdi6.format-letter-case",
    MatchStatus.CONFLICT: "mdi6.alert-circle",
}

GROUP_GLYPHS = {
    Group.PEOPLE: "mdi6.account-outline",
    Group.ORGANISATIONS: "mdi6.domain",
    Group.PLACES: "mdi6.map-marker-outline",
    Group.DATES: "mdi6.calendar-blank-outline",
    Group.FIGURES: "mdi6.numeric",
    Group.QUOTES: "mdi6.format-quote-open",
}

KIND_GLYPHS = {
    DiscrepancyKind.FIGURE: "mdi6.numeric",
    DiscrepancyKind.DATE: "mdi6.calendar-blank-outline",
    DiscrepancyKind.NAME: "mdi6.format-letter-case",
    DiscrepancyKind.QUOTE: "mdi6.format-quote-open",
}


def status_color(status: MatchStatus, colors: Colors) -> QColor:
    return {
        MatchStatus.BOTH: colors.muted_text,
        MatchStatus.LEFT: colors.deleted_line,
        MatchStatus.RIGHT: colors.inserted_line,
        MatchStatus.VARIANT: colors.changed_line,
        MatchStatus.CONFLICT: colors.discrepancy,
    }[status]


def status_icon(status: MatchStatus, colors: Colors, selected: str = "") -> QIcon:
    """`selected` is the colour on a selected row (the palette's highlighted text)."""
    return glyph_icon(STATUS_GLYPHS[status], status_color(status, colors).name(), selected)


def group_icon(group: Group, colors: Colors, selected: str = "") -> QIcon:
    return glyph_icon(GROUP_GLYPHS[group], colors.muted_text.name(), selected)


def kind_icon(kind: DiscrepancyKind, colors: Colors) -> QIcon:
    return glyph_icon(KIND_GLYPHS.get(kind, "mdi6.alert-circle"), colors.discrepancy.name())


def glyph_icon(glyph: str, color: str, selected: str = "") -> QIcon:
    # Drawn by desktop.ui.icons straight from qtawesome's font: `import qtawesome` itself costs
    # 0.3 s of start-up. On a selected row the glyph takes the highlighted-text colour: a
    # coloured glyph on the highlight is hard to read. Disabled, it takes the palette's
    # disabled text colour, as qtawesome drew it.
    disabled = QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name()
    return _glyph_icon(glyph, color, selected, disabled)


@lru_cache(maxsize=128)
def _glyph_icon(glyph: str, color: str, selected: str, disabled: str) -> QIcon:
    return draw_glyph(glyph, color, selected, disabled)
