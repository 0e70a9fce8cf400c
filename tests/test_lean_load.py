"""Folder loads read articles without their index: the result must equal the slimmed full article."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.ingest.build import article_from_text
from desktop.core.ingest.load import load_file
from desktop.core.library.related import profile
from desktop.core.library.slim import prepare_for_list, slim, word_count

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"

TRICKY = [
    "The U.S. and the U.K. met at 10:30 a.m. on 3.5 km of road.\n\nA well-known infor-\nmation desk, don’t you think?",
    "It was 21 ℃ in Zürich — “quoted” text, ﬁne print, ① and Ⅻ.\n\nΟΔΥΣΣΕΥΣ said ΣΑΣ; İstanbul, naïve.",
    "snake_case _ __ - ‐ … . , ; ! ?\n\n漢字 and ٣ digits",
    ".",
]


@pytest.mark.parametrize("text", TRICKY)
def test_word_count_without_tokens_matches_the_tokens(text):
    full = article_from_text(text)
    assert word_count(slim(full)) == full.word_count


def test_samples_read_without_index_equal_the_slimmed_articles():
    files = [p for p in sorted(SAMPLES.rglob("*")) if p.is_file() and p.name != "README.md"]
    assert files
    for path in files:
        full = load_file(path)
        lean = load_file(path, index=False)
        assert [slim(a) for a in full] == lean, path
        for a, b in zip(full, lean):
            listed = prepare_for_list(b)
            assert listed.words == a.word_count, path
            assert listed.profile == profile(a), path


def test_word_count_reads_body_blocks_only_whatever_stands_between_blocks():
    """Article.word_count subtracts the non-body blocks where only spaces part the blocks, and
    counts block by block otherwise: the same words either way."""
    from dataclasses import replace

    from desktop.core.article import Block, BlockKind

    full = article_from_text("A Headline Here\n\nBy Ann Reed\n\nThe body has six words here.\n\nMore body, four.")
    by_block = sum(1 for b in full.body_blocks for t in full.tokens
                   if b.start <= t.start < b.end and any(ch.isalnum() for ch in t.norm))
    assert full.word_count == by_block
    # Words outside every block (a block cut short) are not counted.
    shorter = tuple(replace(b, end=b.start + 8) if b.kind == BlockKind.BODY else b for b in full.blocks)
    cut = replace(full, blocks=shorter)
    assert cut.word_count == sum(1 for b in cut.body_blocks for t in cut.tokens
                                 if b.start <= t.start < b.end and any(ch.isalnum() for ch in t.norm))
    assert replace(full, blocks=(Block(BlockKind.BODY, 0, 6),)).word_count == 2  # "A", "Headline" start there


def test_plain_word_tokens_are_the_general_patterns_on_ascii_text_and_plain_marks():
    """slim.py counts a block of ASCII and the common marks (curly quotes, dashes...) with plain
    character classes: the same tokens as the tokenizer's word alternatives, which test Unicode
    categories."""
    import random

    from desktop.core.ingest import text as text_mod
    from desktop.core.library import slim

    rnd = random.Random(16)
    pieces = [*map(chr, range(128)), *text_mod.PLAIN_MARKS, "U.S.", "e.g.", "A.B.C.D.E.F.G.H.I.J.K.L.M.N", "3,5", "10:30",
              "co-\nop", "co- \t\n op", "co\u2010\nop", "don't", "don\u2019t", "1.5", "a.b", "x_y", "9.", "-", "'"]
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 24)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        assert text_mod.NOT_PLAIN_RE.search(text) is None
        assert slim._PLAIN_WORD_TOKEN_RE.findall(text, lo, hi) == slim._WORD_TOKEN_RE.findall(text, lo, hi), repr(text)


def test_plain_marks_are_never_words():
    """What lets slim.py count text holding these marks with ASCII classes: none is a word
    character, or a word once made NFKC, or a mark the general pattern's `_WIDE_MARK_RE` counts."""
    import re

    from desktop.core.ingest import text as text_mod
    from desktop.core.ingest.text import is_word, normalize
    from desktop.core.library import slim

    for ch in text_mod.PLAIN_MARKS:
        assert not re.match(r"\w", ch) and not is_word(normalize(ch)), repr(ch)
        assert not ch.isalpha() and not ch.isupper(), repr(ch)  # language.detect drops them, counting letters
        assert not [m for m in slim._WIDE_MARK_RE.findall(ch) if is_word(normalize(m))]


@pytest.mark.parametrize("seed", range(3))
def test_word_count_of_plain_text_matches_the_tokens(seed):
    import random

    from desktop.core.library import slim

    rnd = random.Random(seed)
    words = ["Mr.", "U.S.", "don\u2019t", "“quoted”", "well-\nknown", "3.5", "10:30", "—", "…", "«a»", "\u00a0", "•",
             "said", "It’s", "co\u2011op", "e.g.", "x", "A."]
    for _ in range(200):
        text = "\n\n".join(" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 30))) for _ in range(rnd.randint(1, 5)))
        full = article_from_text(text)
        assert word_count(slim.slim(full)) == full.word_count, repr(text)
