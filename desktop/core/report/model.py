"""The content of a comparison report as plain values, built from a Comparison."""

from __future__ import annotations

import re

import os
from dataclasses import dataclass
from datetime import date

from desktop.core.article import Article, Span
from desktop.core.compare.model import ChangeClass, Comparison, Op, Piece, WordOp
from desktop.core.ingest.controls import isolate, shorten
from desktop.core.entities.model import MatchStatus
from desktop.core.entities.quote_pairs import SAME, UNATTRIBUTED
from desktop.core.language import language_label, names_note

# Marks a run of text can carry; each has one fixed style in the report stylesheet.
PLAIN = ""
DELETED = "deleted"  # words only in A
INSERTED = "inserted"  # words only in B
CHANGED = "changed"  # a word edited between A and B
STRONG = "strong"  # the letters that differ inside a changed word
MOVED = "moved"  # text of a moved sentence
VALUE = "value"  # a disputed figure, date or name inside its sentence
SENTENCE_DELETED = "sentence-deleted"  # a whole sentence only in A
SENTENCE_INSERTED = "sentence-inserted"  # a whole sentence only in B

# Most significant first: a changed figure matters more than a changed comma.
CLASS_ORDER = (
    ChangeClass.FIGURE,
    ChangeClass.DATE,
    ChangeClass.NAME,
    ChangeClass.QUOTE,
    ChangeClass.ATTRIBUTION,
    ChangeClass.HEDGING,
    ChangeClass.OTHER,
    ChangeClass.COSMETIC,
)
CLASS_LABELS = {
    ChangeClass.FIGURE: "Figures",
    ChangeClass.DATE: "Dates",
    ChangeClass.NAME: "Names",
    ChangeClass.QUOTE: "Quotes",
    ChangeClass.ATTRIBUTION: "Attribution",
    ChangeClass.HEDGING: "Hedging",
    ChangeClass.OTHER: "Other wording",
    ChangeClass.COSMETIC: "Cosmetic",
}
STATUS_LABELS = {
    MatchStatus.CONFLICT: "values differ",
    MatchStatus.VARIANT: "spelled differently",
    MatchStatus.LEFT: "only in A",
    MatchStatus.RIGHT: "only in B",
    MatchStatus.BOTH: "in both",
}
_STATUS_ORDER = (MatchStatus.CONFLICT, MatchStatus.VARIANT, MatchStatus.LEFT, MatchStatus.RIGHT, MatchStatus.BOTH)
EXAMPLES_PER_CLASS = 3
EXAMPLE_CHARS = 90
RUNNING_TITLE_CHARS = 36  # two titles and the arrow fit the header of an A4 or Letter page


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of article text and how it is marked (one of the mark names above)."""

    text: str
    mark: str = PLAIN


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    side: str  # "A" or "B"
    title: str
    source: str
    author: str
    published: str
    file_name: str  # the name only: a report handed on should not reveal the reader's folders
    file_format: str
    sha256: str
    words: int
    language: str = ""  # "Japanese (ja)"
    names_note: str = ""  # "Names and quotes are not available for Japanese: ..." or ""


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class ClassSummary:
    cls: ChangeClass
    label: str
    count: int
    examples: tuple[tuple[str, str], ...]  # (A's words, B's words)


@dataclass(frozen=True, slots=True)
class DiscrepancyRow:
    kind: str
    subject: str
    left_value: str
    right_value: str
    left_context: tuple[Run, ...]
    right_context: tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class EntityRow:
    type: str
    name: str
    left_name: str
    right_name: str
    left_count: int
    right_count: int
    status: MatchStatus
    status_label: str


@dataclass(frozen=True, slots=True)
class QuoteRow:
    speaker: str
    left: tuple[Run, ...]  # empty when the quote is only in B
    right: tuple[Run, ...]
    status: str  # "same", "in part" (one quotes more of it), "altered", "only in A", "only in B"
    note: str = ""  # e.g. the speaker differs between the articles
    speaker_for: str = ""  # whom the speaker speaks for ("Obama campaign"), where the text says


@dataclass(frozen=True, slots=True)
class Sentence:
    op: Op
    runs: tuple[Run, ...]
    marker: str = ""  # a move label such as "M2 ↓"


@dataclass(frozen=True, slots=True)
class BodyRow:
    """One row of the aligned body: A's sentences beside B's, or a gap of unchanged ones."""

    left: tuple[Sentence, ...] = ()
    right: tuple[Sentence, ...] = ()
    skipped: int = 0  # > 0: this row stands for that many unchanged sentences left out


@dataclass(frozen=True, slots=True)
class Report:
    left: ArticleFacts
    right: ArticleFacts
    figures: tuple[Figure, ...]
    classes: tuple[ClassSummary, ...]
    discrepancies: tuple[DiscrepancyRow, ...]
    entities: tuple[EntityRow, ...]  # those that differ: conflicts, variants, one side only
    shared: tuple[tuple[str, tuple[str, ...]], ...]  # (kind, names) for entities the same in both
    quotes: tuple[QuoteRow, ...]
    body: tuple[BodyRow, ...]
    options_note: str
    generated: str
    changes_only: bool = False
    context: int = 1
    has_extraction: bool = True

    @property
    def language_notes(self) -> tuple[str, ...]:
        """What is not read in the articles' languages: one sentence, with the side when only one has it."""
        a, b = self.left.names_note, self.right.names_note
        if a == b:
            return (a,) if a else ()
        return tuple(f"{side}: {note}" for side, note in (("A", a), ("B", b)) if note)

    @property
    def running_title(self) -> str:
        # Shortened here, each title isolated after its cut, so the page header's own elision
        # (it has room for about 80 characters) need not cut, and no cut drops a closing PDF/PDI.
        return f"{shorten(self.left.title, RUNNING_TITLE_CHARS)}  ⟷  {shorten(self.right.title, RUNNING_TITLE_CHARS)}"


def build_report(c: Comparison, *, changes_only: bool = False, context: int = 1, today: date | None = None) -> Report:
    """Everything the report shows, in reading order, as escaped-later plain text."""
    context = max(0, int(context))
    return Report(
        left=_facts("A", c.left),
        right=_facts("B", c.right),
        figures=_figures(c),
        classes=_class_summaries(c),
        discrepancies=tuple(_discrepancy_row(c, d) for d in c.discrepancies),
        entities=_entity_rows(c),
        shared=_shared_names(c),
        quotes=_quote_rows(c),
        body=_body_rows(c, changes_only, context),
        options_note=_options_note(c),
        generated=(today or date.today()).isoformat(),
        changes_only=changes_only,
        context=context,
        has_extraction=c.left_extraction is not None or c.right_extraction is not None or bool(c.entities),
    )


# A word broken at a line-end hyphen keeps the file's hyphen and line break in the article's text
# (ingest/text.py); on one line it is "inter-national", as the panes show it, not "inter- national".
_HYPHEN_BREAK = re.compile(r"(?<=[-\u2010\u2011])[ \t]*\n[ \t]*")


def _one_line(text: str) -> str:
    return " ".join(_HYPHEN_BREAK.sub("", text).split())


def _clip(text: str, limit: int = EXAMPLE_CHARS) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _facts(side: str, a: Article) -> ArticleFacts:
    published = ""
    if a.published is not None:
        published = a.published.value
        if a.published.origin:
            published += f" (from {a.published.origin})"
    tail = os.path.basename(a.path)
    return ArticleFacts(
        side=side,
        title=isolate(_one_line(a.display_title)),
        source=isolate(a.source),
        author=isolate(a.author),
        published=published,
        file_name=isolate(tail or a.path),
        file_format=a.format,
        sha256=a.sha256,
        words=a.word_count,
        language=language_label(a.language),
        names_note=names_note(a.language),
    )


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _figures(c: Comparison) -> tuple[Figure, ...]:
    s = c.stats
    figures = [
        Figure("Similarity", _pct(s.similarity), "share of wording the two articles have in common"),
        Figure("A found in B", _pct(s.left_in_right), "how much of A's wording reappears in B"),
        Figure("B found in A", _pct(s.right_in_left), "how much of B's wording was already in A"),
        Figure(
            "Words",
            f"{s.words_kept:,} kept · {s.words_changed:,} changed · {s.words_added:,} added · "
            f"{s.words_removed:,} removed · {s.words_moved:,} moved",
        ),
        Figure(
            "Sentences",
            f"{s.sentences_kept:,} kept · {s.sentences_changed:,} changed · {s.sentences_added:,} added · "
            f"{s.sentences_removed:,} removed · {s.sentences_moved:,} moved",
        ),
        Figure("Discrepancies", f"{len(c.discrepancies):,}", "figures, dates, names or quotes that disagree"),
    ]
    if c.entities:
        counts = {st: sum(1 for m in c.entities if m.status == st) for st in MatchStatus}
        figures.append(
            Figure(
                "Entities",
                f"{counts[MatchStatus.BOTH]:,} in both · {counts[MatchStatus.VARIANT]:,} spelled differently · "
                f"{counts[MatchStatus.CONFLICT]:,} with values that differ · {counts[MatchStatus.LEFT]:,} only in A · "
                f"{counts[MatchStatus.RIGHT]:,} only in B",
            )
        )
    return tuple(figures)


def _class_summaries(c: Comparison) -> tuple[ClassSummary, ...]:
    out = []
    for cls in CLASS_ORDER:
        changes = [ch for ch in c.changes if ch.cls == cls]
        if not changes:
            continue
        examples = tuple((_clip(ch.left_text), _clip(ch.right_text)) for ch in changes[:EXAMPLES_PER_CLASS])
        out.append(ClassSummary(cls, CLASS_LABELS.get(cls, str(cls).title()), len(changes), examples))
    return tuple(out)


def _context_runs(context: str, value: str, fallback: str) -> tuple[Run, ...]:
    """The sentence around a disputed value with the value marked (the value alone if no sentence)."""
    text = _one_line(context) or _one_line(fallback)
    value = _one_line(value)
    if not value:
        return (Run(text),) if text else ()
    at = text.find(value)
    if at < 0:
        at = text.lower().find(value.lower())
    if at < 0:
        return (Run(text),) if text else (Run(value, VALUE),)
    runs = [Run(text[:at]), Run(text[at : at + len(value)], VALUE), Run(text[at + len(value) :])]
    return tuple(r for r in runs if r.text)


def _word_diff_runs(word_diff: tuple[tuple[str, str, str], ...]) -> tuple[tuple[Run, ...], tuple[Run, ...]]:
    """A quote's word-level difference (op, A's words, B's words) as marked runs for each side."""
    left: list[Run] = []
    right: list[Run] = []
    for op, lw, rw in word_diff:
        mark_l = {"equal": PLAIN, "deleted": DELETED}.get(op, CHANGED)
        mark_r = {"equal": PLAIN, "inserted": INSERTED}.get(op, CHANGED)
        if lw:
            left.append(Run(_one_line(lw), mark_l))
        if rw:
            right.append(Run(_one_line(rw), mark_r))
    return _spaced(left), _spaced(right)


def _discrepancy_row(c: Comparison, d) -> DiscrepancyRow:
    if d.word_diff:
        left_runs, right_runs = _word_diff_runs(d.word_diff)
        return DiscrepancyRow(
            kind=str(d.kind),
            subject=_one_line(d.subject),
            left_value="",
            right_value="",
            left_context=left_runs,
            right_context=right_runs,
        )
    left_fallback = _sentence_around(c.left, d.left)
    right_fallback = _sentence_around(c.right, d.right)
    return DiscrepancyRow(
        kind=str(d.kind),
        subject=_one_line(d.subject),
        left_value=_one_line(d.left_text),
        right_value=_one_line(d.right_text),
        left_context=_context_runs(d.left_context, d.left_text, left_fallback),
        right_context=_context_runs(d.right_context, d.right_text, right_fallback),
    )


def _sentence_around(a: Article, span: Span) -> str:
    for s in a.sentences:
        if s.start <= span.start < s.end:
            return a.text[s.start : s.end]
    return ""


def _shared_names(c: Comparison) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Entities named the same way in both, by kind: listed in brief rather than row by row."""
    by_type: dict[str, list[str]] = {}
    for m in sorted(c.entities, key=lambda m: -(m.left_count + m.right_count)):
        if m.status == MatchStatus.BOTH:
            by_type.setdefault(str(m.type), []).append(_one_line(m.name))
    order = ("person", "organization", "place", "date", "figure")
    return tuple((t, tuple(by_type[t])) for t in sorted(by_type, key=lambda t: (t not in order, order.index(t) if t in order else 0, t)))


def _entity_rows(c: Comparison) -> tuple[EntityRow, ...]:
    def key(m):
        return (_STATUS_ORDER.index(m.status), str(m.type), -(m.left_count + m.right_count), m.name.lower())

    return tuple(
        EntityRow(
            type=str(m.type),
            name=_one_line(m.name),
            left_name=_one_line(m.left.name) if m.left else "",
            right_name=_one_line(m.right.name) if m.right else "",
            left_count=m.left_count,
            right_count=m.right_count,
            status=m.status,
            status_label=STATUS_LABELS.get(m.status, str(m.status)),
        )
        for m in sorted(c.entities, key=key)
        if m.status != MatchStatus.BOTH
    )


# ---- quotes paired by speaker ----------------------------------------------------------

def _spaced(runs: list[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for i, r in enumerate(runs):
        if i:
            out.append(Run(" "))
        out.append(r)
    return tuple(out)


def _quote_rows(c: Comparison) -> tuple[QuoteRow, ...]:
    """The quote pairs the Comparison carries (the sidebar lists the same), as report rows."""
    rows: list[tuple[str, int, QuoteRow]] = []
    for p in c.quotes:
        speaker = "" if p.speaker == UNATTRIBUTED else p.speaker
        a, b = p.left, p.right
        if b is None:
            rows.append((speaker, a.start, QuoteRow(speaker, (Run(_one_line(a.text)),), (), "only in A",
                                                    speaker_for=a.speaker_for)))
            continue
        if a is None:
            rows.append((speaker, 10**12 + b.start, QuoteRow(speaker, (), (Run(_one_line(b.text)),), "only in B",
                                                             speaker_for=b.speaker_for)))
            continue
        if p.reattributed or bool(a.speaker) != bool(b.speaker):
            note = f"A attributes this to {a.speaker or 'no one'}; B to {b.speaker or 'no one'}"
        elif a.speaker != b.speaker:
            # one person named two ways, or a noun not resolved ("the governor"): not a disagreement
            note = f"A names the speaker {a.speaker}; B, {b.speaker}"
        else:
            note = ""
        if p.wording == SAME:
            left_runs, right_runs = (Run(_one_line(a.text)),), (Run(_one_line(b.text)),)
        else:
            left_runs, right_runs = _word_diff_runs(p.words)
        rows.append((speaker, a.start, QuoteRow(speaker, left_runs, right_runs, p.wording, note,
                                                a.speaker_for or b.speaker_for)))

    # Grouped by speaker, speakers in order of first appearance; unattributed quotes last.
    first_seen: dict[str, int] = {}
    for speaker, pos, _ in rows:
        first_seen[speaker] = min(first_seen.get(speaker, pos), pos)
    rows.sort(key=lambda t: (t[0] == "", first_seen[t[0]], t[1]))
    return tuple(r for _, _, r in rows)


# ---- aligned body ------------------------------------------------------------------------


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbours with the same mark; spaces between two like-marked runs take their mark."""
    out: list[Run] = []
    for i, r in enumerate(runs):
        if not r.text:
            continue
        mark = r.mark
        if mark == PLAIN and not r.text.strip() and out and i + 1 < len(runs) and runs[i + 1].mark == out[-1].mark:
            mark = out[-1].mark
        if out and out[-1].mark == mark:
            out[-1] = Run(out[-1].text + r.text, mark)
        else:
            out.append(Run(r.text, mark))
    return tuple(out)


_WORD_MARKS = {Op.EQUAL: PLAIN, Op.CHANGED: CHANGED, Op.DELETED: DELETED, Op.INSERTED: INSERTED}


def _side_runs(text: str, span: Span, words: tuple[WordOp, ...], side: str, base: str) -> tuple[Run, ...]:
    """The sentence at `span` split into runs by the word operations for this side."""
    runs: list[Run] = []
    pos = span.start
    for w in words:
        s = w.left if side == "left" else w.right
        if s is None or s.end <= pos:
            continue
        start = max(s.start, pos)
        if start > pos:
            runs.append(Run(text[pos:start], base))
        mark = _WORD_MARKS.get(w.op, PLAIN) or base
        if w.op == Op.CHANGED and w.chars:
            cpos = start
            for ch in w.chars:
                cs = ch.left if side == "left" else ch.right
                if cs is None or cs.end <= cpos:
                    continue
                if cs.start > cpos:
                    runs.append(Run(text[cpos : cs.start], CHANGED))
                runs.append(Run(text[max(cs.start, cpos) : cs.end], CHANGED if ch.op == Op.EQUAL else STRONG))
                cpos = cs.end
            if cpos < s.end:
                runs.append(Run(text[cpos : s.end], CHANGED))
        else:
            runs.append(Run(text[start : s.end], mark))
        pos = s.end
    if pos < span.end:
        runs.append(Run(text[pos : span.end], base))
    return _merge([Run(r.text.replace("\n", " "), r.mark) for r in runs])


def _sentence(c: Comparison, piece: Piece, side: str, marker: str) -> Sentence:
    article = c.left if side == "left" else c.right
    span = piece.left if side == "left" else piece.right
    assert span is not None
    text = article.text
    if piece.op == Op.EQUAL:
        runs = (Run(_one_line(text[span.start : span.end])),)
    elif piece.op == Op.DELETED:
        runs = (Run(_one_line(text[span.start : span.end]), SENTENCE_DELETED),)
    elif piece.op == Op.INSERTED:
        runs = (Run(_one_line(text[span.start : span.end]), SENTENCE_INSERTED),)
    elif piece.op == Op.MOVED:
        runs = _side_runs(text, span, piece.words, side, MOVED)
    elif piece.words:
        runs = _side_runs(text, span, piece.words, side, PLAIN)
    else:
        runs = (Run(_one_line(text[span.start : span.end]), CHANGED),)
    return Sentence(piece.op, runs, marker)


def _move_markers(pieces: tuple[Piece, ...]) -> dict[int, str]:
    """Label both ends of each move "M1", "M2"… with an arrow pointing to the other end.

    Sentences that moved together (neighbours at both ends) share one label, shown once at
    the start of the block, so a moved paragraph reads as one move.
    """
    labels: dict[int, str] = {}
    seen: set[int] = set()
    n = 0
    for i, p in enumerate(pieces):
        if p.op != Op.MOVED or i in seen:
            continue
        partner = p.partner if p.partner is not None and 0 <= p.partner < len(pieces) else None
        seen.add(i)
        if partner is not None:
            seen.add(partner)
        prev = pieces[i - 1] if i else None
        continues = (
            prev is not None
            and prev.op == Op.MOVED
            and partner is not None
            and prev.partner is not None
            and prev.partner == partner - 1
            and (prev.left is None) == (p.left is None)
        )
        if continues:
            continue  # same block as the sentence before: no second label
        n += 1
        if partner is None:
            labels[i] = f"M{n}"
            continue
        labels[i] = f"M{n} ↓" if partner > i else f"M{n} ↑"
        labels[partner] = f"M{n} ↑" if partner > i else f"M{n} ↓"
    return labels


def _kept_pieces(pieces: tuple[Piece, ...], context: int) -> list[bool]:
    keep = [False] * len(pieces)
    for i, p in enumerate(pieces):
        if p.op != Op.EQUAL:
            for k in range(max(0, i - context), min(len(pieces), i + context + 1)):
                keep[k] = True
    return keep


def _body_rows(c: Comparison, changes_only: bool, context: int) -> tuple[BodyRow, ...]:
    pieces = c.sentences
    markers = _move_markers(pieces)
    keep = _kept_pieces(pieces, context) if changes_only else [True] * len(pieces)
    rows: list[BodyRow] = []
    left: list[Sentence] = []
    right: list[Sentence] = []
    para: list[int | None] = [None, None]
    skipped = 0

    def flush() -> None:
        if left or right:
            rows.append(BodyRow(tuple(left), tuple(right)))
        left.clear()
        right.clear()

    for i, piece in enumerate(pieces):
        if not keep[i]:
            skipped += 1
            continue
        if skipped:
            flush()
            rows.append(BodyRow(skipped=skipped))
            skipped = 0
            para = [None, None]
        lp, rp = piece.paragraph
        # A new row wherever either article starts a new paragraph, so paragraphs line up.
        if (piece.left is not None and lp is not None and lp != para[0]) or (
            piece.right is not None and rp is not None and rp != para[1]
        ):
            flush()
        if piece.left is not None:
            left.append(_sentence(c, piece, "left", markers.get(i, "")))
            if lp is not None:
                para[0] = lp
        if piece.right is not None:
            right.append(_sentence(c, piece, "right", markers.get(i, "")))
            if rp is not None:
                para[1] = rp
    flush()
    if skipped:
        rows.append(BodyRow(skipped=skipped))
    return tuple(rows)


def _options_note(c: Comparison) -> str:
    o = c.options
    parts = []
    if o.ignore_case:
        parts.append("case ignored")
    if o.ignore_punctuation:
        parts.append("punctuation ignored")
    if o.digits_as_words:
        parts.append('numbers in words equal to digits ("five" = "5")')
    parts.append("boilerplate included" if o.include_boilerplate else "boilerplate set aside")
    return "; ".join(parts)
