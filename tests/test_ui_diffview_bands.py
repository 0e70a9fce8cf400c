"""Bands: how alignment rows and set-aside text are grouped into level rows (no widgets)."""

from __future__ import annotations

from desktop.core.article import Span
from desktop.core.ingest.build import article_from_text
from desktop.core.compare.model import Comparison, Op, Options, Piece, Stats
from desktop.ui.diffview.bands import CONTEXT, REPLACED, Mark, build_bands, paint_runs

LEFT = "Categories: World\n\nFirst line here. Second line here.\n\nThird line here.\n\nShare"
RIGHT = "First line here. Second line here.\n\nA new line here.\n\nThird line here."


def sentence(article, needle: str) -> Span:
    at = article.text.index(needle)
    return next(s for s in article.sentences if s.start <= at < s.end)


def comparison() -> Comparison:
    left = article_from_text(LEFT, path="l.txt")
    right = article_from_text(RIGHT, path="r.txt")
    assert [str(b.kind) for b in left.blocks][0] == "boilerplate"  # the cleaner set the category aside
    pieces = (
        Piece(Op.EQUAL, sentence(left, "First"), sentence(right, "First")),
        Piece(Op.EQUAL, sentence(left, "Second"), sentence(right, "Second")),
        Piece(Op.INSERTED, None, sentence(right, "new")),
        Piece(Op.EQUAL, sentence(left, "Third"), sentence(right, "Third")),
    )
    return Comparison(left, right, Options(), (), pieces, (), Stats(), ())


def test_equal_rows_of_one_paragraph_share_a_band_and_set_aside_text_keeps_its_place():
    c = comparison()
    bands = build_bands(c)
    kinds = [str(b.kind) for b in bands]
    assert kinds == [CONTEXT, "equal", "inserted", "equal", CONTEXT]
    texts = [[c.left.text[s.start : s.end] for s in b.left] for b in bands]
    assert texts[0] == ["Categories: World"]
    assert texts[1] == ["First line here.", "Second line here."]
    assert texts[-1] == ["Share"]
    assert bands[2].left == () and bands[2].right
    assert bands[1].paragraph_end  # a new paragraph follows on the right


def test_hiding_boilerplate_drops_only_set_aside_blocks():
    bands = build_bands(comparison(), show_boilerplate=False)
    assert [str(b.kind) for b in bands] == ["equal", "inserted", "equal"]


def test_finer_marks_win_over_the_sentence_tint():
    marks = [Mark(0, 10, "changed", 0), Mark(2, 5, "word_change", 1), Mark(3, 4, "char_change", 2)]
    assert paint_runs(0, 10, marks) == [
        (0, 2, "changed"),
        (2, 3, "word_change"),
        (3, 4, "char_change"),
        (4, 5, "word_change"),
        (5, 10, "changed"),
    ]
    assert paint_runs(0, 4, []) == [(0, 4, "")]


def test_deleted_rows_sit_beside_the_inserted_rows_that_replaced_them():
    left = article_from_text("Same start here.\n\nOld one. Old two.\n\nSame end here.", path="l.txt")
    right = article_from_text("Same start here.\n\nNew one. New two. New three.\n\nSame end here.", path="r.txt")
    ls, rs = left.sentences, right.sentences
    pieces = (
        Piece(Op.EQUAL, ls[0], rs[0]),
        Piece(Op.DELETED, ls[1], None),
        Piece(Op.DELETED, ls[2], None),
        Piece(Op.INSERTED, None, rs[1]),
        Piece(Op.INSERTED, None, rs[2]),
        Piece(Op.INSERTED, None, rs[3]),
        Piece(Op.EQUAL, ls[3], rs[4]),
    )
    c = Comparison(left, right, Options(), (), pieces, (), Stats(), ())
    bands = build_bands(c)
    assert [str(b.kind) for b in bands] == ["equal", REPLACED, REPLACED, "inserted", "equal"]
    assert bands[1].pieces == (1, 3) and bands[1].left == (ls[1],) and bands[1].right == (rs[1],)
    assert bands[3].left == () and bands[3].right == (rs[3],)
