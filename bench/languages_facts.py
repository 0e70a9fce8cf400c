"""Print the people, places, organisations, dates, figures and quotes found on the German and French
pages of ../shared/corpus/webpages, one line each, for judging precision by hand.

Run: .venv/bin/python bench/languages_facts.py [de|fr] [--limit N]  (skips cleanly without the corpus)

The language of a page is told here by counting a few function words, only so that this script can run
before language detection (desktop/core/language.py) is merged; extract() is then told the language."""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.entities.extract import extract  # noqa: E402
from desktop.core.ingest.load import load_file  # noqa: E402


def corpus() -> Path | None:
    for p in (os.environ.get("DIPTYCH_CORPUS"), ROOT.parent / "shared" / "corpus", "/work/shared/corpus"):
        if p and (Path(p) / "webpages").is_dir():
            return Path(p) / "webpages"
    return None


_MARKERS = {"de": "der die und das ist nicht mit sich auch für".split(),
            "fr": "le la les et est une des pour dans qui".split(),
            "en": "the and is of to that for with was".split()}


def guess(text: str) -> str:
    words = re.findall(r"\w+", text.lower())[:3000]
    counts = {lang: sum(words.count(w) for w in ws) for lang, ws in _MARKERS.items()}
    return max(counts, key=counts.get)


def main() -> int:
    pages = corpus()
    if pages is None:
        print("no corpus: skipped")
        return 0
    want = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "de"
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 10**6
    data = json.loads((pages / "evaldata.json").read_text())
    shown = 0
    with tempfile.TemporaryDirectory() as tmp:
        for url, item in sorted(data.items(), key=lambda kv: kv[1]["file"]):
            raw = gzip.decompress((pages / "html" / (item["file"])).read_bytes()) if (pages / "html" / item["file"]).exists() \
                else gzip.decompress((pages / "html" / (item["file"] + ".gz")).read_bytes())
            path = Path(tmp) / (Path(item["file"]).name.removesuffix(".gz") + ".html")
            path.write_bytes(raw)
            try:
                articles = load_file(path)
            except Exception as exc:  # a page the reader refuses is reported, not judged
                print(f"# {item['file']}: {exc}")
                continue
            for art in articles:
                if guess(art.text) != want:
                    continue
                ext = extract(art, language=want)
                print(f"\n## {item['file']}  {url}")
                for e in ext.entities:
                    if shown >= limit:
                        return 0
                    where = art.text[max(0, e.mentions[0].start - 30):e.mentions[0].end + 30].replace("\n", " ")
                    print(f"{e.type.value:12} {e.name!r:40} {e.value!r:22} | {where}")
                    shown += 1
                for q in ext.quotes:
                    around = (art.text[max(0, q.start - 50):q.start] + "[…]" + art.text[q.end:q.end + 50]).replace("\n", " ")
                    print(f"{'quote':12} {q.text[:60]!r:40} speaker={q.speaker!r} | {around}")
                    shown += 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
