"""The engine on the bundled sample pair: the planted differences, with their classes, and nothing else."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLES
from desktop.cli import main
from desktop.core.align import align
from desktop.core.compare.model import ChangeClass, Op
from desktop.core.ingest.load import load_file
from desktop.core.ingest.text import normalize


@pytest.fixture(scope="module")
def pair():
    wire = load_file(SAMPLES / "harbour-wire.txt")[0]
    herald = load_file(SAMPLES / "harbour-herald.html")[0]
    return align(wire, herald)


def _para_text(article, span):
    return article.text[span.start : span.end]


def test_reordered_paragraphs_are_moves(pair):
    moved = [p for p in pair.paragraphs if p.op == Op.MOVED and p.left is not None]
    starts = sorted(_para_text(pair.left, p.left)[:20] for p in moved)
    assert starts == ["Colm Brennan, presid", "Keel & Compass Shipp"]
    for p in moved:
        other = pair.paragraphs[p.partner]
        assert other.op == Op.MOVED and other.right is not None
        assert normalize(_para_text(pair.left, p.left)) == normalize(_para_text(pair.right, other.right))
        assert p.classes == ()  # moved word for word


def _changes(pair):
    return [(ch.cls, ch.left_text, ch.right_text) for ch in pair.changes]


def test_planted_differences_carry_their_classes(pair):
    found = _changes(pair)
    assert (ChangeClass.FIGURE, "1,200", "1,100") in found
    assert (ChangeClass.NAME, "Rasheed", "Rashid") in found
    assert (ChangeClass.HEDGING, "will", "may") in found
    quote = [ch for ch in pair.changes if ch.cls == ChangeClass.QUOTE]
    assert quote, found
    w_quote = pair.left.text.index('"We will not reopen')
    for ch in quote:  # every quote change lies inside the reworded quote
        assert ch.left is None or w_quote < ch.left.start < w_quote + 70
    # The speaker is the same person, spelled differently: a name change, not an attribution.
    assert not [c for c in found if c[0] == ChangeClass.ATTRIBUTION]


def test_nothing_a_reader_would_call_the_same_is_changed(pair):
    assert not [c for c in pair.changes if c.cls == ChangeClass.COSMETIC]
    for ch in pair.changes:
        assert " ".join(normalize(ch.left_text).split()) != " ".join(normalize(ch.right_text).split())
    # Paragraphs the README lists as identical (W6/H7, W10/H9 and the two moves) carry no change.
    for start in ("The vessel's steering", "Salvage teams plan", "Colm Brennan", "Keel & Compass"):
        offset = pair.left.text.index(start)
        assert not [ch for ch in pair.changes if ch.left and ch.left.start >= offset and ch.left.start < offset + 60]
    # Boilerplate, captions and titles differ but are set aside.
    texts = " ".join(ch.left_text + ch.right_text for ch in pair.changes)
    for aside in ("CLICK HERE", "Recent Posts", "Harbour Wire Photo", "Oil leak from grounded"):
        assert aside not in texts


def test_only_in_one_article(pair):
    added = [ch.right_text for ch in pair.changes if not ch.left_text]
    removed = [ch.left_text for ch in pair.changes if not ch.right_text]
    assert any(t.startswith("Port inspectors in Rotterdam") for t in added)
    assert "What happens next" in added
    assert any(t.startswith("Lieutenant Commander Dana Whitcombe") for t in removed)


def test_compare_command_json_and_summary(samples_dir, capsys):
    wire, herald = str(samples_dir / "harbour-wire.txt"), str(samples_dir / "harbour-herald.html")
    assert main(["compare", wire, herald, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert 0.5 < out["similarity"] < 1
    assert {"class": "figure", "left_text": "1,200", "right_text": "1,100"}.items() <= next(
        c for c in out["changes"] if c["class"] == "figure"
    ).items()
    assert sum(1 for row in out["paragraphs"] if row["op"] == "moved") == 4
    assert main(["compare", wire, herald]) == 0
    text = capsys.readouterr().out
    lines = text.splitlines()
    first_change = lines.index(next(line for line in lines if line.startswith("changes (")))
    assert "figure" in lines[first_change + 1]  # the most significant change first
    assert "moved paragraphs (2):" in text
