"""The comparison engine on small hand-written articles: moves, edits, classes, options, figures."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from desktop.core.align import align
from desktop.core.article import Block, BlockKind
from desktop.core.ingest.build import article_from_text
from desktop.core.compare.model import ChangeClass, Op, Options, comparison_json

P1 = "The harbour council met on Monday to discuss the fuel spill near the northern pier."
P2 = "Divers sealed two breached tanks late on Tuesday after a long night of work in cold water."
P3 = "Fishers along the coast say the closures will cost them most of a season of mussel sales."
P4 = "The shipping company has promised to pay for the whole clean-up and for lost income."


def _cmp(left: str, right: str, options: Options = Options()):
    return align(article_from_text(left, path="l"), article_from_text(right, path="r"), options)


def _one_change(left: str, right: str, options: Options = Options()):
    c = _cmp(left, right, options)
    assert len(c.changes) == 1, [(ch.cls, ch.left_text, ch.right_text) for ch in c.changes]
    return c.changes[0]


def _paras(*ps: str) -> str:
    return "\n\n".join(ps)


# ---- moves ----------------------------------------------------------------------------------


def test_moved_paragraph_is_two_linked_rows_and_no_change():
    c = _cmp(_paras(P1, P2, P3, P4), _paras(P1, P3, P4, P2))
    moved = [k for k, p in enumerate(c.sentences) if p.op == Op.MOVED]
    assert len(moved) == 2
    a, b = (c.sentences[k] for k in moved)
    assert a.partner == moved[1] and b.partner == moved[0]
    assert a.left is not None and a.right is None and b.right is not None and b.left is None
    assert c.left.text[a.left.start : a.left.end] == P2 == c.right.text[b.right.start : b.right.end]
    assert c.changes == ()
    assert c.stats.sentences_moved == 1 and c.stats.words_moved == len(P2.split())
    assert c.stats.similarity == 1.0
    para_ops = [p.op for p in c.paragraphs]
    assert para_ops.count(Op.MOVED) == 2 and para_ops.count(Op.EQUAL) == 3
    out = comparison_json(c)
    row = out["alignment"][moved[0]]
    assert row["op"] == "moved" and row["counterpart"] == [b.right.start, b.right.end]


def test_edited_move_shows_its_edits():
    edited = P2.replace("two breached tanks", "three breached tanks")
    c = _cmp(_paras(P1, P2, P3, P4), _paras(P1, P3, P4, edited))
    moved = [p for p in c.sentences if p.op == Op.MOVED]
    assert len(moved) == 2
    assert moved[0].words == moved[1].words
    changed = [w for w in moved[0].words if w.op == Op.CHANGED]
    assert [(c.left.text[w.left.start : w.left.end], c.right.text[w.right.start : w.right.end]) for w in changed] == [
        ("two", "three")
    ]
    assert [(ch.cls, ch.left_text, ch.right_text) for ch in c.changes] == [(ChangeClass.FIGURE, "two", "three")]
    assert ChangeClass.FIGURE in moved[0].classes


def test_sentence_moved_inside_the_text():
    s1, s2, s3 = "The tide turned at noon.", "Boats waited outside the harbour mouth all day.", "Then the wind dropped."
    c = _cmp(f"{s1} {s2} {s3}", f"{s2} {s1} {s3}")
    assert sorted(p.op for p in c.sentences).count(Op.MOVED) == 2
    assert c.changes == ()


def test_rewritten_sentence_sits_beside_its_counterpart():
    left = _paras(P1, "The mayor said the plan would protect jobs in the town.", P3)
    right = _paras(P1, "Protecting jobs in the town was the aim of the plan, according to the mayor.", P3)
    c = _cmp(left, right)
    ops = [p.op for p in c.sentences]
    assert ops == [Op.EQUAL, Op.CHANGED, Op.EQUAL]


def test_sentence_split_in_two_pairs_with_both_halves():
    left = _paras(P1, "The authority said the boom would hold until Friday when salvage crews arrive from Halifax.")
    right = _paras(P1, "The authority said the boom would hold. It will stay until Friday when salvage crews arrive from Halifax.")
    for c, side in ((_cmp(left, right), "right"), (_cmp(right, left), "left")):
        assert [p.op for p in c.sentences] == [Op.EQUAL, Op.CHANGED]
        two = getattr(c.sentences[1], side)
        text = getattr(c, side).text
        assert text[two.start : two.end].startswith("The authority") and text[two.end - 8 : two.end] == "Halifax."
        assert c.stats.sentences_added == c.stats.sentences_removed == 0


def test_unrelated_paragraph_is_inserted_and_deleted():
    c = _cmp(_paras(P1, P2), _paras(P1, "Completely different words appear here instead today."))
    assert [p.op for p in c.sentences] == [Op.EQUAL, Op.DELETED, Op.INSERTED]
    assert c.stats.sentences_added == c.stats.sentences_removed == 1


# ---- words and characters -------------------------------------------------------------------


def test_one_letter_misspelling_shows_as_one_letter():
    c = _cmp("The council will recieve the report.", "The council will receive the report.")
    (piece,) = c.sentences
    (word,) = [w for w in piece.words if w.op == Op.CHANGED]
    changed_chars = [x for x in word.chars if x.op != Op.EQUAL]
    assert sum((x.left.end - x.left.start) if x.left else 0 for x in changed_chars) <= 2
    assert c.changes[0].cls == ChangeClass.COSMETIC


def test_word_operations_cover_both_sentences():
    c = _cmp("Crews laid three kilometres of boom on Tuesday.", "Crews laid six kilometres of floating boom.")
    (piece,) = c.sentences
    text_l, text_r = c.left.text, c.right.text
    kinds = [(w.op, text_l[w.left.start : w.left.end] if w.left else None, text_r[w.right.start : w.right.end] if w.right else None) for w in piece.words]
    assert kinds == [
        (Op.EQUAL, "Crews laid", "Crews laid"),
        (Op.CHANGED, "three", "six"),
        (Op.EQUAL, "kilometres of", "kilometres of"),
        (Op.INSERTED, None, "floating"),
        (Op.EQUAL, "boom", "boom"),
        (Op.DELETED, "on Tuesday", None),
        (Op.EQUAL, ".", "."),
    ]


# ---- change classes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "cls", "texts"),
    [
        ("The ship carried 1,200 tonnes of fuel.", "The ship carried 1,100 tonnes of fuel.", ChangeClass.FIGURE, ("1,200", "1,100")),
        ("The repairs may cost 4 million.", "The repairs may cost 5 million.", ChangeClass.FIGURE, ("4", "5")),
        ("It was one of the worst spills.", "It was among the worst spills.", ChangeClass.OTHER, ("one of", "among")),
        ("Divers worked until Tuesday night.", "Divers worked until Wednesday night.", ChangeClass.DATE, ("Tuesday", "Wednesday")),
        ("The ship ran aground on March 4 near the island.", "The ship ran aground on March 5 near the island.", ChangeClass.DATE, ("4", "5")),
        ("Commissioner Amira Rasheed visited the pier.", "Commissioner Amira Rashid visited the pier.", ChangeClass.NAME, ("Rasheed", "Rashid")),
        ("The report was handed to Martin Oyelaran yesterday.", "The report was handed to Colm Brennan yesterday.", ChangeClass.NAME, ("Martin Oyelaran", "Colm Brennan")),
        ('"We will not reopen the beds until every test is clean," she said.', '"We cannot reopen the beds until every test is clean," she said.', ChangeClass.QUOTE, ("will not", "cannot")),
        ("The leak was small, said Helen Okafor of the institute.", "The leak was small, said Dana Whitcombe of the institute.", ChangeClass.ATTRIBUTION, ("Helen Okafor", "Dana Whitcombe")),
        ("The clean-up will cost at least four million.", "The clean-up may cost at least four million.", ChangeClass.HEDGING, ("will", "may")),
        ("The captain was drunk at the time.", "The captain was reportedly drunk at the time.", ChangeClass.HEDGING, ("", "reportedly")),
        ("The beds stay closed, for now.", "The beds stay closed for now.", ChangeClass.COSMETIC, (",", "")),
        ("The Beds stay closed for now.", "The beds stay closed for now.", ChangeClass.COSMETIC, ("Beds", "beds")),
        (
            "The plan was approved by the harbour board after a long debate on Monday night.",
            "The plan was approved by the board once Mayor Pike had heard several hours of complaints first.",
            ChangeClass.OTHER,
            ("harbour board after a long debate on Monday night", "board once Mayor Pike had heard several hours of complaints first"),
        ),
        ("Fishers lost their whole harvest.", "Fishers lost their entire harvest.", ChangeClass.OTHER, ("whole", "entire")),
    ],
)
def test_change_class(left, right, cls, texts):
    ch = _one_change(left, right)
    assert (ch.cls, ch.left_text, ch.right_text) == (cls, *texts)


def test_spans_of_a_change_point_at_its_words():
    c = _cmp("A boat sank.\n\nThe ship carried 1,200 tonnes.", "A boat sank.\n\nThe ship carried 1,100 tonnes.")
    (ch,) = c.changes
    assert c.left.text[ch.left.start : ch.left.end] == "1,200"
    assert c.right.text[ch.right.start : ch.right.end] == "1,100"
    assert c.sentences[ch.piece].op == Op.CHANGED
    assert c.sentences[ch.piece].classes == (ChangeClass.FIGURE,)


def test_added_quote_sentence_is_a_quote_change():
    c = _cmp(P1, P1 + ' "We are worried," a fisher said.')
    assert [(ch.cls, ch.left_text) for ch in c.changes] == [(ChangeClass.QUOTE, "")]


# ---- options ---------------------------------------------------------------------------------


def test_options_each_change_what_counts_as_equal():
    left, right = "Five boats left the Harbour, early.", "5 boats left the harbour early."
    assert [ch.left_text for ch in _cmp(left, right).changes] == ["Five", "Harbour,"]
    opts = Options(ignore_case=True, ignore_punctuation=True, digits_as_words=True)
    c = _cmp(left, right, opts)
    assert c.changes == () and c.stats.similarity == 1.0
    only_case = _cmp(left, right, Options(ignore_case=True))
    assert [ch.left_text for ch in only_case.changes] == ["Five", ","]
    only_digits = _cmp(left, right, Options(digits_as_words=True))
    assert [ch.left_text for ch in only_digits.changes] == ["Harbour,"]
    only_punct = _cmp(left, right, Options(ignore_punctuation=True))
    assert [ch.left_text for ch in only_punct.changes] == ["Five", "Harbour"]
    # Five and 5 are the same figure: a cosmetic change when digits and words count as different.
    assert {ch.cls for ch in only_punct.changes} == {ChangeClass.COSMETIC}
    # The text shown is never touched by the options.
    assert c.left.text == left and c.right.text == right


def test_punctuation_only_sentences_pair_when_punctuation_is_ignored():
    text = "A ship sank.\n\n--\n\nIt was cold."
    c = _cmp(text, text, Options(ignore_punctuation=True))
    assert c.changes == () and {p.op for p in c.sentences} == {Op.EQUAL}
    d = _cmp(text, text.replace("--", ":"), Options(ignore_punctuation=True))
    assert d.changes == () and {p.op for p in d.sentences} == {Op.EQUAL}
    e = _cmp(text, "A ship sank.\n\nIt was cold.", Options(ignore_punctuation=True))
    assert [(ch.cls, ch.left_text) for ch in e.changes] == [(ChangeClass.COSMETIC, "--")]


def test_boilerplate_is_set_aside_unless_asked():
    left = article_from_text(_paras(P1, "Share this story", P2), path="l")
    right = article_from_text(_paras(P1, P2), path="r")
    blocks = list(left.blocks)
    blocks[1] = replace(blocks[1], kind=BlockKind.BOILERPLATE, reason="share label")
    left = replace(left, blocks=tuple(blocks))
    assert isinstance(left.blocks[1], Block)
    assert align(left, right).changes == ()
    with_bp = align(left, right, Options(include_boilerplate=True))
    assert [(ch.cls, ch.left_text) for ch in with_bp.changes] == [(ChangeClass.OTHER, "Share this story")]


# ---- figures ---------------------------------------------------------------------------------


def test_shared_passages_and_containment():
    shared = "the harbour authority laid three kilometres of floating boom around the ship"
    left = f"Early on Tuesday {shared} before dawn. Nobody was hurt."
    right = f"Officials confirmed that {shared}. Other news followed later that day in the city."
    c = _cmp(left, right)
    (sp,) = c.shared_passages
    assert c.left.text[sp.left.start : sp.left.end] == shared
    assert c.right.text[sp.right.start : sp.right.end] == shared
    assert sp.words == len(shared.split())
    assert 0 < c.stats.left_in_right < 1 and 0 < c.stats.right_in_left < c.stats.left_in_right


def test_short_runs_are_not_shared_passages():
    c = _cmp("one two three four five six seven here.", "one two three four five six seven there.")
    assert c.shared_passages == ()


def test_word_counts_add_up():
    c = _cmp(_paras(P1, P2, P3), _paras(P1, P3.replace("most of", "nearly all of"), P2 + " Work resumes today."))
    s = c.stats
    left_words = s.words_kept + s.words_changed + s.words_removed + s.words_moved
    right_words = s.words_kept + s.words_changed + s.words_added + s.words_moved
    assert left_words == len(f"{P1} {P2} {P3}".replace("-", " ").split()) - 3 + 3  # clean-up is one word
    assert right_words > left_words
    assert 0 < s.similarity < 1


def test_word_counts_are_the_articles_own_under_every_option():
    # The JSON's "word_count" comes from the aligner's per-token word flags: it must be
    # Article.word_count, boilerplate left out (whatever the options compare), hyphenated,
    # numeric and punctuation-only tokens judged alike, and blocks with other text between them.
    left = article_from_text(_paras(P1, "Share this story -- 12,000 views", P4, "... --- !!!"), path="l")
    blocks = list(left.blocks)
    blocks[1] = replace(blocks[1], kind=BlockKind.BOILERPLATE, reason="share label")
    left = replace(left, blocks=tuple(blocks))
    gapped = replace(left, blocks=(*left.blocks[:2], left.blocks[3]))  # text between blocks: the slow path
    right = article_from_text(_paras(P2, "Well-known co-op's 5 five-year plans.", P3), path="r")
    for options in (Options(), Options(ignore_punctuation=True), Options(True, True, True, True)):
        for a, b in ((left, right), (right, gapped), (gapped, left)):
            c = align(a, b, options)
            assert c.word_counts == (a.word_count, b.word_count)
            out = comparison_json(c)
            assert (out["left"]["word_count"], out["right"]["word_count"]) == c.word_counts
    assert 0 < gapped.word_count < left.word_count


def test_empty_articles():
    c = _cmp("", "")
    assert c.sentences == () and c.changes == () and c.stats.similarity == 1.0
    d = _cmp("", P1)
    assert [p.op for p in d.sentences] == [Op.INSERTED] and d.stats.similarity == 0.0


def test_json_round_trips():
    c = _cmp(_paras(P1, P2), _paras(P2, P1.replace("Monday", "Sunday")))
    out = json.loads(json.dumps(comparison_json(c)))
    assert {row["op"] for row in out["alignment"]} >= {"moved"}
    assert out["changes"][0]["class"] == "date"


def test_text_without_full_stops_stays_fast_and_exact():
    import time

    # No word occurs once, so there are no anchors: the engine diffs window by window.
    words = [f"w{i % 997}" for i in range(30_000)]
    edited = list(words)
    edited[5_000] = "changed"
    del edited[15_000:15_002]
    edited[25_000] = "altered"
    t0 = time.perf_counter()
    c = _cmp(" ".join(words), " ".join(edited))
    assert time.perf_counter() - t0 < 10  # a whole-text LCS would take minutes and gigabytes
    assert [(ch.left_text, ch.right_text) for ch in c.changes] == [
        (words[5_000], "changed"),
        (f"{words[15_000]} {words[15_001]}", ""),
        (words[25_002], "altered"),
    ]


def test_side_order_is_that_of_the_joined_keys_read_lazily():
    """`Side.sorts_after` compares the order keys piece by piece; the answer must be that of the
    whole strings, empty pieces, prefixes and separators included."""
    import random

    from desktop.core.align.units import _greater

    rng = random.Random(7)
    pieces = ["", "a", "b", "ab", "ba", " ", "\x00", "\x01"]
    for _ in range(20000):
        pa = [rng.choice(pieces) for _ in range(rng.randrange(6))]
        pb = [rng.choice(pieces) for _ in range(rng.randrange(6))]
        assert _greater(iter(pa), iter(pb)) == ("".join(pa) > "".join(pb)), (pa, pb)
