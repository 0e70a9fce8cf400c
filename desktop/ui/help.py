"""Help built into the app (no network): the colour legend, how to read a comparison, the
keyboard shortcuts (read from the window's own actions, so never out of date) and About.

One non-modal window with a tab per page: the reader keeps it open beside the comparison.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from desktop.ui.theme import Colors, palette_colors

COLOURS, READING, SHORTCUTS, ABOUT = range(4)

# (role, its text colour role or "", what it means); the roles are the theme's.
LEGEND = (
    ("changed", "", "A sentence in both articles, edited: its changed words are marked more strongly."),
    ("word_change", "word_text", "A word replaced by another."),
    ("word_delete", "word_text", "Words only in the left article."),
    ("word_insert", "word_text", "Words only in the right article."),
    ("char_change", "word_text", "A word spelled differently (a letter or two)."),
    ("deleted", "", "A sentence only in the left article; the right shows a hatched gap beside it."),
    ("inserted", "", "A sentence only in the right article; the left shows a hatched gap."),
    ("moved", "", "A sentence both have, in a different place: a curved link joins the two."),
    ("boilerplate_background", "boilerplate_text", "Text set aside as boilerplate (not compared)."),
    ("entity_highlight", "", "Mentions of the entity chosen in the sidebar."),
    ("find_highlight", "", "Find matches; the current one is stronger."),
)

READING_PAGE = """
<h2>How to read a comparison</h2>
<p>The left and right panes show the two articles <b>row by row</b>: a row on the left sits level
with the row it matches on the right, so what one article says and the other does not leaves a
hatched gap on the other side.</p>
<h3>What the colours say</h3>
<p>A tinted sentence is one the two articles do not share word for word. Inside it, the
<b>strongly marked words</b> are the edits: what was replaced, taken out or added. A sentence
with no tint is the same in both. See the <i>Colours</i> tab for every mark.</p>
<h3>Moves</h3>
<p>A sentence both articles have, in a different order, is tinted as moved. A curved line in the
band between the panes joins its two places; clicking the sentence scrolls the other pane to it.</p>
<h3>Kinds of change</h3>
<p>Each change is sorted into a kind: figures, dates, names, quotes, attribution, hedging
(<i>may</i> for <i>will</i>), cosmetic (spelling, punctuation) or other.
<b>Go ▸ Show changes</b> keeps only the kinds you care about, in the panes, the overview strip and
next/previous (F7, Shift+F7).</p>
<h3>The sidebar</h3>
<p><b>Entities</b> lists the people, organisations, places, dates and figures each article names,
with how often. <b>Discrepancies</b> lists the facts the two disagree on (a figure, a date, the
spelling of a name, a quote's words). <b>Quotes</b> pairs what each article quotes, speaker by
speaker. Choosing a row marks its mentions in the panes.</p>
<h3>The figures in the status bar</h3>
<p><b>Similarity</b> is how much of the wording the two share. <b>Left in right</b> is how much of
the left article's wording is found in the right one (and the other way round): a short piece
fully contained in a long one scores high there while its similarity stays low.</p>
<h3>Boilerplate</h3>
<p>Bylines, navigation, captions and other text that is not the story are set aside and not
compared. <b>View ▸ Show boilerplate</b> shows them, dimmed.</p>
"""

CREDITS = (
    ("GeoNames", "place names and countries in the gazetteer", "CC BY 4.0 (credit GeoNames)"),
    ("US Census 1990 given names", "given names, via the <i>names</i> package (MIT)", "public domain"),
    ("pycountry", "ISO 3166 subdivision names", "LGPL 2.1"),
    ("Material Design Icons", "toolbar and list icons, via qtawesome (MIT)", "Apache 2.0"),
    ("Qt and PySide6", "the window toolkit", "LGPL 3"),
    ("python-docx, pypdf, trafilatura and the other Python packages", "reading files", "their own licences (MIT, BSD, Apache 2.0)"),
)


def legend_html(colors: Colors, text_color: str) -> str:
    rows = []
    for role, text_role, meaning in LEGEND:
        fg = getattr(colors, text_role).name() if text_role else text_color
        rows.append(
            f'<tr><td style="background-color:{getattr(colors, role).name()}; color:{fg}; padding:3px 10px;">'
            f"sample text</td><td style=\"padding:3px 8px;\">{html.escape(meaning)}</td></tr>"
        )
    lines = (
        ("changed_line", "The bar beside the change you stepped to, and the overview strip's marks."),
        ("discrepancy", "A discrepancy badge: the two articles disagree on a fact."),
    )
    for role, meaning in lines:
        rows.append(
            f'<tr><td style="color:{getattr(colors, role).name()}; padding:3px 10px;">■■■</td>'
            f'<td style="padding:3px 8px;">{html.escape(meaning)}</td></tr>'
        )
    return "<h2>Colours</h2><table cellspacing=\"2\">" + "".join(rows) + "</table>"


def shortcuts_html(actions: list[QAction]) -> str:
    """Every window action with a shortcut, by menu text, as the menus show them."""
    seen: dict[str, str] = {}
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        name = action.text().replace("&", "").rstrip("…").strip()
        if keys and name and name not in seen:
            seen[name] = keys
    rows = "".join(
        f'<tr><td style="padding:2px 12px 2px 0;">{html.escape(name)}</td><td><b>{html.escape(keys)}</b></td></tr>'
        for name, keys in sorted(seen.items(), key=lambda kv: kv[0].casefold())
    )
    extra = (
        ("Next / previous find match", "Enter / Shift+Enter in the find field"),
        ("Close the find bar", "Esc"),
        ("Next / previous mention in the sidebar", "Enter / Shift+Enter in the entity list"),
    )
    rows += "".join(
        f'<tr><td style="padding:2px 12px 2px 0;">{html.escape(a)}</td><td><b>{html.escape(b)}</b></td></tr>' for a, b in extra
    )
    return f"<h2>Keyboard shortcuts</h2><table>{rows}</table>"


def about_html() -> str:
    from desktop import __version__

    credits = "".join(
        f"<tr><td style=\"padding:2px 12px 2px 0;\"><b>{name}</b></td><td style=\"padding:2px 12px 2px 0;\">{what}</td>"
        f"<td>{licence}</td></tr>"
        for name, what, licence in CREDITS
    )
    return (
        f"<h2>Diptych {html.escape(__version__)}</h2>"
        "<p>Compare news articles side by side: what changed, what moved, and which facts disagree.</p>"
        "<p>Diptych is free software under the MIT licence.</p>"
        "<h3>Bundled data and parts</h3>"
        f"<table>{credits}</table>"
        "<p>Place data from GeoNames (geonames.org) is used under CC BY 4.0.</p>"
    )


class HelpActions:
    """The Help menu's actions on the window (with shortcuts), and the help window they open."""

    def __init__(self, actions, parent: QWidget) -> None:
        a, K = actions.add, QKeySequence.StandardKey
        self.actions = actions
        self.parent = parent  # the help window's parent
        self.legend_action = a("legend", "Colour &legend", lambda: self.show(COLOURS), "Shift+F1", "legend", "What the colours in the panes mean")
        self.reading_action = a("reading", "&How to read a comparison", lambda: self.show(READING), K.HelpContents, None, "A short guide to the comparison view")
        self.shortcuts_action = a("shortcuts", "&Keyboard shortcuts", lambda: self.show(SHORTCUTS), "Ctrl+F1", None, "Every keyboard shortcut")
        self.about_action = a("about", "&About Diptych", lambda: self.show(ABOUT), "Ctrl+Shift+F1", None, "Version, licences of the bundled data, credits")
        self.help_window: HelpWindow | None = None

    def install(self, menu) -> None:
        for action in (self.reading_action, self.legend_action, self.shortcuts_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    def show(self, page: int) -> None:
        """The help on one of its pages (non-modal; made on first use)."""
        if self.help_window is None:
            self.help_window = HelpWindow(self.actions.all(), self.parent)
        self.help_window.show_page(page)


class HelpWindow(QDialog):
    """Colours, reading, shortcuts, About: non-modal, one instance per window."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Diptych help")
        self.setObjectName("helpWindow")
        self.tabs = QTabWidget(self)
        self.pages: list[QTextBrowser] = []
        for title in ("Colours", "Reading a comparison", "Keyboard shortcuts", "About"):
            page = QTextBrowser(self)
            page.setOpenLinks(False)  # nothing here leaves the app
            page.setOpenExternalLinks(False)
            self.pages.append(page)
            self.tabs.addTab(page, title)
        self._actions = actions
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self.fill()

    def fill(self) -> None:
        colors = palette_colors(self.palette())
        text = self.palette().color(self.palette().ColorRole.Text).name()
        self.pages[COLOURS].setHtml(legend_html(colors, text))
        self.pages[READING].setHtml(READING_PAGE)
        self.pages[SHORTCUTS].setHtml(shortcuts_html(self._actions))
        self.pages[ABOUT].setHtml(about_html())

    def show_page(self, page: int) -> None:
        self.fill()  # the palette or the actions may have changed since
        self.tabs.setCurrentIndex(page)
        self.show()
        self.raise_()
        self.activateWindow()

    def keyPressEvent(self, event) -> None:  # Qt override: Esc closes without a result
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
