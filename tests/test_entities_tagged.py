"""The learned name tagger and the rules that correct it (tagged.py), on texts written for these tests.

The first group are the typing errors a reader saw on real news (issue 15), each on a sentence
written to show the same thing; then one test per rule of `tagged._RULES`; then the tagger itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.article import Article, Block, BlockKind, Span
from desktop.core.ingest.build import article_from_text
from desktop.core.entities import extract
from desktop.core.entities import tagged
from desktop.core.entities.model import EntityType
from desktop.core.entities.tagger import (
    TAGS,
    islands,
    lanes,
    lifted_alone,
    load_tagger,
    one_token,
    pack,
    packed_rows,
    pairs,
    read_weights,
    save_weights,
    two_tokens,
    viterbi,
)
from desktop.core.entities.tokens import tokenize
from desktop.core.ingest.text import tokenize as text_tokens

PER, LOC, ORG = EntityType.PERSON, EntityType.PLACE, EntityType.ORGANIZATION


def _types(text: str) -> dict[str, set[EntityType]]:
    """Every mention's text and the types it was given."""
    out: dict[str, set[EntityType]] = {}
    for e in extract(article_from_text(text, path="tagged.txt")).entities:
        if e.type in (PER, LOC, ORG):
            for m in e.mentions:
                out.setdefault(m.text, set()).add(e.type)
    return out


def _people(text: str) -> dict[str, str]:
    return {e.name: e.role for e in extract(article_from_text(text, path="tagged.txt")).entities if e.type == PER}


# ---- what a reader saw (issue 15) -------------------------------------------------------------------


def test_a_magazine_and_its_editor():
    text = ("Weekly Standard Editor Bill Kristol urged the party to change course on Sunday. Two writers at the "
            "Weekly Standard disagreed with him in print.")
    found = _types(text)
    assert found["Bill Kristol"] == {PER}
    assert found["Weekly Standard"] == {ORG}
    assert "Editor" in _people(text)["Bill Kristol"]


def test_a_senator_described_by_state_and_party_is_not_a_person_named_for_them():
    found = _types("Senator Jon Kyl, the Arizona Republican, said the plan would fail.")
    assert found["Jon Kyl"] == {PER}
    assert "Arizona Republican" not in found and PER not in found.get("Arizona", set())


def test_a_participle_opening_a_sentence_and_a_chairman_are_not_organisations():
    found = _types("Speaking on \u201cThe Week Ahead\u201d on Sunday, the senator criticised Chairman Michael Steele "
                   "for his remarks about the war.")
    assert "Speaking" not in found
    assert found["Michael Steele"] == {PER}
    assert "Chairman Michael Steele" not in found


def test_names_after_a_plural_title_are_people():
    found = _types("Presidents Bush and Obama both spoke at the dedication of the new library.")
    assert found["Bush"] == {PER} and found["Obama"] == {PER}


def test_a_place_and_an_adverb_are_not_people():
    found = _types("The two leaders laid wreaths at Ground Zero on the anniversary. Ultimately I think the "
                   "memorial matters more than the speeches, the mayor said.")
    assert PER not in found.get("Ground Zero", set())
    assert not any(PER in types for text, types in found.items() if text.startswith("Ultimately"))


def test_a_chamber_held_by_a_party_is_not_a_place():
    found = _types("The Republican House passed the budget on Thursday after a long night.")
    assert "Republican House" not in found
    assert LOC not in found.get("House", set())
    assert found["Republican"] == {ORG}


def test_the_word_in_capitals_a_dateline_opens_with_is_a_place():
    # as CoNLL's Reuters files give it: each line body text, the dateline a line of its own
    lines = ["SKIING - ALPINE TEAM NAMED", "VALMORIN 2026-01-14", "The team for the season was named on Tuesday ."]
    text = "\n\n".join(lines)
    blocks, pos = [], 0
    for line in lines:
        blocks.append(Block(BlockKind.BODY, pos, pos + len(line)))
        pos += len(line) + 2
    art = Article(id="t", path="t.txt", format="txt", text=text, blocks=tuple(blocks),
                  sentences=tuple(Span(b.start, b.end) for b in blocks), tokens=tuple(text_tokens(text)))
    types = {m.text: e.type for e in extract(art).entities for m in e.mentions}
    assert types.get("VALMORIN") == LOC


# ---- one test per rule of tagged._RULES ---------------------------------------------------------------


def test_every_rule_has_a_test_here():
    names = {r.__name__ for r in tagged._RULES}
    source = Path(__file__).read_text(encoding="utf-8")
    assert all(f"def test_rule_{n}(" in source for n in names), names


def test_rule_time_zones_and_party_codes():
    found = _types("The polls closed at 8 p.m. EST, said Rep. Ann Dorsey, D-Ohio, who watched the count with "
                   "Rep. Carl Ames, R-N.Y., on Tuesday.")
    assert "EST" not in found and "D-Ohio" not in found
    assert not any(text.startswith("R-N") for text in found)


def test_rule_people_named_by_what_they_lead():
    found = _types("The Obama administration answered on Monday, and the Obama campaign said nothing.")
    assert found["Obama"] == {PER}


def test_rule_sentence_openers_are_not_names():
    found = _types("Frankly the plan was late. Pointing at the map, Lena Ortiz said the road would close.")
    assert "Frankly" not in found and "Pointing" not in found
    assert found["Lena Ortiz"] == {PER}
    # the reporting verb that opens "Said Dana Poe, who ..." is not part of her name
    found = _types("Harbour news\n\nSaid Dana Poe, who grew up on the harbour, \u201cWe were all proud of the crew.\u201d")
    assert found.get("Dana Poe") == {PER} and not any(name.startswith("Said") for name in found)


def test_rule_datelines_name_places():
    found = _types("HARBOR NEWS\n\nKESTRELVIK, Norway, March 3\n\nFishing crews returned to port early.")
    assert found.get("KESTRELVIK") == {LOC}


def test_rule_party_words_name_the_party():
    ext = extract(article_from_text("Senate Democrats blocked the bill, and Republicans vowed to try again.",
                                    path="t.txt"))
    orgs = {e.name: e for e in ext.entities if e.type == ORG}
    assert {m.text for m in orgs["Democratic Party"].mentions} == {"Democrats"}
    assert {m.text for m in orgs["Republican Party"].mentions} == {"Republicans"}


def test_rule_located_prefix():
    found = _types("Denver-based Halvorsen Freight Inc. bought the depot last year.")
    assert found["Denver"] == {LOC}
    assert "Halvorsen Freight Inc." in found and "Denver-based Halvorsen Freight Inc." not in found


def test_rule_plural_titles_name_people():
    people = _people("Sens. Vale and Ortiz wrote to the agency on Monday.")
    assert people.get("Vale") == "Sen." and people.get("Ortiz") == "Sen."


def test_rule_number_words_end_no_persons_name():
    found = _types("Crowds gathered at Station Zero, where Martin Holt spoke briefly.")
    assert PER not in found.get("Station Zero", set())
    assert found["Martin Holt"] == {PER}


def test_rule_party_adjective_before_a_body():
    found = _types("A Democratic Senate would pass the measure, Ivy Marsh said. The Republican National "
                   "Committee paid for the advertisement.")
    assert found["Democratic"] == {ORG} and found["Senate"] == {ORG}
    assert found["Republican National Committee"] == {ORG}


def test_rule_titles_are_not_names():
    people = _people("Ms. Harriet Vale met Harbor Trust Director Paul Ennis at the pier.")
    assert "Harriet Vale" in people and "Paul Ennis" in people
    assert "Director" in people["Paul Ennis"]
    assert not any(name.startswith(("Ms.", "Harbor")) for name in people)


def test_rule_tickers_are_not_part_of_the_name():
    found = _types("Shares of Marlow Freight Co. MFRT rose after Kestrel Pharma Inc. KSTL.O said it would buy the firm.")
    assert found.get("Marlow Freight Co.") == {ORG} and found.get("Kestrel Pharma Inc.") == {ORG}
    assert not any("MFRT" in text or "KSTL" in text for text in found if " " in text)


def test_rule_organisations_the_rules_are_sure_of():
    found = _types("Nadia Kell chairs the Civic League, which drafted the motion.")
    assert found["Civic League"] == {ORG}


# ---- the tagger itself --------------------------------------------------------------------------------


def test_islands_are_capitalised_runs_and_the_words_that_join_them():
    text = "But the Bank of England and the Federal Reserve met in al-Mansour on Monday, and Ida Kroll left"
    toks = tokenize(text, 0, len(text))
    runs = [" ".join(t.text for t in toks[a:b]) for a, b in islands(toks)]
    # "But" and "Monday" alone are never names: not decided at all
    assert runs == ["Bank of England", "Federal Reserve", "al-Mansour", "Ida Kroll"]


def test_viterbi_never_starts_a_name_inside_one():
    i_per = TAGS.index("I-PER")
    scores = [[0] * len(TAGS) for _ in range(2)]
    for s in scores:
        s[i_per] = 100  # I-PER is best everywhere, but cannot open a name
    trans = [[0] * len(TAGS) for _ in TAGS]
    path = viterbi(scores, trans)
    assert path[0] != i_per and (path[1] != i_per or TAGS[path[0]] in ("B-PER", "I-PER"))


def _score_sets(n_tokens: int, seed: int, count: int):
    """Scores for islands of n tokens, as packed sums hold them (each token's lanes raised alike):
    spread out, and few values so that ties are common."""
    import random

    rnd = random.Random(seed)
    for k in range(count):
        spread = 40_000 if k % 2 else 3
        yield [[rnd.randrange(spread) * (1 if spread > 3 else 1000) + (1 << 20) for _ in TAGS] for _ in range(n_tokens)]


def test_packed_scores_hold_each_tag_in_its_own_lane():
    from array import array

    scores = [0, 1, 65535, 1 << 22, 7, (1 << 31) - 1, 3, 0, 12345]  # sums stay under 2^32
    assert lanes(pack(scores)).tolist() == scores
    assert lanes(pack(scores) + pack(scores[::-1])).tolist() == [a + b for a, b in zip(scores, scores[::-1])]
    weights = array("h", [-32768, -1, 0, 1, 32767, 5, -5, 100, -100] * 2)
    rows = packed_rows(weights)
    for r in range(2):
        row = int.from_bytes(rows[36 * r : 36 * (r + 1)], "little")
        assert lanes(row).tolist() == [w + 32768 for w in weights[9 * r : 9 * (r + 1)]]


def _best_path(scores: list[list[int]], trans: list[list[int]]) -> list[int]:
    """Every tag sequence tried: the best, in from O and out to O, I-X only after B-X or I-X; on a
    tie the lowest last tag, then the lowest before it (viterbi's order)."""
    from itertools import product

    def allowed(path):
        return all(not TAGS[t].startswith("I-") or (p is not None and TAGS[p][2:] == TAGS[t][2:])
                   for p, t in zip((None, *path), path))

    def total(path):
        return (trans[0][path[0]] + sum(trans[a][b] for a, b in zip(path, path[1:])) + trans[path[-1]][0]
                + sum(s[t] for s, t in zip(scores, path)))

    return list(min((p for p in product(range(len(TAGS)), repeat=len(scores)) if allowed(p)),
                    key=lambda p: (-total(p), p[::-1])))


def test_islands_are_decided_as_every_tag_sequence_tried_would():
    trans = load_tagger().trans  # the shipped transitions, and the same with ties among them
    for t in (trans, [[w // 20_000 * 20_000 for w in row] for row in trans]):
        lifted, tag_pairs = lifted_alone(t), pairs(t)
        for scores in _score_sets(1, 1, 300):
            assert [one_token(pack(scores[0]), lifted)] == viterbi(scores, t) == _best_path(scores, t)
        for scores in _score_sets(2, 2, 300):
            assert list(two_tokens(scores[0], scores[1], tag_pairs)) == viterbi(scores, t) == _best_path(scores, t)
        for n in (3, 4):
            for scores in _score_sets(n, n, 60 // n):
                assert viterbi(scores, t) == _best_path(scores, t)


def test_tagger_finds_people_places_and_organisations_in_new_text():
    found = _types("Marta Lindqvist, a lawyer for the Nordic Shipping Company, flew from Stockholm to Lagos "
                   "on Tuesday to meet officials of the World Bank.")
    assert found["Marta Lindqvist"] == {PER}
    assert found["Stockholm"] == {LOC} and found["Lagos"] == {LOC}
    assert found["World Bank"] == {ORG}
    assert found["Nordic Shipping Company"] == {ORG}


def test_weights_round_trip_and_stay_small(tmp_path):
    from array import array

    from desktop.core.entities.tagger import N_TAGS, WEIGHTS_FILE, _HASH_BITS
    from desktop.core.resources import resource_path

    shipped = resource_path("tagger", WEIGHTS_FILE)
    assert shipped.stat().st_size <= 10_000_000
    table = array("d", bytes(8 * (N_TAGS << _HASH_BITS)))
    table[5] = 1.5
    table[N_TAGS * 7 + 2] = -3.0
    trans = [[0.5] * N_TAGS for _ in range(N_TAGS)]
    path = tmp_path / "w"
    save_weights(path, table, trans, 1000.0)
    back, back_trans = read_weights(path)
    assert back[5] == 1500 and back[N_TAGS * 7 + 2] == -3000 and back_trans[0][0] == 500
    assert load_tagger().table is not None


def test_mention_spans_are_exact_offsets_into_the_text():
    text = "On Friday, Sen. Ada Brenner of Ohio met leaders of the Lakeside Workers Union in Toledo."
    ext = extract(article_from_text(text, path="t.txt"))
    art = article_from_text(text, path="t.txt")
    for e in ext.entities:
        for m in e.mentions:
            assert art.text[m.start : m.end] == m.text


@pytest.mark.parametrize("text", ["", "lower case words only, no names here.", "A", "\u201c\u201d"])
def test_odd_sentences_give_no_error(text):
    _types(text or " ")
