"""How the sidebar shows quote pairs: grouped by speaker, differences as named word ops (no Qt).

The pairing itself is core's (`desktop.core.entities.quote_pairs.pair_quotes`); the Comparison
carries its result and the sidebar only lists it."""

from __future__ import annotations

from desktop.core.entities.model import UNATTRIBUTED, MatchStatus, Quote, QuotePair


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


def group_by_speaker(pairs: tuple[QuotePair, ...]) -> list[tuple[str, list[QuotePair]]]:
    """Speakers in order of their first quote; unattributed quotes last."""
    groups: dict[str, list[QuotePair]] = {}
    for p in pairs:
        groups.setdefault(p.speaker, []).append(p)
    ordered = [(s, ps) for s, ps in groups.items() if s != UNATTRIBUTED]
    if UNATTRIBUTED in groups:
        ordered.append((UNATTRIBUTED, groups[UNATTRIBUTED]))
    return ordered


def single_quotes(quotes: tuple[Quote, ...]) -> tuple[QuotePair, ...]:
    """The quotes of one article, each as a one-sided pair (shown without a status)."""
    return tuple(QuotePair(q.speaker or UNATTRIBUTED, q, None, MatchStatus.LEFT) for q in quotes)
