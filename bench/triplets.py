"""Discrepancies reported between real articles on one story: the BASIL triplets (three outlets each).

There is no gold list of true disagreements here, so the figure is a count to read with -v: each
report is one a fact-checker would have to follow up, and most pairs of outlets agree on most
facts. Quotes reworded between outlets are common and real; "Friday" against "Sunday" for two
different events, or the same words in another quote style, are not.

Run: .venv/bin/python bench/triplets.py [-v]  (skips cleanly when ../shared/corpus is absent)
"""

from __future__ import annotations

import glob
import itertools
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "basil" / "articles"

from desktop.core.compare import compare  # noqa: E402
from desktop.core.entities.quote_pairs import comparable, one_inside  # noqa: E402
from desktop.core.ingest.load import load_file  # noqa: E402


def main() -> int:
    files = sorted(glob.glob(str(CORPUS / "*" / "*.json")))
    if not files:
        print(f"basil articles not found at {CORPUS}; nothing measured")
        return 0
    verbose = "-v" in sys.argv
    stories: dict[str, list[str]] = {}
    for f in files:
        stories.setdefault(f.rsplit("_", 1)[0], []).append(f)
    kinds: Counter[str] = Counter()
    pairs = 0
    t0 = time.perf_counter()
    for key in sorted(stories):
        arts = [load_file(f)[0] for f in stories[key]]
        for a, b in itertools.combinations(range(len(arts)), 2):
            pairs += 1
            for d in compare(arts[a], arts[b]).discrepancies:
                kinds[str(d.kind)] += 1
                if str(d.kind) == "quote":
                    kinds["reworded" if d.word_diff else "attributed"] += 1
                    kinds["same words"] += bool(d.word_diff) and _same_words(d.left_text, d.right_text)
                if verbose:
                    story = Path(key).name[:8]
                    print(f"  {story} {a + 1}-{b + 1} {d.kind}: {d.left_text[:80]!r} / {d.right_text[:80]!r}")
    secs = time.perf_counter() - t0
    total = sum(kinds[k] for k in ("quote", "figure", "date", "name"))
    print(f"BASIL triplets: {len(stories)} stories, {pairs} pairs of outlets compared in {secs:.1f} s")
    print(f"  discrepancies reported: {total} ({total / max(pairs, 1):.2f} a pair): "
          + ", ".join(f"{k} {kinds[k]}" for k in ("quote", "figure", "date", "name")))
    print(f"  quotes: {kinds['reworded']} reworded, {kinds['attributed']} credited to different speakers; reworded ones "
          f"whose words are the same up to case, quote marks, abbreviation dots or one quoting more: {kinds['same words']}")
    return 0


def _same_words(a: str, b: str) -> bool:
    return one_inside(comparable(a), comparable(b))


if __name__ == "__main__":
    raise SystemExit(main())
