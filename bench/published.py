"""Publication dates read from the text alone, against the true dates of the BASIL articles.

Each BASIL article (NYT, Fox News, HuffPost, 2010-2014; its JSON carries the date it appeared) is
written as a plain .txt file with no metadata: its title, a blank line, and its paragraphs. Diptych
loads it and names a publication date from the text or none. A date within a day of the true one is
right (a story filed late in the evening carries the next day's date); any other is wrong; none is
null. A wrong date is worse than none: relative dates ("Friday", "last year") are counted from it.

Run: .venv/bin/python bench/published.py [-v]  (skips cleanly when ../shared/corpus is absent)
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "basil" / "articles"

from desktop.core.ingest.load import load_file  # noqa: E402
from desktop.core.ingest.published import find_dates  # noqa: E402


def _paragraphs(doc: dict) -> list[str]:
    out = []
    for p in doc.get("body-paragraphs", []):
        out.append(" ".join(p) if isinstance(p, list) else str(p))
    return [p.strip() for p in out if p.strip()]


def main() -> int:
    files = sorted(glob.glob(str(CORPUS / "*" / "*.json")))
    if not files:
        print(f"basil articles not found at {CORPUS}; nothing measured")
        return 0
    verbose = "-v" in sys.argv
    counts: Counter[str] = Counter()
    by_origin: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="diptych-published-") as tmp:
        for f in files:
            doc = json.loads(Path(f).read_text(encoding="utf-8"))
            truth = dt.date.fromisoformat(doc["date"][:10])
            path = Path(tmp) / (Path(f).stem + ".txt")
            path.write_text(doc.get("title", "").strip() + "\n\n" + "\n\n".join(_paragraphs(doc)) + "\n", encoding="utf-8")
            article = load_file(path)[0]
            found = article.published
            if found is None or not found.value:
                verdict = "null"
            else:
                try:
                    day = dt.date.fromisoformat(found.value[:10])
                except ValueError:
                    day = None
                verdict = "right" if day is not None and abs((day - truth).days) <= 1 else "wrong"
                by_origin[f"{verdict} from {found.origin}"] += 1
            counts[verdict] += 1
            # The most a reader of the text alone could get right: the text spells out its own day.
            body = "\n".join(_paragraphs(doc))
            counts["spelled"] += any(abs((d - truth).days) <= 1 for _, _, d in find_dates(body))
            if verbose and verdict != "right":
                got = f"{found.value} ({found.origin})" if found else "none"
                print(f"  {verdict:5s} {Path(f).stem[:12]} {doc.get('source', '')[:8]:8s} true {truth}  found {got}")
    n = sum(counts[k] for k in ("right", "wrong", "null"))
    print(f"BASIL publication dates from the text alone: {n} articles written as .txt with no metadata")
    print("  " + "   ".join(f"{k} {counts[k] / n:.3f} ({counts[k]})" for k in ("right", "wrong", "null"))
          + "   (right = within one day of the true date; targets: right >= 0.90, wrong <= 0.03)")
    print(f"  articles whose text spells out a date within a day of their own (day, month and year): "
          f"{counts['spelled'] / n:.3f} ({counts['spelled']}); the rest give the day only as \"Friday\" or not at all")
    if by_origin:
        print("  by where the date came from: " + ", ".join(f"{k} {v}" for k, v in sorted(by_origin.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
