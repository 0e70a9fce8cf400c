"""Entity extraction on texts written for these tests."""

from __future__ import annotations

import pytest

from desktop.core.ingest.build import article_from_text
from desktop.core.entities import extract, match
from desktop.core.entities.dates import Reference, find_dates
from desktop.core.entities.figures import find_figures
from desktop.core.entities.model import DiscrepancyKind, EntityType, MatchStatus
from desktop.core.entities.people import same_person

STORY = (
    "Published March 10, 2024\n\n"
    "The trade ministers of Norway and Chile met on Monday in Oslo to settle a dispute over salmon quotas.\n\n"
    "Trade Minister Ingrid Solberg and her Chilean counterpart, Mateo Valdivia, agreed to cut tariffs by 12% "
    "within five years, according to a statement released by Norway's Foreign Ministry.\n\n"
    "\u201cThis is a fair deal for both fleets,\u201d Solberg said. \u201cWe expect the first shipments in April.\u201d\n\n"
    "Valdivia said the Fisheries Agency would buy 300 refrigerated containers for $2.5 billion. "
    "The Fisheries Agency did not comment.\n\n"
    "Mateo Valdivya told reporters in Oslo that the talks would resume next week."
)


@pytest.fixture(scope="module")
def story():
    art = article_from_text(STORY, path="story.txt")
    return art, extract(art)


def _by(ext, typ):
    return {e.name: e for e in ext.entities if e.type == typ}


def test_people_with_roles_and_variants(story):
    _, ext = story
    people = _by(ext, EntityType.PERSON)
    assert "Ingrid Solberg" in people
    assert people["Ingrid Solberg"].role == "Trade Minister"
    assert len(people["Ingrid Solberg"].mentions) >= 2  # "Solberg said" joins the full name
    valdivia = people["Mateo Valdivia"]
    assert "Mateo Valdivya" in valdivia.variants
    assert valdivia.role == "Trade Minister"  # a counterpart holds the same office


def test_places_and_organisations(story):
    _, ext = story
    places = _by(ext, EntityType.PLACE)
    assert {"Norway", "Chile", "Oslo"} <= set(places)
    orgs = _by(ext, EntityType.ORGANIZATION)
    assert "Norway's Foreign Ministry" in orgs
    assert len(orgs["Fisheries Agency"].mentions) == 2


def test_dates_resolved_against_the_reference(story):
    art, ext = story
    dates = {e.name: e for e in ext.entities if e.type == EntityType.DATE}
    assert dates["Monday"].value == "2024-03-04"  # past tense: the Monday before March 10
    assert dates["Monday"].precision == "day"
    assert "2024-03-10" in dates["Monday"].detail


def test_figures_with_what_they_count(story):
    _, ext = story
    figures = {e.name: e for e in ext.entities if e.type == EntityType.FIGURE}
    assert figures["300 refrigerated containers"].value == "300 refrigerated containers"
    assert figures["$2.5 billion"].value == "2500000000 USD"
    assert figures["12%"].unit == "percent"
    assert figures["five years"].value == "5 years"


def test_quotes_and_speakers(story):
    _, ext = story
    by_text = {q.text.rstrip(",."): q for q in ext.quotes}
    assert by_text["This is a fair deal for both fleets"].speaker == "Ingrid Solberg"
    assert by_text["We expect the first shipments in April"].speaker == "Ingrid Solberg"


def test_statement_by_an_organisation():
    art = article_from_text("Prices will rise, according to a statement issued by the Central Bank of Ireland.")
    ext = extract(art)
    assert any(e.type == EntityType.ORGANIZATION and "Central Bank of Ireland" in e.name for e in ext.entities)


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("they met on Friday", "2024-03-08", "day"),
        ("they will meet on Friday", "2024-03-15", "day"),
        ("in December", "2023-12", "month"),
        ("as early as 2026", "2026", "year"),
        ("three days ago", "2024-03-07", "day"),
        ("last week", "2024-W09", "week"),
        ("on Feb. 27, 2023", "2023-02-27", "day"),
    ],
)
def test_date_phrases(phrase, value, precision):
    ref = Reference(__import__("datetime").date(2024, 3, 10), "the publication date")
    hits = find_dates(phrase, 0, len(phrase), ref)
    assert [(h.value, h.precision) for h in hits] == [(value, precision)]


def test_quantities_are_not_dates():
    text = "Japan may deploy 400 missiles with a range of 1,000 miles."
    assert find_dates(text, 0, len(text), None) == []
    figs = find_figures(text, 0, len(text), [])
    assert [(f.number, f.unit) for f in figs] == [(400, "missiles"), (1000, "miles")]


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("Yashimasa Hayashi", "Yoshimasa Hayashi", "variant"),
        ("Sergei Lavrov", "Sergey Lavrov", "variant"),
        ("Amira Rasheed", "Amira Rashid", "variant"),
        ("Yoshimasa Hayashi", "Hayashi Yoshimasa", "swapped"),
        ("John Smith", "Joan Smith", ""),
        ("Joe Biden", "Jill Biden", ""),
        ("George W. Bush", "George H. Bush", ""),
    ],
)
def test_name_variants_token_by_token(a, b, want):
    assert same_person(a, b) == want


def test_match_reports_figure_name_and_quote_discrepancies():
    left = article_from_text(
        "Published May 2, 2024\n\n"
        "Inspector Paolo Ferrante said the barge carried 1,200 pounds of grain when it sank near Genoa.\n\n"
        "\u201cWe will search the wreck until every sack is found,\u201d Ferrante said."
    )
    right = article_from_text(
        "Published May 2, 2024\n\n"
        "Inspector Paolo Ferrente said the barge carried 1,100 pounds of grain when it sank near Genoa.\n\n"
        "\u201cWe are going to search the wreck until every last sack is found,\u201d said Ferrente."
    )
    matches, discs = match(left, extract(left), right, extract(right))
    kinds = {d.kind: d for d in discs}
    assert kinds[DiscrepancyKind.FIGURE].left_text == "1,200 pounds"
    assert kinds[DiscrepancyKind.FIGURE].right_text == "1,100 pounds"
    assert "Genoa" in kinds[DiscrepancyKind.FIGURE].left_context
    assert kinds[DiscrepancyKind.NAME].right_text.endswith("Ferrente")
    quote = kinds[DiscrepancyKind.QUOTE]
    assert ("inserted", "", "last") in quote.word_diff
    statuses = {(m.type, m.status) for m in matches}
    assert (EntityType.PERSON, MatchStatus.VARIANT) in statuses
    assert (EntityType.PLACE, MatchStatus.BOTH) in statuses


def test_nothing_differs_reports_nothing():
    text = "Published May 2, 2024\n\nThe museum in Lyon opened on Tuesday with 40 paintings by Clara Voss."
    a, b = article_from_text(text, path="a.txt"), article_from_text(text, path="b.txt")
    matches, discs = match(a, extract(a), b, extract(b))
    assert discs == []
    assert all(m.status == MatchStatus.BOTH for m in matches)


def test_boilerplate_left_out_unless_asked():
    text = "Mayor Lena Ortiz opened the bridge in Porto.\n\nCLICK HERE TO GET THE RIVER NEWS APP"
    art = article_from_text(text)
    names = {e.name for e in extract(art, include_boilerplate=True).entities}
    assert "Lena Ortiz" in names


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("\u201cWe will win the vote,\u201d said Laura Pennick, a spokeswoman.", "Laura Pennick"),
        ("A spokesman for the Harbor Board, Tomas Reyes, said Ms. Ilse Varga was \u201cplainly wrong about the dates.\u201d",
         "Tomas Reyes"),
        ("Added Okonkwo: \u201cNobody here expected the storm to last a week.\u201d", "Okonkwo"),
        ("\u201cOf course it surprised me,\u201d said the legislator, Representative Maya Lind.", "Maya Lind"),
    ],
)
def test_speaker_patterns(text, speaker):
    ext = extract(article_from_text("The hearing ran late on the second day.\n\n" + text))
    assert [q.speaker for q in ext.quotes] == [speaker]


def test_quote_running_over_paragraphs_keeps_its_speaker():
    text = (
        "Mayor Rosa Quint said the budget was tight. \u201cWe cut what we could, and then we cut some more.\n\n"
        "\u201cNobody in this hall wanted that outcome,\u201d she said.\n\n"
        "\u201cThe next year will be harder still.\u201d"
    )
    ext = extract(article_from_text(text))
    assert [q.speaker for q in ext.quotes] == ["Rosa Quint"] * 3


def test_ship_names_and_initials_are_not_people():
    text = "The crew of the MV Harlow Finch left port. Captain Ines Moreau said A and B decks were dry."
    people = {e.name for e in extract(article_from_text("Port news.\n\n" + text)).entities if e.type == EntityType.PERSON}
    assert people == {"Ines Moreau"}


def test_same_given_name_and_a_five_letter_surname_one_letter_off_is_a_variant():
    from desktop.core.entities.people import same_person

    assert same_person("Allied Domecq", "Allied Domeq") == "variant"
    assert same_person("John Smith", "Joan Smyth") == ""  # both names differ: two people
