"""Comparison speed and memory against word-diff peers, and change labels on MSRP pairs.

Generates article pairs of about 1,000, 10,000 and 100,000 words (scattered edits, a few
moved paragraphs, the right side hard-wrapped with line-end hyphenation and curly quotes),
two unrelated 10,000-word articles and an adversarial pair over a 30-word vocabulary.
Times the full comparison (`desktop.core.align.align`: pairing, word and character diffs,
change classes, containment, shared passages) and, on the same pairs, difflib on word
tokens (with and without autojunk), diff-match-patch in word mode (`pip install '.[bench]'`)
and `git diff --no-index --word-diff`. Every run is a fresh subprocess, so each row's peak
memory (ru_maxrss) is its own; slow peer runs are stopped after PEER_TIMEOUT seconds.

Then, when /work/shared/corpus/msrp is present: for sentence pairs that differ only in one
figure or one name spelling, how often the engine reports exactly that word with that class.

    .venv/bin/python bench/compare.py            # everything (a few minutes)
    .venv/bin/python bench/compare.py --quick    # no 100k pair, no msrp
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "msrp" / "msr_paraphrase_train.txt"
PEER_TIMEOUT = 60.0
CASES = ("1k", "10k", "100k", "unrelated-10k", "adversarial-10k")
ENGINES = ("diptych", "difflib", "difflib-noautojunk", "dmp-words", "git-word-diff")
REPS = {"1k": 7, "10k": 5, "100k": 3, "unrelated-10k": 3, "adversarial-10k": 3}

FUNCTION_WORDS = (
    "the of and to a in that is was he for it with as his on be at by said had not are but from or have an "
    "they which one you were her all she there would their we him been has when who will more no if out so "
    "what up its about into than them can only other new some could time these two may then do first any"
).split()
SYLLABLES = "ka lo mi ser tan dor vel ri po nes ar en ul gra fi mon ce bal tro hu pe sa lin mar co ve dis qua".split()


# ---- text generation ------------------------------------------------------------------------

def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = list(FUNCTION_WORDS)
    seen = set(words)
    while len(words) < size:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


class Writer:
    """Random news-like prose: Zipf-distributed words, names, figures and quotes."""

    def __init__(self, seed: int, vocab_size: int = 8000) -> None:
        self.rng = random.Random(seed)
        self.vocab = _vocabulary(self.rng, vocab_size)
        self.weights = [1 / (r + 1) ** 1.05 for r in range(len(self.vocab))]
        self.names = [w.capitalize() for w in _vocabulary(random.Random(seed + 1), 400)[len(FUNCTION_WORDS):]]

    def words(self, k: int) -> list[str]:
        return self.rng.choices(self.vocab, self.weights, k=k)

    def sentence(self) -> list[str]:
        rng = self.rng
        ws = self.words(rng.randint(8, 28))
        if rng.random() < 0.4:
            ws[rng.randrange(len(ws))] = rng.choice(self.names)
        if rng.random() < 0.3:
            ws[rng.randrange(len(ws))] = f"{rng.randint(2, 9000):,}"
        ws[0] = ws[0].capitalize()
        if rng.random() < 0.15:
            return ['"' + ws[0], *ws[1:-1], ws[-1] + ',"', rng.choice(self.names), "said."]
        ws[-1] += "."
        return ws

    def article(self, n_words: int) -> list[list[list[str]]]:
        paras, total = [], 0
        while total < n_words:
            para = [self.sentence() for _ in range(self.rng.randint(2, 6))]
            total += sum(len(s) for s in para)
            paras.append(para)
        return paras


def _edited(w: Writer, paras, rate: float, moves: int):
    rng = w.rng
    out = [[list(s) for s in p] for p in paras]
    total = sum(len(s) for p in out for s in p)
    budget = int(total * rate)
    while budget > 0:
        p = rng.randrange(len(out))
        s = rng.randrange(len(out[p]))
        sent = out[p][s]
        k = rng.randint(1, 4)
        i = rng.randrange(1, max(2, len(sent) - 1))
        kind = rng.random()
        if kind < 0.5:
            sent[i : i + k] = w.words(k)
        elif kind < 0.75:
            sent[i:i] = w.words(k)
        elif len(sent) > k + 3:
            del sent[i : i + k]
        budget -= k
    big = [i for i, p in enumerate(out) if sum(len(s) for s in p) >= 40]
    for _ in range(moves):
        src = rng.choice(big[: len(big) // 2] or big)
        para = out.pop(src)
        out.insert(min(len(out), src + len(out) // 2), para)
    return out


def _render(paras, wrap: bool, rng: random.Random) -> str:
    texts = [" ".join(" ".join(s) for s in p) for p in paras]
    if not wrap:
        return "\n\n".join(texts)
    out = []
    for t in texts:
        t = re.sub(r'"(\w)', "\u201c\\1", t).replace('"', "\u201d")
        lines = textwrap.wrap(t, 72, break_long_words=False, break_on_hyphens=False)
        for k in range(len(lines) - 1):  # now and then hyphenate the line's last word
            last = lines[k].rsplit(" ", 1)
            if len(last) == 2 and len(last[1]) >= 8 and last[1].isalpha() and rng.random() < 0.3:
                cut = len(last[1]) // 2
                lines[k] = f"{last[0]} {last[1][:cut]}-"
                lines[k + 1] = f"{last[1][cut:]} {lines[k + 1]}"
        out.append("\n".join(lines))
    return "\n\n".join(out)


def make_pair(case: str) -> tuple[str, str]:
    if case == "adversarial-10k":
        rng = random.Random(30)
        vocab = _vocabulary(rng, 30)

        def stream(seed):
            r = random.Random(seed)
            paras = [[[*r.choices(vocab, k=r.randint(8, 28))] for _ in range(r.randint(2, 6))] for _ in range(140)]
            for p in paras:
                for s in p:
                    s[0] = s[0].capitalize()
                    s[-1] += "."
            return _render(paras, False, r)

        return stream(1), stream(2)
    if case == "unrelated-10k":
        return _render(Writer(11).article(10_000), False, random.Random(0)), _render(
            Writer(12).article(10_000), False, random.Random(0)
        )
    size = {"1k": 1_000, "10k": 10_000, "100k": 100_000}[case]
    moves = {"1k": 1, "10k": 3, "100k": 6}[case]
    w = Writer(42)
    paras = w.article(size)
    right = _edited(w, paras, 0.05, moves)
    return _render(paras, False, w.rng), _render(right, True, w.rng)


# ---- engines ---------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return text.split()


def _dmp_words(a: str, b: str):
    import diff_match_patch

    codes: dict[str, str] = {}

    def encode(ws):
        out = []
        for w in ws:
            c = codes.get(w)
            if c is None:
                n = len(codes) + 1
                if n >= 0xD800:  # step over the surrogate range
                    n += 0x800
                c = codes[w] = chr(n)
            out.append(c)
        return "".join(out)

    d = diff_match_patch.diff_match_patch()
    d.Diff_Timeout = 0  # the default 1 s limit quietly returns a near-total replace on long texts
    return d.diff_main(encode(_words(a)), encode(_words(b)), False)


def run_engine(engine: str, case: str) -> dict:
    """In a fresh process: build the pair, time `engine` on it, report times and peak memory."""
    left_text, right_text = make_pair(case)
    reps = REPS[case]
    prepare = None
    if engine == "diptych":
        from desktop.core.align import align
        from desktop.core.ingest.build import article_from_text

        t0 = time.perf_counter()
        la, ra = article_from_text(left_text, path="left"), article_from_text(right_text, path="right")
        prepare = time.perf_counter() - t0
        fn = lambda: align(la, ra)  # noqa: E731
    elif engine.startswith("difflib"):
        import difflib

        wa, wb = _words(left_text), _words(right_text)
        junk = engine == "difflib"
        fn = lambda: difflib.SequenceMatcher(None, wa, wb, autojunk=junk).get_opcodes()  # noqa: E731
    elif engine == "dmp-words":
        fn = lambda: _dmp_words(left_text, right_text)  # noqa: E731
    elif engine == "git-word-diff":
        tmp = Path(tempfile.mkdtemp(prefix="diptych-bench-"))
        (tmp / "a.txt").write_text(left_text, encoding="utf-8")
        (tmp / "b.txt").write_text(right_text, encoding="utf-8")
        cmd = ["git", "diff", "--no-index", "--no-color", "--word-diff=porcelain", "a.txt", "b.txt"]
        fn = lambda: subprocess.run(cmd, cwd=tmp, stdout=subprocess.DEVNULL, check=False)  # noqa: E731
    else:
        raise SystemExit(f"unknown engine {engine}")
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    def children_cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    times, cpu = [], []
    for _ in range(reps):
        t0, c0, k0 = time.perf_counter(), time.process_time(), children_cpu()
        result = fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0 + children_cpu() - k0)
        if times[-1] > 5:  # one run of a slow engine says enough
            break
    out = {
        "times": times,
        "cpu": cpu,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "before_mb": before_kb / 1024,
        "words": (len(left_text.split()), len(right_text.split())),
    }
    if engine == "git-word-diff":
        shutil.rmtree(tmp, ignore_errors=True)
    if engine == "diptych":
        import tracemalloc

        tracemalloc.start()
        result = fn()
        out["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        out["prepare_s"] = prepare
        s = result.stats
        out["summary"] = (
            f"similarity {s.similarity:.3f}, moved sentences {s.sentences_moved}, "
            f"changes {len(result.changes)}, passages {len(result.shared_passages)}"
        )
    return out


def _measure(engine: str, case: str) -> dict | None:
    if engine == "dmp-words":
        try:
            import diff_match_patch  # noqa: F401
        except ImportError:
            return {"skip": "not installed (pip install '.[bench]')"}
    if engine == "git-word-diff" and not shutil.which("git"):
        return {"skip": "git not installed"}
    cmd = [sys.executable, __file__, "--run", engine, case]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=PEER_TIMEOUT + 30)
    except subprocess.TimeoutExpired:
        return {"skip": f"stopped after {PEER_TIMEOUT:.0f} s"}
    if done.returncode != 0:
        return {"skip": "failed: " + done.stderr.strip().splitlines()[-1][:60]}
    return json.loads(done.stdout)


# ---- msrp --------------------------------------------------------------------------------------

DAY_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday a.m p.m""".split()
)


def _msrp_pairs():
    """(class, sentence 1, sentence 2, word in 1, word in 2) for each figure or name-spelling swap.

    Real MSRP pairs almost never differ in one word only, so each swap found between a pair's
    two sentences is used twice: on the real pair (other differences around it), and on a pair
    made from sentence 1 and a copy of it with only that word swapped.
    """
    import difflib

    from rapidfuzz.distance import Levenshtein

    word_re = re.compile(r"\S+")
    with CORPUS.open(encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 5:
                continue
            a, b = parts[3], parts[4]
            wa = [w.strip(".,;:!?\"'()") for w in word_re.findall(a)]
            wb = [w.strip(".,;:!?\"'()") for w in word_re.findall(b)]
            for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
                if tag != "replace" or a1 - a0 != 1 or b1 - b0 != 1:
                    continue
                x, y = wa[a0], wb[b0]
                if not x or not y or x == y:
                    continue
                if re.fullmatch(r"\d[\d.,]*", x) and re.fullmatch(r"\d[\d.,]*", y):
                    if x.replace(",", "") == y.replace(",", ""):
                        continue  # 8,300 / 8300: the same figure
                    near = {w.casefold().rstrip(".") for w in wa[max(0, a0 - 1) : a0] + wa[a1 : a1 + 1]}
                    year = all(re.fullmatch(r"(18|19|20)\d\d", w) for w in (x, y))
                    yield ("date" if year or near & DAY_WORDS else "figure"), a, b, x, y
                elif (
                    x[0].isupper() and y[0].isupper() and x.isalpha() and y.isalpha() and a0 > 0
                    and x.casefold() != y.casefold()
                    and Levenshtein.normalized_similarity(x.casefold(), y.casefold()) >= 0.6
                ):
                    yield "name", a, b, x, y


def msrp_report() -> None:
    if not CORPUS.exists():
        print(f"\nMSRP: skipped, no corpus at {CORPUS}")
        return
    from desktop.core.align import align
    from desktop.core.ingest.build import article_from_text

    from desktop.core.compare.model import Options

    everything = Options(include_boilerplate=True)
    exact: dict[str, list[int]] = {}
    real: dict[str, list[int]] = {}
    misses: list[str] = []
    for cls, a, b, x, y in _msrp_pairs():
        at = re.search(rf"(?<![\w.,]){re.escape(x)}(?![\w]|[.,]\w)", a)
        if at is None:
            continue
        swapped = a[: at.start()] + y + a[at.end() :]
        # One sentence is one paragraph, which the cleaner may take for a title: compare all of it.
        c = align(article_from_text(a), article_from_text(swapped), everything)
        got = [(ch.cls.value, ch.left_text, ch.right_text) for ch in c.changes]
        ok = got == [(cls, x, y)]
        t = exact.setdefault(cls, [0, 0])
        t[0] += ok
        t[1] += 1
        if not ok and len(misses) < 8:
            misses.append(f"    want {cls} {x!r}->{y!r}, got {got}")
        c = align(article_from_text(a), article_from_text(b), everything)
        hit = any(ch.cls.value == cls and x in ch.left_text and y in ch.right_text for ch in c.changes)
        t = real.setdefault(cls, [0, 0])
        t[0] += hit
        t[1] += 1
    print("\nMSRP (real news sentences; each figure or name-spelling swap found between a pair's sentences):")
    for cls in sorted(exact):
        ok, n = exact[cls]
        rok, rn = real[cls]
        print(f"  {cls:<7} sentence vs. itself with only that word swapped: {ok}/{n} give exactly that one change "
              f"with class {cls} ({ok / n:.0%});")
        print(f"  {'':<7} the real pair (other edits around it): {rok}/{rn} have a {cls} change covering it "
              f"({rok / rn:.0%})")
    if misses:
        print("  first misses:")
        print("\n".join(misses))


# ---- table -------------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if argv[:1] == ["--run"]:
        print(json.dumps(run_engine(argv[1], argv[2])))
        return 0
    quick = "--quick" in argv
    cases = [c for c in CASES if not (quick and c == "100k")]
    print(f"bench/compare.py  python {sys.version.split()[0]}, {os.cpu_count()} cpus; median of up to "
          f"{max(REPS.values())} runs; each engine in its own process; peers stopped after {PEER_TIMEOUT:.0f} s")
    results: dict[tuple[str, str], dict] = {}
    for case in cases:
        for engine in ENGINES:
            results[case, engine] = _measure(engine, case)
    print(f"load average before: {os.getloadavg()[0]:.2f} (wall time grows with the machine's load; CPU time less so)")
    head = f"{'pair':<16}{'engine':<20}{'wall':>10}{'cpu':>10}{'× diptych':>11}{'peak RSS':>10}   note"
    print(head)
    print("-" * len(head))
    fails = []
    for case in cases:
        base = results[case, "diptych"]
        base_t = statistics.median(base["times"]) if "times" in base else None
        words = base.get("words")
        for engine in ENGINES:
            r = results[case, engine]
            label = f"{case} ({words[0]}/{words[1]})" if engine == "diptych" and words else ""
            if "skip" in r:
                print(f"{label:<16}{engine:<20}{'—':>10}{'':>10}{'':>11}{'':>10}   {r['skip']}")
                continue
            t = statistics.median(r["times"])
            c = statistics.median(r["cpu"])
            ratio = f"{t / base_t:.2f}" if base_t else ""
            note = f"runs {len(r['times'])}"
            if t > PEER_TIMEOUT:
                note += f"; over the {PEER_TIMEOUT:.0f} s limit but finished"
            if engine == "diptych":
                note = (f"align only; articles built in {r['prepare_s']:.2f} s; traced peak "
                        f"{r['traced_peak_mb']:.1f} MB; {r['summary']}")
            print(f"{case if engine == 'diptych' else '':<16}{engine:<20}{t * 1000:>8.1f}ms{c * 1000:>8.1f}ms"
                  f"{ratio:>11}{r['maxrss_mb']:>8.0f}MB   {note}")
        if base_t is not None:
            base_c = statistics.median(base["cpu"])
            if case == "10k" and base_t >= 0.100:
                fails.append(f"10k pair took {base_t * 1000:.0f} ms wall, {base_c * 1000:.0f} ms cpu (target < 100 ms)")
            if case == "100k" and (base_t >= 1.5 or base["maxrss_mb"] >= 300):
                fails.append(f"100k pair took {base_t:.2f} s wall, {base_c:.2f} s cpu, {base['maxrss_mb']:.0f} MB "
                             "(target < 1.5 s, < 300 MB)")
            if case.endswith("10k") and base_t >= 2.0:
                fails.append(f"{case} took {base_t:.2f} s (target < 2 s)")
    print("targets (wall time): " + ("all met" if not fails else "; ".join(fails)))
    if not quick:
        msrp_report()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
