"""The sidebar's plain-Python parts: pairing quotes, word differences, row labels, context snippets."""

from __future__ import annotations

from desktop.core.entities.model import Entity, EntityMatch, EntityType, MatchStatus, Mention, Quote
from desktop.core.entities.model import UNATTRIBUTED
from desktop.core.entities.quote_pairs import comparable, pair_quotes
from desktop.ui.sidebar.quote_pairs import group_by_speaker, normalise_ops, word_diff
from desktop.ui.sidebar.rows import entity_label, format_value, match_label, quote_status_text, single_entity_row


def q(text: str, start: int, speaker: str = "") -> Quote:
    return Quote(text, start, start + len(text), speaker, "person" if speaker else "")


def person(name: str, *variants: str) -> Entity:
    return Entity(EntityType.PERSON, name, (Mention(0, len(name), name),), variants=variants)


def test_identical_quotes_pair_and_punctuation_or_quote_style_does_not_count():
    left = (q("It’s over, we said.", 10, "Ann Lee"),)
    right = (q("it's over, we said,", 40, "Ann Lee"),)
    (pair,) = pair_quotes(left, right)
    assert pair.status == MatchStatus.BOTH and pair.left is left[0] and pair.right is right[0]
    assert pair.words == ()


def test_reworded_quote_pairs_with_its_speaker_and_carries_the_word_difference():
    left = (q("We will not reopen the beds until every test comes back clean", 5, "Amira Rasheed"),
            q("The harbour is safe for ferries", 90, "Amira Rasheed"))
    right = (q("The harbour is safe for ferries", 12, "Amira Rashid"),
             q("We are not going to reopen those beds until every single test comes back clean", 70, "Amira Rashid"))
    matches = (EntityMatch(EntityType.PERSON, "Amira Rasheed", MatchStatus.VARIANT,
                           person("Amira Rasheed"), person("Amira Rashid")),)
    pairs = pair_quotes(left, right, matches)
    assert [(p.left.start, p.right.start) for p in pairs] == [(5, 70), (90, 12)]
    reworded, same = pairs
    assert reworded.status == MatchStatus.CONFLICT and reworded.note == "worded differently"
    assert reworded.speaker == "Amira Rasheed"  # the right's spelling maps to the left's through the match
    assert ("changed", "will", "are") in reworded.words and ("inserted", "", "single") in reworded.words
    assert same.status == MatchStatus.BOTH
    # Without the entity match the names still compare as one person's spelled two ways: the
    # spelling is a name discrepancy of its own, not a quote credited to someone else.
    pairs = pair_quotes(left, right)
    assert pairs[1].note == "" and not pairs[1].reattributed


def test_same_words_from_another_speaker_is_attributed_differently():
    (pair,) = pair_quotes((q("Nobody was hurt on board", 0, "Ann Lee"),), (q("Nobody was hurt on board", 0, "Bo Park"),))
    assert pair.status == MatchStatus.CONFLICT and pair.note == "attributed differently"


def test_unrelated_quotes_stay_apart_and_one_sided_ones_keep_reading_order():
    left = (q("Alpha beta gamma delta", 0, "Ann Lee"), q("The cost will be shared fairly", 100, "Ann Lee"))
    right = (q("Alpha beta gamma delta", 0, "Ann Lee"), q("Completely different words about weather", 50),
             q("The cost will be shared fairly", 120, "Ann Lee"))
    pairs = pair_quotes(left, right)
    assert [p.status for p in pairs] == [MatchStatus.BOTH, MatchStatus.RIGHT, MatchStatus.BOTH]
    assert pairs[1].speaker == UNATTRIBUTED
    assert [s for s, _ in group_by_speaker(pairs)] == ["Ann Lee", UNATTRIBUTED]


def test_a_shortened_quote_still_pairs_and_is_quoted_in_part_not_reworded():
    left = (q("Every day these leases stay shut costs our members money they will never get back", 0, "Colm Brennan"),)
    right = (q("costs our members money they will never get back", 0),)
    (pair,) = pair_quotes(left, right)
    assert pair.right is right[0] and pair.status == MatchStatus.BOTH and pair.note == "quoted in part"
    assert pair.words[0] == ("deleted", "Every day these leases stay shut", "")
    assert quote_status_text(pair, False) == "In both, quoted in part"


def test_word_diff_and_op_names():
    assert word_diff("a b c", "a x c") == (("equal", "a", "a"), ("changed", "b", "x"), ("equal", "c", "c"))
    assert comparable("“Yes,” he said.") == comparable('"yes" he said')
    engine_style = (("equal", "We", "We"), ("insert", "", "are"), ("delete", "will", ""), ("equal", "not", "not"))
    assert normalise_ops(engine_style) == (("equal", "We", "We"), ("changed", "will", "are"), ("equal", "not", "not"))


def test_labels_show_roles_values_and_spellings():
    assert format_value("5100000000 USD") == "5,100,000,000 USD"
    assert format_value("-1234.5 km") == "-1,234.5 km"
    assert format_value("2025-03-04") == "2025-03-04"
    fig = lambda name, value: Entity(EntityType.FIGURE, name, (), value=value)  # noqa: E731
    assert entity_label(fig("three kilometres", "3 km")) == "three kilometres  (3 km)"
    assert entity_label(fig("1,200 tonnes", "1200 tonnes")) == "1,200 tonnes"  # the name already says it
    assert entity_label(fig("$4.2 million", "4200000 USD")) == "$4.2 million  (4,200,000 USD)"
    date = Entity(EntityType.DATE, "Monday", (), value="2023-02-27")
    assert entity_label(date) == "Monday  (2023-02-27)"
    assert entity_label(Entity(EntityType.DATE, "March 5, 2025", (), value="2025-03-05")) == "March 5, 2025"
    boss = Entity(EntityType.PERSON, "Yoshimasa Hayashi", (), role="Foreign Minister")
    assert entity_label(boss) == "Yoshimasa Hayashi — Foreign Minister"
    left, right = fig("1,200 tonnes", "1200 tonnes"), fig("1,100 tonnes", "1100 tonnes")
    assert match_label(EntityMatch(EntityType.FIGURE, "x", MatchStatus.CONFLICT, left, right)) == "1,200 tonnes ≠ 1,100 tonnes"
    row = single_entity_row(Entity(EntityType.PERSON, "Dana Whitcombe", (Mention(0, 4, "Dana"),), variants=("Whitcomb",)))
    assert row.label == "Dana Whitcombe / Whitcomb" and row.status == MatchStatus.VARIANT
    assert "whitcomb" in row.filter_text


def test_tooltips_escape_markup_in_names():
    row = single_entity_row(Entity(EntityType.ORGANIZATION, "<b>A & B</b>", (Mention(0, 3, "A&B"),)))
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in row.tooltip and "<b>A & B</b>" not in row.tooltip


def test_context_snippet_cuts_around_the_wording():
    from desktop.ui.sidebar.discrepancy_list import context_snippet

    ctx = "Health officials closed 14 shellfish leases along the Eastern Shore on Wednesday after a cargo ship " \
          "carrying 1,200 tonnes of heavy fuel oil ran aground at the mouth of Halifax Harbour."
    before, match, after = context_snippet(ctx, "1,200 tonnes", limit=60)
    assert match == "1,200 tonnes"
    assert before.startswith("…") and after.endswith("…")
    assert len(before + match + after) <= 64
    assert ctx.find(before[1:]) >= 0 and ctx.find(after[:-1]) >= 0  # whole words kept, in order
    assert context_snippet("Short.", "Short.") == ("", "Short.", "")
    assert context_snippet("No wording here", "absent") == ("No wording here", "", "")


def test_an_unresolved_noun_or_a_spokesperson_is_not_another_speaker():
    gov = Quote("Faith built this harbour and it can build it again", 0, 50, "Ines Kolb", "person")
    noun = Quote("Faith built this harbour and it can build it again", 0, 50, "the harbour master", "")
    (pair,) = pair_quotes((gov,), (noun,))
    assert not pair.reattributed and pair.status == MatchStatus.BOTH
    aide = Quote("Faith built this harbour and it can build it again", 0, 50, "Tor Berg", "person", "Ines Kolb")
    (pair,) = pair_quotes((gov,), (aide,))
    assert not pair.reattributed  # her spokesman speaks for her
    other = Quote("Faith built this harbour and it can build it again", 0, 50, "Tor Berg", "person")
    (pair,) = pair_quotes((gov,), (other,))
    assert pair.reattributed and pair.note == "attributed differently"
