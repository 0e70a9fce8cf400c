"""Mentions of some entity types in text order, looked up by position in log time.

Quote attribution and affiliations ask, for every quote or every name, what is named at a span,
just before a position or ending at one. A scan of all mentions each time would cost the square
of an article's length; one sorted index answers them all.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from operator import itemgetter

from desktop.core.entities.model import Entity, EntityType

Row = tuple[int, int, Entity]  # mention start, end, entity
_START = itemgetter(0)

# No mention is longer than this: it bounds the walk back from a position.
LONGEST_MENTION = 300


class MentionIndex:
    def __init__(self, entities: list[Entity], types: tuple[EntityType, ...]) -> None:
        self.rows: list[Row] = sorted(
            ((m.start, m.end, e) for e in entities if e.type in types for m in e.mentions), key=_START)
        self.starts = list(map(_START, self.rows))

    def inside(self, start: int, end: int) -> Iterator[Row]:
        """Mentions that lie wholly inside [start, end), in text order."""
        k = bisect_left(self.starts, start)
        while k < len(self.rows) and self.rows[k][0] < end:
            if self.rows[k][1] <= end:
                yield self.rows[k]
            k += 1

    def overlapping(self, start: int, end: int) -> list[Row]:
        """Mentions that overlap [start, end), in text order."""
        k = bisect_left(self.starts, end) - 1
        out = []
        while k >= 0 and self.rows[k][0] > start - LONGEST_MENTION:
            if self.rows[k][1] > start:
                out.append(self.rows[k])
            k -= 1
        return out[::-1]

    def ending_at(self, end: int) -> Row | None:
        k = bisect_left(self.starts, end) - 1
        while k >= 0 and self.rows[k][0] > end - LONGEST_MENTION:
            if self.rows[k][1] == end:
                return self.rows[k]
            k -= 1
        return None

    def before(self, pos: int, floor: int) -> Iterator[Row]:
        """Mentions that start before `pos` and at or after `floor`, nearest first."""
        k = bisect_left(self.starts, pos) - 1
        while k >= 0 and self.rows[k][0] >= floor:
            yield self.rows[k]
            k -= 1

    def last_ending_before(self, pos: int) -> Entity | None:
        k = bisect_left(self.starts, pos) - 1
        while k >= 0 and self.rows[k][1] > pos:
            k -= 1
        return self.rows[k][2] if k >= 0 else None
