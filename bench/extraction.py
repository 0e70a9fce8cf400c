"""Score the HTML reader beside trafilatura on two corpora of saved pages.

1. extraction/ (scrapinghub/article-extraction-benchmark, English news): word 4-gram shingles
   over `\\w+` tokens; per page, true/false positives and negatives normalised to sum to 1;
   precision and recall averaged over pages; F1 from those two means. Baseline:
   `trafilatura.extract` with its defaults.
2. webpages/ (trafilatura's own evaluation pages, mostly German): the text is whitespace-
   normalised; each `with` snippet found is a true positive, missed a false negative; each
   `without` snippet found a false positive; P, R and F1 = 2tp / (2tp + fp + fn) over all pages.
   Baseline: trafilatura's canonical call (`fast=False, include_comments=False,
   include_tables=True, include_formatting=False`).

    .venv/bin/python bench/extraction.py [--corpus extraction|webpages|both] [--limit N] [--worst K] [--snippets]

Diptych's article body is the text of its body, heading, quote and dateline blocks
(`Article.body_text`) after the full `load_file` path, so the cleaning rules count too.
Times are CPU seconds (user + sys of this process), since wall time is noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def corpus_root() -> Path:
    """DIPTYCH_CORPUS, else the shared corpus beside the checkout, else /work/shared/corpus."""
    if os.environ.get("DIPTYCH_CORPUS"):
        return Path(os.environ["DIPTYCH_CORPUS"])
    beside = ROOT.parent / "shared" / "corpus"
    return beside if beside.exists() else Path("/work/shared/corpus")


_TOKEN = re.compile(r"\w+")
CANONICAL = dict(fast=False, include_comments=False, include_tables=True, include_formatting=False)


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


def snippet_counts(text: str, with_: list[str], without: list[str]) -> tuple[list[str], list[str], int]:
    """(missed `with` snippets, found `without` snippets, `with` snippets found) in one text."""
    flat = " ".join((text or "").split())
    missed = [s for s in with_ if s not in flat]
    found = [s for s in without if s in flat]
    return missed, found, len(with_) - len(missed)


def snippet_score(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)


class Diptych:
    """The full load path on a page written to a temporary file; CPU time added up."""

    def __init__(self, tmp: str) -> None:
        from desktop.core.errors import ReadError
        from desktop.core.ingest.load import load_file

        self._load, self._error, self._tmp = load_file, ReadError, Path(tmp)
        self.seconds = 0.0
        self.failures: list[str] = []

    def articles(self, name: str, data: bytes) -> list:
        page = self._tmp / f"{name}.html"
        page.write_bytes(data)
        start = time.process_time()
        try:
            articles = self._load(page)
        except self._error as exc:
            self.failures.append(f"{name}: {exc.reason}")
            articles = []
        self.seconds += time.process_time() - start
        return articles


def timed(call, seconds: list[float]):
    start = time.process_time()
    result = call()
    seconds[0] += time.process_time() - start
    return result


def bench_extraction(root: Path, args, tmp: str) -> None:
    import trafilatura

    from desktop.core.article import BODY_KINDS, BlockKind

    corpus = root / "extraction"
    truth_file = corpus / "ground-truth.json"
    if not truth_file.exists():
        print(f"extraction corpus not found at {corpus}; skipping")
        return
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    ids = sorted(i for i in truth if (corpus / "html" / f"{i}.html.gz").exists())
    if args.limit:
        ids = ids[: args.limit]
    ours: list[tuple[float, float, float]] = []
    theirs: list[tuple[float, float, float]] = []
    diptych, their_time = Diptych(tmp), [0.0]
    losses: list[tuple[float, str]] = []
    set_aside: list[str] = []  # non-body blocks (titles apart) whose text the ground truth keeps
    for page_id in ids:
        data = gzip.decompress((corpus / "html" / f"{page_id}.html.gz").read_bytes())
        expected = truth[page_id]["articleBody"]
        articles = diptych.articles(page_id, data)
        body = "\n\n".join(a.body_text for a in articles)
        kept = " ".join(expected.split())
        for article in articles:
            for block in article.blocks:
                text = " ".join(article.text[block.start : block.end].split())
                if block.kind not in BODY_KINDS and block.kind != BlockKind.TITLE and text in kept:
                    set_aside.append(f"{block.kind.value} ({block.reason or 'no reason'}): {text[:80]}")
        baseline = timed(lambda: trafilatura.extract(data.decode("utf-8", "replace")) or "", their_time)
        ours.append(page_counts(expected, body))
        theirs.append(page_counts(expected, baseline))
        losses.append((score([theirs[-1]])[2] - score([ours[-1]])[2], page_id))

    print(f"extraction/ (English news, shingle F1 averaged over pages)")
    print(f"{'extractor':<40} {'P':>6} {'R':>6} {'F1':>6} {'pages':>6} {'CPU s':>8}")
    for name, counts, seconds in (
        ("diptych (load_file, body blocks)", ours, diptych.seconds),
        ("trafilatura.extract defaults", theirs, their_time[0]),
    ):
        p, r, f1 = score(counts)
        print(f"{name:<40} {p:6.3f} {r:6.3f} {f1:6.3f} {len(counts):6d} {seconds:8.1f}")
    print(f"blocks the cleaning set aside that the ground truth keeps: {len(set_aside)}")
    for line in set_aside[: args.set_aside]:
        print("  ", line)
    for line in diptych.failures:
        print("read error:", line)
    for delta, page_id in sorted(losses, reverse=True)[: args.worst]:
        print(f"worse by {delta:.3f}: {page_id} {truth[page_id]['url']}")


def bench_webpages(root: Path, args, tmp: str) -> None:
    import trafilatura

    corpus = root / "webpages"
    truth_file = corpus / "evaldata.json"
    if not truth_file.exists():
        print(f"webpages corpus not found at {corpus}; skipping")
        return
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = sorted((v["file"], v) for v in truth.values() if (corpus / "html" / f"{v['file']}.gz").exists())
    if args.limit:
        pages = pages[: args.limit]
    diptych, their_time = Diptych(tmp), [0.0]
    totals = {"diptych": [0, 0, 0], "trafilatura": [0, 0, 0]}  # tp, fp, fn
    losses: list[tuple[int, str]] = []
    for name, item in pages:
        data = gzip.decompress((corpus / "html" / f"{name}.gz").read_bytes())
        body = "\n\n".join(a.body_text for a in diptych.articles(name, data))
        baseline = timed(lambda: trafilatura.extract(data, **CANONICAL) or "", their_time)
        errors = {}
        for who, text in (("diptych", body), ("trafilatura", baseline)):
            missed, found, hits = snippet_counts(text, item["with"], item["without"])
            totals[who][0] += hits
            totals[who][1] += len(found)
            totals[who][2] += len(missed)
            errors[who] = (missed, found)
        ours, theirs = (len(errors[w][0]) + len(errors[w][1]) for w in ("diptych", "trafilatura"))
        losses.append((ours - theirs, name))
        if args.snippets and (errors["diptych"][0] or errors["diptych"][1]):
            print(f"--- {name}")
            for s in errors["diptych"][0]:
                print(f"  missed{' (trafilatura too)' if s in errors['trafilatura'][0] else ''}: {s[:100]}")
            for s in errors["diptych"][1]:
                print(f"  kept{' (trafilatura too)' if s in errors['trafilatura'][1] else ''}: {s[:100]}")

    print(f"webpages/ (trafilatura's evaluation pages, snippets found over all pages)")
    print(f"{'extractor':<40} {'P':>6} {'R':>6} {'F1':>6} {'pages':>6} {'CPU s':>8}")
    for who, label, seconds in (
        ("diptych", "diptych (load_file, body blocks)", diptych.seconds),
        ("trafilatura", "trafilatura.extract canonical options", their_time[0]),
    ):
        p, r, f1 = snippet_score(*totals[who])
        print(f"{label:<40} {p:6.3f} {r:6.3f} {f1:6.3f} {len(pages):6d} {seconds:8.1f}")
    print("snippets (tp, fp, fn): " + ", ".join(f"{w} {tuple(t)}" for w, t in totals.items()))
    for line in diptych.failures:
        print("read error:", line)
    for delta, name in sorted(losses, reverse=True)[: args.worst]:
        if delta > 0:
            print(f"{delta} more errors than trafilatura: {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("extraction", "webpages", "both"), default="both")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages of each corpus")
    parser.add_argument("--worst", type=int, default=0, help="list the K pages where Diptych loses most")
    parser.add_argument(
        "--set-aside", type=int, default=0, help="show K blocks the cleaning set aside that the ground truth keeps"
    )
    parser.add_argument(
        "--snippets", action="store_true", help="webpages: per page, the snippets Diptych missed or wrongly kept"
    )
    args = parser.parse_args(argv)
    root = corpus_root()
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus in ("extraction", "both"):
            bench_extraction(root, args, tmp)
        if args.corpus == "both":
            print()
        if args.corpus in ("webpages", "both"):
            bench_webpages(root, args, tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
