"""Overlap figures: containment both ways and the shared passages (runs of 8+ words in both)."""

from __future__ import annotations

from collections import defaultdict

from desktop.core.align.units import Side
from desktop.core.article import Span
from desktop.core.comparison import SharedPassage

PASSAGE_WORDS = 8
CONTAINMENT_GRAM = 3
MAX_REPEATS = 16  # a passage repeated more often than this on one side is only linked this often


def _word_keys(side: Side) -> tuple[list[int], list[str]]:
    idx = side.word_tokens()
    return idx, [side.token_keys[t] for t in idx]


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
    return _coverage(ka, kb, n), _coverage(kb, ka, n)


def _coverage(ka: list[str], kb: list[str], n: int) -> float:
    grams = {tuple(kb[j : j + n]) for j in range(len(kb) - n + 1)}
    covered = bytearray(len(ka))
    ones = b"\x01" * n
    for i in range(len(ka) - n + 1):
        if tuple(ka[i : i + n]) in grams:
            covered[i : i + n] = ones
    return sum(covered) / len(ka)


def shared_passages(a: Side, b: Side) -> list[SharedPassage]:
    """Maximal runs of at least 8 words found in both, with their spans on each side."""
    if a.order_key > b.order_key:
        return sorted(
            (SharedPassage(p.right, p.left, p.words) for p in shared_passages(b, a)),
            key=lambda p: (p.left.start, p.right.start),
        )
    ia, ka = _word_keys(a)
    ib, kb = _word_keys(b)
    n = PASSAGE_WORDS
    if len(ka) < n or len(kb) < n:
        return []
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in range(len(kb) - n + 1):
        post = grams[tuple(kb[j : j + n])]
        if len(post) < MAX_REPEATS:
            post.append(j)
    runs: list[tuple[int, int, int]] = []  # (first gram, last gram, diagonal)
    active: dict[int, int] = {}
    for i in range(len(ka) - n + 1):
        post = grams.get(tuple(ka[i : i + n]))
        nxt: dict[int, int] = {}
        if post:
            for j in post:
                d = j - i
                nxt[d] = active.get(d, i)
        for d, s in active.items():
            if d not in nxt:
                runs.append((s, i - 1, d))
        active = nxt
    last = len(ka) - n
    runs.extend((s, last, d) for d, s in active.items())
    ta, tb = a.article.tokens, b.article.tokens
    out = []
    for s, e, d in runs:
        left = Span(ta[ia[s]].start, ta[ia[e + n - 1]].end)
        right = Span(tb[ib[s + d]].start, tb[ib[e + d + n - 1]].end)
        out.append(SharedPassage(left, right, e - s + n))
    out.sort(key=lambda p: (p.left.start, p.right.start))
    return out
