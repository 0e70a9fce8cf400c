"""Quotes of two articles paired by speaker and wording, with their word-level difference (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.entities.model import EntityMatch, EntityType, MatchStatus, Quote

UNATTRIBUTED = "Unattributed"


@dataclass(frozen=True, slots=True)
class QuotePair:
    """One quote as the two articles have it; `left` or `right` is None when only one side has it."""

    speaker: str  # the group it is shown under (left-side spelling when both sides name one)
    left: Quote | None
    right: Quote | None
    status: MatchStatus  # BOTH, LEFT, RIGHT, or CONFLICT (worded or attributed differently)
    note: str = ""  # "worded differently", "attributed differently", "quoted in part", ...
    # (op, left words, right words) with op one of equal / changed / inserted / deleted
    words: tuple[tuple[str, str, str], ...] = ()

    @property
    def text(self) -> str:
        return (self.left or self.right).text  # type: ignore[union-attr]


def word_diff(left: str, right: str) -> tuple[tuple[str, str, str], ...]:
    # late: rapidfuzz is not needed to open the window (start-up time)
    from desktop.core.entities.quote_pairs import word_diff as core_word_diff

    return core_word_diff(left, right)


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
    """Pair each left quote with at most one right quote (core quote_pairs), in reading order."""
    from desktop.core.entities.quote_pairs import ALTERED, IN_PART, link_quotes  # late: start-up time

    aliases = speaker_aliases(matches)

    def right_speaker(q: Quote) -> str:
        return aliases.get(q.speaker, q.speaker)

    links = {link.left: link for link in link_quotes(left, right, lambda a, b: bool(a.speaker) and a.speaker == right_speaker(b))}
    used_r = {link.right for link in links.values()}
    pairs: list[QuotePair] = []
    for i, lq in enumerate(left):
        link = links.get(i)
        if link is None:
            pairs.append(QuotePair(lq.speaker or UNATTRIBUTED, lq, None, MatchStatus.LEFT))
            continue
        rq = right[link.right]
        rs = right_speaker(rq)
        reattributed = bool(lq.speaker and rs) and lq.speaker != rs
        notes = []
        if link.wording == ALTERED:
            notes.append("worded")
        if reattributed:
            notes.append("attributed")
        note = (" and ".join(notes) + " differently") if notes else ("quoted in part" if link.wording == IN_PART else "")
        status = MatchStatus.CONFLICT if notes else MatchStatus.BOTH
        speaker = lq.speaker or rs or UNATTRIBUTED
        pairs.append(QuotePair(speaker, lq, rq, status, note, link.words))
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
