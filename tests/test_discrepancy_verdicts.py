"""Discrepancies a fact-checker would agree with (issue 15, item 5), on texts written for these tests:
quotes that differ only by a filler word are one quote; a word changed at the edge of a quote is a
change; two speakers are claimed only where both articles name them; a plural or a fuller
description is not a respelled name; odds are one figure."""

from __future__ import annotations

from desktop.core.compare import compare
from desktop.core.entities.figures import find_figures
from desktop.core.entities.matching import _related
from desktop.core.entities.model import DiscrepancyKind, Entity, EntityType, MatchStatus, Quote
from desktop.core.entities.quote_pairs import ALTERED, IN_PART, SAME, comparable, link_quotes, wording
from desktop.core.ingest.build import article_from_text


def _wording(a: str, b: str) -> str:
    return wording(comparable(a), comparable(b))


def _quotes(a: str, b: str) -> list[tuple[str, str, bool]]:
    c = compare(article_from_text(a, path="a.txt"), article_from_text(b, path="b.txt"))
    return [(d.left_text, d.right_text, bool(d.word_diff)) for d in c.discrepancies if d.kind == DiscrepancyKind.QUOTE]


def test_an_article_or_that_or_a_hesitation_dropped_is_not_a_change_of_words():
    assert _wording("I am proud to say that I grew up on the island", "I am proud to say I grew up on the island") == SAME
    assert _wording("Oh, it was a long night for all of us here", "It was a long night for all of us here") == SAME
    # trimmed at another word, and "the" where the other has "but": the same words quoted in part
    assert _wording("The talks took an hour. There is no more to say, but channels stay open.",
                    "the channels stay open.") == IN_PART


def test_a_lone_and_between_shared_words_is_punctuation_read_aloud():
    assert _wording("The mayor, the harbour master, the ferry crews all agreed on it",
                    "The mayor, the harbour master and the ferry crews all agreed on it") == SAME
    # swapping one joining word for another still changes what was said
    assert _wording("the port stays free and open to every boat", "the port stays free or open to every boat") == ALTERED
    assert _wording("I never said that the plan was dead", "I never said the plan was dead") == SAME
    assert _wording("I never said the plan was dead", "I always said the plan was dead") == ALTERED


def test_a_word_changed_at_the_edge_of_both_quotes_is_altered_not_quoted_in_part():
    assert _wording("my engineers have been checking it and they cannot believe what they are finding",
                    "my engineers have been checking it and they cannot believe what they are seeing") == ALTERED
    assert _wording("As the mayor knows, the ferry will not run before the spring",
                    "I think the mayor knows the ferry will not run before the spring") == ALTERED
    # one side only running on is still "in part"
    assert _wording("the ferry will not run before the spring",
                    "the ferry will not run before the spring, whatever the council says") == IN_PART


def test_paired_quotes_use_the_same_rules():
    links = link_quotes([Quote("We have said that the berths will open in the spring", 0, 10, "Ines Kolb", "person")],
                        [Quote("We have said the berths will open in the spring", 0, 10, "Ines Kolb", "person")])
    assert [link.wording for link in links] == [SAME]


PORT_A = ("Ferry plan approved\n\n"
          "Harbour master Ines Kolb welcomed the vote. \u201cThe new berths will open in the spring and the "
          "crews are ready for it,\u201d Kolb said on Monday.\n\n"
          "Council member Rolf Dahl spoke after her.\n")
PORT_B = ("Council backs ferry plan\n\n"
          "Council member Rolf Dahl and harbour master Ines Kolb spoke after the vote. Dahl praised the crews.\n\n"
          "\u201cThe new berths will open in the spring and the crews are ready for it,\u201d he said.\n")


def test_different_speakers_are_claimed_only_where_both_articles_name_them():
    # B's "he said" is our reading (Dahl, the last man named), not B's claim that Dahl said it
    assert _quotes(PORT_A, PORT_B) == []
    named = PORT_B.replace("\u201d he said.", "\u201d Dahl said.")
    assert _quotes(PORT_A, named) == [(
        "The new berths will open in the spring and the crews are ready for it,",
        "The new berths will open in the spring and the crews are ready for it,", False)]


def test_a_reworded_quote_is_reported_though_we_read_two_speakers_into_it():
    reworded = PORT_B.replace("the crews are ready for it", "the crews are eager for it")
    assert _quotes(PORT_A, reworded) == [(
        "The new berths will open in the spring and the crews are ready for it,",
        "The new berths will open in the spring and the crews are eager for it,", True)]


def _org(name: str) -> Entity:
    return Entity(EntityType.ORGANIZATION, name, ())


def test_a_plural_or_a_fuller_description_is_not_a_respelled_name():
    org = EntityType.ORGANIZATION
    assert _related(org, _org("Harbour Pension Trust Funds"), _org("Harbour Pension Trust Fund")) == MatchStatus.BOTH
    assert _related(org, _org("Varne County Council"), _org("Varne County U.K Council")) is None
    assert _related(org, _org("Halden Ferry Company"), _org("Haldon Ferry Company")) == MatchStatus.VARIANT


def test_odds_are_one_figure_however_written():
    for text in ("there is a two-in-three chance the ferry runs", "there is a 2 in 3 chance the ferry runs",
                 "Two in three riders said so"):
        hits = find_figures(text, 0, len(text), [])
        assert [(h.unit, round(h.number, 3)) for h in hits] == [("odds", 0.667)], text
    text = "the crews won 3 in 2010 and lost 1 in 1,000 races"
    assert [(h.text, h.unit) for h in find_figures(text, 0, len(text), [])] == [("3", ""), ("1 in 1,000", "odds")]


def _wording_marked(a: str, b: str) -> str:
    from desktop.core.entities.quote_pairs import _tokens

    (wa, ea), (wb, eb) = _tokens(a), _tokens(b)
    return wording(wa, wb, ea, eb)


def test_a_part_after_an_ellipsis_that_the_other_never_quotes_is_quoting_more():
    # "... And certainly do not make faces" is a later sentence the other outlet did not quote: its
    # "not" must not be lined up with the other's "not for a night out"
    assert _wording_marked("Rise to the occasion. Dress for the job ... And certainly do not make faces on camera.",
                           "dress for the job, not for a night out.") == IN_PART
    # a word changed next to the ellipsis is still a change
    assert _wording_marked("Dress for the job ... and never make faces on camera.",
                           "Dress for the work, act like it matters, and never make faces on camera.") == ALTERED


def _link(a: str, b: str) -> str:
    links = link_quotes([Quote(a, 0, len(a), "Ann Lee", "person")], [Quote(b, 0, len(b), "Ann Lee", "person")])
    return links[0].wording


def test_whole_sentences_left_out_between_quoted_ones_is_quoting_in_part():
    full = ("We need a bigger harbour. We need it now. The ferry is not a toy. The ferry is a lifeline. "
            "The ferry is a lifeline that keeps the island alive.")
    assert _link("The ferry is not a toy. The ferry is a lifeline that keeps the island alive.", full) == IN_PART
    # a word dropped inside a sentence is still a change
    assert _link("The ferry is not a toy. The ferry is a lifeline that keeps the island going.", full) == ALTERED
    assert _link("We need a bigger harbour now. The ferry is not a toy.", full) == ALTERED
