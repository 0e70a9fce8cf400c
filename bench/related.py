"""Related coverage on BASIL: 150 articles in 50 same-event triplets (three outlets each).

For each article, are its two siblings its top two? Prints recall@2 and mean reciprocal
rank (of the first sibling). Target: recall@2 of 0.95 or better. Skips when the corpus
is absent.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.load import load_file  # noqa: E402
from desktop.core.related import RelatedIndex  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "basil" / "articles"


def main() -> int:
    files = sorted(CORPUS.glob("*/*.json"))
    if not files:
        print(f"bench/related.py: skipped, no corpus at {CORPUS}")
        return 0
    t0 = time.perf_counter()
    triplet, index = {}, RelatedIndex()
    for f in files:
        for art in load_file(f):
            triplet[art.id] = f.name.rsplit("_", 1)[0]
            index.add_article(art)
    t1 = time.perf_counter()
    hits = total = 0
    rr = []
    for aid, group in triplet.items():
        ranked = [oid for oid, _ in index.query(aid, top=len(triplet))]
        siblings = {oid for oid, g in triplet.items() if g == group and oid != aid}
        hits += len(siblings & set(ranked[:2]))
        total += len(siblings)
        first = next((i for i, oid in enumerate(ranked, 1) if oid in siblings), None)
        rr.append(1 / first if first else 0.0)
    t2 = time.perf_counter()
    print(f"BASIL related coverage: {len(triplet)} articles, {len(set(triplet.values()))} triplets")
    print(f"  recall@2               {hits / total:.3f}   (target 0.95)")
    print(f"  mean reciprocal rank   {sum(rr) / len(rr):.3f}")
    print(f"  load+index {t1 - t0:.2f} s, {len(triplet)} queries {t2 - t1:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
