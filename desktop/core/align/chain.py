"""The heaviest chain of pairs increasing on both sides: what keeps reading order in an alignment."""

from __future__ import annotations

from itertools import islice
from operator import itemgetter, lt


def heaviest_chain(items: list[tuple[int, int, float]]) -> list[int]:
    """Indices of the items (i, j, weight) forming the heaviest chain increasing in both i and j."""
    if not items:
        return []
    n = len(items)
    firsts = list(map(itemgetter(0), items))
    seconds = list(map(itemgetter(1), items))
    weights = list(map(itemgetter(2), items))
    order = sorted(range(n), key=lambda k: (firsts[k], -seconds[k]))
    if _all_in_order(order, firsts, seconds, weights):
        return order
    js = sorted(set(seconds))
    rank = dict(zip(js, range(1, len(js) + 1)))
    ranks = list(map(rank.__getitem__, seconds))
    size = len(js)
    # A Fenwick tree over the ranks of j: the heaviest chain ending below each rank, and its item.
    tree_w = [0.0] * (size + 1)
    tree_k = [-1] * (size + 1)
    best_w = [0.0] * n
    prev = [-1] * n
    # Same i never chains with itself: process one i at a time, query before update.
    pos = 0
    while pos < n:
        i = firsts[order[pos]]
        end = pos + 1
        while end < n and firsts[order[end]] == i:
            end += 1
        group = order[pos:end]
        for k in group:
            r = ranks[k] - 1
            w, arg = 0.0, -1
            while r:
                if tree_w[r] > w:
                    w, arg = tree_w[r], tree_k[r]
                r &= r - 1  # r - (r & -r): the next node to the left
            best_w[k] = w + weights[k]
            prev[k] = arg
        for k in group:
            r = ranks[k]
            w = best_w[k]
            while r <= size:
                if w > tree_w[r]:
                    tree_w[r], tree_k[r] = w, k
                r += r & -r
        pos = end
    k = max(range(n), key=lambda k: (best_w[k], -firsts[k]))
    chain = []
    while k != -1:
        chain.append(k)
        k = prev[k]
    return chain[::-1]


def _all_in_order(order: list[int], firsts: list, seconds: list, weights: list[float]) -> bool:
    """Whether the items, by i, increase in both i and j, with weights that no sum along them can
    swallow: then all of them are the one heaviest chain (each added item makes a chain strictly
    heavier, so every other chain, a part of this one, weighs less), found without the search.
    Paragraph pairs kept in place, and a long sentence's patience anchors, mostly are."""
    lightest = min(weights)
    if not lightest > 0 or sum(weights) >= lightest * 2.0**50:
        return False
    i = list(map(firsts.__getitem__, order))
    j = list(map(seconds.__getitem__, order))
    return all(map(lt, i, islice(i, 1, None))) and all(map(lt, j, islice(j, 1, None)))
