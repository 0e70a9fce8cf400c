"""cover(): three versions of one story, fact by fact, from the pairwise machinery."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError

import pytest

from coverage_story import ONLY_HERALD, load_story
from desktop.core.coverage import cover, rebase
from desktop.core.coverage.as_json import coverage_json
from desktop.core.coverage.model import CellState, Difference, FactKind, Presence, Reading, Standing, letter, pair_index
from desktop.core.coverage.summary import coverage_summary

COURIER, GAZETTE, HERALD = 0, 1, 2


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    return load_story(tmp_path_factory.mktemp("story"))


@pytest.fixture(scope="module")
def coverage(story):
    return cover(story)


def _fact(coverage, kind, text):
    hits = [f for f in coverage.facts if f.kind == kind and any(text in c.value for c in f.cells)]
    assert len(hits) == 1, [f.label for f in hits]
    return hits[0]


def test_the_figure_one_article_changes_is_a_disagreement_naming_the_odd_one_out(coverage, story):
    fact = _fact(coverage, FactKind.FIGURE, "million")
    assert fact.standing == Standing.DISAGREE
    assert fact.differences == (Difference.VALUE,)
    cells = fact.cells
    assert [c.state for c in cells] == [CellState.HAS, CellState.DIFFERS, CellState.HAS]
    assert [c.value for c in cells] == ["$2.4 million", "$3.1 million", "$2.4 million"]
    assert cells[GAZETTE].differs_from == (COURIER, HERALD)
    assert cells[COURIER].differs_from == (GAZETTE,)
    # Every value is traceable to its words and its sentence in that article's text.
    for c in cells:
        text = story[c.article].text
        assert text[c.span.start : c.span.end] == c.value
        assert c.value in coverage.sentence_text(c.article, c.sentence)
    # Clicking the Gazette's cell opens the Gazette against the Courier.
    assert fact.partner(GAZETTE) == COURIER and fact.partner(HERALD) == GAZETTE


def test_disagreements_come_first_then_facts_some_report_then_facts_all_share(coverage):
    order = [f.standing for f in coverage.facts]
    assert order == sorted(order, key=list(Standing).index)
    assert order[0] == Standing.DISAGREE and Standing.ALL in order and Standing.SOME in order


def test_the_quote_only_two_carry_is_reported_by_those_two(coverage):
    fact = _fact(coverage, FactKind.QUOTE, "every crack")
    assert fact.standing == Standing.SOME
    assert fact.reported_by == (COURIER, GAZETTE)
    assert fact.cells[HERALD].state == CellState.LACKS
    assert fact.label == "Petra Lindqvist"
    assert fact.partner(HERALD) in (COURIER, GAZETTE)


def test_facts_all_three_share(coverage):
    shared = {f.label for f in coverage.facts if f.standing == Standing.ALL}
    assert {"Petra Lindqvist", "Millbrook", "cracks", "drivers"} <= shared


def test_the_paragraph_only_one_has_is_its_addition_and_alone_on_its_strip(coverage, story):
    adds = [a for a in coverage.additions]
    assert [a.article for a in adds] == [HERALD]
    text = story[HERALD].text[adds[0].span.start : adds[0].span.end]
    assert text.startswith(ONLY_HERALD)
    alone = [h for h in coverage.strips[HERALD] if h.presence == Presence.ALONE]
    assert [h.sentence for h in alone] == list(adds[0].sentences)
    assert all(h.carried_by == 2 for h in coverage.strips[HERALD] if h.presence != Presence.ALONE)


def test_base_is_the_earliest_and_the_collation_says_kept_rewritten_dropped(coverage, story):
    assert coverage.base == COURIER
    rows = {story[COURIER].text[r.span.start : r.span.end][:20]: r for r in coverage.collation}
    quote = next(r for k, r in rows.items() if k.startswith('"We will not'))
    assert quote.readings == (Reading.BASE, Reading.REWRITTEN, Reading.DROPPED)
    assert quote.counterparts[HERALD] is None
    figure = next(r for k, r in rows.items() if k.startswith("Engineers"))
    assert figure.readings == (Reading.BASE, Reading.REWRITTEN, Reading.KEPT)
    assert story[HERALD].text[figure.counterparts[HERALD].start : figure.counterparts[HERALD].end].startswith("Engineers")


def test_rebase_collates_against_another_article_without_comparing_again(coverage, story):
    again = rebase(coverage, story[HERALD].id)
    assert again.base == HERALD and again.facts is coverage.facts and again.comparisons is coverage.comparisons
    shop = next(r for r in again.collation if r.span.start == story[HERALD].text.index(ONLY_HERALD))
    assert shop.readings == (Reading.DROPPED, Reading.DROPPED, Reading.BASE)
    assert cover(story, base=HERALD).collation == again.collation


def test_containment_and_passages_point_to_the_earlier_article(coverage):
    n = len(coverage.articles)
    assert pair_index(n, 0, 1) == 0 and pair_index(n, 1, 2) == 2
    ab = coverage.pair(COURIER, GAZETTE)
    assert ab.earlier == COURIER and ab.likely_source == COURIER
    assert ab.passages and all(p.words >= 8 for p in ab.passages)
    assert coverage.containment(GAZETTE, COURIER) == ab.right_in_left
    assert 0.5 < coverage.containment(COURIER, GAZETTE) < 1.0
    # The Gazette and the Herald came out the same day: no date says who was first.
    assert coverage.pair(GAZETTE, HERALD).earlier is None


def test_pairwise_comparisons_are_the_ones_compare_gives(coverage, story):
    from desktop.core.compare import compare

    direct = compare(story[COURIER], story[HERALD])
    held = coverage.comparison(HERALD, COURIER)
    assert held.left is story[COURIER] and held.sentences == direct.sentences
    assert held.discrepancies == direct.discrepancies
    # One extraction per article, shared by every pair it is in.
    assert coverage.comparison(0, 1).left_extraction is coverage.comparison(0, 2).left_extraction


def test_json_has_articles_facts_collation_containment_and_passages(coverage):
    data = json.loads(json.dumps(coverage_json(coverage)))
    assert [a["letter"] for a in data["articles"]] == ["A", "B", "C"]
    fig = data["facts"][0]
    assert fig["standing"] == "disagree" and fig["kind"] == "figure"
    assert [c["state"] for c in fig["cells"]] == ["has", "differs", "has"]
    assert fig["cells"][1]["differs_from"] == [0, 2] and fig["cells"][1]["open_against"] == 0
    assert "$3.1 million" in fig["cells"][1]["sentence_text"]
    assert len(data["containment"]) == 3 and data["containment"][1][1] == 1.0
    assert data["collation"][0]["readings"][0]["article"] == 1
    assert data["pairs"][0]["passages"][0]["words"] >= 8
    assert data["additions"][0]["text"].startswith(ONLY_HERALD)


def test_summary_names_the_disagreement(coverage):
    text = coverage_summary(coverage)
    assert "$3.1 million" in text and "1 disagree" in text


def test_values_are_frozen_and_letters_run_past_z(coverage):
    with pytest.raises(FrozenInstanceError):
        coverage.base = 1
    assert [letter(i) for i in (0, 7, 25, 26)] == ["A", "H", "Z", "AA"]


def test_one_article_is_not_coverage(story):
    with pytest.raises(ValueError):
        cover(story[:1])
    with pytest.raises(ValueError):
        cover(story, base=5)
