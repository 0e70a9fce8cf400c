"""Quote detection and speakers on real political news: PolNeAR dev, scored by the corpus's own script.

Runs `../shared/corpus/polnear/score_quotes.py` (which runs `diptych extract --json` on every dev
text) and prints its figures, with the targets beside the lines they concern. The script writes its
tables of misses (speaker_wrong.tsv, quotes_unmatched.tsv, gold_direct_missed.tsv) to a temporary
folder, named at the end, for reading.

Run: .venv/bin/python bench/quotes.py [--split dev|train]  (skips cleanly when ../shared/corpus is absent)
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


def main() -> int:
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
