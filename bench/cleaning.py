"""Measure cleaning and sentence splitting against the evaluation corpus (skips when absent).

    .venv/bin/python bench/cleaning.py [--no-html]

1. scraped/: title, category, boilerplate and caption of each real scrape.
2. basil/: sentence boundaries against the corpus's own sentence lists (the gold merges
   some short quoted sentences, so "extra" boundaries are mostly right), and how many
   real body paragraphs the plain-text rules set aside (false positives).
3. extraction/: body-text F1 (word 4-gram shingles) of the HTML reader's paragraphs with
   the reader's hints only, and after `clean()`.
"""

from __future__ import annotations

import collections
import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

from desktop.core.article import BODY_KINDS, BlockKind, Document, Paragraph  # noqa: E402
from desktop.core.ingest.clean import clean  # noqa: E402
from desktop.core.ingest.text import split_sentences  # noqa: E402


def scraped() -> None:
    from desktop.core.ingest.load import load_file

    for path in sorted((CORPUS / "scraped").glob("*.txt")):
        (art,) = load_file(path)
        kinds = collections.Counter(str(b.kind) for b in art.blocks)
        reasons = collections.Counter(b.reason for b in art.blocks if b.kind == BlockKind.BOILERPLATE)
        print(f"scraped {path.name}: title {art.title[:60]!r}… category {art.category!r}")
        print(f"  published {art.published}; blocks {dict(kinds)}; body words {art.word_count}")
        print(f"  boilerplate reasons {dict(reasons)}")


def basil() -> None:
    files = sorted((CORPUS / "basil" / "articles").glob("*/*.json"))
    gold_total = missed = extra = 0
    set_aside = collections.Counter()
    paragraphs = titles_missed = 0
    for f in files:
        d = json.loads(f.read_text())
        for para in d["body-paragraphs"]:
            sents = [s.strip() for s in para if s.strip()]
            text = " ".join(sents)
            gold, pos = set(), 0
            for s in sents[:-1]:
                pos += len(s)
                gold.add(pos)
                pos += 1
            got = {b for _, b in split_sentences(text)[:-1]}
            gold_total += len(gold)
            missed += len(gold - got)
            extra += len(got - gold)
        paras = [Paragraph(d["title"])] + [Paragraph(" ".join(p)) for p in d["body-paragraphs"]]
        kinds = clean(Document(str(f), "txt", tuple(paras)), paras).kinds
        titles_missed += kinds[0][0] != BlockKind.TITLE
        for kind, reason in kinds[1:]:
            paragraphs += 1
            if kind != BlockKind.BODY:
                set_aside[f"{kind}{': ' + reason if reason else ''}"] += 1
    print(f"basil sentences: {gold_total} gold boundaries, {missed} missed "
          f"({missed / gold_total:.1%}), {extra} extra")
    print(f"basil cleaning: {len(files)} articles, titles missed {titles_missed}; "
          f"{sum(set_aside.values())} of {paragraphs} body paragraphs not body: {dict(set_aside)}")


def _shingles(text: str) -> collections.Counter:
    w = re.findall(r"\w+", text.lower())
    return collections.Counter(tuple(w[i : i + 4]) for i in range(max(1, len(w) - 3)))


def _f1(got: str, want: str) -> float:
    a, b = _shingles(got), _shingles(want)
    inter = sum((a & b).values())
    if not inter:
        return 0.0
    p, r = inter / sum(a.values()), inter / sum(b.values())
    return 2 * p * r / (p + r)


def extraction() -> None:
    from desktop.core.ingest.readers import html as html_reader

    root = CORPUS / "extraction"
    truth = json.loads((root / "ground-truth.json").read_text())
    hints_total = clean_total = 0.0
    pages = 0
    moved = collections.Counter()
    for page_id, entry in sorted(truth.items()):
        f = root / "html" / f"{page_id}.html.gz"
        if not f.exists():
            continue
        doc = html_reader.read(str(f), gzip.open(f).read())[0]
        paras = [p for p in doc.paragraphs if p.text.strip()]
        kinds = clean(doc, paras).kinds
        hinted = " ".join(p.text for p in paras if (BlockKind(p.hint) if p.hint else BlockKind.BODY) in BODY_KINDS)
        cleaned = " ".join(p.text for p, (k, _) in zip(paras, kinds) if k in BODY_KINDS)
        hints_total += _f1(hinted, entry["articleBody"])
        clean_total += _f1(cleaned, entry["articleBody"])
        pages += 1
        for p, (k, reason) in zip(paras, kinds):
            if k not in BODY_KINDS and (BlockKind(p.hint) if p.hint else BlockKind.BODY) in BODY_KINDS:
                inside = p.text[:40] in entry["articleBody"]
                moved[(reason or str(k), "in the true body" if inside else "not in the true body")] += 1
    print(f"extraction: {pages} pages, body F1 with reader hints only {hints_total / pages:.4f}, "
          f"after clean() {clean_total / pages:.4f}")
    for (reason, where), count in moved.most_common():
        print(f"  set aside {count:>3} × {reason} ({where})")


def main() -> int:
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}; nothing to measure")
        return 0
    t0 = time.perf_counter()
    scraped()
    basil()
    if "--no-html" not in sys.argv:
        extraction()
    print(f"took {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
