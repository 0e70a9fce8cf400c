"""Whom a speaker speaks for, and quotes whose sentence names the speaker without a verb of saying.

Texts written for these tests; each case is a sentence shape news copy uses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.core.ingest.build import article_from_text
from desktop.core.entities import extract
from desktop.core.entities.model import EntityType


def _ext(text: str):
    # A first line alone is the headline: the cases are body text.
    return extract(article_from_text("Story of the day\n\n" + text, path="affiliation.txt"))


def _affiliation(text: str, person: str) -> str:
    people = {e.name: e for e in _ext(text).entities if e.type == EntityType.PERSON}
    return people[person].affiliation


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        # a party code after the name
        ("Rep. Carla Dunmore (R-Ohio) voted against the levy.", "Carla Dunmore", "Republican Party"),
        ("Sen. Tomas Brandt, D-Md., voted for the levy.", "Tomas Brandt", "Democratic Party"),
        # an apposition after the name
        ("Lena Marsh, a spokeswoman for the Harbor Workers Union, called the deal unfair.", "Lena Marsh",
         "Harbor Workers Union"),
        ("Representative Owen Pryce, Democrat of Vermont, called the deal unfair.", "Owen Pryce", "Democratic Party"),
        ("Nadia Kell, president of the Tulsa, Okla., branch of the Civic League, which drafted the motion, "
         "spoke first.", "Nadia Kell", "Civic League"),
        # role words before the name, led by the body
        ("Harbor Coalition organizer Wade Simms wrote to members on Tuesday.", "Wade Simms", "Harbor Coalition"),
        ("Democratic Rep. Ivy Carlow asked for a recount.", "Ivy Carlow", "Democratic Party"),
        ("Ohio Attorney General Ross Malley filed the suit.", "Ross Malley", "Ohio"),
        ("Japanese Foreign Minister Kenji Arata arrived in Lima.", "Kenji Arata", "Japan"),
        # a body inside the role itself
        ("NAACP President Leon Barr spoke at the convention.", "Leon Barr", "NAACP"),
    ],
)
def test_the_text_ties_a_person_to_a_body(text, person, body):
    assert _affiliation(text, person) == body


def test_a_spokesman_for_a_person_speaks_for_that_person_and_a_campaign_is_named_for_its_candidate():
    text = ("Senator Harriet Vale opened the debate. \u201cThe bill is dead,\u201d Mark Tolley, a spokesman for "
            "Ms. Vale, said on Tuesday. Gorman campaign spokeswoman Ruth Ives called it \u201ca cynical move,\u201d "
            "and Daniel Gorman agreed.")
    ext = _ext(text)
    by_speaker = {q.speaker: q.speaker_for for q in ext.quotes}
    assert by_speaker["Mark Tolley"] == "Harriet Vale"
    assert by_speaker["Ruth Ives"] == "Gorman campaign"


def test_no_body_is_invented():
    # a date, a place and a verb after the comma are not descriptions of the person
    text = ("Paul Renner, Tuesday, left early. Ana Ruiz, in Lima, spoke briefly. "
            "\u201cWe are done,\u201d Tom Ebert, said Ms. Ruiz, who left.")
    people = {e.name: e for e in _ext(text).entities if e.type == EntityType.PERSON}
    assert all(not e.affiliation for e in people.values()), {n: e.affiliation for n, e in people.items()}


def test_the_spokesperson_is_the_one_an_earlier_sentence_named_for_a_company():
    text = ("A spokesperson for Norvik Systems Inc. said the company obeys the law.\n\n"
            "\u201cWe review every request,\u201d the spokesperson said.")
    quote = _ext(text).quotes[-1]
    assert quote.speaker == "Norvik Systems Inc. spokesperson"
    assert quote.speaker_for == "Norvik Systems Inc."


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a participle after the subject
        ("Mayor Lidia Form did not back down, saying, \u201cThe budget stands as written.\u201d", "Lidia Form"),
        # a colon after the subject
        ("Gavin Royce was quick to retort: \u201cThat is simply not true of the plan.\u201d", "Gavin Royce"),
        # a verb that is not a verb of saying
        ("In a speech in Dayton, Ohio, Carl Benton dismissed the plan as \u201ca phony budget.\u201d", "Carl Benton"),
        # the subject before "that" speaks, not the one inside the clause
        ("Carl Benton told voters that Mayor Lidia Form had run \u201ca phony budget for years.\u201d", "Carl Benton"),
        # "the X administration" is not the speaker
        ("Senator Ada Blum targeted the Form administration, claiming it has \u201cfailed every test.\u201d",
         "Ada Blum"),
    ],
)
def test_the_subject_of_the_sentence_is_the_speaker(text, speaker):
    assert [q.speaker for q in _ext(text).quotes] == [speaker]


def test_a_claim_reported_inside_a_that_clause_is_not_given_to_the_person_inside_it():
    text = "Carl Benton on Sunday explained his comment that Mayor Lidia Form ran \u201ca phony budget for years.\u201d"
    assert [q.speaker for q in _ext(text).quotes] != ["Lidia Form"]


def test_party_codes_are_not_organisations():
    ext = _ext("Rep. Jerrold Vance, D-N.Y., and Sen. Amy Kort (R-Ky.) met on Monday.")
    orgs = [e.name for e in ext.entities if e.type == EntityType.ORGANIZATION]
    assert not any(name.startswith(("D-", "R-")) for name in orgs), orgs


def test_extract_json_carries_the_affiliation_and_speaker_for(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Budget fight\n\n\u201cThe bill is dead,\u201d said Lena Marsh, a spokeswoman for the Harbor Workers "
                 "Union, on Tuesday.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "desktop", "extract", str(f), "--json"], capture_output=True,
                         text=True, check=True).stdout
    data = json.loads(out)
    data = data[0] if isinstance(data, list) else data
    person = next(e for e in data["entities"] if e["name"] == "Lena Marsh")
    assert person["affiliation"] == "Harbor Workers Union"
    assert [(q["speaker"], q["speaker_for"]) for q in data["quotes"]] == [("Lena Marsh", "Harbor Workers Union")]


def test_a_quote_opened_curly_and_closed_straight_ends_where_it_closes():
    text = "\u201cThe harbour stays shut until the tests come back,\" Mayor Rosa Quint said in a statement."
    quotes = _ext(text).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("The harbour stays shut until the tests come back,", "Rosa Quint")]


def test_he_is_not_the_man_named_after_a_preposition_or_a_verb():
    text = ("\u201cWe will build it,\u201d Mayor Carl Benton said. He said Governor Tom Ebert \u201chas no plan.\u201d\n\n"
            "Of Ebert, he said, \u201cI want him to do well, but the port is going under.\u201d")
    assert _ext(text).quotes[-1].speaker == "Carl Benton"


def test_a_surname_that_is_also_a_small_town_stays_the_person():
    text = "Rabbi Yoshiyahu Yosef Pinto met the donors on Monday. Pinto later left for Haifa."
    people = {e.name: e for e in _ext(text).entities if e.type == EntityType.PERSON}
    assert len(people["Yoshiyahu Yosef Pinto"].mentions) == 2
