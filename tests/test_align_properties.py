"""Properties of the alignment on generated articles: coverage, replay, identity, reflow, symmetry."""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.align import align
from desktop.core.align.units import token_key
from desktop.core.ingest.build import article_from_text
from desktop.core.compare.model import Op, Options

VOCAB = (
    "the a of and to in harbour ship fuel crew said minister council vote plan water boat storm "
    "report police tide coast money week leak cost oil beds test clean would may could reportedly "
    "seven 14 1,200 March Tuesday Rasheed Rashid Okafor Brennan Halifax"
).split()

SETTINGS = settings(max_examples=int(__import__("os").environ.get("ALIGN_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sentence(rng: random.Random) -> list[str]:
    words = rng.choices(VOCAB, k=rng.randint(3, 12))
    words[0] = words[0][0].upper() + words[0][1:]
    if rng.random() < 0.2:
        words[0] = '"' + words[0]
        words[-1] += ',"'
        words += [rng.choice(["Okafor", "Brennan"]), "said"]
    return words


def _article(rng: random.Random) -> list[list[list[str]]]:
    return [[_sentence(rng) for _ in range(rng.randint(1, 4))] for _ in range(rng.randint(1, 6))]


def _edit(rng: random.Random, paras, n_edits: int):
    out = [[list(s) for s in p] for p in paras]
    for _ in range(n_edits):
        p = rng.randrange(len(out))
        s = rng.randrange(len(out[p]))
        sent = out[p][s]
        kind = rng.random()
        i = rng.randrange(len(sent))
        if kind < 0.3 and not sent[i].endswith(('"', ",")):
            sent[i] = rng.choice(VOCAB)
        elif kind < 0.5:
            sent.insert(i, rng.choice(VOCAB))
        elif kind < 0.6 and len(sent) > 2 and not sent[i].endswith(('"', ",")) and i:
            del sent[i]
        elif kind < 0.65:
            out[p].insert(s, _sentence(rng))
        elif kind < 0.7 and len(sent) > 3 and not any(w.endswith(('"', ",")) for w in sent):
            cut = rng.randrange(2, len(sent) - 1)  # split a sentence in two
            head, tail = sent[:cut], sent[cut:]
            tail[0] = tail[0][0].upper() + tail[0][1:]
            out[p][s : s + 1] = [head, tail]
        elif kind < 0.75 and s + 1 < len(out[p]) and not any(w.endswith(('"', ",")) for w in sent):
            nxt = out[p].pop(s + 1)  # join a sentence to the next
            sent.extend([nxt[0].lower(), *nxt[1:]])
        elif kind < 0.85 and len(out[p]) > 1:
            del out[p][s]
        elif len(out) > 1:
            out.insert(rng.randrange(len(out)), out.pop(p))
    return out


def _render(paras, rng: random.Random | None = None) -> str:
    """Plain text; with rng, reflowed: hard wraps, runs of spaces, curly quotes, nbsp, hyphenation."""
    texts = []
    for p in paras:
        text = " ".join(" ".join(s) + "." for s in p)
        texts.append(text)
    if rng is None:
        return "\n\n".join(texts)
    out = []
    for text in texts:
        text = re.sub(r'"(?=\w)', "\u201c", text).replace('"', "\u201d")
        words = text.split(" ")
        pieces = []
        for w in words:
            if len(w) >= 6 and w.isalpha() and rng.random() < 0.2:
                w = w[:3] + "-\n" + w[3:]  # line-end hyphenation
            pieces.append(w)
            pieces.append(rng.choice([" ", " ", "\n", "  ", "\u00a0", " \n "]))
        out.append("".join(pieces).strip())
    return "\n\n".join(out)


def _keys(article, span, options=Options()):
    return [
        k
        for t in article.tokens
        if span.start <= t.start < span.end
        for k in [token_key(t.norm, options)]
        if k is not None
    ]


def _body_sentences(article):
    return sorted(article.sentences)


pair_seeds = st.tuples(st.integers(0, 10**9), st.integers(0, 8))


def _pair(seed: int, n_edits: int):
    rng = random.Random(seed)
    paras = _article(rng)
    edited = _edit(rng, paras, n_edits)
    return article_from_text(_render(paras), path="a"), article_from_text(_render(edited, rng), path="b")


@SETTINGS
@given(pair_seeds)
def test_alignment_covers_each_sentence_once(seed):
    left, right = _pair(*seed)
    c = align(left, right)
    for article, spans in ((left, [p.left for p in c.sentences]), (right, [p.right for p in c.sentences])):
        spans = sorted(s for s in spans if s is not None)
        sentences = _body_sentences(article)
        starts, ends = {s.start for s in sentences}, {s.end for s in sentences}
        for span in spans:  # a row stands on whole sentences (one, or a few split from one)
            assert span.start in starts and span.end in ends
        for sent in sentences:  # and each sentence stands in exactly one row
            assert sum(span.start <= sent.start and sent.end <= span.end for span in spans) == 1


def _replay(c, side: str):
    """Rebuild one side's keys from the other's tokens plus the operations."""
    left, right = c.left, c.right
    out = []
    rows = [p for p in c.sentences if getattr(p, side) is not None]
    rows.sort(key=lambda p: getattr(p, side).start)
    for p in rows:
        if p.op in (Op.INSERTED, Op.DELETED):
            out += _keys(right if side == "right" else left, getattr(p, side))
            continue
        if p.op == Op.MOVED and not p.words:
            other = c.sentences[p.partner]
            src = other.left if side == "right" else p.left
            out += _keys(left, src)
            continue
        if p.op == Op.EQUAL:
            out += _keys(left, p.left)
            continue
        for w in p.words:
            if w.op == Op.EQUAL:
                out += _keys(left, w.left)  # always taken from the left: proves the two agree
            elif side == "right" and w.op in (Op.CHANGED, Op.INSERTED):
                out += _keys(right, w.right)
            elif side == "left" and w.op in (Op.CHANGED, Op.DELETED):
                out += _keys(left, w.left)
    return out


@SETTINGS
@given(pair_seeds)
def test_replaying_operations_on_left_gives_right(seed):
    left, right = _pair(*seed)
    c = align(left, right)
    assert _replay(c, "right") == _keys(right, _whole(right))
    assert _replay(c, "left") == _keys(left, _whole(left))


def _whole(article):
    from desktop.core.article import Span

    return Span(0, len(article.text))


@SETTINGS
@given(st.integers(0, 10**9))
def test_article_against_itself_is_identical(seed):
    text = _render(_article(random.Random(seed)))
    a, b = article_from_text(text, path="a"), article_from_text(text, path="b")
    c = align(a, b)
    assert c.stats.similarity == 1.0
    assert c.changes == ()
    assert {p.op for p in c.sentences} == {Op.EQUAL}
    assert {p.op for p in c.paragraphs} == {Op.EQUAL}
    assert c.stats.left_in_right == c.stats.right_in_left == 1.0


@SETTINGS
@given(st.integers(0, 10**9))
def test_reflowed_requoted_copy_has_no_changes(seed):
    rng = random.Random(seed)
    paras = _article(rng)
    a = article_from_text(_render(paras), path="a")
    b = article_from_text(_render(paras, rng), path="b")
    c = align(a, b)
    assert c.changes == ()
    assert c.stats.similarity == 1.0
    assert {p.op for p in c.sentences} == {Op.EQUAL}


def _mirror_rows(pieces):
    flip = {Op.INSERTED: Op.DELETED, Op.DELETED: Op.INSERTED}
    rows = set()
    for p in pieces:
        partner = None
        if p.partner is not None:
            other = pieces[p.partner]
            partner = (other.right, other.left)
        words = tuple((flip.get(w.op, w.op), w.right, w.left, tuple((flip.get(x.op, x.op), x.right, x.left) for x in w.chars)) for w in p.words)
        rows.add((flip.get(p.op, p.op), p.right, p.left, words, partner, p.classes, p.paragraph[::-1]))
    return rows


def _rows(pieces):
    rows = set()
    for p in pieces:
        partner = None
        if p.partner is not None:
            other = pieces[p.partner]
            partner = (other.left, other.right)
        words = tuple((w.op, w.left, w.right, tuple((x.op, x.left, x.right) for x in w.chars)) for w in p.words)
        rows.add((p.op, p.left, p.right, words, partner, p.classes, p.paragraph))
    return rows


@SETTINGS
@given(pair_seeds)
def test_swapping_sides_mirrors_the_result(seed):
    left, right = _pair(*seed)
    ab, ba = align(left, right), align(right, left)
    assert _rows(ab.sentences) == _mirror_rows(ba.sentences)
    assert _rows(ab.paragraphs) == _mirror_rows(ba.paragraphs)
    assert {(c.cls, c.left, c.right, c.left_text, c.right_text) for c in ab.changes} == {
        (c.cls, c.right, c.left, c.right_text, c.left_text) for c in ba.changes
    }
    assert {(s.left, s.right, s.words) for s in ab.shared_passages} == {
        (s.right, s.left, s.words) for s in ba.shared_passages
    }
    s, t = ab.stats, ba.stats
    assert s.similarity == t.similarity
    assert (s.left_in_right, s.right_in_left) == (t.right_in_left, t.left_in_right)
    assert (s.words_kept, s.words_changed, s.words_moved) == (t.words_kept, t.words_changed, t.words_moved)
    assert (s.words_added, s.words_removed) == (t.words_removed, t.words_added)
    assert (s.sentences_added, s.sentences_removed) == (t.sentences_removed, t.sentences_added)
    assert (s.sentences_kept, s.sentences_changed, s.sentences_moved) == (
        t.sentences_kept, t.sentences_changed, t.sentences_moved
    )


@SETTINGS
@given(pair_seeds)
def test_same_inputs_same_result(seed):
    left, right = _pair(*seed)
    assert align(left, right) == align(left, right)


@SETTINGS
@given(st.integers(0, 2**32 - 1))
def test_batched_similarities_are_the_pairwise_ones(seed):
    # The candidates of a sentence are scored in one rapidfuzz call: every score, bit for bit,
    # must be the one `similarity` gives the pair (a cutoff there would drop a score that rounding
    # puts on the bar, such as 3 of 10 words kept).
    from desktop.core.align import pairing

    rng = random.Random(seed)
    words = VOCAB[: rng.randint(3, len(VOCAB))]
    wa = tuple(rng.choices(words, k=rng.randint(1, 30)))
    others = [tuple(rng.choices(words, k=rng.randint(1, 30))) for _ in range(rng.randint(1, 24))]
    assert pairing.similarities(wa, others) == [pairing.similarity(wa, wb) for wb in others]


def test_batched_similarities_keep_the_estimate_for_huge_units(monkeypatch):
    from desktop.core.align import pairing

    monkeypatch.setattr(pairing, "EXACT_LIMIT", 20)
    wa = tuple("the ship the crew the fuel".split())
    others = [("crew", "the"), tuple("the fuel the ship the crew said the minister".split())]
    got = pairing.similarities(wa, others)
    assert got == [pairing.similarity(wa, wb) for wb in others]
    assert got[1] == 2 * 6 / (6 + 9)  # the order-free share: all six of wa's words are in the other


@SETTINGS
@given(st.integers(0, 2**32 - 1))
def test_chain_shortcut_gives_what_the_search_gives(seed):
    # heaviest_chain returns items already in order on both sides at once: that must be the
    # chain its search finds, on in-order items (paragraphs kept in place, patience anchors) and
    # on items a few of which cross (where the shortcut must stand aside).
    from desktop.core.align import chain

    rng = random.Random(seed)
    n = rng.randint(1, 300)
    firsts = sorted(rng.sample(range(4 * n), n))
    seconds = sorted(rng.sample(range(4 * n), n))
    if rng.random() < 0.5:  # a few crossings
        for _ in range(rng.randint(1, 3)):
            p, q = rng.randrange(n), rng.randrange(n)
            seconds[p], seconds[q] = seconds[q], seconds[p]
    weights = [rng.choice([1.0, rng.uniform(0.3, 2.0) * rng.randint(2, 60)]) for _ in range(n)]
    items = list(zip(firsts, seconds, weights))
    rng.shuffle(items)
    found = chain.heaviest_chain(items)
    searched = _without_shortcut(chain, items)
    assert found == searched
    if seconds == sorted(seconds):
        assert sorted(found, key=lambda k: items[k][0]) == found and len(found) == n


def _without_shortcut(chain_module, items):
    saved = chain_module._all_in_order
    chain_module._all_in_order = lambda *args: False
    try:
        return chain_module.heaviest_chain(items)
    finally:
        chain_module._all_in_order = saved


@SETTINGS
@given(st.integers(0, 2**32 - 1))
def test_patience_anchors_are_the_chain_of_the_tokens_once_on_each_side(seed):
    # _unique_anchors counts and places tokens in C: the pairs must be those of the tokens seen
    # once on each side, in left order, and the anchors their heaviest chain.
    from collections import Counter

    from desktop.core.align import words
    from desktop.core.align.chain import heaviest_chain

    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(rng.randint(5, 400))]
    ka = tuple(rng.choices(vocab, k=rng.randint(0, 300)))
    kb = list(ka)
    for _ in range(rng.randint(0, 6)):
        p = rng.randrange(len(kb) + 1)
        kb[p : p + rng.randint(0, 5)] = rng.choices(vocab, k=rng.randint(0, 5))
    if kb and rng.random() < 0.5:  # a block moved: anchors out of order
        p, q = sorted(rng.sample(range(len(kb) + 1), 2))
        kb = kb[:p] + kb[q:] + kb[p:q]
    a0, b0 = rng.randint(0, 3), rng.randint(0, 3)
    ka, kb = ("x",) * a0 + ka, ("y",) * b0 + tuple(kb)
    ca, cb = Counter(ka[a0:]), Counter(kb[b0:])
    pairs = [(i, kb.index(t, b0), 1.0) for i, t in enumerate(ka) if i >= a0 and ca[t] == 1 and cb.get(t) == 1]
    expected = [(pairs[k][0], pairs[k][1]) for k in heaviest_chain(pairs)]
    assert words._unique_anchors(ka, a0, len(ka), kb, b0, len(kb)) == expected
