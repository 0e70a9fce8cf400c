"""Pair the sentences and paragraphs of two articles: in place, moved, or left unpaired.

Identical sentences pair by hash; the rest are scored by word-order similarity (Indel) on
candidates drawn from an inverted index of the rarer words, so long articles never cost
all-pairs work. A heaviest increasing chain of the confident pairs keeps the reading order;
confident pairs outside it are moves. Between the chain's links, sentences pair again at a
lower similarity, so a rewritten sentence still sits beside its counterpart.

Every decision is taken with the two sides in one fixed order (see `Side.sorts_after`) and
mirrored when asked the other way round, which makes swapping sides mirror the result.
"""

from __future__ import annotations

from itertools import accumulate, chain
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple
from math import sqrt

from rapidfuzz import process
from rapidfuzz.distance import Indel

from desktop.core.align.chain import heaviest_chain
from desktop.core.align.units import Side

MOVE_SIMILARITY = 0.6  # a move must keep most of its words ("lightly edited on the way")
GAP_SIMILARITY = 0.3  # between two in-place pairs, position vouches for a looser pairing
MIN_MOVE_WORDS = 3  # "He said." found elsewhere is no move
MAX_CANDIDATES = 24  # per sentence, the others sharing most rare words
RARE_WORDS = 8  # a sentence looks for candidates through its rarest words only
FULL_GAP = 2500  # gaps up to this many sentence pairs are scored exhaustively


EXACT_LIMIT = 4_000_000  # word pairs; beyond this an order-free estimate stands in


def similarity(wa: Sequence[str], wb: Sequence[str]) -> float:
    """Share of words the two keep in order (Indel); for two huge units, the share they hold in common.

    A "sentence" of 100,000 words (a text without full stops) would otherwise cost a
    bit-parallel LCS of N·M/64 steps for every candidate it is scored against.
    """
    if len(wa) * len(wb) <= EXACT_LIMIT:
        return Indel.normalized_similarity(wa, wb)
    common = sum((Counter(wa) & Counter(wb)).values())
    return 2 * common / (len(wa) + len(wb))


def similarities(wa: Sequence[str], others: list[Sequence[str]]) -> list[float]:
    """`similarity(wa, wb)` for each wb of `others`, the exact ones asked of rapidfuzz in one call.

    One call scores a sentence's candidates at about half the CPU of a call per pair. It is asked
    for every score, with no cutoff: rapidfuzz's cutoff drops a score that only rounding puts on
    the bar (0.30000000000000004 at 0.3), which `similarity` keeps."""
    if not others or len(wa) * max(map(len, others)) > EXACT_LIMIT:
        return [similarity(wa, wb) for wb in others]
    out = [0.0] * len(others)
    for _, score, k in process.extract(wa, others, scorer=Indel.normalized_similarity, limit=None):
        out[k] = score
    return out


class Match(NamedTuple):
    left: int
    right: int
    score: float  # similarity of the two units, 1.0 when their keys are identical
    moved: bool = False
    # A sentence split in two on one side (or two joined into one) pairs as a unit of
    # several neighbouring sentences: these many, from `left` / `right` on.
    left_n: int = 1
    right_n: int = 1


def _swap(matches: list[Match]) -> list[Match]:
    return sorted(
        (Match(m.right, m.left, m.score, m.moved, m.right_n, m.left_n) for m in matches),
        key=lambda m: (m.left, m.right),
    )


def pair_sentences(a: Side, b: Side) -> list[Match]:
    if a.sorts_after(b):
        return _swap(pair_sentences(b, a))
    a_words = [s.words for s in a.sentences]
    b_words = [s.words for s in b.sentences]
    matches = _pair_units([s.keys for s in a.sentences], a_words, [s.keys for s in b.sentences], b_words)
    return _absorb_splits(matches, a_words, [s.para for s in a.sentences], b_words, [s.para for s in b.sentences])


SPLIT_GAIN = 0.05  # joining a neighbour must raise the pair's similarity at least this much


def _absorb_splits(matches: list[Match], a_words, a_para, b_words, b_para) -> list[Match]:
    """Join an unpaired sentence to its in-place neighbour's pair when it holds the rest of the words.

    A sentence split in two ("... the authority said. It will ..." for "... the authority
    said it will ...") otherwise shows as a changed pair plus an added sentence.
    """
    free_a = set(range(len(a_words))) - {m.left for m in matches}
    free_b = set(range(len(b_words))) - {m.right for m in matches}
    out = []
    for mt in matches:
        if mt.moved:
            out.append(mt)
            continue
        lo_a, hi_a, lo_b, hi_b = mt.left, mt.left + 1, mt.right, mt.right + 1
        if lo_a - 1 not in free_a and hi_a not in free_a and lo_b - 1 not in free_b and hi_b not in free_b:
            out.append(mt)  # no unpaired neighbour to take in (most pairs): the pair as it is
            continue
        score = mt.score
        grew = True
        while grew:
            grew = False
            options = []
            for side, idx in (("a", lo_a - 1), ("a", hi_a), ("b", lo_b - 1), ("b", hi_b)):
                free, para, home = (free_a, a_para, a_para[lo_a]) if side == "a" else (free_b, b_para, b_para[lo_b])
                if idx not in free or para[idx] != home:
                    continue
                na = (min(lo_a, idx), max(hi_a, idx + 1)) if side == "a" else (lo_a, hi_a)
                nb = (min(lo_b, idx), max(hi_b, idx + 1)) if side == "b" else (lo_b, hi_b)
                wa = [w for k in range(*na) for w in a_words[k]]
                wb = [w for k in range(*nb) for w in b_words[k]]
                s = similarity(wa, wb)
                if s >= score + SPLIT_GAIN:
                    options.append((s, side, idx, na, nb))
            if options:
                s, side, idx, (lo_a, hi_a), (lo_b, hi_b) = max(options, key=lambda o: (o[0], o[1], -o[2]))
                (free_a if side == "a" else free_b).discard(idx)
                score = s
                grew = True
        out.append(Match(lo_a, lo_b, score, False, hi_a - lo_a, hi_b - lo_b))
    return out


def _pair_units(a_keys, a_words, b_keys, b_words) -> list[Match]:
    n, m = len(a_keys), len(b_keys)
    if not n or not m:
        return []
    scores: dict[tuple[int, int], float] = {}
    exact_a: set[int] = set()
    exact_b: set[int] = set()
    # Identical keys pair, empty ones included: under ignore_punctuation a sentence of
    # punctuation only ("--") has no keys and is the same as any other such sentence.
    by_key_b: dict[tuple, list[int]] = defaultdict(list)
    for j, k in enumerate(b_keys):
        by_key_b[k].append(j)
    by_key_a: dict[tuple, list[int]] = defaultdict(list)
    for i, k in enumerate(a_keys):
        by_key_a[k].append(i)
    for key, ia in by_key_a.items():
        jb = by_key_b.get(key)
        if not jb:
            continue
        if len(ia) * len(jb) <= 64:
            for i in ia:
                for j in jb:
                    scores[i, j] = 1.0
        else:  # a sentence repeated many times: pair occurrences in order
            for i, j in zip(ia, jb):
                scores[i, j] = 1.0
        exact_a.update(ia)
        exact_b.update(jb)

    rest_a = [i for i in range(n) if i not in exact_a and a_words[i]]
    rest_b = [j for j in range(m) if j not in exact_b and b_words[j]]
    if rest_a and rest_b:
        _similar_candidates(rest_a, a_words, rest_b, b_words, scores)

    size = lambda i, j: len(a_words[i]) + len(b_words[j]) + 1  # noqa: E731
    strong = sorted(
        ((s, i, j) for (i, j), s in scores.items() if s >= MOVE_SIMILARITY),
        key=lambda t: (-t[0], abs(t[1] / n - t[2] / m), t[1], t[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[tuple[int, int, float]] = []
    for s, i, j in strong:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            chosen.append((i, j, s))
    chain = heaviest_chain([(i, j, s * size(i, j)) for i, j, s in chosen])
    in_chain = set(chain)
    anchors = [chosen[k] for k in chain]
    matches = [Match(i, j, s) for i, j, s in anchors]
    taken_a = {i for i, _, _ in anchors}
    taken_b = {j for _, j, _ in anchors}
    for k, (i, j, s) in enumerate(chosen):
        if k not in in_chain and min(len(a_words[i]), len(b_words[j])) >= MIN_MOVE_WORDS:
            matches.append(Match(i, j, s, moved=True))
            taken_a.add(i)
            taken_b.add(j)

    # Gaps between anchors: pair what is left there, in order, at a lower bar.
    by_i: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (i, j), s in scores.items():
        if s >= GAP_SIMILARITY:
            by_i[i].append((j, s))
    bounds = [(-1, -1)] + [(i, j) for i, j, _ in anchors] + [(n, m)]
    for (pi, pj), (ni, nj) in zip(bounds, bounds[1:]):
        gap_a = [i for i in range(pi + 1, ni) if i not in taken_a]
        if not gap_a:
            continue
        gap_b = [j for j in range(pj + 1, nj) if j not in taken_b]
        if not gap_b:
            continue
        items: list[tuple[int, int, float]] = []
        if len(gap_a) * len(gap_b) <= FULL_GAP:
            for i in gap_a:
                for j in gap_b:
                    s = scores.get((i, j))
                    if s is None and a_words[i] and b_words[j]:
                        s = similarity(a_words[i], b_words[j])
                    if s is not None and s >= GAP_SIMILARITY:
                        items.append((i, j, s))
        else:
            free_b = set(gap_b)
            for i in gap_a:
                items.extend((i, j, s) for j, s in by_i.get(i, ()) if j in free_b)
        for k in heaviest_chain([(i, j, s * size(i, j)) for i, j, s in items]):
            i, j, s = items[k]
            matches.append(Match(i, j, s))
    matches.sort(key=lambda m: (m.left, m.right))
    return matches


def _similar_candidates(rest_a, a_words, rest_b, b_words, scores) -> None:
    """Score the pairs that share rarer words; words in many sentences pick no candidates."""
    index: dict[str, list[int]] = defaultdict(list)
    for j in rest_b:
        for w in set(b_words[j]):
            index[w].append(j)
    df_a = Counter(w for i in rest_a for w in set(a_words[i]))
    cap = max(12, int(2 * sqrt(len(rest_a) + len(rest_b))))
    for i in rest_a:
        posts = [(len(p), w, p) for w in set(a_words[i]) if (p := index.get(w)) and len(p) <= cap and df_a[w] <= cap]
        posts.sort()
        # Counted in C (a Counter keeps first-seen order, as the loop of += 1 it replaces did): the
        # rare words' lists hold up to `cap` sentences each, a few hundred steps per sentence.
        counts = Counter(chain.from_iterable(post for _, _, post in posts[:RARE_WORDS]))
        if not counts:
            continue
        # heapq.nlargest's own definition, sorted(...)[:n] (ties kept in order), sorted in C: the
        # heap's Python loop cost more on these few hundred candidates.
        best = list(counts)
        if len(counts) > MAX_CANDIDATES:
            best = sorted(counts, key=counts.get, reverse=True)[:MAX_CANDIDATES]
        for j, s in zip(best, similarities(a_words[i], [b_words[j] for j in best])):
            if s >= GAP_SIMILARITY:
                scores[i, j] = s


def pair_paragraphs(a: Side, b: Side, sentence_matches: list[Match]) -> list[Match]:
    """Paragraph pairs from the sentence pairs: a paragraph follows where most of its words went."""
    flip = a.sorts_after(b)
    if flip:
        a, b = b, a
        sentence_matches = _swap(sentence_matches)
    # Words before each sentence: a run of sentences' words is a difference of two of these.
    before_a = list(accumulate((len(s.words) for s in a.sentences), initial=0))
    before_b = list(accumulate((len(s.words) for s in b.sentences), initial=0))
    words_a = [before_a[p.last] - before_a[p.first] for p in a.paragraphs]
    words_b = [before_b[p.last] - before_b[p.first] for p in b.paragraphs]
    weight: dict[tuple[int, int], float] = defaultdict(float)
    moved_weight: dict[tuple[int, int], float] = defaultdict(float)
    for mt in sentence_matches:
        sa, sb = a.sentences[mt.left], b.sentences[mt.right]
        size = before_a[mt.left + mt.left_n] - before_a[mt.left] + before_b[mt.right + mt.right_n] - before_b[mt.right]
        w = mt.score * (size + 1) / 2
        weight[sa.para, sb.para] += w
        if mt.moved:
            moved_weight[sa.para, sb.para] += w
    ranked = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[tuple[int, int, float]] = []
    for (pa, pb), w in ranked:
        if pa in used_a or pb in used_b:
            continue
        if w < 0.5 * (min(words_a[pa], words_b[pb]) + 1):
            continue
        used_a.add(pa)
        used_b.add(pb)
        chosen.append((pa, pb, w))
    in_place = [c for c in chosen if moved_weight[c[0], c[1]] * 2 <= c[2]]
    chain = {(in_place[k][0], in_place[k][1]) for k in heaviest_chain(in_place)}
    out = []
    for pa, pb, w in chosen:
        score = min(1.0, w / (max(words_a[pa], words_b[pb]) + 1))
        out.append(Match(pa, pb, score, moved=(pa, pb) not in chain))
    out.sort(key=lambda m: (m.left, m.right))
    return _swap(out) if flip else out
