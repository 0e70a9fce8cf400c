"""The heaviest chain of pairs increasing on both sides: what keeps reading order in an alignment."""

from __future__ import annotations


def heaviest_chain(items: list[tuple[int, int, float]]) -> list[int]:
    """Indices of the items (i, j, weight) forming the heaviest chain increasing in both i and j."""
    if not items:
        return []
    order = sorted(range(len(items)), key=lambda k: (items[k][0], -items[k][1]))
    js = sorted({items[k][1] for k in order})
    rank = {j: r + 1 for r, j in enumerate(js)}
    size = len(js)
    tree_w = [0.0] * (size + 1)
    tree_k = [-1] * (size + 1)
    best_w = [0.0] * len(items)
    prev = [-1] * len(items)
    # Same i never chains with itself: process one i at a time, query before update.
    pos = 0
    while pos < len(order):
        end = pos
        while end < len(order) and items[order[end]][0] == items[order[pos]][0]:
            end += 1
        group = order[pos:end]
        for k in group:
            r = rank[items[k][1]] - 1
            w, arg = 0.0, -1
            while r > 0:
                if tree_w[r] > w:
                    w, arg = tree_w[r], tree_k[r]
                r -= r & -r
            best_w[k] = w + items[k][2]
            prev[k] = arg
        for k in group:
            r = rank[items[k][1]]
            while r <= size:
                if best_w[k] > tree_w[r]:
                    tree_w[r], tree_k[r] = best_w[k], k
                r += r & -r
        pos = end
    k = max(range(len(items)), key=lambda k: (best_w[k], -items[k][0]))
    chain = []
    while k != -1:
        chain.append(k)
        k = prev[k]
    return chain[::-1]
