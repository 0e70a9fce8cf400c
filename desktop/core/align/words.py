"""Word-level and character-level operations inside one pair of sentences.

Runs are (tag, a0, a1, b0, b1) over the keyed tokens of the two sentences, tag one of
"equal", "replace", "delete", "insert". Like the pairing, every diff is computed with its
two inputs in a fixed order and mirrored, so swapping sides mirrors the operations.
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz.distance import Indel, Levenshtein

from desktop.core.align.chain import heaviest_chain
from desktop.core.align.units import Sentence, Side
from desktop.core.article import Span
from desktop.core.compare.model import Op, WordOp

# Above this many cells a bit-parallel LCS gets slow and memory-hungry (N·M/64 words):
# split the pair at tokens unique to both sides first.
DIRECT_LIMIT = 4_000_000
FALLBACK_LIMIT = 100_000_000  # without anchors, still affordable once (about 12 MB, a second)
CHUNK = 4_000
CHAR_SIMILARITY = 0.5  # below this, two words are different words, not a respelling

Run = tuple[str, int, int, int, int]
_MIRROR = {"equal": "equal", "replace": "replace", "delete": "insert", "insert": "delete"}


def diff_runs(ka: tuple[str, ...], kb: tuple[str, ...]) -> list[Run]:
    if ka > kb:
        return [(_MIRROR[t], b0, b1, a0, a1) for t, a0, a1, b0, b1 in diff_runs(kb, ka)]
    raw: list[Run] = []
    _diff(ka, 0, len(ka), kb, 0, len(kb), raw)
    return _merge(raw)


def _diff(ka, a0, a1, kb, b0, b1, out: list[Run]) -> None:
    # Common prefix and suffix cost nothing and shrink what the LCS must look at.
    p = 0
    while a0 + p < a1 and b0 + p < b1 and ka[a0 + p] == kb[b0 + p]:
        p += 1
    if p:
        out.append(("equal", a0, a0 + p, b0, b0 + p))
        a0, b0 = a0 + p, b0 + p
    s = 0
    while a1 - s > a0 and b1 - s > b0 and ka[a1 - s - 1] == kb[b1 - s - 1]:
        s += 1
    tail = ("equal", a1 - s, a1, b1 - s, b1) if s else None
    a1, b1 = a1 - s, b1 - s
    if a0 == a1 or b0 == b1:
        if a0 < a1:
            out.append(("delete", a0, a1, b0, b0))
        elif b0 < b1:
            out.append(("insert", a0, a0, b0, b1))
    elif (a1 - a0) * (b1 - b0) <= DIRECT_LIMIT:
        for o in Indel.opcodes(ka[a0:a1], kb[b0:b1]):
            out.append((o.tag, a0 + o.src_start, a0 + o.src_end, b0 + o.dest_start, b0 + o.dest_end))
    else:
        anchors = _unique_anchors(ka, a0, a1, kb, b0, b1)
        if not anchors and (a1 - a0) * (b1 - b0) <= FALLBACK_LIMIT:
            for o in Indel.opcodes(ka[a0:a1], kb[b0:b1]):
                out.append((o.tag, a0 + o.src_start, a0 + o.src_end, b0 + o.dest_start, b0 + o.dest_end))
        elif not anchors:
            _windowed(ka, a0, a1, kb, b0, b1, out)
        else:
            pa, pb = a0, b0
            for i, j in anchors:
                _diff(ka, pa, i, kb, pb, j, out)
                out.append(("equal", i, i + 1, j, j + 1))
                pa, pb = i + 1, j + 1
            _diff(ka, pa, a1, kb, pb, b1, out)
    if tail:
        out.append(tail)


def _windowed(ka, a0, a1, kb, b0, b1, out: list[Run]) -> None:
    """Diff window by window when no word occurs once on each side (a long run over a small
    vocabulary): each window's diff is kept up to its last match in the first three quarters,
    and the next window starts there, so the windows stay in step across insertions."""
    pa, pb = a0, b0
    while pa < a1 or pb < b1:
        ea, eb = min(a1, pa + CHUNK), min(b1, pb + CHUNK)
        codes = list(Indel.opcodes(ka[pa:ea], kb[pb:eb])) if pa < ea and pb < eb else []
        if ea == a1 and eb == b1:
            if codes:
                out.extend((o.tag, pa + o.src_start, pa + o.src_end, pb + o.dest_start, pb + o.dest_end) for o in codes)
            elif pa < a1:
                out.append(("delete", pa, a1, pb, pb))
            elif pb < b1:
                out.append(("insert", pa, pa, pb, b1))
            return
        equal = [k for k, o in enumerate(codes) if o.tag == "equal"]
        early = [k for k in equal if codes[k].src_end <= (ea - pa) * 3 // 4]
        if not equal:
            out.append(("replace", pa, ea, pb, eb))
            pa, pb = ea, eb
            continue
        last = (early or equal)[-1]
        out.extend((o.tag, pa + o.src_start, pa + o.src_end, pb + o.dest_start, pb + o.dest_end) for o in codes[: last + 1])
        pa, pb = pa + codes[last].src_end, pb + codes[last].dest_end


def _unique_anchors(ka, a0, a1, kb, b0, b1) -> list[tuple[int, int]]:
    """Patience anchors: tokens occurring once on each side, kept in an increasing chain."""
    # Counted and placed in C: a text without full stops diffs units of 10,000 words and more.
    seg_a, seg_b = ka[a0:a1], kb[b0:b1]
    count_a, count_b = Counter(seg_a), Counter(seg_b)  # each in first-seen order
    pos_a, pos_b = dict(zip(seg_a, range(a0, a1))), dict(zip(seg_b, range(b0, b1)))
    pairs = [(pos_a[k], pos_b[k], 1.0) for k, c in count_a.items() if c == 1 and count_b.get(k) == 1]
    return [(pairs[k][0], pairs[k][1]) for k in heaviest_chain(pairs)]


def _merge(raw: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in raw:
        if run[1] == run[2] and run[3] == run[4]:
            continue
        if out and run[0] != "equal" and out[-1][0] != "equal":
            _, a0, _, b0, _ = out[-1]
            out[-1] = ("replace", a0, run[2], b0, run[4])
        elif out and run[0] == "equal" and out[-1][0] == "equal":
            _, a0, _, b0, _ = out[-1]
            out[-1] = ("equal", a0, run[2], b0, run[4])
        else:
            out.append(run)
    fixed = []
    for t, a0, a1, b0, b1 in out:
        if t == "replace" and a0 == a1:
            t = "insert"
        elif t == "replace" and b0 == b1:
            t = "delete"
        fixed.append((t, a0, a1, b0, b1))
    return fixed


def _span(side: Side, sent: Sentence, lo: int, hi: int) -> Span:
    toks = side.article.tokens
    return Span(toks[sent.tokens[lo]].start, toks[sent.tokens[hi - 1]].end)


def word_ops(a: Side, sa: Sentence, b: Side, sb: Sentence, runs: list[Run]) -> tuple[WordOp, ...]:
    ops: list[WordOp] = []
    for tag, a0, a1, b0, b1 in runs:
        if tag == "equal":
            ops.append(WordOp(Op.EQUAL, _span(a, sa, a0, a1), _span(b, sb, b0, b1)))
        elif tag == "delete":
            ops.append(WordOp(Op.DELETED, _span(a, sa, a0, a1), None))
        elif tag == "insert":
            ops.append(WordOp(Op.INSERTED, None, _span(b, sb, b0, b1)))
        elif a1 - a0 == b1 - b0:
            for i, j in zip(range(a0, a1), range(b0, b1)):
                la, lb = _span(a, sa, i, i + 1), _span(b, sb, j, j + 1)
                ops.append(WordOp(Op.CHANGED, la, lb, char_ops(a.article.text, la, b.article.text, lb)))
        else:
            ops.append(WordOp(Op.CHANGED, _span(a, sa, a0, a1), _span(b, sb, b0, b1)))
    return tuple(ops)


def char_ops(text_a: str, la: Span, text_b: str, lb: Span) -> tuple[WordOp, ...]:
    """Character operations between two words, or () when they are not two spellings of one word."""
    wa, wb = text_a[la.start : la.end], text_b[lb.start : lb.end]
    if Indel.normalized_similarity(wa.casefold(), wb.casefold()) < CHAR_SIMILARITY:
        return ()
    if wa > wb:
        codes = [(_MIRROR[o.tag], o.dest_start, o.dest_end, o.src_start, o.src_end) for o in Levenshtein.opcodes(wb, wa)]
    else:
        codes = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Levenshtein.opcodes(wa, wb)]
    ops = []
    for tag, a0, a1, b0, b1 in codes:
        sa = Span(la.start + a0, la.start + a1) if a1 > a0 else None
        sb = Span(lb.start + b0, lb.start + b1) if b1 > b0 else None
        op = {"equal": Op.EQUAL, "replace": Op.CHANGED, "delete": Op.DELETED, "insert": Op.INSERTED}[tag]
        ops.append(WordOp(op, sa, sb))
    return tuple(ops)
