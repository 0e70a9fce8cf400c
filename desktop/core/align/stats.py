"""Overlap figures: containment both ways and the shared passages (runs of 8+ words in both)."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import compress

from desktop.core.align.units import Side
from desktop.core.article import Span
from desktop.core.compare.model import SharedPassage

PASSAGE_WORDS = 8
CONTAINMENT_GRAM = 3
MAX_REPEATS = 16  # a passage repeated more often than this on one side is only linked this often


def _word_keys(side: Side) -> tuple[list[int], list[str]]:
    return side.word_tokens(), side.word_keys()


def containment(a: Side, b: Side) -> tuple[float, float]:
    """Share of each side's words that lie in a word 3-gram the other side also has.

    Unlike the alignment this counts moved and repeated passages, which is how reuse
    ("churnalism") studies measure how much of one text came from another.
    """
    _, ka = _word_keys(a)
    _, kb = _word_keys(b)
    if not ka or not kb:
        same = not ka and not kb
        return (1.0, 1.0) if same else (0.0, 0.0)
    n = min(CONTAINMENT_GRAM, len(ka), len(kb))
    # Grams are compared by hash (64 bits): a collision would cost one word of coverage. Each
    # side's are hashed once, for both directions.
    ha = list(map(hash, zip(*(ka[k:] for k in range(n)))))
    hb = list(map(hash, zip(*(kb[k:] for k in range(n)))))
    return _coverage(ha, set(hb), n, len(ka)), _coverage(hb, set(ha), n, len(kb))


def _coverage(grams: list[int], other: set[int], n: int, words: int) -> float:
    """The share of `words` words covered by the n-grams (hashed, in order) that `other` also has."""
    hits = bytes(map(other.__contains__, grams))
    # One byte per word, 1 where an n-gram starts: a word is covered when a gram starting at
    # it or at one of the n-1 words before it is shared. Shifting the whole byte string as one
    # big integer spreads each start over its n words without a Python loop.
    x = int.from_bytes(hits + bytes(n - 1), "big")
    covered = x
    for k in range(1, n):
        covered |= x >> (8 * k)
    return covered.bit_count() / words


def shared_passages(a: Side, b: Side) -> list[SharedPassage]:
    """Maximal runs of at least 8 words found in both, with their spans on each side."""
    if a.sorts_after(b):
        return sorted(
            (SharedPassage(p.right, p.left, p.words) for p in shared_passages(b, a)),
            key=lambda p: (p.left.start, p.right.start),
        )
    ia, ka = _word_keys(a)
    ib, kb = _word_keys(b)
    n = PASSAGE_WORDS
    if len(ka) < n or len(kb) < n:
        return []
    # Grams go by their hash; a run found that way is checked against the words below.
    ga = list(map(hash, zip(*(ka[k:] for k in range(n)))))
    gb = list(map(hash, zip(*(kb[k:] for k in range(n)))))
    # Most 8-grams occur once on each side: those go through one dict lookup per position.
    # The few repeated ones go through the slower all-occurrences path below.
    count_a, count_b = Counter(ga), Counter(gb)
    repeated = {g for g, c in count_a.items() if c > 1} | {g for g, c in count_b.items() if c > 1}
    pos_b = dict(zip(gb, range(len(gb))))
    for g in repeated:
        pos_b.pop(g, None)
    runs: list[tuple[int, int, int]] = []  # (first gram, last gram, diagonal)
    start = prev = -2
    for i, j in enumerate(map(pos_b.get, ga)):
        if j is not None and j == prev + 1 and start >= 0:
            prev = j
            continue
        if start >= 0:
            runs.append((start, i - 1, prev - (i - 1)))
        start, prev = (i, j) if j is not None else (-2, -2)
    if start >= 0:
        runs.append((start, len(ga) - 1, prev - (len(ga) - 1)))
    if repeated:
        runs = _merge_runs(runs + _repeated_runs(ga, gb, repeated))
    ta, tb = a.article.tokens, b.article.tokens
    out = []
    for s, e, d in runs:
        if ka[s : e + n] != kb[s + d : e + d + n]:
            continue  # a hash collision, not a passage
        left = Span(ta[ia[s]].start, ta[ia[e + n - 1]].end)
        right = Span(tb[ib[s + d]].start, tb[ib[e + d + n - 1]].end)
        out.append(SharedPassage(left, right, e - s + n))
    out.sort(key=lambda p: (p.left.start, p.right.start))
    return out


def _repeated_runs(ga, gb, repeated) -> list[tuple[int, int, int]]:
    post: dict[int, list[int]] = defaultdict(list)
    for j, g in compress(enumerate(gb), map(repeated.__contains__, gb)):
        if len(post[g]) < MAX_REPEATS:
            post[g].append(j)
    runs = []
    active: dict[int, int] = {}
    last = -1
    for i, g in compress(enumerate(ga), map(repeated.__contains__, ga)):
        if i != last + 1:
            runs.extend((s, last, d) for d, s in active.items())
            active = {}
        nxt = {j - i: active.get(j - i, i) for j in post.get(g, ())}
        runs.extend((s, i - 1, d) for d, s in active.items() if d not in nxt)
        active = nxt
        last = i
    runs.extend((s, last, d) for d, s in active.items())
    return runs


def _merge_runs(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Join runs on one diagonal that touch (a run of unique grams meeting one of repeated grams)."""
    out: list[tuple[int, int, int]] = []
    for s, e, d in sorted(runs, key=lambda r: (r[2], r[0])):
        if out and out[-1][2] == d and out[-1][1] + 1 >= s:
            out[-1] = (out[-1][0], max(out[-1][1], e), d)
        else:
            out.append((s, e, d))
    return out
