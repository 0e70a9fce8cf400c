"""Quotes of two articles paired by speaker and wording, with their word-level difference (no Qt)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from desktop.core.entities.model import EntityMatch, EntityType, MatchStatus, Quote

UNATTRIBUTED = "Unattributed"

# Pairing thresholds (rapidfuzz scores, 0..100). The research notes found partial_ratio ≥ 90
# pairs shortened quotes reliably; a reworded quote keeps well over half its characters, and a
# shared speaker makes a looser match believable.
_PARTIAL_SAME = 90.0
_RATIO_ANY_SPEAKER = 62.0
_RATIO_SAME_SPEAKER = 45.0

_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True, slots=True)
class QuotePair:
    """One quote as the two articles have it; `left` or `right` is None when only one side has it."""

    speaker: str  # the group it is shown under (left-side spelling when both sides name one)
    left: Quote | None
    right: Quote | None
    status: MatchStatus  # BOTH, LEFT, RIGHT, or CONFLICT (worded or attributed differently)
    note: str = ""  # "worded differently", "attributed differently", ...
    # (op, left words, right words) with op one of equal / changed / inserted / deleted
    words: tuple[tuple[str, str, str], ...] = ()

    @property
    def text(self) -> str:
        return (self.left or self.right).text  # type: ignore[union-attr]



def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).casefold()
    return " ".join(text.split())


def _word_key(word: str) -> str:
    return _EDGE_PUNCT.sub("", normalise(word))


def word_diff(left: str, right: str) -> tuple[tuple[str, str, str], ...]:
    """Word-level difference; words equal up to case, quote style and edge punctuation count as equal."""
    lw, rw = _WORD.findall(left), _WORD.findall(right)
    matcher = difflib.SequenceMatcher(None, [_word_key(w) for w in lw], [_word_key(w) for w in rw], autojunk=False)
    out: list[tuple[str, str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        op = {"equal": "equal", "replace": "changed", "insert": "inserted", "delete": "deleted"}[tag]
        out.append((op, " ".join(lw[i1:i2]), " ".join(rw[j1:j2])))
    return tuple(out)


def normalise_ops(ops: tuple[tuple[str, str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """Our op names for difflib-style ones, with each run of edits between equal words merged
    into one (so a replacement reads struck-out words first, then the new ones)."""
    names = {"replace": "changed", "insert": "inserted", "delete": "deleted", "change": "changed"}
    out: list[tuple[str, str, str]] = []
    for op, lw, rw in ops:
        op = names.get(op, op)
        if op != "equal" and out and out[-1][0] != "equal":
            _, pl, pr = out.pop()
            lw, rw = " ".join(x for x in (pl, lw) if x), " ".join(x for x in (pr, rw) if x)
            op = "changed" if lw and rw else ("deleted" if lw else "inserted")
        out.append((op, lw, rw))
    return tuple(out)


def same_words(left: str, right: str) -> bool:
    return [_word_key(w) for w in _WORD.findall(left)] == [_word_key(w) for w in _WORD.findall(right)]


def speaker_aliases(matches: tuple[EntityMatch, ...]) -> dict[str, str]:
    """Right-side speaker names mapped to the left-side spelling of the same person or body."""
    aliases: dict[str, str] = {}
    for m in matches:
        if m.left is None or m.right is None:
            continue
        if m.type not in (EntityType.PERSON, EntityType.ORGANIZATION):
            continue
        aliases[m.right.name] = m.left.name
        for variant in m.right.variants:
            aliases.setdefault(variant, m.left.name)
    return aliases


def pair_quotes(
    left: tuple[Quote, ...], right: tuple[Quote, ...], matches: tuple[EntityMatch, ...] = ()
) -> tuple[QuotePair, ...]:
    """Pair each left quote with at most one right quote, best matches first, in reading order."""
    from rapidfuzz import fuzz  # late: not needed to open the window (start-up time)

    aliases = speaker_aliases(matches)

    def right_speaker(q: Quote) -> str:
        return aliases.get(q.speaker, q.speaker)

    norm_l = [normalise(q.text) for q in left]
    norm_r = [normalise(q.text) for q in right]
    candidates: list[tuple[float, int, int]] = []
    for i, lq in enumerate(left):
        for j, rq in enumerate(right):
            ratio = fuzz.ratio(norm_l[i], norm_r[j])
            partial = fuzz.partial_ratio(norm_l[i], norm_r[j])
            same_speaker = bool(lq.speaker) and lq.speaker == right_speaker(rq)
            if partial >= _PARTIAL_SAME or ratio >= _RATIO_ANY_SPEAKER or (same_speaker and ratio >= _RATIO_SAME_SPEAKER):
                candidates.append((max(ratio, partial) + (10.0 if same_speaker else 0.0), i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_l: dict[int, int] = {}
    used_r: set[int] = set()
    for _, i, j in candidates:
        if i not in used_l and j not in used_r:
            used_l[i] = j
            used_r.add(j)

    pairs: list[QuotePair] = []
    for i, lq in enumerate(left):
        j = used_l.get(i)
        if j is None:
            pairs.append(QuotePair(lq.speaker or UNATTRIBUTED, lq, None, MatchStatus.LEFT))
            continue
        rq = right[j]
        rs = right_speaker(rq)
        reworded = not same_words(lq.text, rq.text)
        reattributed = bool(lq.speaker and rs) and lq.speaker != rs
        notes = []
        if reworded:
            notes.append("worded")
        if reattributed:
            notes.append("attributed")
        note = (" and ".join(notes) + " differently") if notes else ""
        status = MatchStatus.CONFLICT if notes else MatchStatus.BOTH
        speaker = lq.speaker or rs or UNATTRIBUTED
        words = word_diff(lq.text, rq.text) if reworded else ()
        pairs.append(QuotePair(speaker, lq, rq, status, note, words))
    for j, rq in enumerate(right):
        if j not in used_r:
            pairs.append(QuotePair(right_speaker(rq) or UNATTRIBUTED, None, rq, MatchStatus.RIGHT))
    keys = [_reading_position(p, pairs) for p in pairs]
    return tuple(p for _, p in sorted(zip(keys, pairs), key=lambda kp: kp[0]))


def _reading_position(pair: QuotePair, pairs: list[QuotePair]) -> tuple[float, int]:
    """Left order; a right-only quote goes after the paired quote that precedes it on the right."""
    if pair.left is not None:
        return (float(pair.left.start), 0)
    assert pair.right is not None
    before = [p.left.start for p in pairs if p.left and p.right and p.right.start < pair.right.start]
    return ((max(before) + 0.5) if before else -1.0, pair.right.start)


def single_quotes(quotes: tuple[Quote, ...]) -> tuple[QuotePair, ...]:
    """The quotes of one article, each as a one-sided pair (shown without a status)."""
    return tuple(QuotePair(q.speaker or UNATTRIBUTED, q, None, MatchStatus.LEFT) for q in quotes)


def group_by_speaker(pairs: tuple[QuotePair, ...]) -> list[tuple[str, list[QuotePair]]]:
    """Speakers in order of their first quote; unattributed quotes last."""
    groups: dict[str, list[QuotePair]] = {}
    for p in pairs:
        groups.setdefault(p.speaker, []).append(p)
    ordered = [(s, ps) for s, ps in groups.items() if s != UNATTRIBUTED]
    if UNATTRIBUTED in groups:
        ordered.append((UNATTRIBUTED, groups[UNATTRIBUTED]))
    return ordered
