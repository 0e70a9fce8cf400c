"""Comparisons built by hand for the report tests and bench (no engine needed), and a sanity test of them.

`hand_comparison` aligns sentences with difflib and words with difflib: crude next to the
real engine, but it produces every kind of piece (equal, changed with word and letter
operations, inserted, deleted, moved) with true spans, which is what the report paints.
"""

from __future__ import annotations

import difflib
import re

from desktop.core.article import Article, Span
from desktop.core.ingest.build import article_from_text
from desktop.core.compare.model import (
    Change,
    ChangeClass,
    Comparison,
    Op,
    Options,
    Piece,
    Stats,
    WordOp,
)
from desktop.core.entities.model import (
    Discrepancy,
    DiscrepancyKind,
    Entity,
    EntityMatch,
    EntityType,
    Extraction,
    MatchStatus,
    Mention,
    Quote,
)
from desktop.core.ingest.text import is_word

WIRE = """Fuel spill closes Halifax shellfish beds after cargo ship runs aground

HALIFAX, Nova Scotia — Health officials closed 14 shellfish leases along the Eastern Shore on Wednesday after a cargo ship carrying 1,200 tonnes of heavy fuel oil ran aground at the mouth of Halifax Harbour.

The MV Saltmarsh Dawn, a 190-metre bulk carrier registered in Liberia, struck a shoal near McNabs Island shortly after 3 a.m. on Tuesday, March 4, 2025. All 21 crew members were taken off the ship unharmed, the Canadian Coast Guard said.

Harbour Commissioner Amira Rasheed said about 40 tonnes of fuel had leaked before divers sealed two breached tanks late Tuesday. "We will not reopen the beds until every test comes back clean," Rasheed said.

Crews from the Northgate Harbour Authority laid three kilometres of floating boom around the ship on Tuesday afternoon. The clean-up will cost at least $4.2 million, the authority estimated.

Colm Brennan, president of the Eastern Shore Shellfish Growers Association, said the closures cover about 12% of the province's mussel harvest. "Every day these leases stay shut costs our members money they will never get back," Brennan said.

The vessel's steering failed minutes before the grounding, according to two crew members who spoke to investigators.

Lieutenant Commander Dana Whitcombe of the coast guard said the slick had drifted about six kilometres east by Wednesday morning. Whitcombe said aircraft would survey the coastline twice a day until the leak was fully contained.

Salvage teams plan to pump the remaining fuel into a barge before attempting to refloat the ship at high tide on Friday, according to the authority."""

HERALD = """Shellfish harvest halted as grounded freighter leaks fuel off Halifax

HALIFAX, Nova Scotia — Health officials closed 16 shellfish leases along the Eastern Shore on Wednesday after a cargo ship carrying 1,300 tonnes of heavy fuel oil ran aground at the mouth of Halifax Harbour.

The vessel's steering failed minutes before the grounding, according to two crew members who spoke to investigators.

The MV Saltmarsh Dawn, a 190-metre bulk carrier registered in Liberia, struck a shoal near McNabs Island shortly after 3 a.m. on Monday, March 3, 2025. All 21 crew members were taken off the ship unharmed, the Canadian Coast Guard said.

Harbour Commissioner Amira Rashid said about 40 tonnes of fuel had leaked before divers sealed two breached tanks late Tuesday. "We will not reopen the beds until every single test comes back clean," Rashid said.

Crews from the Northgate Harbour Authority laid three kilometres of floating boom around the ship on Tuesday afternoon. The clean-up could cost as much as $4.2 million, the authority estimated.

Colm Brennan, president of the Eastern Shore Shellfish Growers Association, said the closures cover about 12% of the province's mussel harvest. "Every day these leases stay shut costs our members money they will never get back," Brennan said.

Lieutenant Commander Dana Whitcomb of the coast guard said the slick had drifted about six kilometres east by Wednesday morning. Whitcomb said aircraft would survey the coastline twice a day until the leak was fully contained.

Fishers in nearby Musquodoboit Harbour said they had smelled diesel on the water since Tuesday night.

Salvage teams plan to pump the remaining fuel into a barge before attempting to refloat the ship at high tide on Friday, according to the authority."""


def _body_sentences(a: Article) -> list[Span]:
    return [s for s in a.sentences if a.is_body(s.start)]


def _paragraph_index(a: Article) -> dict[int, int]:
    """Sentence start -> index of its body block."""
    out = {}
    for i, b in enumerate(a.body_blocks):
        for s in a.sentences:
            if b.start <= s.start < b.end:
                out[s.start] = i
    return out


def _tokens(a: Article, span: Span):
    return [t for t in a.tokens if span.start <= t.start < span.end]


def _char_ops(a: Article, ls: Span, b: Article, rs: Span) -> tuple[WordOp, ...]:
    sm = difflib.SequenceMatcher(None, a.text[ls.start : ls.end], b.text[rs.start : rs.end], autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        op = {"equal": Op.EQUAL, "replace": Op.CHANGED, "delete": Op.DELETED, "insert": Op.INSERTED}[tag]
        ops.append(
            WordOp(
                op,
                Span(ls.start + i1, ls.start + i2) if i2 > i1 else None,
                Span(rs.start + j1, rs.start + j2) if j2 > j1 else None,
            )
        )
    return tuple(ops)


def _word_ops(a: Article, ls: Span, b: Article, rs: Span) -> tuple[WordOp, ...]:
    lt, rt = _tokens(a, ls), _tokens(b, rs)
    sm = difflib.SequenceMatcher(None, [t.norm for t in lt], [t.norm for t in rt], autojunk=False)
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            ops.extend(WordOp(Op.EQUAL, Span(lt[i].start, lt[i].end), Span(rt[j].start, rt[j].end))
                       for i, j in zip(range(i1, i2), range(j1, j2)))
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2)):
                lsp, rsp = Span(lt[i].start, lt[i].end), Span(rt[j].start, rt[j].end)
                ops.append(WordOp(Op.CHANGED, lsp, rsp, _char_ops(a, lsp, b, rsp)))
        else:
            if i2 > i1:
                ops.append(WordOp(Op.DELETED, Span(lt[i1].start, lt[i2 - 1].end), None))
            if j2 > j1:
                ops.append(WordOp(Op.INSERTED, None, Span(rt[j1].start, rt[j2 - 1].end)))
    return tuple(ops)


def _norm(a: Article, s: Span) -> str:
    return " ".join(t.norm.lower() for t in _tokens(a, s))


def _classify(left_text: str, right_text: str) -> ChangeClass:
    if re.search(r"\d", left_text + right_text):
        return ChangeClass.FIGURE
    if left_text[:1].isupper() or right_text[:1].isupper():
        return ChangeClass.NAME
    return ChangeClass.OTHER


def hand_comparison(left: Article, right: Article, extraction: bool = True) -> Comparison:
    ls, rs = _body_sentences(left), _body_sentences(right)
    lp, rp = _paragraph_index(left), _paragraph_index(right)
    ln, rn = [_norm(left, s) for s in ls], [_norm(right, s) for s in rs]
    pieces: list[Piece] = []
    sm = difflib.SequenceMatcher(None, ln, rn, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                pieces.append(Piece(Op.EQUAL, ls[i], rs[j], paragraph=(lp[ls[i].start], rp[rs[j].start])))
            continue
        n = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(n):
            a, b = ls[i1 + k], rs[j1 + k]
            ratio = difflib.SequenceMatcher(None, ln[i1 + k], rn[j1 + k]).ratio()
            if ratio >= 0.5:
                pieces.append(Piece(Op.CHANGED, a, b, _word_ops(left, a, right, b), paragraph=(lp[a.start], rp[b.start])))
            else:
                pieces.append(Piece(Op.DELETED, a, None, paragraph=(lp[a.start], None)))
                pieces.append(Piece(Op.INSERTED, None, b, paragraph=(None, rp[b.start])))
        for i in range(i1 + n, i2):
            pieces.append(Piece(Op.DELETED, ls[i], None, paragraph=(lp[ls[i].start], None)))
        for j in range(j1 + n, j2):
            pieces.append(Piece(Op.INSERTED, None, rs[j], paragraph=(None, rp[rs[j].start])))
    # Moves: a deleted sentence whose words reappear as an inserted one elsewhere.
    for i, p in enumerate(pieces):
        if p.op != Op.DELETED:
            continue
        for j, q in enumerate(pieces):
            if q.op == Op.INSERTED and _norm(left, p.left) == _norm(right, q.right):
                pieces[i] = Piece(Op.MOVED, p.left, None, partner=j, paragraph=p.paragraph)
                pieces[j] = Piece(Op.MOVED, None, q.right, partner=i, paragraph=q.paragraph)
                break

    changes = []
    for i, p in enumerate(pieces):
        if p.op == Op.CHANGED:
            for w in p.words:
                if w.op == Op.EQUAL:
                    continue
                lt = left.text[w.left.start : w.left.end] if w.left else ""
                rt = right.text[w.right.start : w.right.end] if w.right else ""
                changes.append(Change(_classify(lt, rt), w.left, w.right, lt, rt, i))
    words = lambda a, s: sum(1 for t in _tokens(a, s) if is_word(t.norm))  # noqa: E731
    kept = sum(words(left, p.left) for p in pieces if p.op == Op.EQUAL)
    removed = sum(words(left, p.left) for p in pieces if p.op == Op.DELETED)
    added = sum(words(right, p.right) for p in pieces if p.op == Op.INSERTED)
    moved = sum(words(left, p.left) for p in pieces if p.op == Op.MOVED and p.left)
    changed = sum(1 for p in pieces if p.op == Op.CHANGED for w in p.words if w.op != Op.EQUAL)
    total = max(1, left.word_count + right.word_count)
    stats = Stats(
        similarity=2 * (kept + moved) / total,
        left_in_right=(kept + moved) / max(1, left.word_count),
        right_in_left=(kept + moved) / max(1, right.word_count),
        words_kept=kept,
        words_changed=changed,
        words_added=added,
        words_removed=removed,
        words_moved=moved,
        sentences_kept=sum(p.op == Op.EQUAL for p in pieces),
        sentences_changed=sum(p.op == Op.CHANGED for p in pieces),
        sentences_added=sum(p.op == Op.INSERTED for p in pieces),
        sentences_removed=sum(p.op == Op.DELETED for p in pieces),
        sentences_moved=sum(p.op == Op.MOVED and p.left is not None for p in pieces),
    )
    c = Comparison(left, right, Options(), (), tuple(pieces), tuple(changes), stats, ())
    if not extraction:
        return c
    from dataclasses import replace

    le, re_, matches, discrepancies = _hand_entities(left, right)
    return replace(c, left_extraction=le, right_extraction=re_, entities=matches, discrepancies=discrepancies)


def _find(a: Article, needle: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = a.text.index(needle, at + 1)
    return Span(at, at + len(needle))


def _entity(a: Article, etype: EntityType, name: str, *forms: str) -> Entity:
    mentions = []
    for form in forms or (name,):
        for m in re.finditer(re.escape(form), a.text):
            mentions.append(Mention(m.start(), m.end(), form))
    return Entity(etype, name, tuple(sorted(mentions, key=lambda m: m.start)))


def _quote(a: Article, words: str, speaker: str) -> Quote:
    s = _find(a, words)
    return Quote(words, s.start, s.end, speaker, "person")


def _sentence_of(a: Article, span: Span) -> str:
    for s in a.sentences:
        if s.start <= span.start < s.end:
            return a.text[s.start : s.end]
    return ""


def _hand_entities(left: Article, right: Article):
    """Entities, quotes and discrepancies as an extractor would find them in WIRE / HERALD."""
    lents = {
        "rasheed": _entity(left, EntityType.PERSON, "Amira Rasheed", "Amira Rasheed", "Rasheed"),
        "brennan": _entity(left, EntityType.PERSON, "Colm Brennan", "Colm Brennan", "Brennan"),
        "whit": _entity(left, EntityType.PERSON, "Dana Whitcombe", "Dana Whitcombe", "Whitcombe said"),
        "halifax": _entity(left, EntityType.PLACE, "Halifax"),
        "northgate": _entity(left, EntityType.ORGANIZATION, "Northgate Harbour Authority"),
        "leases": _entity(left, EntityType.FIGURE, "14 shellfish leases", "14 shellfish leases"),
        "tonnes": _entity(left, EntityType.FIGURE, "1,200 tonnes", "1,200 tonnes"),
        "date": _entity(left, EntityType.DATE, "Tuesday, March 4, 2025", "Tuesday, March 4, 2025"),
    }
    rents = {
        "rasheed": _entity(right, EntityType.PERSON, "Amira Rashid", "Amira Rashid", "Rashid"),
        "brennan": _entity(right, EntityType.PERSON, "Colm Brennan", "Colm Brennan", "Brennan"),
        "whit": _entity(right, EntityType.PERSON, "Dana Whitcomb", "Dana Whitcomb", "Whitcomb said"),
        "halifax": _entity(right, EntityType.PLACE, "Halifax"),
        "musq": _entity(right, EntityType.PLACE, "Musquodoboit Harbour"),
        "northgate": _entity(right, EntityType.ORGANIZATION, "Northgate Harbour Authority"),
        "leases": _entity(right, EntityType.FIGURE, "16 shellfish leases", "16 shellfish leases"),
        "tonnes": _entity(right, EntityType.FIGURE, "1,300 tonnes", "1,300 tonnes"),
        "date": _entity(right, EntityType.DATE, "Monday, March 3, 2025", "Monday, March 3, 2025"),
    }
    lq = (
        _quote(left, "We will not reopen the beds until every test comes back clean,", "Amira Rasheed"),
        _quote(left, "Every day these leases stay shut costs our members money they will never get back,", "Colm Brennan"),
    )
    rq = (
        _quote(right, "We will not reopen the beds until every single test comes back clean,", "Amira Rashid"),
        _quote(right, "Every day these leases stay shut costs our members money they will never get back,", "Colm Brennan"),
    )
    status = {
        "rasheed": MatchStatus.VARIANT, "brennan": MatchStatus.BOTH, "whit": MatchStatus.VARIANT,
        "halifax": MatchStatus.BOTH, "northgate": MatchStatus.BOTH, "leases": MatchStatus.CONFLICT,
        "tonnes": MatchStatus.CONFLICT, "date": MatchStatus.CONFLICT, "musq": MatchStatus.RIGHT,
    }
    matches = []
    for key, st in status.items():
        le, rr = lents.get(key), rents.get(key)
        etype = (le or rr).type
        matches.append(EntityMatch(etype, (le or rr).name, st, le, rr))

    def disc(kind, lt, rt, subject, nth=0):
        ls, rs = _find(left, lt, nth), _find(right, rt, nth)
        return Discrepancy(kind, lt, rt, ls, rs, subject, _sentence_of(left, ls), _sentence_of(right, rs))

    discrepancies = (
        disc(DiscrepancyKind.FIGURE, "14", "16", "shellfish leases closed"),
        disc(DiscrepancyKind.FIGURE, "1,200 tonnes", "1,300 tonnes", "heavy fuel oil aboard"),
        disc(DiscrepancyKind.DATE, "Tuesday, March 4, 2025", "Monday, March 3, 2025", "when the ship struck"),
        disc(DiscrepancyKind.NAME, "Amira Rasheed", "Amira Rashid", "Harbour Commissioner"),
        disc(DiscrepancyKind.NAME, "Dana Whitcombe", "Dana Whitcomb", "coast guard officer"),
    )
    return (
        Extraction(tuple(lents.values()), lq),
        Extraction(tuple(rents.values()), rq),
        tuple(matches),
        discrepancies,
    )


def sample_comparison(extraction: bool = True) -> Comparison:
    left = article_from_text(WIRE, path="/stories/harbour-wire.txt", title="")
    right = article_from_text(HERALD, path="/stories/harbour-herald.txt", title="")
    return hand_comparison(left, right, extraction)


def test_hand_comparison_has_every_kind_of_piece():
    c = sample_comparison()
    ops = {p.op for p in c.sentences}
    assert {Op.EQUAL, Op.CHANGED, Op.INSERTED, Op.MOVED} <= ops
    assert any(w.chars for p in c.sentences for w in p.words)
    assert len(c.discrepancies) == 5
