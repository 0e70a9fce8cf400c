"""Three short versions of one story, written for the project's coverage tests.

The Courier is first (a day earlier). The Gazette gives the repair bill as $3.1 million where the
others say $2.4 million; the Courier and the Gazette carry the engineer's quote, the Herald does
not; only the Herald has the paragraph about the shop owners.
"""

from __future__ import annotations

from pathlib import Path

COURIER = """Flood closes Millbrook river bridge

By Ana Ortiz, Valley Courier
March 3, 2025

MILLBROOK — The Millbrook river bridge was closed on Monday after floodwater damaged its eastern pier, the county roads department said.

Engineers found 14 cracks in the pier, and repairs are expected to cost $2.4 million, according to county engineer Petra Lindqvist.

"We will not reopen the bridge until every crack has been sealed and tested by an independent firm," Lindqvist said at a news conference in the town hall.

About 9,000 drivers cross the bridge each day. A detour through Elm Falls adds twenty minutes to the trip.
"""

GAZETTE = """Millbrook bridge shut after flood damage

By Tom Reyes, Elm Falls Gazette
March 4, 2025

MILLBROOK — The Millbrook river bridge was closed on Monday after floodwater damaged its eastern pier, the county roads department said.

Engineers found 14 cracks in the pier, and repairs are expected to cost $3.1 million, according to county engineer Petra Lindqvist.

"We will not reopen the bridge until every crack has been sealed and tested by an independent firm," Lindqvist told reporters on Monday.

About 9,000 drivers cross the bridge each day, and the detour through Elm Falls adds twenty minutes.
"""

HERALD = """Bridge closure leaves Millbrook drivers facing long detour

By Mia Chen, Millbrook Herald
March 4, 2025

MILLBROOK — The Millbrook river bridge was closed on Monday after floodwater damaged its eastern pier, the county roads department said.

Engineers found 14 cracks in the pier, and repairs are expected to cost $2.4 million, according to county engineer Petra Lindqvist.

Shop owners on Main Street said the closure had already cut their takings by half, and the chamber of commerce asked the county council for a relief fund before the spring fair.

About 9,000 drivers cross the bridge each day. A detour through Elm Falls adds twenty minutes to the trip.
"""

ONLY_HERALD = "Shop owners on Main Street said the closure had already cut their takings by half"


def write_story(folder: Path) -> list[Path]:
    paths = []
    for name, text in (("courier", COURIER), ("gazette", GAZETTE), ("herald", HERALD)):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def load_story(folder: Path):
    from desktop.core.ingest.load import load_file

    return [load_file(p)[0] for p in write_story(folder)]
