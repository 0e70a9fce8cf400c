"""Time and peak memory to write the PDF report for generated article pairs of 2,000 and 20,000 words.

Targets (issue 7): under 1.5 s for 2,000 words, under 8 s for 20,000. Each size runs in a
fresh process so its peak memory is its own. Run: `.venv/bin/python bench/report.py`.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((2_000, 1.5), (20_000, 8.0))

_NAMES = ["Amira Rasheed", "Colm Brennan", "Dana Whitcombe", "Helen Okafor", "Martin Oyelaran", "Lena Marsh"]
_PLACES = ["Halifax", "Dartmouth", "McNabs Island", "Eastern Shore", "Lunenburg", "Sydney"]
_WORDS = (
    "the ship harbour crews fuel leak coast guard officials said on after before during shellfish leases "
    "closed divers tanks boom clean-up authority estimated investigators steering salvage barge tide "
    "would could might reported according to residents council inspectors survey morning evening week "
    "water oil slick drifted east west north south kilometres tonnes vessel carrier operator statement"
).split()


def _sentence(rng: random.Random) -> str:
    n = rng.randint(12, 26)
    words = [rng.choice(_WORDS) for _ in range(n)]
    words[rng.randrange(n)] = rng.choice(_PLACES)
    if rng.random() < 0.5:
        words[rng.randrange(n)] = f"{rng.randint(2, 900):,}"
    text = " ".join(words)
    text = text[0].upper() + text[1:]
    if rng.random() < 0.25:
        return f'"{text}," {rng.choice(_NAMES)} said.'
    return f"{text}, {rng.choice(_NAMES)} said." if rng.random() < 0.3 else text + "."


def generate_pair(words: int, seed: int = 7) -> tuple[str, str]:
    """Two versions of one long article: B edits words, drops, adds and moves sentences of A."""
    rng = random.Random(seed)
    paragraphs: list[list[str]] = []
    count = 0
    while count < words:
        para = [_sentence(rng) for _ in range(rng.randint(2, 4))]
        count += sum(len(s.split()) for s in para)
        paragraphs.append(para)
    edited: list[list[str]] = []
    for para in paragraphs:
        out = []
        for s in para:
            r = rng.random()
            if r < 0.06:
                continue  # removed in B
            if r < 0.25:
                w = s.split()
                w[rng.randrange(len(w))] = rng.choice(_WORDS)
                s = " ".join(w)
            out.append(s)
            if rng.random() < 0.05:
                out.append(_sentence(rng))  # added in B
        edited.append(out or [_sentence(rng)])
    for _ in range(max(1, len(edited) // 25)):  # a few paragraphs move
        i, j = rng.randrange(len(edited)), rng.randrange(len(edited))
        edited.insert(j, edited.pop(i))
    title_a = "Fuel spill closes shellfish beds after cargo ship runs aground"
    title_b = "Grounded freighter leaks fuel, shutting Eastern Shore leases"
    return (
        title_a + "\n\n" + "\n\n".join(" ".join(p) for p in paragraphs),
        title_b + "\n\n" + "\n\n".join(" ".join(p) for p in edited),
    )


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def run_one(words: int) -> dict:
    """In this process: build the comparison (untimed), then time writing the PDF."""
    sys.path.insert(0, str(ROOT))
    from desktop.core.ingest.build import article_from_text
    from desktop.core.compare import compare
    from desktop.ui.report.export import ReportChoices, ensure_gui_application, write_pdf

    ensure_gui_application()
    a, b = generate_pair(words)
    left = article_from_text(a, path="bench-a.txt")
    right = article_from_text(b, path="bench-b.txt")
    t0 = time.perf_counter()
    comparison = compare(left, right)
    compare_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        before = _rss_mb()
        t0 = time.perf_counter()
        pages = write_pdf(comparison, Path(tmp) / "report.pdf", ReportChoices(page_size="a4"))
        seconds = time.perf_counter() - t0
        size = (Path(tmp) / "report.pdf").stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return {
        "words": left.word_count,
        "pages": pages,
        "seconds": seconds,
        "compare_seconds": compare_s,
        "rss_before_mb": before,
        "peak_rss_mb": peak,
        "pdf_kb": size / 1024,
    }


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
        return 0
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    failed = False
    print("report bench: time to write the PDF (build content, lay out, paint, write), fresh process per size")
    for words, target in SIZES:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(words)], capture_output=True, text=True, env=env, cwd=ROOT
        )
        if proc.returncode != 0:
            print(f"  {words:>6,} words: FAILED\n{proc.stderr}")
            failed = True
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        ok = r["seconds"] < target
        failed |= not ok
        print(
            f"  {r['words']:>6,} words: {r['seconds']:.2f} s (target < {target} s, {'ok' if ok else 'MISSED'}), "
            f"{r['pages']} pages, {r['pdf_kb']:.0f} kB; peak RSS {r['peak_rss_mb']:.0f} MB "
            f"(+{r['peak_rss_mb'] - r['rss_before_mb']:.0f} MB over the process before writing); "
            f"compare took {r['compare_seconds']:.2f} s (not counted)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
