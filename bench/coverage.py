"""Coverage of one story by several articles: speed at 3, 8 and 20 articles, and quality on BASIL triplets.

Speed is CPU time (the machine is shared): `cover()` in the core, and on the GUI thread the time
to set the Coverage on a CoverageView and paint it. Articles are BASIL's (NYT, Fox News,
HuffPost), those nearest 1,000 words; groups of 8 and 20 are built from several triplets.

Quality, on all 50 triplets (three outlets on one event):
- BASIL marks "informational bias": facts an outlet chose to include to frame the story. The
  share of those spans whose sentence the coverage marks as that article's alone (no other
  article carries the sentence) or as holding a fact only a minority of the three report, against
  the same share for all body sentences (the base rate). A useful view finds them above the base.
- The recall of BASIL's main entities that are names (every word capitalised; not "police" or
  "Obama administration") found in the article's text, among the coverage's people,
  organisations and places for that article.

Run: .venv/bin/python bench/coverage.py [-v]  (skips cleanly when ../shared/corpus is absent;
-v prints the summary of ten triplets to read by eye)
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BASIL = ROOT.parent / "shared" / "corpus" / "basil"

from desktop.core.coverage import cover  # noqa: E402
from desktop.core.coverage.model import CellState, FactKind, Presence  # noqa: E402
from desktop.core.coverage.summary import coverage_summary  # noqa: E402
from desktop.core.ingest.load import load_file  # noqa: E402

TARGETS = {3: 0.5, 8: 2.0, 20: 8.0}  # seconds of CPU time, by number of articles
GUI_STALL = 0.1  # the GUI thread never stalls longer than this
NAME_KINDS = (FactKind.PERSON, FactKind.ORGANIZATION, FactKind.PLACE)


def cpu() -> float:
    t = os.times()
    return t.user + t.system


def main() -> int:
    files = sorted(glob.glob(str(BASIL / "articles" / "*" / "*.json")))
    if not files:
        print(f"basil articles not found at {BASIL}; nothing measured")
        return 0
    verbose = "-v" in sys.argv
    stories: dict[str, list[str]] = {}
    for f in files:
        stories.setdefault(Path(f).name.rsplit("_", 1)[0], []).append(f)
    articles = {f: load_file(f)[0] for f in files}
    ok = speed(stories, articles)
    quality(stories, articles, verbose)
    return 0 if ok else 1


# ---- speed -----------------------------------------------------------------------------------


def speed(stories, articles) -> bool:
    cover([articles[f] for f in next(iter(stories.values()))])  # loads the gazetteer and rules once
    near = sorted(articles, key=lambda f: abs(articles[f].word_count - 1000))
    best_triplet = min(stories.values(), key=lambda fs: sum(abs(articles[f].word_count - 1000) for f in fs))
    groups = {3: best_triplet, 8: near[:8], 20: near[:20]}
    from desktop.ui.app import make_application
    from desktop.ui.coverage.view import CoverageView

    app = make_application(sys.argv[:1])
    view = CoverageView()
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    ok = True
    print("Speed (CPU seconds; core = cover(), GUI = set_coverage on the view and paint every tab):")
    for n, fs in groups.items():
        arts = [articles[f] for f in fs]
        words = sum(a.word_count for a in arts) / n
        t0 = cpu()
        c = cover(arts)
        core = cpu() - t0
        gui = 0.0
        t0 = cpu()
        view.set_coverage(c)
        app.processEvents()
        gui = cpu() - t0
        for tab in (1, 2, 0):  # each tab's first paint is GUI-thread time too
            t0 = cpu()
            view.tabs.setCurrentIndex(tab)
            view.repaint()
            app.processEvents()
            gui = max(gui, cpu() - t0)
        met = core + gui < TARGETS[n] and gui < GUI_STALL
        ok &= met
        print(f"  {n:>2} articles ({words:,.0f} words each on average, {len(c.facts):,} facts, "
              f"{n * (n - 1) // 2} pairs): core {core:.2f} s, GUI thread {gui * 1000:.0f} ms at most "
              f"— target {TARGETS[n]:.1f} s and {GUI_STALL * 1000:.0f} ms: {'met' if met else 'MISSED'}")
    view.close()
    return ok


# ---- quality ---------------------------------------------------------------------------------


def _annotations(path: str) -> dict:
    ann = Path(path.replace("/articles/", "/annotations/")).with_name(Path(path).stem + "_ann.json")
    return json.loads(ann.read_text(encoding="utf-8")) if ann.exists() else {}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')).strip()


def _find(text: str, phrase: str) -> tuple[int, int] | None:
    at = text.find(phrase)
    if at >= 0:
        return at, at + len(phrase)
    # Quote marks and spacing may differ between the annotation and the cleaned text.
    words = [re.escape(w) for w in _squash(phrase).split()]
    if not words:
        return None
    m = re.search(r"\W+".join(words).replace("'", ".").replace('"', "."), text)
    return (m.start(), m.end()) if m else None


def _marked_sentences(c, i: int) -> tuple[set[int], set[int]]:
    """Article i's body sentences, and those the coverage marks: no other article carries the
    sentence, or it holds a fact reported by a minority of the articles."""
    n = len(c.articles)
    body = {h.sentence for h in c.strips[i]}
    marked = {h.sentence for h in c.strips[i] if h.presence == Presence.ALONE}
    for f in c.facts:
        if len(f.reported_by) * 2 < n:
            cell = f.cells[i]
            if cell.state != CellState.LACKS and cell.sentence is not None:
                marked.add(cell.sentence)
    return body, marked


def _minority_sentences(c, i: int) -> set[int]:
    n = len(c.articles)
    return {f.cells[i].sentence for f in c.facts
            if len(f.reported_by) * 2 < n and f.cells[i].state != CellState.LACKS and f.cells[i].sentence is not None}


def _sentences_of(article, span: tuple[int, int]) -> list[int]:
    return [k for k, s in enumerate(article.sentences) if s.start < span[1] and span[0] < s.end]


def quality(stories, articles, verbose: bool) -> None:
    counts = Counter()
    shown = 0
    t0 = cpu()
    for key in sorted(stories):
        fs = sorted(stories[key])
        arts = [articles[f] for f in fs]
        c = cover(arts)
        if verbose and shown < 10:
            shown += 1
            print(f"\n=== {key[:8]}: {arts[0].title}")
            print(coverage_summary(c, rows=8))
        for i, f in enumerate(fs):
            body, marked = _marked_sentences(c, i)
            counts["sentences"] += len(body)
            counts["sentences marked"] += len(marked & body)
            counts["sentences alone"] += sum(h.presence == Presence.ALONE for h in c.strips[i])
            alone = {h.sentence for h in c.strips[i] if h.presence == Presence.ALONE}
            counts["sentences minority fact"] += len(_minority_sentences(c, i) & body)
            for a in _annotations(f).get("phrase-level-annotations", []):
                if a.get("bias") != "inf":
                    continue
                counts["inf spans"] += 1
                span = _find(arts[i].text, a["txt"])
                if span is None:
                    counts["inf not found"] += 1
                    continue
                sents = [k for k in _sentences_of(arts[i], span) if k in body]
                if not sents:
                    counts["inf not found"] += 1
                    continue
                counts["inf located"] += 1
                counts["inf marked"] += any(k in marked for k in sents)
                counts["inf alone"] += any(k in alone for k in sents)
                counts["inf minority fact"] += any(k in _minority_sentences(c, i) for k in sents)
            recall_entities(c, i, json.loads(Path(f).read_text(encoding="utf-8")).get("main-entities", []), counts)
    secs = cpu() - t0
    print(f"\nQuality on BASIL: {len(stories)} triplets covered in {secs:.1f} s CPU")
    located, sentences = counts["inf located"], counts["sentences"]
    print(f"  informational-bias spans: {counts['inf spans']}, located in the text {located} "
          f"(not found {counts['inf not found']})")
    print(f"  marked as that article's alone or a minority's fact: {counts['inf marked'] / max(located, 1):.1%} "
          f"of the spans against {counts['sentences marked'] / max(sentences, 1):.1%} of all {sentences:,} body "
          "sentences (base rate)")
    print(f"  sentence no other article carries: {counts['inf alone'] / max(located, 1):.1%} of the spans against "
          f"{counts['sentences alone'] / max(sentences, 1):.1%} of all sentences")
    print(f"  sentence holding a fact only this article reports: {counts['inf minority fact'] / max(located, 1):.1%} "
          f"of the spans against {counts['sentences minority fact'] / max(sentences, 1):.1%} of all sentences")
    print(f"  main entities that are names (every word capitalised) in the text: {counts['entities']}, found among the coverage's facts for that "
          f"article: {counts['entities found']} ({counts['entities found'] / max(counts['entities'], 1):.1%})")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold())


def recall_entities(c, i: int, names: list[str], counts: Counter) -> None:
    text = c.articles[i].text
    have = []
    for f in c.facts:
        if f.kind in NAME_KINDS and f.cells[i].state != CellState.LACKS:
            have.append(_words(f.cells[i].value))
            have.append(_words(f.label))
    for name in names:
        name = name.replace("_", " ")
        if name not in text:
            continue  # BASIL lists entities an article may only allude to; only names in the text count
        if not all(w[:1].isupper() for w in name.split()):
            continue  # "police", "Obama administration", "plaintiffs": groups, not names
        counts["entities"] += 1
        want = _words(name)
        # "Obama" for "Barack Obama", "Hillary Rodham Clinton" for "Hillary Clinton": the same last word
        # and every word of the shorter inside the longer.
        if any(w and w[-1] == want[-1] and (set(w) <= set(want) or set(want) <= set(w)) for w in have):
            counts["entities found"] += 1


if __name__ == "__main__":
    raise SystemExit(main())
