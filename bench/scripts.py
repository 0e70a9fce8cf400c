"""What per-character tokens cost: indexing and comparing a long Chinese or Japanese text, and
tokenizing English with the script-aware pattern against the Latin-only one it replaced.

    .venv/bin/python bench/scripts.py [--kb 200]

The long CJK texts are the fixture pairs' paragraphs (tests/fixtures/cjk) with a running number
in every sentence, so no sentence repeats; B has every 7th sentence's number changed. CPU time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.ingest.build import article_from_text  # noqa: E402
from desktop.core.compare import compare  # noqa: E402
from desktop.core.ingest.text import TOKEN_PATTERN, tokenize  # noqa: E402

_TOKEN_RE = re.compile(TOKEN_PATTERN)

# The Latin-only token pattern before script-aware tokens (kept here only to time against).
_LATIN_ONLY = re.compile(
    r"(?:[^\W\d_]\.){2,12}+(?![^\W_])"
    r"|[^\W_]+(?:(?:['\u2019]|[.,](?=\d)|(?<=\d):(?=\d)|[-\u2010\u2011](?:[ \t]*\n[ \t]*)?)[^\W_]+)*"
    r"|[^\w\s]",
)


def cpu(fn, *args, **kwargs):
    t0 = time.process_time()
    out = fn(*args, **kwargs)
    return out, time.process_time() - t0


def long_text(lang: str, kb: int, changed_every: int = 0) -> str:
    paras = (ROOT / "tests" / "fixtures" / "cjk" / f"{lang}-a.txt").read_text(encoding="utf-8").split("\n\n")[1:]
    stop = "。"
    sentences = [s + stop for p in paras for s in p.strip().split(stop) if s]
    out, n, size = [], 0, 0
    while size < kb * 1000:
        para = []
        for s in sentences:
            k = n if not changed_every or n % changed_every else n + 1
            para.append(f"第{k}项：{s}")
            n += 1
        text = "".join(para)
        out.append(text)
        size += len(text.encode("utf-8"))
    return "标题\n\n" + "\n\n".join(out)


def english_text() -> str:
    corpus = ROOT.parent / "shared" / "corpus" / "basil" / "articles"
    if not corpus.is_dir():
        corpus = Path("/work/shared/corpus/basil/articles")
    parts = []
    for path in sorted(corpus.rglob("*.json"))[:150]:
        art = json.loads(path.read_text())
        parts += [p if isinstance(p, str) else " ".join(map(str, p)) for p in art.get("body-paragraphs") or []]
    return "\n\n".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", type=int, default=200)
    args = ap.parse_args()
    for lang in ("ja", "zh"):
        a_text, b_text = long_text(lang, args.kb), long_text(lang, args.kb, changed_every=7)
        toks, t_tok = cpu(tokenize, a_text)
        a, t_build = cpu(article_from_text, a_text)
        b = article_from_text(b_text)
        c, t_cmp = cpu(compare, a, b, entities=False)
        _, t_ent = cpu(compare, a, b)
        print(f"{lang}: {len(a_text.encode()) / 1000:.0f} KB, {len(a_text):,} chars, {len(toks):,} tokens, "
              f"{len(a.sentences):,} sentences; tokenize {t_tok:.3f} s, build {t_build:.3f} s, "
              f"compare (text) {t_cmp:.3f} s, compare with entities {t_ent:.3f} s, "
              f"{len(c.changes):,} changes, similarity {c.stats.similarity:.3f}")
    english = english_text()
    if english:
        # The same measure on English of the same size, for scale: B has a word changed in every 7th paragraph.
        paras = english.encode()[: args.kb * 1000].decode("utf-8", "ignore").split("\n\n")
        b_paras = [p + " extra" if k % 7 == 0 else p for k, p in enumerate(paras)]
        a, t_build = cpu(article_from_text, "Title\n\n" + "\n\n".join(paras))
        b = article_from_text("Title\n\n" + "\n\n".join(b_paras))
        c, t_cmp = cpu(compare, a, b, entities=False)
        print(f"en: {args.kb} KB, {len(a.tokens):,} tokens, {len(a.sentences):,} sentences; build {t_build:.3f} s, "
              f"compare (text) {t_cmp:.3f} s, {len(c.changes):,} changes")
        for name, pattern in (("Latin-only pattern", _LATIN_ONLY), ("script-aware pattern", _TOKEN_RE)):
            best = min(cpu(lambda: sum(1 for _ in pattern.finditer(english)))[1] for _ in range(5))
            count = sum(1 for _ in pattern.finditer(english))
            print(f"en: {len(english) / 1000:.0f} K chars, {count:,} tokens, {name}: {best * 1000:.1f} ms (best of 5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
