"""Fuzzing the comparison engine and the entity extractor on any text and any options.

test_align_properties.py checks alignment properties on articles built from a small
vocabulary; here the texts are arbitrary (control characters, scripts, quotes, digits,
stray punctuation, empty paragraphs), so nothing may raise and every span must hold.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.article import BODY_KINDS, Span
from desktop.core.ingest.build import article_from_text
from desktop.core.compare import compare
from desktop.core.compare.model import Op, Options, comparison_json
from desktop.core.entities import extract

FUZZ = settings(max_examples=40, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow],
                database=None)

WORDS = (
    "the a said Harbour harbour minister Okafor O'Neill Rashid al-Rashid 1,200 1.200 3.5% $5 million £3bn "
    "five 5 Tuesday 14 March 2024 2024-03-14 12:30 p.m. BST U.S. U.N. Dr. Mr. St. km² 10km e.g. "
    "«quoted» „zitat“ 'single' ‘curly’ “Double” \" ' ( ) [ ] — – - … ; : ! ? , . / & @ # "
    "Zürich São Paulo Москва 北京 東京 العربية עברית 😀 \u00ad \u200b \u00a0 \u2028 \t"
).split()
SEPARATORS = [" ", " ", " ", "\n", "\n\n", ". ", ", ", "! ", '." ', ',” ', " \u00a0", "\r\n", "\f"]


@st.composite
def wordy_text(draw) -> str:
    """Text that looks enough like news to reach every rule: names, figures, dates, quotes."""
    words = draw(st.lists(st.sampled_from(WORDS), max_size=120))
    out = []
    for w in words:
        out.append(w)
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


texts = st.one_of(wordy_text(), st.text(max_size=600), st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
options = st.builds(Options, st.booleans(), st.booleans(), st.booleans(), st.booleans())


def article(text: str, name: str):
    return article_from_text(text, path=name)


def compared_sentences(a, opts: Options) -> list[Span]:
    """The sentences the engine compares: inside body blocks (or every block, with boilerplate)."""
    out = []
    for block in a.blocks:
        if not opts.include_boilerplate and block.kind not in BODY_KINDS:
            continue
        out += [s for s in a.sentences if block.start <= s.start and s.end <= block.end]
    return sorted(set(out))


def check_coverage(c) -> None:
    for side, a in (("left", c.left), ("right", c.right)):
        n = len(a.text)
        spans = sorted(getattr(p, side) for p in c.sentences if getattr(p, side) is not None)
        sentences = compared_sentences(a, c.options)
        starts, ends = {s.start for s in sentences}, {s.end for s in sentences}
        for span in spans:
            assert 0 <= span.start <= span.end <= n
            assert span.start in starts and span.end in ends, (side, span)
        for sent in sentences:  # every compared sentence stands in exactly one row
            assert sum(sp.start <= sent.start and sent.end <= sp.end for sp in spans) == 1, (side, sent)


def check_spans(c) -> None:
    nl, nr = len(c.left.text), len(c.right.text)
    for p in c.sentences:
        assert (p.left is None) == (p.op == Op.INSERTED) or p.op == Op.MOVED
        for w in p.words:
            for x in (w, *w.chars):
                assert x.left is None or 0 <= x.left.start <= x.left.end <= nl
                assert x.right is None or 0 <= x.right.start <= x.right.end <= nr
        if p.partner is not None:
            assert c.sentences[p.partner].partner is not None
    for ch in c.changes:
        assert 0 <= ch.piece < len(c.sentences)
    assert 0.0 <= c.stats.similarity <= 1.0
    for d in c.discrepancies:
        assert 0 <= d.left.start <= d.left.end <= nl and 0 <= d.right.start <= d.right.end <= nr


@FUZZ
@given(texts, texts, options)
def test_compare_any_two_texts(left_text, right_text, opts):
    c = compare(article(left_text, "a"), article(right_text, "b"), opts)
    check_coverage(c)
    check_spans(c)
    comparison_json(c)  # the --json form can always be made


@FUZZ
@given(texts, st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(WORDS + SEPARATORS)), max_size=8), options)
def test_compare_a_text_with_an_edited_copy(text, edits, opts):
    edited = text
    for where, insert in edits:
        i = where % (len(edited) + 1)
        edited = edited[:i] + insert + edited[i:]
    c = compare(article(text, "a"), article(edited, "b"), opts)
    check_coverage(c)
    check_spans(c)
    if text == edited:
        assert c.changes == ()


@FUZZ
@given(texts)
def test_extract_any_text(text):
    a = article(text, "a")
    n = len(a.text)
    ext = extract(a)
    for entity in ext.entities:
        assert entity.name
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= n and a.text[m.start : m.end] == m.text
    for q in ext.quotes:
        assert 0 <= q.start <= q.end <= n


def test_punctuation_only_sentence_is_unchanged_against_itself_when_punctuation_is_ignored():
    text = "A ship sank.\n\n--\n\nIt was cold."
    c = compare(article(text, "a"), article(text, "b"), Options(ignore_punctuation=True), entities=False)
    assert c.changes == ()
