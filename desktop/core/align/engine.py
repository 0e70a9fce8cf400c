"""align(): pair, diff, label and count; the rows of a Comparison in display order."""

from __future__ import annotations

from desktop.core.align.classes import QuoteMap, changes_in, hunk_spans, whole_sentence_class
from desktop.core.align.pairing import Match, pair_paragraphs, pair_sentences
from desktop.core.align.stats import containment, shared_passages
from desktop.core.align.units import Forms, Sentence, Side
from desktop.core.align.words import Run, diff_runs, word_ops
from desktop.core.article import Article, Span
from desktop.core.compare.model import Change, ChangeClass, Comparison, Op, Options, Piece, Stats

# Rows: ("pair", match) stands at both positions; ("left", i, match|None) and
# ("right", j, match|None) stand at one side's position (a move when match is set).
Row = tuple

# A class's place in ChangeClass, which orders the classes of a row. Iterating the enum costs
# about 17 microseconds a time: asked once per edited sentence pair, it was a tenth of labelling.
_CLASS_ORDER = {cls: k for k, cls in enumerate(ChangeClass)}.__getitem__


def display_rows(n: int, m: int, matches: list[Match]) -> list[Row]:
    """Both sequences merged: in-place pairs in order; between them, left-only rows then right-only rows."""
    in_place = [mt for mt in matches if not mt.moved]
    moved_left = {mt.left: mt for mt in matches if mt.moved}
    moved_right = {mt.right: mt for mt in matches if mt.moved}
    rows: list[Row] = []
    i = j = 0
    for mt in [*in_place, None]:
        stop_i, stop_j = (n, m) if mt is None else (mt.left, mt.right)
        while i < stop_i:
            rows.append(("left", i, moved_left.get(i)))
            i += 1
        while j < stop_j:
            rows.append(("right", j, moved_right.get(j)))
            j += 1
        if mt is not None:
            rows.append(("pair", mt))
            i, j = mt.left + mt.left_n, mt.right + mt.right_n
    return rows


def _partners(rows: list[Row]) -> dict[int, int]:
    at_left: dict[tuple[int, int], int] = {}
    at_right: dict[tuple[int, int], int] = {}
    for k, row in enumerate(rows):
        if row[0] != "pair" and row[2] is not None:
            mt = row[2]
            (at_left if row[0] == "left" else at_right)[mt.left, mt.right] = k
    partner = {}
    for key, k in at_left.items():
        partner[k] = at_right[key]
        partner[at_right[key]] = k
    return partner


class _Counts:
    def __init__(self) -> None:
        self.words = dict(kept=0, changed=0, added=0, removed=0, moved=0)
        self.sentences = dict(kept=0, changed=0, added=0, removed=0, moved=0)


def _count_runs(counts: _Counts, a: Side, sa, b: Side, sb, runs: list[Run], moved: bool) -> None:
    w = counts.words
    for tag, a0, a1, b0, b1 in runs:
        na, nb = a.words_between(sa, a0, a1), b.words_between(sb, b0, b1)
        if tag == "equal":
            w["moved" if moved else "kept"] += na
        else:
            both = min(na, nb)
            w["changed"] += both
            w["removed"] += na - both
            w["added"] += nb - both


def unit(side: Side, first: int, count: int) -> Sentence:
    """One sentence, or neighbouring sentences paired as one (a sentence split in two on the other side)."""
    if count == 1:
        return side.sentences[first]
    parts = side.sentences[first : first + count]
    return Sentence(
        Span(parts[0].span.start, parts[-1].span.end),
        parts[0].block,
        parts[0].para,
        tuple(t for p in parts for t in p.tokens),
        tuple(k for p in parts for k in p.keys),
        tuple(w for p in parts for w in p.words),
    )


def align(left: Article, right: Article, options: Options = Options()) -> Comparison:
    forms = Forms(options)
    a, b = Side(left, options, forms), Side(right, options, forms)
    s_matches = pair_sentences(a, b)
    p_matches = pair_paragraphs(a, b, s_matches)
    quotes_a, quotes_b = QuoteMap(a), QuoteMap(b)
    counts = _Counts()

    rows = display_rows(len(a.sentences), len(b.sentences), s_matches)
    partner = _partners(rows)
    pieces: list[Piece] = []
    changes: list[Change] = []
    edits: dict[tuple[int, int], tuple] = {}

    def edit(mt: Match):
        """Word operations, changes and classes of one pair, computed once."""
        key = (mt.left, mt.right)
        if key not in edits:
            sa, sb = unit(a, mt.left, mt.left_n), unit(b, mt.right, mt.right_n)
            if sa.keys == sb.keys:
                edits[key] = ((), [], (), [("equal", 0, len(sa.keys), 0, len(sb.keys))])
            else:
                runs = diff_runs(sa.keys, sb.keys)
                found = []
                for cls, h in changes_in(a, sa, b, sb, runs, quotes_a, quotes_b):
                    found.append((cls, *hunk_spans(a, sa, b, sb, h)))
                classes = tuple(sorted({c for c, _, _ in found}, key=_CLASS_ORDER))
                edits[key] = (word_ops(a, sa, b, sb, runs), found, classes, runs)
        return edits[key]

    kept = 0  # words of the identical in-place pairs, most pairs of two versions of a story
    identical: set[tuple[int, int]] = set()  # those pairs, (left, right)
    for k, row in enumerate(rows):
        if row[0] == "pair":
            mt = row[1]
            if mt.left_n == mt.right_n == 1:
                sa, sb = a.sentences[mt.left], b.sentences[mt.right]
                if sa.keys == sb.keys:  # nothing to diff or label: all its words are kept
                    pieces.append(Piece(Op.EQUAL, sa.span, sb.span, (), None, (), (sa.block, sb.block)))
                    counts.sentences["kept"] += 1
                    kept += len(sa.words)
                    identical.add((mt.left, mt.right))
                    continue
            sa, sb = unit(a, mt.left, mt.left_n), unit(b, mt.right, mt.right_n)
            words, found, classes, runs = edit(mt)
            op = Op.EQUAL if not found and sa.keys == sb.keys else Op.CHANGED
            pieces.append(Piece(op, sa.span, sb.span, words, None, classes, (sa.block, sb.block)))
            counts.sentences["kept" if op == Op.EQUAL else "changed"] += 1
            _count_runs(counts, a, sa, b, sb, runs, moved=False)
        else:
            side_left = row[0] == "left"
            side, sent_i, mt = (a, row[1], row[2]) if side_left else (b, row[1], row[2])
            sent = side.sentences[sent_i]
            if mt is None:
                op = Op.DELETED if side_left else Op.INSERTED
                cls = whole_sentence_class(side, sent, quotes_a if side_left else quotes_b)
                n = len(sent.words)
                counts.words["removed" if side_left else "added"] += n
                counts.sentences["removed" if side_left else "added"] += 1
                spans = (sent.span, None) if side_left else (None, sent.span)
                para = (sent.block, None) if side_left else (None, sent.block)
                pieces.append(Piece(op, *spans, classes=(cls,), paragraph=para))
                changes.append(Change(cls, *spans, *(_text(side, sent.span, side_left)), k))
                continue
            sa, sb = unit(a, mt.left, mt.left_n), unit(b, mt.right, mt.right_n)
            words, found, classes, runs = edit(mt)
            spans = (sa.span, None) if side_left else (None, sb.span)
            para = (sa.block, None) if side_left else (None, sb.block)
            pieces.append(Piece(Op.MOVED, *spans, words, partner[k], classes, para))
            if side_left:  # a move is counted, and its edits listed, once: at its left row
                counts.sentences["moved"] += 1
                _count_runs(counts, a, sa, b, sb, runs, moved=True)
    counts.words["kept"] += kept
    for k, piece in enumerate(pieces):
        if piece.op == Op.CHANGED or (piece.op == Op.MOVED and piece.left is not None):
            row = rows[k]
            mt = row[1] if row[0] == "pair" else row[2]
            for cls, ls, rs in edit(mt)[1]:
                changes.append(
                    Change(cls, ls, rs, left.text[ls.start : ls.end] if ls else "", right.text[rs.start : rs.end] if rs else "", k)
                )
    changes.sort(key=lambda c: c.piece)  # stable: within a piece, hunks stay in reading order

    paragraphs = _paragraph_pieces(a, b, p_matches, identical, pieces)
    total = a.word_count + b.word_count
    matched = counts.words["kept"] + counts.words["moved"]
    similarity = 1.0 if total == 0 else 2 * matched / total
    l_in_r, r_in_l = containment(a, b)
    stats = Stats(
        similarity=similarity,
        left_in_right=l_in_r,
        right_in_left=r_in_l,
        **{f"words_{k}": v for k, v in counts.words.items()},
        **{f"sentences_{k}": v for k, v in counts.sentences.items()},
    )
    return Comparison(
        left=left,
        right=right,
        options=options,
        paragraphs=tuple(paragraphs),
        sentences=tuple(pieces),
        changes=tuple(changes),
        stats=stats,
        shared_passages=tuple(shared_passages(a, b)),
        word_counts=(a.article_word_count(), b.article_word_count()),
    )


def _text(side: Side, span, side_left: bool) -> tuple[str, str]:
    t = side.article.text[span.start : span.end]
    return (t, "") if side_left else ("", t)


def _paragraph_pieces(a: Side, b: Side, p_matches, equal_pairs: set[tuple[int, int]], pieces) -> list[Piece]:
    """The paragraph rows. `equal_pairs`: the in-place pairs of single identical sentences."""
    # Classes of a paragraph row: those of the sentence rows standing in it.
    cls_left: dict[int, set] = {}
    cls_right: dict[int, set] = {}
    for piece in pieces:
        if not piece.classes:  # most rows: nothing to add
            continue
        pl, pr = piece.paragraph
        if pl is not None:
            cls_left.setdefault(pl, set()).update(piece.classes)
        if pr is not None:
            cls_right.setdefault(pr, set()).update(piece.classes)
    order = _CLASS_ORDER
    out: list[Piece] = []
    p_rows = display_rows(len(a.paragraphs), len(b.paragraphs), p_matches)
    partner = _partners(p_rows)
    for k, row in enumerate(p_rows):
        if row[0] == "pair":
            mt = row[1]
            pa, pb = a.paragraphs[mt.left], b.paragraphs[mt.right]
            same = pa.last - pa.first == pb.last - pb.first and all(
                (pa.first + d, pb.first + d) in equal_pairs for d in range(pa.last - pa.first)
            )
            classes = cls_left.get(pa.block, set()) | cls_right.get(pb.block, set())
            out.append(
                Piece(Op.EQUAL if same else Op.CHANGED, pa.span, pb.span, (), None,
                      tuple(sorted(classes, key=order)) if not same else (), (pa.block, pb.block))
            )
        elif row[0] == "left":
            pa = a.paragraphs[row[1]]
            op = Op.MOVED if row[2] is not None else Op.DELETED
            cls = tuple(sorted(cls_left.get(pa.block, ()), key=order))
            out.append(Piece(op, pa.span, None, (), partner.get(k), cls, (pa.block, None)))
        else:
            pb = b.paragraphs[row[1]]
            op = Op.MOVED if row[2] is not None else Op.INSERTED
            cls = tuple(sorted(cls_right.get(pb.block, ()), key=order))
            out.append(Piece(op, None, pb.span, (), partner.get(k), cls, (None, pb.block)))
    return out
