"""One mechanism pairs the quotes of two articles for the discrepancy list, the sidebar and the report."""

from __future__ import annotations

from desktop.core.entities.model import Quote
from desktop.core.entities.quote_pairs import ALTERED, IN_PART, SAME, comparable, link_quotes, wording


def q(text: str, speaker: str = "Ann Lee") -> Quote:
    return Quote(text, 0, len(text), speaker, "person" if speaker else "")


def _one(a: str, b: str, *, sa: str = "Ann Lee", sb: str = "Ann Lee"):
    links = link_quotes([q(a, sa)], [q(b, sb)])
    return links[0] if links else None


def test_what_a_reader_would_not_call_a_change_is_the_same_wording():
    # quote style, case, abbreviation dots, hyphens, a dash for a comma, an abbreviated title
    assert _one("It\u2019s clear the Mainstream Media filed it with the F.B.I., Senator Reid said",
                "it's clear the mainstream media filed it with the FBI -- Sen. Reid said").wording == SAME
    assert comparable("tax-filing") == comparable("tax filing")


def test_an_editors_insertion_does_not_count():
    assert _one("I didn't send [that] picture to anyone at all", "I didn't send that picture to anyone at all").wording == SAME
    assert _one("now these (local) managers have too much say", "now these managers have too much say").wording == SAME


def test_quoting_more_of_the_same_words_is_in_part_not_altered():
    link = _one("The ruling gives clear guidance to every couple. It also opens the door to refunds.",
                "The ruling gives clear guidance to every couple,")
    assert link.wording == IN_PART
    assert link.words[-1][0] == "deleted"


def test_a_changed_word_inside_the_shared_stretch_is_altered():
    link = _one("I have not broken any rules or regulations and I never lied to the committee",
                "I have not broken any rules and regulations and I never lied to the committee")
    assert link.wording == ALTERED
    assert ("changed", "or", "and") in link.words


def test_different_sentences_of_one_speaker_are_not_paired():
    # a few shared words ("the Republican Party", "have a problem") are not one quote
    assert _one("Hello, my name is the Republican Party and I have a problem!",
                "I have not heard anyone in the Republican Party admit that they have a problem") is None


def test_each_quote_pairs_once_best_first_and_short_quotes_pair_only_whole():
    left = [q("free and open"), q("We will not reopen the beds until every test comes back clean")]
    right = [q("We are not going to reopen those beds until every single test comes back clean"),
             q("a free and open region for all")]
    links = link_quotes(left, right)
    assert [(link.left, link.right, link.wording) for link in links] == [(0, 1, IN_PART), (1, 0, ALTERED)]
    assert wording(("free", "and", "open"), ("free", "or", "open")) == ALTERED


def test_many_near_identical_quotes_each_find_their_own():
    left = [q(f"figure number {i} was the result we expected for the district") for i in range(500)]
    right = [q(f"figure number {i} was the result we expected for the district") for i in range(500)]
    links = link_quotes(left, right)
    assert len(links) == 500 and all(link.wording == SAME for link in links)


def test_words_left_out_with_an_ellipsis_are_quoted_in_part_not_changed():
    assert _one("Rise to the occasion. Dress for the job ... and never make faces on camera.",
                "Rise to the occasion. Dress for the job, act like it matters, and never make faces on camera.").wording == IN_PART
    assert _one("I am not in favour of the plan,", "I am strongly opposed and I am not in favour of the plan,").wording == IN_PART


def test_a_short_phrase_in_two_mouths_is_not_one_quote():
    assert _one("talking points", "the talking points were written by the agency", sa="Ann Lee", sb="Bo Park") is None
    assert _one("Nobody was hurt on board", "Nobody was hurt on board", sa="Ann Lee", sb="Bo Park").wording == SAME


def test_a_contraction_spelled_out_is_the_same_words():
    a = comparable("The mayor has said that he\u2019s determined to keep the ferry, and I don't doubt it")
    b = comparable("The mayor has said that he is determined to keep the ferry, and I do not doubt it")
    assert a == b and wording(a, b) == SAME
    assert comparable("Dahl's plan") != comparable("Dahl is plan")  # a name's 's is a possessive
