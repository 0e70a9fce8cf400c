"""Entity rules added for parties, datelines, measures and quote speakers, on texts written for these tests."""

from __future__ import annotations

from desktop.core.ingest.build import article_from_text
from desktop.core.entities import extract, match
from desktop.core.entities.model import DiscrepancyKind, EntityType


def _ext(text: str, **kw):
    art = article_from_text(text, path="rules.txt")
    return art, extract(art, **kw)


def _named(ext, typ):
    return {e.name: e for e in ext.entities if e.type == typ}


def test_party_members_name_their_party():
    _, ext = _ext("Republicans in the state legislature blocked the levy on Tuesday. Senate Democrats said they would "
                  "try again, and one Democrat called the vote a mistake. The GOP leadership did not comment.")
    orgs = _named(ext, EntityType.ORGANIZATION)
    assert {m.text for m in orgs["Republican Party"].mentions} == {"Republicans", "GOP"}
    assert {m.text for m in orgs["Democratic Party"].mentions} == {"Democrats", "Democrat"}
    assert "Senate" in orgs


def test_department_of_x_is_the_x_department_and_group_names_are_organisations():
    _, ext = _ext("The Department of Justice opened an inquiry into the port. A spokesman for the Justice "
                  "Department declined to say more. The advocacy group Clear Harbor Now praised the move.")
    orgs = _named(ext, EntityType.ORGANIZATION)
    dept = [e for e in orgs.values() if "Justice" in e.name]
    assert len(dept) == 1 and len(dept[0].mentions) == 2
    assert "Clear Harbor Now" in orgs


def test_given_name_that_is_also_a_noun_still_names_a_person():
    _, ext = _ext("Union organizer Bill Marchetti wrote on the union's website that the strike would go on.")
    assert "Bill Marchetti" in _named(ext, EntityType.PERSON)


def test_all_caps_dateline_joins_the_city_and_takes_its_spelling():
    _, ext = _ext("OSLO, Norway \u2014 Ferry crews walked out on Monday. The strike left Oslo without a harbour "
                  "service for the first time since 1990.")
    places = [e for e in ext.entities if e.type == EntityType.PLACE and e.name.lower() == "oslo"]
    assert len(places) == 1 and places[0].name == "Oslo" and len(places[0].mentions) == 2
    _, only = _ext("OSLO, Norway \u2014 Ferry crews walked out on Monday.")
    assert "Oslo" in _named(only, EntityType.PLACE)


def test_time_zone_is_not_an_entity():
    text = "Published June 2, 2024 9:15am AST\n\nBERGEN \u2014 The storm closed the port at 6 a.m. AST on Sunday."
    for boiler in (False, True):
        _, ext = _ext(text, include_boilerplate=boiler)
        assert not any("AST" in e.name for e in ext.entities if e.type != EntityType.DATE)


def test_a_measure_keeps_its_unit_and_says_what_it_measures():
    left, lx = _ext("A barge carrying 800 tonnes of crushed granite sank off the point on Friday.")
    right, rx = _ext("A barge carrying 850 tonnes of crushed granite sank off the point on Friday.")
    fig = next(e for e in lx.entities if e.type == EntityType.FIGURE)
    assert fig.value == "800 tonnes" and fig.unit == "tonnes of crushed granite"
    _, discs = match(left, lx, right, rx)
    d = next(d for d in discs if d.kind == DiscrepancyKind.FIGURE)
    assert (d.left_text, d.right_text, d.subject) == ("800 tonnes", "850 tonnes", "tonnes of crushed granite")
    _, tons = _ext("The crane lifts 40 tons at a time.")
    assert next(e for e in tons.entities if e.type == EntityType.FIGURE).unit == "tons"


def _speakers(text: str) -> list[str]:
    return [q.speaker for q in _ext(text)[1].quotes]


def test_pronoun_takes_the_person_of_matching_gender():
    text = ("Mayor Karen Holt met Governor Thomas Price at the pier on Monday.\n\n"
            "\u201cWe will rebuild it before the summer,\u201d he said.\n\n"
            "\u201cThe town cannot wait that long,\u201d she said.")
    assert _speakers(text) == ["Thomas Price", "Karen Holt"]


def test_pronoun_prefers_the_subject_of_the_sentence():
    text = ("Paul Okoro thanked Mark Ellis for the loan at a dinner on Friday.\n\n"
            "\u201cWe built this harbour together,\u201d he said.")
    assert _speakers(text) == ["Paul Okoro"]


def test_it_is_the_last_organisation_or_nobody():
    assert _speakers("The figures came out on Monday. \u201cCosts rose sharply this year,\u201d it said.") == [""]
    with_org = ("The Northgate Harbour Authority published its figures on Monday. "
                "\u201cCosts rose sharply this year,\u201d it said.")
    assert _speakers(with_org) == ["Northgate Harbour Authority"]


def test_party_adjective_after_a_chamber_and_a_place_inside_a_longer_name():
    _, ext = _ext("The House Republican plan was attacked in an advertisement paid for by Secure Canada Now, "
                  "which ran it twice on Sunday.")
    orgs = _named(ext, EntityType.ORGANIZATION)
    assert {m.text for m in orgs["Republican Party"].mentions} == {"Republican"}
    assert "Secure Canada Now" in orgs
    assert not _named(ext, EntityType.PERSON)


def test_dates_found_from_tokens_equal_a_full_scan():
    import datetime as dt

    from desktop.core.entities.dates import Reference, find_dates
    from desktop.core.entities.tokens import tokenize

    text = ("In mid-2020 and again from January-June 1996, as early as 2026, two weeks ago, last Monday, on "
            "Feb. 27, 2023, in the 1990s, at 10 a.m., since March, 4 July 2019, 2023-02-27, 03/04/2023, "
            "tomorrow, a few days later and in the next year, the port moved 1,200 tonnes in 2.5 hours.")
    ref = Reference(dt.date(2024, 3, 10), "the publication date")
    scanned = find_dates(text, 0, len(text), ref)
    assert len(scanned) >= 12
    assert find_dates(text, 0, len(text), ref, tokenize(text, 0, len(text))) == scanned


def test_arabic_particle_joins_the_name_and_a_respelling_is_a_variant():
    left, lx = _ext("\u201cThe port stays shut,\u201d Hamid al-Rashidi said on Monday.")
    right, rx = _ext("\u201cThe port stays shut,\u201d Hamed al-Rashidi said on Monday.")
    assert "Hamid al-Rashidi" in _named(lx, EntityType.PERSON)
    _, discs = match(left, lx, right, rx)
    assert any(d.kind == DiscrepancyKind.NAME and d.right_text == "Hamed al-Rashidi" for d in discs)


def test_an_acronym_inside_a_figure_keeps_the_noun_after_it():
    _, ext = _ext("At least 23 U.S. troops were hurt near the border.")
    fig = next(e for e in ext.entities if e.type == EntityType.FIGURE)
    assert fig.unit == "U.S. troops"
    _, end = _ext("The ship left for the U.S. on Friday with 12 crew members from the U.S. They were safe.")
    assert all(not e.unit.endswith("They") for e in end.entities if e.type == EntityType.FIGURE)


def test_gazetteer_keeps_exonyms_but_not_brands_or_parts_of_a_city_name():
    from desktop.core.entities.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for exonym in ("Peking", "Bombay", "Canton", "Munich", "Montreal"):
        assert gaz.place(exonym) is not None, exonym
    # GeoNames lists "Google" for Mountain View and "Port" for Le Port among their alternate names
    assert gaz.place("Google") is None and gaz.place("Port") is None


def test_gazetteer_lookups_past_the_greatest_name_are_none_and_every_name_is_found():
    from desktop.core.entities.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for names in (gaz.places, gaz.upper_places):
        last = names.count - 1
        assert names.last == names.name(last).encode("utf-8")  # the greatest name, found without a search
        assert names.index(names.name(last)) == last and names.index(names.name(0)) == 0
        assert names.index(names.name(last) + "a") == -1 and names.index("\uffff") == -1
    assert gaz.place("said") is None and gaz.place("Zurich") is not None


def test_a_capitalised_common_word_at_a_sentence_start_is_not_a_town():
    _, ext = _ext("Ship held in harbour\n\nPort inspectors in Rotterdam recorded a fault in the steering gear. "
                  "A spokesperson for Google said the maps were correct.")
    places = _named(ext, EntityType.PLACE)
    assert "Rotterdam" in places and "Port" not in places and "Google" not in places


def _discrepancies(left_text: str, right_text: str):
    left, lx = _ext(left_text)
    right, rx = _ext(right_text)
    return match(left, lx, right, rx)[1]


def test_a_bound_or_an_estimate_that_fits_the_other_figure_is_no_disagreement():
    kinds = lambda a, b: [d.kind for d in _discrepancies(a, b)]  # noqa: E731
    story = "Harbour toll\n\n{} were evacuated from the flooded harbour district on Friday, officials said."
    assert kinds(story.format("More than 1,000 residents"), story.format("1,150 residents")) == []
    assert kinds(story.format("About 1,000 residents"), story.format("1,020 residents")) == []
    # two different bounds, or a figure outside the bound, still disagree
    assert DiscrepancyKind.FIGURE in kinds(story.format("At least 1,000 residents"), story.format("At least 1,200 residents"))
    assert DiscrepancyKind.FIGURE in kinds(story.format("Nearly 1,000 residents"), story.format("1,150 residents"))


def test_relative_days_are_compared_only_when_both_articles_count_from_the_same_day():
    left = "Vote delayed\n\nPublished March 3, 2025\n\nThe council postponed the harbour vote on Friday after a long debate."
    right_same = "Vote delayed\n\nPublished March 3, 2025\n\nThe council postponed the harbour vote on Thursday after a long debate."
    right_later = "Vote delayed\n\nPublished March 10, 2025\n\nThe council postponed the harbour vote on Thursday after a long debate."
    assert [d.kind for d in _discrepancies(left, right_same)] == [DiscrepancyKind.DATE]
    assert _discrepancies(left, right_later) == []
    # the same word in both is the writers agreeing, whatever day our reading of tense gives it
    assert _discrepancies(left, right_later.replace("Thursday", "Friday")) == []


def test_whom_a_spokesperson_or_analyst_works_for_is_an_organisation_unless_a_person_is_named():
    _, ext = _ext("Data requests\n\nA spokesperson for Norvik said the company obeys the law. An analyst at "
                  "Morgan Stanley agreed, and a spokesman for Harry Reid declined to comment.")
    assert {"Norvik", "Morgan Stanley"} <= set(_named(ext, EntityType.ORGANIZATION))
    assert "Harry Reid" in _named(ext, EntityType.PERSON)


def test_an_acronym_in_one_article_is_the_full_name_in_the_other():
    left, lx = _ext("Inquiry\n\nThe FBI opened an inquiry into the harbour contract on Monday.")
    right, rx = _ext("Inquiry\n\nThe Federal Bureau of Investigation opened an inquiry into the harbour contract.")
    matches, _ = match(left, lx, right, rx)
    orgs = [m for m in matches if m.type == EntityType.ORGANIZATION]
    assert [(m.status, m.left_count, m.right_count) for m in orgs] == [("both", 1, 1)]


def test_a_small_towns_name_used_as_a_persons_is_a_person():
    # "Obama" is also a town in Japan
    _, ext = _ext("Ad war\n\nThe ad attacks what it calls Obama's war on religion. The Obama administration "
                  "did not respond.")
    assert "Obama" in _named(ext, EntityType.PERSON) and "Obama" not in _named(ext, EntityType.PLACE)


def test_a_guessed_name_made_of_words_the_text_writes_in_lower_case_is_not_a_person():
    _, ext = _ext("Hearing\n\nThe panel heard about civil rights and voting. Civil Rights Hearing Delayed, "
                  "read one sign. The House voted later, and House Democratic Caucus members left.")
    people = _named(ext, EntityType.PERSON)
    assert not any("Civil" in n or n.startswith("House") for n in people), people


def test_a_person_of_a_state_is_the_person_and_the_place():
    _, ext = _ext("Vote\n\nSenator Mitch Corrigan of Kentucky said no, and Ann Welby of Missouri left early.")
    assert {"Mitch Corrigan", "Ann Welby"} <= set(_named(ext, EntityType.PERSON))
    assert {"Kentucky", "Missouri"} <= set(_named(ext, EntityType.PLACE))


def test_courtesy_titles_make_people_and_dotted_state_initials_make_places():
    _, ext = _ext("Deal\n\nIn tapping Mr. Quint as the go-between, Mr. Ebert picked the party's best hand. "
                  "Rep. Ann Welby, D-N.Y., agreed with officials in Trenton, N.J.")
    assert {"Quint", "Ebert"} <= {n.split()[-1] for n in _named(ext, EntityType.PERSON)}
    assert not any(n.startswith("Mr.") for n in _named(ext, EntityType.ORGANIZATION))
    assert "N.J." in _named(ext, EntityType.PLACE)


def test_a_based_or_born_prefix_is_a_place_not_part_of_the_name_and_a_province_is_a_place():
    _, ext = _ext("Bid\n\nIndianapolis-based Simon Property Group Inc. bid again, said Puerto Rican-born Raul Labrador. "
                  "Floods hit South Kyongsang province. The Organization said cases rose.")
    assert "Simon Property Group Inc." in _named(ext, EntityType.ORGANIZATION)
    assert {"Indianapolis", "South Kyongsang"} <= set(_named(ext, EntityType.PLACE))
    assert "Raul Labrador" in _named(ext, EntityType.PERSON) and "Organization" not in _named(ext, EntityType.PERSON)
