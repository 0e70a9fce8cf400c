"""Quote detection and speakers on real political news: PolNeAR dev, scored by the corpus's own script.

Runs `../shared/corpus/polnear/score_quotes.py` (which runs `diptych extract --json` on every dev
text) and prints its figures, with the targets beside the lines they concern. The script writes its
tables of misses (speaker_wrong.tsv, quotes_unmatched.tsv, gold_direct_missed.tsv) to a temporary
folder, named at the end, for reading.

Then checks that the report and the sidebar list the same quotes with the same verdict for the seed
pair (the scraped article against a copy where its first "Monday" is "Tuesday") and the sample pair.

Run: .venv/bin/python bench/quotes.py [--split dev|train] [--no-score]  (skips cleanly when ../shared/corpus is absent)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear"
TARGETS = {"recall": "target >= 0.93", "a name": "target: right >= 0.88", "a nominal": "target: well above 0.03"}


def _verdicts(c) -> tuple[list, list]:
    """(report rows, sidebar rows) as (left words, right words, verdict), sorted."""
    from desktop.core.entities.model import MatchStatus
    from desktop.core.entities.quote_pairs import comparable
    from desktop.core.report.model import build_report
    from desktop.ui.sidebar.rows import Group, comparison_rows

    report = sorted((comparable(" ".join(r.text for r in row.left)), comparable(" ".join(r.text for r in row.right)),
                     row.status) for row in build_report(c).quotes)
    sidebar = []
    for row in comparison_rows(c, c.quotes)[Group.QUOTES]:
        p = row.quote
        left, right = (comparable(p.left.text) if p.left else ()), (comparable(p.right.text) if p.right else ())
        verdict = {MatchStatus.LEFT: "only in A", MatchStatus.RIGHT: "only in B"}.get(row.status)
        if verdict is None:
            verdict = "altered" if row.status_text.startswith("Worded") else \
                "in part" if "quoted in part" in row.status_text or (row.status_text == "Attributed differently"
                                                                    and left != right) else "same"
        sidebar.append((left, right, verdict))
    return report, sorted(sidebar)


def agreement() -> None:
    from desktop.core.compare import compare
    from desktop.core.ingest.load import load_file, load_text
    from desktop.core.resources import resource_path

    pairs = []
    seed = sorted((ROOT.parent / "shared" / "corpus" / "scraped").glob("*.txt"))
    if seed:
        text = seed[0].read_text(encoding="utf-8")
        pairs.append(("seed pair (scrape / its copy with Monday made Tuesday)", load_file(seed[0])[0],
                      load_text(text.replace("Monday", "Tuesday", 1), "seed-tuesday.txt")))
    pairs.append(("sample pair (harbour-wire.txt / harbour-herald.html)",
                  load_file(resource_path("samples", "harbour-wire.txt"))[0],
                  load_file(resource_path("samples", "harbour-herald.html"))[0]))
    for name, a, b in pairs:
        c = compare(a, b)
        report, sidebar = _verdicts(c)
        same = sum(1 for x in report if x in sidebar)
        dates = [f"{d.left_text} -> {d.right_text}" for d in c.discrepancies if str(d.kind) == "date"]
        print(f"{name}: report and sidebar agree on {same} of {len(report)} quotes "
              f"(sidebar lists {len(sidebar)}); date discrepancies: {', '.join(dates) or 'none'}")


def main() -> int:
    if "--no-score" in sys.argv:
        agreement()
        return 0
    scorer = POLNEAR / "score_quotes.py"
    if not scorer.exists():
        print(f"PolNeAR not found at {POLNEAR}; nothing measured")
        return 0
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "dev"
    out = Path(tempfile.mkdtemp(prefix=f"diptych-polnear-{split}-"))
    env = dict(os.environ, DIPTYCH=str(ROOT / ".venv" / "bin" / "diptych"))
    run = subprocess.run([sys.executable, str(scorer), str(POLNEAR), "--split", split, "--out", str(out)],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode:
        print(run.stderr.strip() or "score_quotes.py failed")
        return run.returncode
    for line in run.stdout.splitlines():
        note = next((v for k, v in TARGETS.items() if k in line and ("Source is" in line or k == "recall")), "")
        print(line + (f"   [{note}]" if note else ""))
    print(f"tables of misses: {out}")
    agreement()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
