"""The entity sidebar: tree model, filtering, linking to the text, discrepancies, quotes, one article."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import pytest

from desktop.core.article import Article, Span
from desktop.core.ingest.build import article_from_text
from desktop.core.compare.model import Comparison, Options, Stats
from desktop.core.entities.model import (
    Discrepancy,
    DiscrepancyKind,
    Entity,
    EntityMatch,
    EntityType,
    Extraction,
    MatchStatus,
    Mention,
    Quote,
)
from desktop.core.ingest.load import load_file

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"

# The offscreen platform warns that it cannot propagate size hints whenever a window is shown.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


# -- hand-built values over the sample pair (until the engines land) --------------------------------


def _mentions(article: Article, *texts: str) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for text in texts:
        for m in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", article.text):
            if article.is_body(m.start()) and not any(f.start <= m.start() < f.end for f in found):
                found.append(Mention(m.start(), m.end(), text))
    assert found, f"{texts!r} not in {article.path}"
    return tuple(sorted(found, key=lambda m: m.start))


def _entity(article: Article, type_: EntityType, name: str, *texts: str, **kw) -> Entity:
    return Entity(type_, name, _mentions(article, *(texts or (name,))), **kw)


def _quote(article: Article, words: str, speaker: str = "") -> Quote:
    at = article.text.index(words)
    return Quote(words, at, at + len(words), speaker, "person" if speaker else "")


def _sentence(article: Article, offset: int) -> str:
    for s in article.sentences:
        if s.start <= offset < s.end:
            return article.text[s.start : s.end]
    return ""


@functools.cache
def sample_pair() -> tuple[Article, Article]:
    wire = load_file(str(SAMPLES / "harbour-wire.txt"))[0]
    herald = load_file(str(SAMPLES / "harbour-herald.html"))[0]
    return wire, herald


@functools.cache
def sample_comparison() -> Comparison:
    """The real engine on the wire/herald pair (samples README lists the planted differences)."""
    from desktop.core.compare import compare

    return compare(*sample_pair())


def hand_comparison() -> Comparison:
    """The wire/herald pair with the entities and discrepancies the samples README lists."""
    w, h = sample_pair()
    P, O, L, D, F = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE, EntityType.DATE, EntityType.FIGURE
    rasheed_w = _entity(w, P, "Amira Rasheed", "Amira Rasheed", "Rasheed", role="Harbour Commissioner")
    rasheed_h = _entity(h, P, "Amira Rashid", "Amira Rashid", "Rashid", role="Harbour Commissioner")
    whitcombe = _entity(w, P, "Dana Whitcombe", "Dana Whitcombe", "Whitcomb", variants=("Whitcomb",),
                        role="Lieutenant Commander")
    brennan_w, brennan_h = (_entity(a, P, "Colm Brennan", "Colm Brennan", "Brennan") for a in (w, h))
    okafor_w, okafor_h = (_entity(a, P, "Helen Okafor", "Helen Okafor", "Okafor", role="Dr.") for a in (w, h))
    nha_w, nha_h = (_entity(a, O, "Northgate Harbour Authority") for a in (w, h))
    keel_w, keel_h = (_entity(a, O, "Keel & Compass Shipping") for a in (w, h))
    mcnabs_w, mcnabs_h = (_entity(a, L, "McNabs Island") for a in (w, h))
    rotterdam = _entity(h, L, "Rotterdam")
    halifax_w = _entity(w, L, "Halifax", "HALIFAX", "Halifax")
    halifax_h = _entity(h, L, "Halifax")
    march4_w = _entity(w, D, "Tuesday, March 4, 2025", value="2025-03-04", precision="day",
                       detail="Tuesday, March 4, 2025 → 2025-03-04, written in full")
    oct2023 = _entity(h, D, "October 2023", value="2023-10", precision="month", detail="October 2023 → 2023-10")
    tonnes_w = _entity(w, F, "1,200 tonnes", value="1200 tonnes", unit="tonnes of heavy fuel oil")
    tonnes_h = _entity(h, F, "1,100 tonnes", value="1100 tonnes", unit="tonnes of heavy fuel oil")
    cost_w, cost_h = (_entity(a, F, "$4.2 million", value="4200000 USD", unit="USD") for a in (w, h))
    leases_w, leases_h = (_entity(a, F, "14", "14 shellfish leases", "14", value="14 leases") for a in (w, h))

    def m(type_, status, left, right):
        return EntityMatch(type_, (left or right).name, status, left, right)

    B, LEFT, RIGHT, V, C = (MatchStatus.BOTH, MatchStatus.LEFT, MatchStatus.RIGHT, MatchStatus.VARIANT,
                            MatchStatus.CONFLICT)
    matches = (
        m(P, V, rasheed_w, rasheed_h),
        m(P, B, brennan_w, brennan_h),
        m(P, LEFT, whitcombe, None),
        m(P, B, okafor_w, okafor_h),
        m(O, B, nha_w, nha_h),
        m(O, B, keel_w, keel_h),
        m(L, B, mcnabs_w, mcnabs_h),
        m(L, B, halifax_w, halifax_h),
        m(L, RIGHT, None, rotterdam),
        m(D, LEFT, march4_w, None),
        m(D, RIGHT, None, oct2023),
        m(F, C, tonnes_w, tonnes_h),
        m(F, B, cost_w, cost_h),
        m(F, B, leases_w, leases_h),
    )
    q_w = (
        _quote(w, "We will not reopen the beds until every test comes back clean,", "Amira Rasheed"),
        _quote(w, "Every day these leases stay shut costs our members money they will never get back,",
               "Colm Brennan"),
        _quote(w, "Even a light sheen can make a harvest unsellable,", "Helen Okafor"),
    )
    q_h = (
        _quote(h, "We are not going to reopen those beds until every single test comes back clean,", "Amira Rashid"),
        _quote(h, "Every day these leases stay shut costs our members money they will never get back,",
               "Colm Brennan"),
        _quote(h, "Even a light sheen can make a harvest unsellable,", "Helen Okafor"),
    )

    def disc(kind, lt, rt, left_span, right_span, subject, **kw):
        return Discrepancy(kind, lt, rt, left_span, right_span, subject,
                           _sentence(w, left_span.start), _sentence(h, right_span.start), **kw)

    t_l, t_r = tonnes_w.mentions[0], tonnes_h.mentions[0]
    r_l, r_r = rasheed_w.mentions[-1], rasheed_h.mentions[-1]
    discrepancies = (
        disc(DiscrepancyKind.FIGURE, "1,200 tonnes", "1,100 tonnes", Span(t_l.start, t_l.end),
             Span(t_r.start, t_r.end), "tonnes of heavy fuel oil"),
        disc(DiscrepancyKind.NAME, "Rasheed", "Rashid", Span(r_l.start, r_l.end), Span(r_r.start, r_r.end),
             "Amira Rasheed"),
        disc(DiscrepancyKind.QUOTE, q_w[0].text, q_h[0].text, Span(q_w[0].start, q_w[0].end),
             Span(q_h[0].start, q_h[0].end), "Amira Rasheed"),
    )
    return Comparison(
        left=w, right=h, options=Options(), paragraphs=(), sentences=(), changes=(), stats=Stats(),
        shared_passages=(), left_extraction=Extraction(tuple(e for e in (
            rasheed_w, whitcombe, brennan_w, okafor_w)), q_w),
        right_extraction=Extraction((rasheed_h, brennan_h, okafor_h), q_h),
        entities=matches, discrepancies=discrepancies,
    )


def single_article() -> tuple[Article, Extraction]:
    text = (
        "Lieutenant Commander Dana Whitcombe of the coast guard said the slick had drifted east.\n\n"
        "Whitcomb said aircraft would survey the coastline twice a day, from Halifax."
    )
    a = article_from_text(text, path="single.txt")
    whit = _entity(a, EntityType.PERSON, "Dana Whitcombe", "Dana Whitcombe", "Whitcomb", variants=("Whitcomb",))
    halifax = _entity(a, EntityType.PLACE, "Halifax")
    quote = Quote("aircraft would survey the coastline", 0, 0)  # a quote with no speaker
    at = a.text.index(quote.text)
    quote = Quote(quote.text, at, at + len(quote.text))
    return a, Extraction((whit, halifax), (quote,))


# -- the tree model ---------------------------------------------------------------------------------


def _sidebar(qtbot):
    from desktop.ui.sidebar import EntitySidebar

    sidebar = EntitySidebar()
    qtbot.addWidget(sidebar)
    sidebar.resize(380, 640)
    return sidebar


def _rows_by_group(model):
    from desktop.ui.sidebar.entity_model import Role

    out = {}
    for g in range(model.rowCount()):
        gi = model.index(g, 0)
        out[model.data(gi)] = [model.data(model.index(r, 0, gi), Role.ROW) for r in range(model.rowCount(gi))]
    return out


def test_tree_model_passes_the_model_tester(qtbot, qtmodeltester):
    from desktop.ui.sidebar.entity_model import EntityTreeModel
    from desktop.ui.sidebar.rows import comparison_rows

    c = hand_comparison()
    model = EntityTreeModel()
    model.set_rows(comparison_rows(c, c.quotes))
    qtmodeltester.check(model)


def test_proxy_and_quote_model_pass_the_model_tester(qtbot, qtmodeltester):
    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(hand_comparison())
    sidebar.filter_edit.setText("tonnes")
    qtmodeltester.check(sidebar.proxy)
    qtmodeltester.check(sidebar.quotes.model_)
    qtmodeltester.check(sidebar.discrepancies.model_)


def test_tree_groups_rows_by_type_with_counts_and_status(qtbot):
    from PySide6.QtCore import Qt

    from desktop.ui.sidebar.entity_model import Column, Role

    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(hand_comparison())
    model = sidebar.model
    groups = _rows_by_group(model)
    assert list(groups) == ["People", "Organisations", "Places", "Dates", "Figures", "Quotes"]
    rasheed = next(r for r in groups["People"] if r.match.name == "Amira Rasheed")
    assert rasheed.status == MatchStatus.VARIANT
    assert rasheed.label == "Amira Rasheed ↔ Amira Rashid"
    assert (rasheed.left_count, rasheed.right_count) == (2, 2)
    tonnes = next(r for r in groups["Figures"] if r.match.name == "1,200 tonnes")
    assert tonnes.label.startswith("1,200 tonnes ≠ 1,100 tonnes")
    cost = next(r for r in groups["Figures"] if r.match.name == "$4.2 million")
    assert cost.label == "$4.2 million  (4,200,000 USD)"
    index = model.index_of(cost)
    assert model.data(index.siblingAtColumn(Column.LEFT)) == "1"
    assert model.data(index.siblingAtColumn(Column.RIGHT)) == "1"
    assert model.data(index.siblingAtColumn(Column.STATUS), Qt.ItemDataRole.ToolTipRole) == "In both"
    assert model.data(index.siblingAtColumn(Column.STATUS), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(index, Role.SORT) == 4200000.0
    rotterdam = model.index_of(next(r for r in groups["Places"] if r.match.name == "Rotterdam"))
    assert model.data(rotterdam.siblingAtColumn(Column.STATUS), Qt.ItemDataRole.ToolTipRole) == "Only right"
    assert model.data(rotterdam.siblingAtColumn(Column.LEFT)) == "0"
    quotes = groups["Quotes"]
    assert [q.status for q in quotes] == [MatchStatus.CONFLICT, MatchStatus.BOTH, MatchStatus.BOTH]
    assert quotes[0].status_text == "Worded differently"


def test_sorting_uses_raw_values_and_keeps_groups_in_order(qtbot):
    from PySide6.QtCore import Qt

    from desktop.ui.sidebar.entity_model import Column

    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(hand_comparison())
    proxy = sidebar.proxy

    def column(group: str, col: int = 0) -> list[str]:
        for g in range(proxy.rowCount()):
            gi = proxy.index(g, 0)
            if proxy.data(gi) == group:
                return [proxy.data(proxy.index(r, col, gi)) for r in range(proxy.rowCount(gi))]
        return []

    sidebar.tree.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    # Figures by value: 14 < 1,100/1,200 (conflict, sorted by the left value 1,200) < 4.2 million.
    assert [s.split()[0] for s in column("Figures")] == ["14", "1,200", "$4.2"]
    assert column("Dates")[0].startswith("October 2023")  # 2023-10 before 2025-03-04
    sidebar.tree.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert [proxy.data(proxy.index(g, 0)) for g in range(proxy.rowCount())][:2] == ["People", "Organisations"]
    assert [s.split()[0] for s in column("Figures")] == ["$4.2", "1,200", "14"]
    sidebar.tree.sortByColumn(Column.STATUS, Qt.SortOrder.AscendingOrder)
    assert column("People")[0] == "Amira Rasheed ↔ Amira Rashid"  # spelled differently before only-left
    sidebar.tree.sortByColumn(Column.LEFT, Qt.SortOrder.DescendingOrder)
    counts = [int(n) for n in column("Places", Column.LEFT)]
    assert counts == sorted(counts, reverse=True) and counts[-1] == 0


def test_filter_box_and_differences_toggle(qtbot):
    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(hand_comparison())
    proxy = sidebar.proxy

    def shown() -> dict[str, list[str]]:
        out = {}
        for g in range(proxy.rowCount()):
            gi = proxy.index(g, 0)
            out[proxy.data(gi)] = [proxy.data(proxy.index(r, 0, gi)) for r in range(proxy.rowCount(gi))]
        return out

    sidebar.filter_edit.setText("whitcomb")  # matches the variant spelling too
    assert shown() == {"People": ["Dana Whitcombe — Lieutenant Commander"]}
    sidebar.filter_edit.setText("commissioner")  # the role is searchable
    assert list(shown()) == ["People"]
    sidebar.filter_edit.setText("reopen")  # quotes are searchable by their words
    assert list(shown()) == ["Quotes"]
    sidebar.filter_edit.clear()
    sidebar.differences_button.setChecked(True)
    differing = shown()
    assert "Organisations" not in differing  # every organisation is in both
    assert differing["Figures"] == ["1,200 tonnes ≠ 1,100 tonnes  (tonnes of heavy fuel oil)"]
    assert len(differing["Quotes"]) == 1
    assert all(len(rows) > 0 for rows in differing.values())


# -- linked to the text -----------------------------------------------------------------------------


def _select(sidebar, predicate):
    from PySide6.QtCore import QItemSelectionModel

    row = next(r for r in sidebar.model.rows() if predicate(r))
    index = sidebar.proxy.mapFromSource(sidebar.model.index_of(row))
    sidebar.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    return row


def test_selecting_an_entity_emits_exactly_its_mentions_on_both_sides(qtbot):
    c = sample_comparison()
    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(c)
    match = next(m for m in c.entities if m.left and m.right and "Rasheed" in m.left.name)
    assert match.status == MatchStatus.VARIANT and "Rashid" in match.right.name
    with qtbot.wait_signal(sidebar.mentions_selected) as blocker:
        _select(sidebar, lambda r: r.match is match)
    left, right = blocker.args
    assert left == [Span(m.start, m.end) for m in match.left.mentions]
    assert right == [Span(m.start, m.end) for m in match.right.mentions]
    assert all("Rasheed" in c.left.text[s.start : s.end] for s in left)
    assert all("Rashid" in c.right.text[s.start : s.end] for s in right)
    n = len(left) + len(right)
    assert sidebar.mention_label.text() == f"Mention 1 of {n} · left"

    only_right = next(m for m in c.entities if m.status == MatchStatus.RIGHT)
    with qtbot.wait_signal(sidebar.mentions_selected) as blocker:
        _select(sidebar, lambda r: r.match is only_right)
    assert blocker.args == [[], [Span(m.start, m.end) for m in only_right.right.mentions]]

    with qtbot.wait_signal(sidebar.mentions_selected) as blocker:  # a group heading clears the marks
        sidebar.tree.setCurrentIndex(sidebar.proxy.index(0, 0))
    assert blocker.args == [[], []]


def test_enter_and_buttons_step_through_mentions(qtbot):
    from PySide6.QtCore import Qt

    c = hand_comparison()
    sidebar = _sidebar(qtbot)
    sidebar.show()
    sidebar.set_comparison(c)
    row = _select(sidebar, lambda r: r.match is not None and r.match.name == "Colm Brennan")
    steps = []
    sidebar.mention_focused.connect(lambda side, offset: steps.append((side, offset)))
    sidebar.tree.setFocus()
    qtbot.keyClick(sidebar.tree, Qt.Key.Key_Return)
    sidebar.next_button.click()
    sidebar.next_button.click()
    sidebar.next_button.click()  # wraps from the last right mention to the first left one
    qtbot.keyClick(sidebar.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    lefts = [("left", s.start) for s in row.left_spans]
    rights = [("right", s.start) for s in row.right_spans]
    assert len(lefts) == 2 and len(rights) == 2
    assert steps == [lefts[1], rights[0], rights[1], lefts[0], rights[1]]
    assert sidebar.mention_label.text() == "Mention 4 of 4 · right"


def test_select_at_selects_the_entity_under_the_mouse_without_moving_the_text(qtbot):
    c = sample_comparison()
    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(c)
    emitted = []
    sidebar.mentions_selected.connect(lambda left, right: emitted.append((left, right)))
    at = c.right.text.index("said Rashid") + len("said R")
    assert sidebar.select_at("right", at)
    assert "Rasheed" in sidebar.selected_row().match.name
    # Inside a quote and on no entity: the quote row is chosen (the narrowest span wins elsewhere).
    at = c.left.text.index("every test comes back")
    assert sidebar.select_at("left", at)
    assert sidebar.selected_row().quote is not None
    at = c.left.text.index("Whitcomb said")
    assert sidebar.select_at("left", at)
    whitcombe = sidebar.selected_row().match
    assert whitcombe.name == "Dana Whitcombe"
    assert not sidebar.select_at("left", c.left.text.index("Categories"))
    assert sidebar.selected_row().match is whitcombe
    assert emitted == []  # hovering never scrolls the text
    assert sidebar.mention_label.text() == f"Mention 1 of {whitcombe.left_count} · left"
    sidebar.filter_edit.setText("okafor")  # a row the filter hides is left alone
    assert not sidebar.select_at("left", c.left.text.index("Whitcomb said"))


def test_tooltips_escape_article_text(qtbot):
    from PySide6.QtCore import Qt

    c = hand_comparison()
    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(c)
    keel = next(r for r in sidebar.model.rows() if r.match is not None and r.match.name.startswith("Keel"))
    tip = sidebar.model.data(sidebar.model.index_of(keel), Qt.ItemDataRole.ToolTipRole)
    assert "Keel &amp; Compass Shipping" in tip and "Keel & Compass" not in tip
    date = next(r for r in sidebar.model.rows() if r.match is not None and r.match.name.startswith("Tuesday"))
    tip = sidebar.model.data(sidebar.model.index_of(date), Qt.ItemDataRole.ToolTipRole)
    assert html.escape("Tuesday, March 4, 2025 → 2025-03-04, written in full") in tip


# -- discrepancies and quotes -----------------------------------------------------------------------


def test_discrepancy_list_holds_the_changed_figure_respelled_name_and_reworded_quote(qtbot):
    from PySide6.QtCore import QItemSelectionModel

    c = sample_comparison()
    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(c)
    model = sidebar.discrepancies.model_
    items = [model.discrepancy(r) for r in range(model.rowCount())]
    figure = next(d for d in items if d.kind == DiscrepancyKind.FIGURE and "1,200" in d.left_text)
    assert "1,100" in figure.right_text
    name = next(d for d in items if d.kind == DiscrepancyKind.NAME and "Rasheed" in d.left_text)
    assert "Rashid" in name.right_text
    quote = next(d for d in items if d.kind == DiscrepancyKind.QUOTE)
    assert "every test" in quote.left_text and "every single test" in quote.right_text
    assert sidebar.tabs.tabText(1) == f"Discrepancies ({len(items)})"
    shown = [model.data(model.index(r)) for r in range(model.rowCount())]
    assert any("1,200" in t and "1,100" in t for t in shown)

    spans, chosen = [], []
    sidebar.mentions_selected.connect(lambda left, right: spans.append((left, right)))
    sidebar.discrepancy_selected.connect(chosen.append)
    with qtbot.wait_signal(sidebar.discrepancy_selected):
        sidebar.discrepancies.selectionModel().setCurrentIndex(
            model.index(items.index(name)), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert chosen == [name]
    assert spans == [([name.left], [name.right])]
    assert "Rasheed" in c.left.text[name.left.start : name.left.end]
    assert "Rashid" in c.right.text[name.right.start : name.right.end]


def test_discrepancy_cards_show_both_wordings_and_context(qtbot):
    from PySide6.QtCore import QItemSelectionModel  # noqa: F401 (imported for symmetry with other tests)

    from desktop.ui.sidebar.discrepancy_list import _write_discrepancy
    from desktop.ui.sidebar.documents import DocumentWriter
    from desktop.ui.theme import LIGHT

    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(hand_comparison())
    sidebar.show()
    model = sidebar.discrepancies.model_
    texts = []
    for r in range(model.rowCount()):
        w = DocumentWriter(sidebar.font(), LIGHT, sidebar.palette())
        assert _write_discrepancy(model, model.index(r), w)
        texts.append(w.document.toPlainText())
    figure = texts[0].splitlines()
    assert figure[0].startswith("tonnes of heavy fuel oil")
    assert figure[1:3] == ["L  1,200 tonnes", "R  1,100 tonnes"]
    assert "1,200 tonnes of heavy fuel oil" in figure[3]
    quote = texts[2].splitlines()
    assert "will" in quote[1] and "going to" in quote[1]  # the word diff holds both wordings


def test_quotes_are_paired_by_speaker_and_show_word_difference(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    from desktop.ui.sidebar.documents import DocumentWriter
    from desktop.ui.sidebar.quote_list import _write_pair
    from desktop.ui.theme import LIGHT

    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(sample_comparison())
    model = sidebar.quotes.model_
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    # A speaker the text ties to a body shows it ("Colm Brennan, president of the ... Association")
    assert "Colm Brennan  ·  1  ·  Eastern Shore Shellfish Growers Association" in shown
    speakers = {label.split("  ·  ")[0]: model.index(r, 0) for r, label in enumerate(shown)}
    assert {"Amira Rasheed", "Colm Brennan", "Helen Okafor"} <= set(speakers)
    brennan = model.index(0, 0, speakers["Colm Brennan"]).data(Qt.ItemDataRole.UserRole + 2)
    assert brennan.status == MatchStatus.BOTH and brennan.left and brennan.right
    rasheed = model.index(0, 0, speakers["Amira Rasheed"])
    pair = rasheed.data(Qt.ItemDataRole.UserRole + 2)
    assert pair.status == MatchStatus.CONFLICT and pair.note == "worded differently"  # Rashid is the same person
    w = DocumentWriter(sidebar.font(), LIGHT, sidebar.palette())
    assert _write_pair(model, rasheed, w)
    doc = w.document
    text = doc.toPlainText()
    assert text.splitlines()[0] == "Worded differently"
    assert "will are not going to reopen the those beds" in text  # struck words first, then the new ones
    # "will" is struck through on the deletion tint, "are" sits on the insertion tint.
    cur = QTextCursor(doc)
    cur.setPosition(text.index("will") + 1)
    assert cur.charFormat().fontStrikeOut()
    assert cur.charFormat().background().color() == LIGHT.word_delete
    cur.setPosition(text.index("are ") + 1)
    assert not cur.charFormat().fontStrikeOut()
    assert cur.charFormat().background().color() == LIGHT.word_insert
    cur.setPosition(text.index("reopen") + 1)
    assert not cur.charFormat().fontStrikeOut()
    assert cur.charFormat().background().style() == Qt.BrushStyle.NoBrush


def test_selecting_a_quote_emits_both_places(qtbot):
    from PySide6.QtCore import QItemSelectionModel

    c = sample_comparison()
    sidebar = _sidebar(qtbot)
    sidebar.set_comparison(c)
    model = sidebar.quotes.model_
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)).startswith("Amira Rasheed"))
    index = model.index(0, 0, model.index(row, 0))
    with qtbot.wait_signal(sidebar.mentions_selected) as blocker:
        sidebar.quotes.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    left, right = blocker.args
    assert c.left.text[left[0].start : left[0].end].startswith("We will not reopen")
    assert c.right.text[right[0].start : right[0].end].startswith("We are not going to reopen")


# -- one article on its own -------------------------------------------------------------------------


def test_single_article_flags_names_spelled_two_ways(qtbot):
    from PySide6.QtCore import Qt

    from desktop.ui.sidebar.entity_model import Column

    article, extraction = single_article()
    sidebar = _sidebar(qtbot)
    sidebar.show_single(article, extraction)
    model = sidebar.model
    assert model.headerData(Column.LEFT, Qt.Orientation.Horizontal) == "Count"
    assert sidebar.tree.isColumnHidden(Column.RIGHT)
    rows = {r.entity.name: r for r in model.rows() if r.entity is not None}
    whit, halifax = rows["Dana Whitcombe"], rows["Halifax"]
    assert whit.status == MatchStatus.VARIANT and whit.status_text == "Spelled differently"
    assert "Whitcomb" in whit.label
    assert halifax.status is None
    assert model.data(model.index_of(halifax).siblingAtColumn(Column.STATUS), Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index_of(whit).siblingAtColumn(Column.STATUS), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index_of(whit).siblingAtColumn(Column.LEFT)) == "2"
    sidebar.differences_button.setChecked(True)
    assert sidebar.proxy.rowCount() == 1  # only People, holding only the variant
    with qtbot.wait_signal(sidebar.mentions_selected) as blocker:
        _select(sidebar, lambda r: r is whit)
    assert [article.text[s.start : s.end] for s in blocker.args[0]] == ["Dana Whitcombe", "Whitcomb"]
    assert blocker.args[1] == []
    sidebar.differences_button.setChecked(False)
    assert sidebar.select_at("right", article.text.index("Halifax"))  # one pane: either side is that article
    assert sidebar.selected_row() is None or sidebar.selected_row().entity is not None
    assert sidebar.tabs.tabText(1) == "Discrepancies"


# -- state, palettes, pixels ------------------------------------------------------------------------


def test_state_round_trips(qtbot):
    from PySide6.QtCore import Qt

    from desktop.ui.sidebar.entity_model import Column

    first = _sidebar(qtbot)
    first.set_comparison(hand_comparison())
    first.tabs.setCurrentIndex(2)
    first.tree.setColumnWidth(Column.LEFT, 61)
    first.tree.sortByColumn(Column.STATUS, Qt.SortOrder.DescendingOrder)
    first.differences_button.setChecked(True)
    state = first.save_state()
    import json

    second = _sidebar(qtbot)
    second.restore_state(json.loads(json.dumps(state)))
    assert second.tabs.currentIndex() == 2
    assert second.tree.columnWidth(Column.LEFT) == 61
    assert second.tree.header().sortIndicatorSection() == Column.STATUS
    assert second.tree.header().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert second.differences_button.isChecked()
    second.restore_state({"tab": 99, "widths": {"left": "wide"}, "sort_column": -4})  # ignored, no crash
    second.restore_state("not json")
    assert second.tabs.currentIndex() == 2


def test_state_persists_under_its_declared_setting(qtbot, tmp_path):
    from desktop.ui.settings import SIDEBAR_STATE, temporary_store

    store = temporary_store(str(tmp_path / "settings.ini"))
    first = _sidebar(qtbot)
    first.tabs.setCurrentIndex(1)
    first.differences_button.setChecked(True)
    first.write_settings(store)
    store.sync()
    assert SIDEBAR_STATE.read(temporary_store(str(tmp_path / "settings.ini")))
    second = _sidebar(qtbot)
    second.read_settings(temporary_store(str(tmp_path / "settings.ini")))
    assert second.tabs.currentIndex() == 1 and second.differences_button.isChecked()


def test_status_icons_paint_in_theme_colours(qtbot):
    from PySide6.QtGui import QColor

    from desktop.ui.sidebar.status import status_icon
    from desktop.ui.theme import DARK, LIGHT

    for colors in (LIGHT, DARK):
        image = status_icon(MatchStatus.CONFLICT, colors).pixmap(32, 32).toImage()
        seen = {QColor(image.pixel(x, y)).name() for x in range(32) for y in range(32) if image.pixelColor(x, y).alpha() == 255}
        assert colors.discrepancy.name() in seen


def test_rendered_panel_shows_rows_and_cards(qtbot):
    sidebar = _sidebar(qtbot)
    sidebar.show()
    sidebar.set_comparison(sample_comparison())
    qtbot.waitExposed(sidebar)
    image = sidebar.grab().toImage()
    assert image.width() == 380
    # The discrepancy cards get one row each, tall enough for their three or four lines.
    sidebar.tabs.setCurrentIndex(1)
    view = sidebar.discrepancies
    heights = [view.visualRect(view.model().index(r, 0)).height() for r in range(view.model().rowCount())]
    line = view.fontMetrics().height()
    assert all(h >= 3 * line for h in heights), heights
    # Narrowing the panel re-wraps the cards: they grow taller.
    sidebar.resize(260, 640)
    qtbot.wait(50)
    narrower = [view.visualRect(view.model().index(r, 0)).height() for r in range(view.model().rowCount())]
    assert sum(narrower) > sum(heights)


@pytest.mark.parametrize("dark", [False, True])
def test_status_column_paints_the_theme_colour_of_each_status(qtbot, dark):
    from PySide6.QtGui import QColor

    from desktop.ui.sidebar.entity_model import Column
    from desktop.ui.sidebar.status import status_color
    from desktop.ui.theme import DARK, LIGHT, dark_palette

    sidebar = _sidebar(qtbot)
    if dark:
        sidebar.setPalette(dark_palette())
    sidebar.show()
    sidebar.set_comparison(hand_comparison())
    qtbot.waitExposed(sidebar)
    colors = DARK if dark else LIGHT
    image = sidebar.tree.viewport().grab().toImage()
    for status in (MatchStatus.CONFLICT, MatchStatus.VARIANT, MatchStatus.LEFT, MatchStatus.RIGHT):
        row = next(r for r in sidebar.model.rows() if r.status == status and r.quote is None)
        cell = sidebar.tree.visualRect(sidebar.proxy.mapFromSource(sidebar.model.index_of(row, Column.STATUS)))
        assert cell.isValid(), status
        want = status_color(status, colors)
        seen = [QColor(image.pixel(x, y)) for x in range(cell.left(), cell.right()) for y in range(cell.top(), cell.bottom())]
        close = [c for c in seen if max(abs(c.red() - want.red()), abs(c.green() - want.green()), abs(c.blue() - want.blue())) < 40]
        assert len(close) >= 3, (status, want.name())  # glyphs are thin: a few solid pixels
