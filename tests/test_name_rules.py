"""Each rule of `entities/name_rules.RULES` has a name and decides the run it was written for.

Sentences are written for the project; the gazetteer knows only the real places they name
(Kentucky, Glasgow, Guangdong). A rule moved in the table, or one that stops matching, fails here
by name.
"""

from __future__ import annotations

import re

import pytest

from desktop.core.entities.gazetteer import load_gazetteer
from desktop.core.entities.name_rules import RULES
from desktop.core.entities.names import NameFinder
from desktop.core.entities.tokens import tokenize

CASES = [
    ("place_of_origin", "The vote was backed by Senator Tobias Wrenfield of Kentucky on the floor.",
     "Senator Tobias Wrenfield of Kentucky", [("Tobias Wrenfield", "person"), ("Kentucky", "place")]),
    ("place_based", "Officials at Bloomfield Hills-based Quorvane Centers Inc. declined to comment.",
     "Bloomfield Hills-based Quorvane Centers Inc.", [("Quorvane Centers Inc.", "organization")]),
    ("party", "The plan angered Senate Democrats in the chamber.", "Senate Democrats", [("Democrats", "organization")]),
    ("small_town_person", "The deal was what spokesman Marlow wanted.", "Marlow", [("Marlow", "person")]),
    ("gazetteer_place", "Rain fell on Glasgow all week.", "Glasgow", [("Glasgow", "place")]),
    ("nationality_word", "The attack drew French condemnation.", "French", []),
    ("time_zone_or_party_code", "The meeting starts at 9 a.m. EST tomorrow.", "EST", []),
    ("organisation", "He spoke to the Fisheries Ministry about the catch.", "Fisheries Ministry",
     [("Fisheries Ministry", "organization")]),
    ("titled_person", "Foreign Minister Adaeze Okonkwo arrived late.", "Foreign Minister Adaeze Okonkwo",
     [("Adaeze Okonkwo", "person")]),
    ("committee", "He testified before House Foreign Affairs about it.", "House Foreign Affairs",
     [("House Foreign Affairs", "organization")]),
    ("vessel", "The crew of MV Saltmarsh Dawn was rescued.", "MV Saltmarsh Dawn", []),
    ("event_or_initials", "They watched the Harbour Cup final.", "Harbour Cup", []),
    ("nationality_plural", "Seven Iraqis were hurt in the blast.", "Seven Iraqis", []),
    ("named_place", "Crowds gathered in Varnel Square at dusk.", "Varnel Square", [("Varnel Square", "place")]),
    # strip_nationality only trims; the rule after it decides what is left.
    ("given_name", "Italian Mario Draghi spoke first.", "Italian Mario Draghi", [("Mario Draghi", "person")]),
    ("acronym", "The plan was backed by NATO allies.", "NATO", [("NATO", "organization")]),
    ("trailing_abbreviation", "He wrote to Corbin A. about the plan.", "Corbin A.", []),
    ("team_line", "Result: Celtic v Rangers ended level.", "Rangers", [("Rangers", "organization")]),
    ("region_noun", "Floods hit Guangdong province again.", "Guangdong", [("Guangdong", "place")]),
    ("role_or_speaker", "Okonkwo said the ship had left.", "Okonkwo", [("Okonkwo", "person")]),
    ("given_name", "Amira Rasheed left the port early.", "Amira Rasheed", [("Amira Rasheed", "person")]),
    ("unknown_pair", "Then Tarquin Vellum left the port early.", "Tarquin Vellum", [("Tarquin Vellum", "person")]),
    ("leftover", "They met the leaders of Secure America Now in the hall.", "Secure America Now",
     [("Secure America Now", "organization")]),
    ("leftover", "She called Zorblax twice.", "Zorblax", []),
]


def _run(text: str):
    finder = NameFinder(text, load_gazetteer(), set(re.findall(r"\b[a-z][a-z'-]+\b", text)))
    finder.add_sentence(tokenize(text, 0, len(text)))
    fired = {text[a:b]: rule for a, b, rule in finder.fired}
    typed = [(r.text, r.type) for r in finder.found if r.type]
    return fired, typed


@pytest.mark.parametrize(("rule", "text", "run", "typed"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_the_rule_decides_the_run_it_was_written_for(rule, text, run, typed):
    fired, found = _run(text)
    assert fired.get(run) == rule, fired
    for pair in typed:
        assert pair in found, found


def test_every_rule_is_named_and_covered():
    names = [r.__name__ for r in RULES]
    assert len(set(names)) == len(names)
    covered = {c[0] for c in CASES} | {"strip_nationality"}
    assert covered == set(names)


def test_strip_nationality_trims_and_lets_the_later_rules_decide():
    fired, found = _run("Republican Tarquin Vellum spoke first.")
    assert fired["Republican Tarquin Vellum"] == "unknown_pair"
    assert ("Tarquin Vellum", "person") in found and not any(t.startswith("Republican") for t, _ in found)
