"""Score the HTML reader on the article-extraction benchmark, beside trafilatura's defaults.

Metric (scrapinghub/article-extraction-benchmark): word 4-gram shingles over `\\w+`
tokens; per page, true/false positives and negatives normalised to sum to 1; precision
and recall averaged over pages; F1 from those two means.

    .venv/bin/python bench/extraction.py [--limit N] [--worst K]

Diptych's article body is the text of its body, heading, quote and dateline blocks
(`Article.body_text`) after the full `load_file` path, so the cleaning rules count too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "extraction"

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) for one page."""
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    ps = [precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    parser.add_argument("--worst", type=int, default=0, help="list the K pages where Diptych loses most")
    parser.add_argument(
        "--set-aside", type=int, default=0, help="show K blocks the cleaning set aside that the ground truth keeps"
    )
    args = parser.parse_args(argv)
    truth_file = CORPUS / "ground-truth.json"
    if not truth_file.exists():
        print(f"extraction corpus not found at {CORPUS}; skipping")
        return 0

    import trafilatura

    from desktop.core.article import BODY_KINDS, BlockKind
    from desktop.core.errors import ReadError
    from desktop.core.ingest.load import load_file

    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    ids = sorted(i for i in truth if (CORPUS / "html" / f"{i}.html.gz").exists())
    if args.limit:
        ids = ids[: args.limit]
    ours: list[tuple[float, float, float]] = []
    theirs: list[tuple[float, float, float]] = []
    our_time = their_time = 0.0
    failures: list[str] = []
    losses: list[tuple[float, str]] = []
    set_aside: list[str] = []  # non-body blocks (titles apart) whose text the ground truth keeps
    with tempfile.TemporaryDirectory() as tmp:
        for page_id in ids:
            data = gzip.decompress((CORPUS / "html" / f"{page_id}.html.gz").read_bytes())
            expected = truth[page_id]["articleBody"]
            page = Path(tmp) / f"{page_id}.html"
            page.write_bytes(data)

            start = time.perf_counter()
            try:
                articles = load_file(page)
            except ReadError as exc:
                failures.append(f"{page_id}: {exc.reason}")
                articles = []
            our_time += time.perf_counter() - start
            body = "\n\n".join(a.body_text for a in articles)
            kept = " ".join(expected.split())
            for article in articles:
                for block in article.blocks:
                    text = " ".join(article.text[block.start : block.end].split())
                    if block.kind not in BODY_KINDS and block.kind != BlockKind.TITLE and text in kept:
                        set_aside.append(f"{block.kind.value} ({block.reason or 'no reason'}): {text[:80]}")

            start = time.perf_counter()
            baseline = trafilatura.extract(data.decode("utf-8", "replace")) or ""
            their_time += time.perf_counter() - start

            ours.append(page_counts(expected, body))
            theirs.append(page_counts(expected, baseline))
            losses.append((score([theirs[-1]])[2] - score([ours[-1]])[2], page_id))

    print(f"{'extractor':<34} {'P':>6} {'R':>6} {'F1':>6} {'pages':>6} {'seconds':>8}")
    for name, counts, seconds in (
        ("diptych (load_file, body blocks)", ours, our_time),
        ("trafilatura.extract defaults", theirs, their_time),
    ):
        p, r, f1 = score(counts)
        print(f"{name:<34} {p:6.3f} {r:6.3f} {f1:6.3f} {len(counts):6d} {seconds:8.1f}")
    print(f"blocks the cleaning set aside that the ground truth keeps: {len(set_aside)}")
    for line in set_aside[: args.set_aside]:
        print("  ", line)
    for line in failures:
        print("read error:", line)
    for delta, page_id in sorted(losses, reverse=True)[: args.worst]:
        print(f"worse by {delta:.3f}: {page_id} {truth[page_id]['url']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
