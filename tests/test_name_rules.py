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


# One-word runs of every kind the rules tell apart: places (a small town, a city facing a score),
# nationality words, time zones, party words and codes, titles, events, initials, acronyms and
# abbreviations, and names no rule types.
ONE_WORDS = [
    "Republicans cheered while Democrats left; the Democratic plan failed.",
    "Rep. Vale, D-Ohio, met French and Iraqi envoys at 9 a.m. EST in Glasgow.",
    "Glasgow 3 Bolton 1, said the report from Marlow.",
    "Minister Okonkwo and Sen. Vale spoke; Senator left early.",
    "The Cup went to NATO, then to U.S. officials and F. Quill and Corbin Jr. too.",
    "Zorblax said Pirelli and Quorvane-based staff met spokesman Marlow at Acme Corp.",
    "Kentucky, Guangdong province and the Ministry were named, as was G.",
]


def test_one_word_runs_are_decided_as_by_the_whole_chain(monkeypatch):
    """one_word_rules leaves out only rules whose first test the word fails: the runs come out
    the same as when every one-word rule is tried."""
    from desktop.core.entities import names
    from desktop.core.entities.name_rules import ONE_WORD_RULES

    texts = [c[1] for c in CASES] + ONE_WORDS
    short = [_run(t) for t in texts]
    monkeypatch.setattr(names, "one_word_rules", lambda word, kind, gaz: ONE_WORD_RULES)
    assert [_run(t) for t in texts] == short


def test_a_rule_left_out_for_a_word_would_have_done_nothing():
    from desktop.core.entities.name_rules import _ONE_WORD_TESTS, Run

    gaz = load_gazetteer()
    for text in [c[1] for c in CASES] + ONE_WORDS:
        toks = tokenize(text, 0, len(text))
        for k, t in enumerate(toks):
            if t.kind not in "WA" or not t.text[0].isupper():
                continue
            for rule, test in _ONE_WORD_TESTS.items():
                if test(t.text, t.kind, gaz):
                    continue
                finder = NameFinder(text, gaz, set())
                assert rule(finder, Run(finder, toks[k : k + 1], toks, k, k + 1)) is False, (rule.__name__, t.text)
                assert not finder.found and not finder.sports_orgs and not finder.fired, (rule.__name__, t.text)


def test_rules_left_out_for_longer_runs_come_before_any_run_is_shortened():
    from desktop.core.entities.name_rules import LONGER_RULES, ONE_WORD_ONLY, Run, strip_nationality

    assert all(RULES.index(rule) < RULES.index(strip_nationality) for rule in ONE_WORD_ONLY)
    assert [r for r in RULES if r not in ONE_WORD_ONLY] == list(LONGER_RULES)
    text = "Glasgow Iraqi EST spoke."
    toks = tokenize(text, 0, len(text))
    for rule in ONE_WORD_ONLY:  # each says no to a longer run
        finder = NameFinder(text, load_gazetteer(), set())
        assert rule(finder, Run(finder, toks[:2], toks, 0, 2)) is False and not finder.found
