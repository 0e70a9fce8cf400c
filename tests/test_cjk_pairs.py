"""The Japanese and the Chinese pair written for the project (tests/fixtures/cjk) give exactly
their planted changes: one figure, one name written with another character, one moved paragraph
and one reworded quote; names are not read in these languages, so the name is a word change."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.article import BlockKind
from desktop.core.compare import compare
from desktop.core.compare.model import ChangeClass, Op
from desktop.core.entities.model import DiscrepancyKind, EntityType
from desktop.core.ingest.load import load_file

FIXTURES = Path(__file__).parent / "fixtures" / "cjk"
ROOT = Path(__file__).resolve().parents[1]

# language, title, (figure left, right), (name char left, right), moved paragraph's start,
# the quote's words added in B
PAIRS = {
    "ja": ("港町に新しい橋、来春開通へ", ("120億円", "135億円"), ("高", "髙"), "市によると", ["、何より"]),
    "zh": ("滨海市跨海大桥明年通车", ("45亿元", "48亿元"), ("刚", "钢"), "据市交通局", ["一定", "、"]),
}


def _load(lang: str, side: str):
    got = load_file(str(FIXTURES / f"{lang}-{side}.txt"))
    return got[0] if isinstance(got, (list, tuple)) else got


@pytest.fixture(scope="module", params=sorted(PAIRS))
def pair(request):
    lang = request.param
    a, b = _load(lang, "a"), _load(lang, "b")
    return lang, a, b, compare(a, b)


def _text(article, span):
    return article.text[span.start : span.end] if span is not None else None


def test_language_title_and_blocks(pair):
    lang, a, b, _ = pair
    title = PAIRS[lang][0]
    for art in (a, b):
        assert art.language == lang
        assert art.title == title
        assert [blk.kind for blk in art.blocks] == [BlockKind.TITLE] + [BlockKind.BODY] * 5
        assert art.word_count > 100  # characters count as words: not "6 words"


def test_the_one_discrepancy_is_the_figure(pair):
    lang, _, _, c = pair
    left, right = PAIRS[lang][1]
    assert [(d.kind, d.left_text, d.right_text) for d in c.discrepancies] == [(DiscrepancyKind.FIGURE, left, right)]


def test_names_and_quotes_are_not_guessed(pair):
    _, _, _, c = pair
    for ext in (c.left_extraction, c.right_extraction):
        assert ext.names_available is False
        assert ext.quotes == ()
        assert {e.type for e in ext.entities} <= {EntityType.DATE, EntityType.FIGURE}


def test_exactly_the_planted_sentence_changes(pair):
    lang, a, b, c = pair
    _, (fig_a, fig_b), (name_a, name_b), moved_start, quote_added = PAIRS[lang]
    changed = [p for p in c.sentences if p.op == Op.CHANGED]
    moved = [p for p in c.sentences if p.op == Op.MOVED]
    others = [p for p in c.sentences if p.op not in (Op.CHANGED, Op.MOVED, Op.EQUAL)]
    assert others == []
    assert len(changed) == 3
    # The moved paragraph: one piece on each side, linked to each other.
    assert len(moved) == 2
    (left_piece,) = [p for p in moved if p.left is not None]
    (right_piece,) = [p for p in moved if p.right is not None]
    assert _text(a, left_piece.left).startswith(moved_start)
    assert _text(b, right_piece.right).startswith(moved_start)
    assert c.sentences[left_piece.partner] is right_piece
    marks = [[(w.op, _text(a, w.left), _text(b, w.right)) for w in p.words if w.op != Op.EQUAL] for p in changed]
    # Word marks on the changed name and number only, not on the clause around them.
    assert [(Op.CHANGED, name_a, name_b)] in marks
    assert [(Op.CHANGED, fig_a[:-2], fig_b[:-2])] in marks  # "120" of "120億円"
    (quote_marks,) = [m for m in marks if all(op == Op.INSERTED for op, _, _ in m)]
    assert [right for _, _, right in quote_marks] == quote_added
    assert ChangeClass.QUOTE in {ch.cls for ch in c.changes}


def test_json_carries_the_language(tmp_path):
    out = subprocess.run([sys.executable, "-m", "desktop", "compare", "--json", str(FIXTURES / "ja-a.txt"),
                          str(FIXTURES / "ja-b.txt")], capture_output=True, text=True, cwd=ROOT, check=True)
    data = json.loads(out.stdout)
    assert (data["left"]["language"], data["left"]["names_available"]) == ("ja", False)
    assert [d["kind"] for d in data["discrepancies"]] == ["figure"]


def test_related_coverage_reads_cjk_by_character_pairs():
    from desktop.core.ingest.build import article_from_text
    from desktop.core.library.related import RelatedIndex, profile

    other = article_from_text("県が英語授業を拡充\n\n県の教育委員会は、来年度から小学校の英語の授業を週に1時間増やす方針を決めた。"
                              "教員の研修も夏休みに行う予定だ。保護者からは負担を心配する声も出ている。", path="other.txt")
    a, b = _load("ja", "a"), _load("ja", "b")
    index = RelatedIndex()
    for art in (a, b, other):
        index.add_article(art)
    same, different = index.score(profile(a), profile(b)), index.score(profile(a), profile(other))
    assert same > 0.5 > 0.2 > different  # whole clauses as words, the pair had scored 0.07
