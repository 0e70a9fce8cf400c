"""The split view paints what the comparison says, keeps rows level and answers the reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from desktop.core.article import Span
from desktop.core.ingest.build import article_from_text
from desktop.core.compare.model import Change, ChangeClass, Comparison, Op, Options, Piece, Stats, WordOp
from desktop.ui.diffview import DiffView
from desktop.ui.theme import palette_colors

# The offscreen platform warns on every show(); nothing the view can act on.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

LEFT = (
    "The council met on Monday. The mayor said quickly the bridge would close. Traffic was light.\n\n"
    "Rain fell all week. Officials warned of floods."
)
RIGHT = (
    "The council met on Monday. The mayor said the old bridge might close. Traffic was light.\n\n"
    "Officials warned of floods. Schools stayed open.\n\n"
    "Rain fell all week."
)


def find(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def sentence(article, needle: str) -> Span:
    at = article.text.index(needle)
    return next(s for s in article.sentences if s.start <= at < s.end)


def small_comparison() -> Comparison:
    left = article_from_text(LEFT, path="left.txt", title="Left story")
    right = article_from_text(RIGHT, path="right.txt", title="Right story")
    ls, rs = left.text, right.text
    words = (
        WordOp(Op.DELETED, find(ls, "quickly"), None),
        WordOp(Op.INSERTED, None, find(rs, "old")),
        WordOp(Op.CHANGED, find(ls, "would"), find(rs, "might")),
    )
    pieces = (
        Piece(Op.EQUAL, sentence(left, "council"), sentence(right, "council")),
        Piece(Op.CHANGED, sentence(left, "mayor"), sentence(right, "mayor"), words, classes=(ChangeClass.HEDGING,)),
        Piece(Op.EQUAL, sentence(left, "Traffic"), sentence(right, "Traffic")),
        Piece(Op.MOVED, sentence(left, "Rain"), None, partner=6),
        Piece(Op.EQUAL, sentence(left, "Officials"), sentence(right, "Officials")),
        Piece(Op.INSERTED, None, sentence(right, "Schools")),
        Piece(Op.MOVED, None, sentence(right, "Rain"), partner=3),
    )

    def change(cls, index):
        p = pieces[index]
        return Change(
            cls,
            p.left,
            p.right,
            ls[p.left.start : p.left.end] if p.left else "",
            rs[p.right.start : p.right.end] if p.right else "",
            index,
        )

    # Listed out of display order on purpose: the view steps in display order.
    changes = (change(ChangeClass.OTHER, 5), change(ChangeClass.HEDGING, 1), change(ChangeClass.OTHER, 3))
    return Comparison(left, right, Options(), (), pieces, changes, Stats(), ())


@pytest.fixture
def view(qtbot):
    widget = DiffView()
    qtbot.addWidget(widget)
    widget.resize(1000, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def background_at(view: DiffView, side: str, offset: int):
    """The background painted on the character at an article offset (None when plain)."""
    pane = view.pane_document(side)
    pos = pane.to_position(offset)
    cursor = QTextCursor(pane.doc)
    cursor.setPosition(pos + 1)  # charFormat() is the format of the character before the cursor
    brush = cursor.charFormat().background()
    return None if brush.style() == Qt.BrushStyle.NoBrush else brush.color()


def test_choosing_a_pair_paints_inserted_deleted_changed_and_moved(view):
    c = small_comparison()
    view.set_comparison(c)
    colors = palette_colors(view.palette())
    ls, rs = c.left.text, c.right.text
    assert background_at(view, "left", find(ls, "quickly").start) == colors.word_delete
    assert background_at(view, "right", find(rs, "old").start) == colors.word_insert
    assert background_at(view, "left", find(ls, "would").start + 2) == colors.word_change
    assert background_at(view, "right", find(rs, "might").end - 1) == colors.word_change
    # the rest of the changed sentence carries the sentence tint, equal text nothing
    assert background_at(view, "left", find(ls, "bridge").start) == colors.changed
    assert background_at(view, "left", find(ls, "council").start) is None
    # the moved sentence at both ends, the inserted sentence on its side
    assert background_at(view, "left", find(ls, "Rain").start) == colors.moved
    assert background_at(view, "right", find(rs, "week").start) == colors.moved
    assert background_at(view, "right", find(rs, "Schools").start) == colors.inserted
    # what is shown is the article text itself
    left_doc = view.pane_document("left").doc.toPlainText()
    assert "The mayor said quickly the bridge would close." in left_doc


def test_pixels_of_an_inserted_word_show_the_insert_colour(view):
    c = small_comparison()
    view.set_comparison(c)
    text = view.text_view("right")
    pos = view.pane_document("right").to_position(find(c.right.text, "old").start)
    cursor = QTextCursor(text.document())
    cursor.setPosition(pos + 1)
    rect = text.cursorRect(cursor)
    image = text.viewport().grab().toImage()
    expected = palette_colors(view.palette()).word_insert
    # a pixel just left of the cursor, mid-line, inside the glyph cell of "o" but off its ink
    probe = image.pixelColor(rect.left() - 1, rect.top() + 1)
    assert probe.rgb() == expected.rgb()


def test_rows_sit_level_and_counterparts_start_at_the_same_height(view):
    c = small_comparison()
    view.set_comparison(c)
    bands = view.bands()
    for i in range(len(bands)):
        assert view.band_top("left", i) == view.band_top("right", i)
    # "Officials warned" follows the moved sentence on the left only; its rows still line up
    ys = {}
    for side, article in (("left", c.left), ("right", c.right)):
        text = view.text_view(side)
        cursor = QTextCursor(text.document())
        cursor.setPosition(view.pane_document(side).to_position(find(article.text, "Officials").start))
        ys[side] = text.cursorRect(cursor).top()
    assert ys["left"] == ys["right"]


def long_comparison(paragraphs: int = 40) -> Comparison:
    """Equal paragraphs with a block only on the right in the middle and a move from top to bottom."""
    body = [
        f"Paragraph {i} tells of harbour number {i}. It adds a second line about the weather." for i in range(paragraphs)
    ]
    extra = [f"Only the right side has note {i}, a longer passage that wraps across the pane." for i in range(8)]
    moved = "A sentence that travels from the top to the very end."
    left_text = "\n\n".join([moved] + body)
    right_text = "\n\n".join(body[:20] + extra + body[20:] + [moved])
    left = article_from_text(left_text, path="l.txt")
    right = article_from_text(right_text, path="r.txt")
    lsent, rsent = list(left.sentences), list(right.sentences)
    pieces: list[Piece] = [Piece(Op.MOVED, lsent[0], None, partner=-1)]
    li, ri = 1, 0
    for p in range(paragraphs):
        if p == 20:
            for _ in range(len(extra)):
                pieces.append(Piece(Op.INSERTED, None, rsent[ri]))
                ri += 1
        for _ in range(2):
            pieces.append(Piece(Op.EQUAL, lsent[li], rsent[ri]))
            li += 1
            ri += 1
    pieces.append(Piece(Op.MOVED, None, rsent[ri], partner=0))
    pieces[0] = Piece(Op.MOVED, lsent[0], None, partner=len(pieces) - 1)
    changes = tuple(
        Change(ChangeClass.OTHER, p.left, p.right, "", "", i) for i, p in enumerate(pieces) if p.op != Op.EQUAL
    )
    return Comparison(left, right, Options(), (), tuple(pieces), changes, Stats(), ())


def test_scrolling_one_pane_brings_the_counterpart_level_in_the_other(view, qtbot):
    c = long_comparison()
    view.set_comparison(c)
    right, left = view.text_view("right"), view.text_view("left")
    # scroll the right pane to paragraph 30 (after the right-only block)
    target = find(c.right.text, "Paragraph 30 ")
    cursor = QTextCursor(right.document())
    cursor.setPosition(view.pane_document("right").to_position(target.start))
    bar = right.verticalScrollBar()
    bar.setValue(bar.value() + right.cursorRect(cursor).top() - 40)
    assert bar.value() > 0
    lcursor = QTextCursor(left.document())
    lcursor.setPosition(view.pane_document("left").to_position(find(c.left.text, "Paragraph 30 ").start))
    assert left.cursorRect(lcursor).top() == right.cursorRect(cursor).top() == 40


def test_next_and_previous_change_step_in_display_order_with_the_counter(view, qtbot):
    c = small_comparison()
    view.set_comparison(c)
    seen = []
    view.change_position_changed.connect(lambda cur, total: seen.append((cur, total)))

    def current_text(side):
        sels = view.text_view(side).extraSelections()
        return [s.cursor.selectedText() for s in sels]

    view.next_change()
    assert current_text("left") == ["The mayor said quickly the bridge would close."]
    view.next_change()
    assert current_text("left") == ["Rain fell all week."]
    view.next_change()
    assert current_text("right") == ["Schools stayed open."]
    view.next_change()  # stays on the last
    view.previous_change()
    assert seen == [(1, 3), (2, 3), (3, 3), (3, 3), (2, 3)]
    assert current_text("left") == ["Rain fell all week."]


def test_class_filter_limits_the_changes_stepped_through(view, qtbot):
    view.set_comparison(small_comparison())
    with qtbot.wait_signal(view.change_position_changed) as blocker:
        view.set_class_filter(frozenset({ChangeClass.HEDGING}))
    assert blocker.args == [0, 1]
    view.next_change()
    assert view.change_position() == (1, 1)
    view.set_class_filter(None)
    assert view.change_position() == (0, 3)


def test_highlight_mentions_paints_exactly_the_given_spans(view):
    c = small_comparison()
    view.set_comparison(c)
    colors = palette_colors(view.palette())
    right_spans = [find(c.right.text, "mayor"), find(c.right.text, "council")]
    view.highlight_mentions([find(c.left.text, "council")], right_spans)
    left = [(s.cursor.selectedText(), s.format.background().color()) for s in view.text_view("left").extraSelections()]
    right = sorted(s.cursor.selectedText() for s in view.text_view("right").extraSelections())
    assert left == [("council", colors.entity_highlight)]
    assert right == ["council", "mayor"]
    view.highlight_mentions([], [])
    assert view.text_view("left").extraSelections() == []
    # a discrepancy with nothing on one side comes as None there
    view.highlight_mentions([None], [find(c.right.text, "Schools")])
    assert [s.cursor.selectedText() for s in view.text_view("right").extraSelections()] == ["Schools"]


def test_find_highlights_matches_in_both_panes(view):
    view.set_comparison(small_comparison())
    assert view.find("floods") == 2
    assert [s.cursor.selectedText() for s in view.text_view("right").extraSelections()] == ["floods"]
    assert view.find("BRIDGE") == 2  # case-insensitive
    view.clear_find()
    assert view.text_view("left").extraSelections() == []


def test_clicking_a_moved_sentence_scrolls_the_other_pane_to_its_partner(view, qtbot):
    c = long_comparison()
    view.set_comparison(c)
    left, right = view.text_view("left"), view.text_view("right")
    assert right.verticalScrollBar().value() == 0
    cursor = QTextCursor(left.document())
    cursor.setPosition(view.pane_document("left").to_position(3))
    point = left.cursorRect(cursor).center()
    qtbot.mouseClick(left.viewport(), Qt.MouseButton.LeftButton, pos=point)
    partner_band = len(view.bands()) - 1
    top = view.band_top("right", partner_band)
    value = right.verticalScrollBar().value()
    assert value > 0
    assert value <= top < value + right.viewport().height()
    flashed = [s.cursor.selectedText() for s in right.extraSelections()]
    assert "A sentence that travels from the top to the very end." in flashed
    assert view.change_position()[0] == 1  # the clicked move is now the current change


def test_hovering_text_reports_the_article_offset(view, qtbot):
    c = small_comparison()
    view.set_comparison(c)
    text = view.text_view("right")
    target = find(c.right.text, "Schools").start + 2
    cursor = QTextCursor(text.document())
    cursor.setPosition(view.pane_document("right").to_position(target))
    rect = text.cursorRect(cursor)
    point = QPointF(rect.left() + 2, rect.center().y())
    event = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        point,
        text.viewport().mapToGlobal(point),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.wait_signal(view.offset_hovered) as blocker:
        QApplication.sendEvent(text.viewport(), event)
    assert blocker.args == ["right", target]


def test_dropping_files_on_a_pane_reports_that_side(view, qtbot, tmp_path):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for p in paths:
        p.write_text("Some words.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = view.text_view("right").viewport()
    # The real sequence: enter (the pane accepts files), then drop.
    enter = QDragEnterEvent(
        QPointF(20, 20).toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.wait_signal(view.files_dropped) as blocker:
        QApplication.sendEvent(target, drop)
    assert blocker.args == ["right", [str(p) for p in paths]]
    assert drop.isAccepted()
    # text (not files) is refused: an article is never edited by dropping onto it
    words = QMimeData()
    words.setText("pasted words")
    refused = QDragEnterEvent(
        QPointF(20, 20).toPoint(), Qt.DropAction.CopyAction, words, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, refused)
    assert not refused.isAccepted()


def test_real_samples_show_set_aside_text_dimmed_and_can_hide_it(view, samples_dir):
    from desktop.core.compare import compare
    from desktop.core.ingest.load import load_file

    left = load_file(str(samples_dir / "harbour-wire.txt"))[0]
    right = load_file(str(samples_dir / "harbour-herald.html"))[0]
    c = compare(left, right, entities=False)
    view.set_comparison(c)
    plug = "CLICK HERE TO GET THE HARBOUR WIRE APP"
    doc = view.pane_document("left")
    assert plug in doc.doc.toPlainText()
    cursor = QTextCursor(doc.doc)
    cursor.setPosition(doc.to_position(left.text.index(plug)) + 1)
    assert cursor.charFormat().foreground().color() == palette_colors(view.palette()).boilerplate_text
    # every change the engine found is on screen somewhere with a colour
    for change in c.changes:
        for side, span in (("left", change.left), ("right", change.right)):
            if span is not None and span.end > span.start:
                assert view.pane_document(side).ranges(span), (side, span)
    view.set_show_boilerplate(False)
    assert plug not in view.pane_document("left").doc.toPlainText()
    assert "Harbour Commissioner" in view.pane_document("left").doc.toPlainText()


def test_single_article_and_empty_states(view):
    c = small_comparison()
    view.show_single(c.left)
    assert view.pane_document("left").doc.toPlainText().startswith("The council met")
    assert not view.panes["right"].isVisible()
    view.set_comparison(None)
    assert view.panes["right"].isVisible()
    assert view.change_position() == (0, 0)
    assert view.find("council") == 0


def test_panes_are_named_and_reachable_by_tab(view):
    view.set_comparison(small_comparison())
    left, right = view.text_view("left"), view.text_view("right")
    assert left.accessibleName().startswith("Left article")
    assert right.accessibleName() == "Right article: Right story"
    assert left.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert right.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert left.tabChangesFocus()
    left.setFocus()
    assert left.nextInFocusChain() is not None


def test_rows_stay_level_after_the_panes_are_resized(view, qtbot):
    c = long_comparison()
    view.set_comparison(c)
    before = view.band_top("left", len(view.bands()))
    view.resize(640, 420)  # narrower panes wrap more lines: every row is padded again
    qtbot.waitUntil(lambda: view.band_top("left", len(view.bands())) > before)
    for i in range(len(view.bands()) + 1):
        assert view.band_top("left", i) == view.band_top("right", i)


def test_line_breaks_inside_a_paragraph_stay_in_its_row_and_offsets_map_both_ways(view):
    article = article_from_text("A hard-wrapped line\nthat goes on. And on.\n\nNext paragraph.", path="w.txt")
    view.show_single(article)
    pane = view.pane_document("left")
    assert pane.doc.blockCount() == len(view.bands()) + 1  # one block per band, then the closing one
    for offset in (0, article.text.index("that"), article.text.index("Next") + 3):
        pos = pane.to_position(offset)
        assert pane.to_offset(pos) == offset
        assert pane.doc.characterAt(pos) == article.text[offset]


def test_overview_click_and_scroll_to_offset_move_both_panes(view, qtbot):
    c = long_comparison()
    view.set_comparison(c)
    right, left = view.text_view("right"), view.text_view("left")
    strip = view.overview
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(8, int(strip.height() * 0.9)))
    bar = right.verticalScrollBar()
    assert bar.value() > bar.maximum() * 0.6
    assert left.verticalScrollBar().value() == bar.value()  # rows are level, so the same pixels
    view.scroll_to_offset("left", find(c.left.text, "Paragraph 5 ").start)
    cursor = QTextCursor(left.document())
    cursor.setPosition(view.pane_document("left").to_position(find(c.left.text, "Paragraph 5 ").start))
    assert 0 <= left.cursorRect(cursor).top() < left.viewport().height()


def test_connector_links_the_two_ends_of_a_move(view):
    c = small_comparison()
    view.set_comparison(c)
    top, bottom, links = view.connector.links(view.connector)
    kinds = sorted(link.kind for link in links)
    assert kinds == ["changed", "inserted", "moved"]
    moved = next(link for link in links if link.kind == "moved")
    assert moved.r0 > moved.l0  # from its place high on the left to its place low on the right
    assert bottom > top


def test_switching_to_a_dark_palette_repaints_with_the_dark_colours(view, qtbot):
    from desktop.ui.theme import DARK, dark_palette

    c = small_comparison()
    view.set_comparison(c)
    app = QApplication.instance()
    original = app.palette()
    try:
        app.setPalette(dark_palette())
        qtbot.waitUntil(lambda: background_at(view, "right", find(c.right.text, "old").start) == DARK.word_insert)
        assert background_at(view, "left", find(c.left.text, "Rain").start) == DARK.moved
    finally:
        app.setPalette(original)


def test_rows_describe_themselves_for_the_tooltip(view):
    c = small_comparison()
    view.set_comparison(c)

    def describe(side, needle):
        article = c.left if side == "left" else c.right
        return view.describe_position(side, view.pane_document(side).to_position(find(article.text, needle).start))

    assert describe("left", "mayor") == "Changed (hedging): edited words are marked more strongly."
    assert describe("left", "Rain").startswith("Moved. Click to see where it stands in the right article")
    assert describe("right", "Schools") == "Only in the right article."
    assert describe("left", "council") == ""


def test_characters_outside_the_bmp_keep_offsets_and_highlights_in_place(view):
    # Article offsets count code points, Qt positions UTF-16 units: an emoji is one and two.
    left = article_from_text("Fans cheered \U0001f389 loudly at the port. Then rain fell.", path="e1.txt")
    right = article_from_text("Fans cheered \U0001f389 wildly at the port. Then rain fell.", path="e2.txt")
    lw, rw = find(left.text, "loudly"), find(right.text, "wildly")
    pieces = (
        Piece(Op.CHANGED, left.sentences[0], right.sentences[0], (WordOp(Op.CHANGED, lw, rw),)),
        Piece(Op.EQUAL, left.sentences[1], right.sentences[1]),
    )
    c = Comparison(left, right, Options(), (), pieces, (), Stats(), ())
    view.set_comparison(c)
    colors = palette_colors(view.palette())
    assert background_at(view, "left", lw.start) == colors.word_change
    assert background_at(view, "left", lw.start - 1) == colors.changed  # the space before it
    pane = view.pane_document("right")
    for offset in range(len(right.text)):
        assert pane.to_offset(pane.to_position(offset)) == offset
    view.highlight_mentions([find(left.text, "rain")], [find(right.text, "port")])
    assert [s.cursor.selectedText() for s in view.text_view("left").extraSelections()] == ["rain"]
    assert [s.cursor.selectedText() for s in view.text_view("right").extraSelections()] == ["port"]
    assert view.find("\U0001f389 wildly") == 1


def test_a_bigger_font_rebuilds_the_panes_with_rows_still_level(view, qtbot):
    c = long_comparison()
    view.set_comparison(c)
    before = view.band_top("left", len(view.bands()))
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    qtbot.waitUntil(lambda: view.band_top("left", len(view.bands())) > before * 1.2)
    assert view.pane_document("left").doc.defaultFont().pointSizeF() == font.pointSizeF()
    for i in range(len(view.bands()) + 1):
        assert view.band_top("left", i) == view.band_top("right", i)


def long_pair(words: int = 3000):
    """A long made-up pair: some sentences reworded, dropped or added (built in steps)."""
    import random

    rng = random.Random(7)
    vocab = "ferry crew storm harbour council budget road bridge river mayor court witness market the of and to in".split()

    def sentence_text() -> str:
        body = [rng.choice(vocab) for _ in range(rng.randint(8, 20))]
        return body[0].capitalize() + " " + " ".join(body[1:]) + " said."

    paragraphs, count = [], 0
    while count < words:
        para = [sentence_text() for _ in range(rng.randint(2, 4))]
        count += sum(len(s.split()) for s in para)
        paragraphs.append(para)
    edited = []
    for para in paragraphs:
        new = [s if rng.random() > 0.15 else sentence_text() for s in para if rng.random() > 0.05]
        edited.append(new or para)
    from desktop.core.compare import compare

    left = article_from_text("\n\n".join(" ".join(p) for p in paragraphs), path="long-left.txt", title="Long left")
    right = article_from_text("\n\n".join(" ".join(p) for p in edited), path="long-right.txt", title="Long right")
    return compare(left, right, Options(), entities=False)


def painted(view: DiffView) -> list:
    """Every row as the reader sees it: text, padding, and each run's colours and weight."""
    out = []
    for side in ("left", "right"):
        block = view.text_view(side).document().firstBlock()
        while block.isValid():
            runs = []
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                runs.append((it.fragment().length(), fmt.background().color().name(), fmt.background().style(),
                             fmt.foreground().color().name(), fmt.fontWeight()))
                it += 1
            out.append((side, block.text(), block.blockFormat().bottomMargin(), tuple(runs)))
            block = block.next()
    out.append(tuple(view.band_top("left", i) for i in range(len(view.bands()) + 1)))
    return out


def test_a_long_pair_shows_its_top_at_once_and_the_rest_in_steps_painted_as_in_one_go(view, qtbot):
    c = long_pair()
    view.set_comparison(c)
    assert view.is_building()  # the event loop is not held for the whole pair
    first = next(ch for ch in c.changes if ch.left is not None and view.pane_document("left").to_position(ch.left.start) is not None)
    assert background_at(view, "left", first.left.start) is not None  # the top rows are painted already
    with qtbot.waitSignal(view.built, timeout=10_000):
        pass
    assert not view.is_building()
    stepped = painted(view)
    assert len(view.overview.marks) > 0
    view.set_comparison(None)
    view.set_comparison(c)
    view.finish_building()
    assert painted(view) == stepped


def test_a_new_pair_replaces_a_long_one_still_being_shown(view, qtbot):
    view.set_comparison(long_pair())
    assert view.is_building()
    small = small_comparison()
    view.set_comparison(small)  # the reader chose another pair at once
    assert not view.is_building()
    qtbot.wait(50)
    assert view.text_view("right").toPlainText().startswith("The council met on Monday.")
    assert "ferry" not in view.text_view("left").toPlainText().lower()


def test_stepping_to_a_change_not_shown_yet_finishes_the_panes_first(view):
    view.set_comparison(long_pair())
    assert view.is_building()
    total = view.change_position()[1]
    for _ in range(total):
        view.next_change()
    assert not view.is_building()
    assert view.change_position() == (total, total)
    assert view.text_view("left").marker is not None  # the bar beside the last change is drawn
