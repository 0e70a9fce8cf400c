"""Article text is never markup: tags in an article reach every view, tooltip, model and report as
literal characters, and nothing an article names (a file, a web address) is ever loaded."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from desktop.core.compare import compare
from desktop.core.ingest.load import load_file
from desktop.core.report import build_report, report_html

pytestmark = pytest.mark.gui

IMG = '<img src="file:///etc/hostname">'
LINK = '<a href="http://example.com">x</a>'
STYLE = "<style>body{display:none}</style>"
TAGS = (IMG, LINK, STYLE, "</table>", "<b>bold</b>")

LEFT = f"""Council <b>bold</b> vote {IMG}

The council voted on Monday to close the harbour road. {IMG} was posted by a reader, said Mayor Ines Dal.

"We will reopen it {LINK} by March," Dal said. {STYLE} The cost is 1,200 dollars. </table> <b>bold</b>

Residents have until Friday to comment."""
RIGHT = LEFT.replace("Monday", "Tuesday").replace("1,200", "1,500").replace("Ines Dal", "Ines Dahl").replace(
    "Dal said", "Dahl said")


class SpyDocument(QTextDocument):
    """Renders rich text the way a tooltip or label would, recording any resource it asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[str] = []

    def loadResource(self, type_: int, name):  # Override QTextDocument.loadResource
        self.requests.append(name.toString())
        return None


def seen(text: str) -> tuple[str, list[str]]:
    """What a user sees for a label or tooltip string (Qt picks rich text by its look), and what it loads."""
    if not QtGui_Qt.mightBeRichText(text):
        return text, []
    doc = SpyDocument()
    doc.setHtml(text)
    doc.documentLayout().documentSize()  # layout is when images are fetched
    return doc.toPlainText(), doc.requests


def check_shown(text: str, where: str, rich: bool = True) -> None:
    """`rich`: shown where Qt guesses the format (tooltips, labels); item views paint text plainly."""
    visible, requests = seen(text) if rich else (text, [])
    assert requests == [], (where, requests)
    # Every tag the article wrote that this string carries must be visible as written.
    carried = [tag for tag in TAGS if tag in text or tag in visible]
    for tag in carried:
        assert tag in visible, (where, tag, text)
    for fragment in ("<a href=", "<img src=", "<style>", "</table>", "<b>bold"):  # parts of tags, cut by a quote
        if any(form in text for form in (fragment, html.escape(fragment), html.escape(fragment, quote=False))):
            assert fragment in visible, (where, fragment, text)
    if "bold" in text and not carried:  # article markup carried only after escaping
        assert "&lt;" not in visible and "&gt;" not in visible, (where, visible)


def all_indexes(model, parent=QModelIndex()):
    try:
        columns = model.columnCount(parent)
    except TypeError:  # QAbstractListModel keeps columnCount private: one column
        columns = 1
    for row in range(model.rowCount(parent)):
        for col in range(columns):
            index = model.index(row, col, parent)
            yield index
            if col == 0 and model.rowCount(index):
                yield from all_indexes(model, index)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "left.txt").write_text(LEFT, encoding="utf-8")
    (tmp_path / "right.txt").write_text(RIGHT, encoding="utf-8")
    return tmp_path / "left.txt", tmp_path / "right.txt"


@pytest.fixture
def window(qtbot, tmp_path, files, monkeypatch):
    from desktop.ui.diffview.pane import ArticleText
    from desktop.ui.main_window import MainWindow

    requests: list[str] = []

    def refuse(self, type_, name):  # any pane asking for a resource is a failure
        requests.append(name.toString())
        return None

    monkeypatch.setattr(ArticleText, "loadResource", refuse, raising=False)
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    with qtbot.wait_signal(w.comparison_shown, timeout=60_000):
        w.open_files([str(p) for p in files])
    qtbot.waitUntil(lambda: w.comparison() is not None and w.comparison().left_extraction is not None, timeout=60_000)
    w.pane_requests = requests
    yield w
    w.tasks.wait(10_000)


def test_article_keeps_its_tags_as_text(files):
    (article,) = load_file(files[0])
    for tag in TAGS:
        assert tag in article.text


def test_diff_panes_show_the_tags_and_load_nothing(qtbot, window):
    for side in ("left", "right"):
        text = window.diff_view.panes[side].text
        doc = text.document()
        plain = doc.toPlainText()
        for tag in TAGS:
            assert tag in plain, (side, tag)
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                assert not fmt.isImageFormat() and not fmt.isAnchor(), (side, it.fragment().text())
                it += 1
            block = block.next()
        html = doc.toHtml()
        assert "<img" not in html and "&lt;img src=" in html and "<style>body{display:none}" not in html
        text.viewport().repaint()
    assert window.pane_requests == []


def test_headers_labels_and_tooltips_show_the_tags(qtbot, window):
    header = window.diff_view.panes["left"].header
    assert header.title.textFormat() == Qt.TextFormat.PlainText
    check_shown(header.title.toolTip(), "pane title tooltip")
    assert "<b>bold</b>" in seen(header.title.toolTip())[0]
    for widget in window.findChildren(QWidget):
        tip = widget.toolTip()
        if tip and ("bold" in tip or "hostname" in tip):
            check_shown(tip, f"tooltip of {type(widget).__name__}")
        label_text = getattr(widget, "text", None)
        if callable(label_text) and hasattr(widget, "textFormat"):
            shown = label_text()
            if isinstance(shown, str) and ("hostname" in shown or "bold</b>" in shown):
                assert widget.textFormat() == Qt.TextFormat.PlainText, (type(widget).__name__, shown)


def test_list_and_sidebar_models_give_literal_text(qtbot, window):
    models = {
        "article list": window.model,
        "entities": window.sidebar.tree.model(),
        "discrepancies": window.sidebar.discrepancies.model(),
        "quotes": window.sidebar.quotes.model(),
    }
    carried = 0
    for name, model in models.items():
        for index in all_indexes(model):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str) and value:
                    rich = role == Qt.ItemDataRole.ToolTipRole
                    check_shown(value, f"{name} {role.name} row {index.row()}", rich)
                    carried += any(tag in (seen(value)[0] if rich else value) for tag in TAGS)
    assert carried >= 2  # the list shows the title with its tags, and its tooltip does too
    assert window.model.rowCount() == 2


def test_report_shows_the_tags_and_loads_nothing(qapp, files):
    from desktop.ui.report.export import qt_html

    c = compare(*(load_file(p)[0] for p in files))
    report = build_report(c)
    page = report_html(report, target="browser")
    assert "&lt;img src=&quot;file:///etc/hostname&quot;&gt;" in page or "&lt;img src=\"file:///etc/hostname\"&gt;" in page
    assert IMG not in page and LINK not in page and STYLE not in page and "<b>bold</b>" not in page
    doc = SpyDocument()
    doc.setHtml(qt_html(report))
    doc.documentLayout().documentSize()
    assert [r for r in doc.requests if "hostname" in r or "example.com" in r] == []
    plain = doc.toPlainText()
    for tag in TAGS:
        assert tag in plain, tag


def test_file_names_that_look_like_markup_stay_text(qtbot, tmp_path):
    """'/' cannot be in a file name, but '<img src=x>' can: tooltips naming files must not render it."""
    from desktop.ui.main_window import MainWindow

    good = tmp_path / "<img src=hostname>.txt"
    good.write_text(LEFT, encoding="utf-8")
    bad = tmp_path / "<img src=passwd>.txt"
    bad.write_bytes(b"")
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    try:
        with qtbot.wait_signal(window.article_shown, timeout=60_000):
            window.open_files([str(good), str(bad)])
        qtbot.waitUntil(lambda: window.loader.pending == 0 and bool(window.problems.problems()), timeout=30_000)
        window._fill_recent_menu()
        tips = {
            "status": window.stats_label.toolTip(),
            "pane": window.diff_view.panes["left"].header.toolTip(),
            "problem": window.problems.list.item(0).toolTip(),
            "recent": window.recent_menu.actions()[0].toolTip(),
            "list": window.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole),
        }
        for where, tip in tips.items():
            visible, requests = seen(tip)
            assert requests == [], (where, tip)
            assert "<img src=" in visible, (where, tip)
    finally:
        window.tasks.wait(10_000)


def rich_strings(window):
    """Every string the window may show as rich text: widget and action tooltips, texts of labels
    whose format lets Qt guess, and every view's header tooltips. (Window titles, status tips
    and item texts are always shown plainly.)"""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractItemView, QLabel

    for widget in [window, *window.findChildren(QWidget)]:
        kind = type(widget).__name__
        yield f"{kind} tooltip", widget.toolTip()
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText:
            yield f"{kind} text", widget.text()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # QAbstractListModel keeps columnCount private: one column
                columns = 1
            for orientation, count in ((Qt.Orientation.Horizontal, columns),
                                       (Qt.Orientation.Vertical, min(model.rowCount(QModelIndex()), 50))):
                for section in range(count):
                    value = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
                    if isinstance(value, str):
                        yield f"{kind} header {section} tooltip", value
    for action in window.findChildren(QAction):
        yield f"action {action.text()!r} tooltip", action.toolTip()


def test_no_rich_text_anywhere_holds_a_tag_from_an_article(qtbot, window):
    # The sidebar's Left/Right header tooltips name the articles: their titles carry the tags.
    model = window.sidebar.tree.model()
    tips = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(model.columnCount(QModelIndex()))]
    assert any(isinstance(t, str) and "bold" in t for t in tips), tips
    checked = 0
    for where, value in rich_strings(window):
        if not value or not QtGui_Qt.mightBeRichText(value):
            continue
        visible, requests = seen(value)
        assert requests == [], (where, value)
        for tag in TAGS:
            # A tag from an article is in the string only as text: either escaped, or shown.
            if tag in value:
                assert tag in visible, (where, tag, value)
        if "bold" in value or "hostname" in value:
            checked += 1
            assert "<img src=" in visible or "<b>bold" in visible, (where, visible)
    assert checked >= 2  # both header tooltips at least
