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

from desktop.core.ingest.load import load_file  # noqa: E402
from desktop.core.library.related import RelatedIndex  # noqa: E402

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
    links = []  # (score, rank, sibling?) for the ten best of every article
    for aid, group in triplet.items():
        for rank, (oid, score) in enumerate(index.query(aid, top=10), 1):
            links.append((score, rank, triplet[oid] == group))
    print(f"BASIL related coverage: {len(triplet)} articles, {len(set(triplet.values()))} triplets")
    print(f"  recall@2               {hits / total:.3f}   (target 0.95)")
    print(f"  mean reciprocal rank   {sum(rr) / len(rr):.3f}")
    print(f"  load+index {t1 - t0:.2f} s, {len(triplet)} queries {t2 - t1:.2f} s")
    cutoff_report(links)
    return 0


def cutoff_report(links: list[tuple[float, int, bool]]) -> None:
    """What "Only related to this" keeps under each rule: the top k, anything scoring over a
    cut-off, or both. Kept links that are siblings (precision) and siblings kept (recall)."""
    siblings = sum(1 for _s, _r, same in links if same)
    print(f"  sibling links in the top 10: {siblings}")
    sib_scores = sorted(s for s, _r, same in links if same)
    other = sorted((s for s, _r, same in links if not same), reverse=True)
    print(f"  sibling scores: 5th pct {sib_scores[len(sib_scores) // 20]:.3f}, median {sib_scores[len(sib_scores) // 2]:.3f}; "
          f"under 0.2: {sum(1 for s in sib_scores if s < 0.2)}")
    print(f"  best non-sibling scores: max {other[0]:.3f}, 99th pct {other[len(other) // 100]:.3f}, 95th pct {other[len(other) // 20]:.3f}")
    for k, floor in ((0, 0.0), (2, 0.0), (2, 0.05), (2, 0.08), (3, 0.08)):
        for cut in (0.10, 0.12, 0.15, 0.2):
            kept = [(s, r, same) for s, r, same in links if (r <= k and s >= floor) or s >= cut]
            hit = sum(1 for _s, _r, same in kept if same)
            print(f"  top {k} (score >= {floor:.2f}) + score >= {cut:.2f}: precision {hit / max(1, len(kept)):.3f}  "
                  f"recall {hit / siblings:.3f}  kept {len(kept)}")


if __name__ == "__main__":
    sys.exit(main())
