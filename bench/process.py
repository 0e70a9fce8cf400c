"""The whole `diptych` process, timed on text that never repeats, beside the tools a user would reach for.

Pairs of 1k, 10k, 100k and 250k words are built from distinct texts of the evaluation corpus
(BASIL articles, the extraction set's article bodies, MSRP sentences, PolNeAR articles when more
is needed), no paragraph used twice in a pair. The right side is the left edited: words replaced,
figures changed, paragraphs dropped, moved and added, then hard-wrapped at 72 columns with
curly quotes (reflow). Each command runs as its own process (`.venv/bin/python -m desktop ...`)
and is timed by CPU (user + sys of that process), median of several runs after one warm-up
run (with bytecode caches, as an installed app has them).

Then the same pairs through difflib (word tokens), `git diff --word-diff --no-index` and
Meld's Myers matcher (when Meld is installed), each as its own process; the growth exponent
from 100k to 250k words; the worst cases at 10k words (one paragraph with no full stops,
thousands of figures, dates or quotes, names that repeat and names that never do, unrelated
articles) and the 50k-word paragraph with no full stops; and `extract` on the 150 BASIL files.

    .venv/bin/python bench/process.py            # everything (45 minutes at load 13: difflib runs 300 s at 250k)
    .venv/bin/python bench/process.py --quick    # 1k and 10k, worst cases, compare (with and without entities) only
    .venv/bin/python bench/process.py --sizes 100k 250k --commands compare
    .venv/bin/python bench/process.py --quick --tree ../old   # the same, for a worktree of another commit

Skips cleanly when ../shared/corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import machine

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
# ../shared/corpus beside the repo; a worktree one level deeper finds it one level up.
CORPUS = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "250k": 250_000}
REPS = {"1k": 5, "10k": 5, "100k": 3, "250k": 3}
# "compare-text" is `compare --json --no-entities`: beside `compare`, it shows what the entities cost.
COMMANDS = ("compare", "compare-text", "extract", "related", "report")
TIMEOUT = 300.0
SEED = 16

# ---- text that never repeats --------------------------------------------------------------------


def _paragraphs() -> list[str]:
    """Every distinct paragraph of the sources, in a fixed shuffled order."""
    out: list[str] = []
    for f in sorted((CORPUS / "basil" / "articles").glob("*/*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        out += [" ".join(s.strip() for s in p if s.strip()) for p in data.get("body-paragraphs", [])]
    truth = CORPUS / "extraction" / "ground-truth.json"
    if truth.exists():
        for item in json.loads(truth.read_text(encoding="utf-8")).values():
            out += re.split(r"\n\s*\n|\n", item.get("articleBody") or "")
    msrp = CORPUS / "msrp" / "msr_paraphrase_train.txt"
    if msrp.exists():
        # One sentence of each pair (the other is its paraphrase), four to a paragraph.
        lines = msrp.read_text(encoding="utf-8-sig").splitlines()[1:]
        firsts = [ln.split("\t")[3] for ln in lines if ln.count("\t") >= 4]
        out += [" ".join(firsts[i : i + 4]) for i in range(0, len(firsts), 4)]
    for f in sorted((CORPUS / "polnear" / "train" / "text").glob("*.txt")):
        out += f.read_text(encoding="utf-8", errors="replace").split("\n")
    seen: set[str] = set()
    unique = []
    for p in (" ".join(p.split()) for p in out):
        if len(p.split()) >= 4 and p not in seen:
            seen.add(p)
            unique.append(p)
    random.Random(SEED).shuffle(unique)
    return unique


class Pool:
    """Hands out paragraphs, each once."""

    def __init__(self, paragraphs: list[str]):
        self.paragraphs = paragraphs
        self.next = 0

    def take(self, words: int) -> list[str]:
        out, count = [], 0
        while count < words:
            if self.next >= len(self.paragraphs):
                raise SystemExit(f"bench/process.py: the corpus holds fewer distinct words than {words:,}")
            p = self.paragraphs[self.next]
            self.next += 1
            out.append(p)
            count += len(p.split())
        return out


_NUMBER_RE = re.compile(r"\d[\d,.]*")


def edited(paragraphs: list[str], pool: Pool, rng: random.Random) -> list[str]:
    """The other side: words replaced, figures changed, paragraphs dropped, moved and added."""
    vocab = " ".join(paragraphs[: max(1, len(paragraphs) // 10)]).split()
    out = []
    for p in paragraphs:
        if rng.random() < 0.05:
            continue
        words = p.split()
        for _ in range(len(words) // 50):
            words[rng.randrange(len(words))] = rng.choice(vocab)
        p = " ".join(words)
        if rng.random() < 0.3:
            p = _NUMBER_RE.sub(lambda m: str(int(re.sub(r"\D", "", m.group()) or 0) + 1), p, count=1)
        out.append(p)
    for _ in range(max(1, len(out) // 30)):  # moves
        out.insert(rng.randrange(len(out) + 1), out.pop(rng.randrange(len(out))))
    for p in pool.take(max(10, sum(len(p.split()) for p in paragraphs) // 40)):  # additions
        out.insert(rng.randrange(len(out) + 1), p)
    return out


def reflowed(paragraphs: list[str]) -> str:
    curly = str.maketrans({"'": "\u2019"})
    return "\n\n".join(textwrap.fill(p.translate(curly), 72, break_on_hyphens=False) for p in paragraphs) + "\n"


def plain(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


def write_pair(folder: Path, name: str, left: str, right: str) -> tuple[Path, Path]:
    a, b = folder / f"{name}-left.txt", folder / f"{name}-right.txt"
    a.write_text(left, encoding="utf-8")
    b.write_text(right, encoding="utf-8")
    return a, b


def sized_pair(folder: Path, pool: Pool, label: str, words: int) -> tuple[Path, Path]:
    rng = random.Random(f"{SEED}-{label}")
    left = pool.take(words)
    return write_pair(folder, label, plain(left), reflowed(edited(left, pool, rng)))


# ---- worst cases ------------------------------------------------------------------------------


def _syllable_names(rng: random.Random, n: int) -> list[str]:
    syl = "ka lo mi ser tan dor vel ri po nes ar en ul gra fi mon ce bal tro hu pe sa lin mar co ve dis qua".split()
    seen: set[str] = set()
    out = []
    while len(out) < n:
        first = "".join(rng.choice(syl) for _ in range(rng.randint(2, 3))).capitalize()
        last = "".join(rng.choice(syl) for _ in range(rng.randint(2, 4))).capitalize()
        if (first, last) not in seen:
            seen.add((first, last))
            out.append(f"{first} {last}")
    return out


def _sprinkle(paragraphs: list[str], every: int, make, rng: random.Random) -> list[str]:
    out = []
    for p in paragraphs:
        words = p.split()
        for i in range(len(words) - 1, 0, -every):
            words.insert(i, make())
        out.append(" ".join(words))
    return out


def worst_cases(folder: Path, pool: Pool) -> dict[str, tuple[Path, Path]]:
    cases = {}
    rng = random.Random(f"{SEED}-worst")
    months = "January February March April May June July August September October November December".split()

    def pair(name, left):
        cases[name] = write_pair(folder, name, plain(left), reflowed(edited(left, pool, random.Random(name))))

    for words, name in ((50_000, "no-full-stop-50k"), (10_000, "no-full-stop-10k")):
        run = re.sub(r"[.!?]", "", " ".join(pool.take(words)))
        cases[name] = write_pair(folder, name, run + "\n", reflowed(edited([run], pool, random.Random(name))))
    pair("figures-10k", _sprinkle(pool.take(7_000), 4, lambda: rng.choice(
        (f"{rng.randint(2, 999)}.{rng.randint(1, 9)}%", f"${rng.randint(1, 9999):,} million", f"{rng.randint(2, 99999):,}",
         f"{rng.randint(2, 60)} people")), rng))
    pair("dates-10k", _sprinkle(pool.take(6_000), 4, lambda: rng.choice(
        (f"on {rng.choice(months)} {rng.randint(1, 28)}, {rng.randint(1990, 2030)}", f"in {rng.randint(1900, 2030)}",
         f"last {rng.choice(('Monday', 'Tuesday', 'Friday'))}", f"{rng.choice(months)} {rng.randint(1, 28)}")), rng))
    speakers = _syllable_names(rng, 300)
    quoted = [f"\u201c{p}\u201d {rng.choice(speakers)} said." for p in pool.take(10_000)
              for p in re.split(r"(?<=[.!?]) ", p)]
    pair("quotes-10k", [" ".join(quoted[i : i + 3]) for i in range(0, len(quoted), 3)])
    few = _syllable_names(rng, 12)
    pair("names-repeat-10k", _sprinkle(pool.take(8_000), 8, lambda: rng.choice(few), rng))
    unique = iter(_syllable_names(rng, 5_000))
    pair("names-unique-10k", _sprinkle(pool.take(8_000), 8, lambda: next(unique), rng))
    cases["unrelated-10k"] = write_pair(folder, "unrelated-10k", plain(pool.take(10_000)), reflowed(pool.take(10_000)))
    return cases


def basil_folder(folder: Path) -> Path:
    """The 150 BASIL articles as plain-text files (title, blank line, paragraphs)."""
    out = folder / "basil"
    out.mkdir()
    for f in sorted((CORPUS / "basil" / "articles").glob("*/*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        paras = [" ".join(s.strip() for s in p if s.strip()) for p in data.get("body-paragraphs", [])]
        (out / f"{f.stem}.txt").write_text("\n\n".join([data.get("title", "")] + [p for p in paras if p]) + "\n", encoding="utf-8")
    return out


# ---- timing -----------------------------------------------------------------------------------


def cpu_of(argv: list[str], **kw) -> float | None:
    """CPU seconds (user + sys) of one process; None when it failed, inf when it ran past TIMEOUT."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    try:
        proc.wait(TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return math.inf
    # Popen.wait reaped it: the children's rusage grew by exactly this process.
    return None if proc.returncode not in (0, 1) else _last_child_cpu()


_CHILD_CPU = [0.0]


def _last_child_cpu() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = ru.ru_utime + ru.ru_stime
    took, _CHILD_CPU[0] = total - _CHILD_CPU[0], total
    return took


_WARM: set[str] = set()


def median_cpu(argv: list[str], reps: int, **kw) -> float | None:
    _last_child_cpu()
    what = " ".join(argv[:4])
    if what not in _WARM:  # one warm-up run per command, not counted: bytecode written, caches filled
        _WARM.add(what)
        warm = cpu_of(argv, **kw)
        if warm is None or warm == math.inf:
            return warm
    times = []
    for _ in range(reps):
        t = cpu_of(argv, **kw)
        if t is None or t == math.inf:
            return t
        times.append(t)
    return statistics.median(times)


def diptych(*args: str) -> list[str]:
    return [PYTHON, "-m", "desktop", *args]


def command_argv(command: str, a: Path, b: Path, out: Path) -> list[str]:
    return {
        "compare": diptych("compare", "--json", str(a), str(b)),
        "compare-text": diptych("compare", "--json", "--no-entities", str(a), str(b)),
        "extract": diptych("extract", "--json", str(a), str(b)),
        "related": diptych("related", "--json", str(a), str(b)),
        "report": diptych("report", str(a), str(b), "-o", str(out / "report.pdf")),
    }[command]


_DIFFLIB = """
import difflib, sys
a, b = (open(p, encoding="utf-8").read().split() for p in sys.argv[1:3])
difflib.SequenceMatcher(None, a, b).get_opcodes()
"""

_MELD = """
import sys
sys.path[:0] = ["/usr/share/meld", "/usr/lib/python3/dist-packages"]
from meld.matchers.myers import MyersSequenceMatcher
a, b = (open(p, encoding="utf-8").read().split() for p in sys.argv[1:3])
list(MyersSequenceMatcher(None, a, b).get_opcodes())
"""


def meld_installed() -> bool:
    probe = subprocess.run([sys.executable, "-c", _MELD.split("from meld")[0] + "import meld.matchers.myers"],
                           capture_output=True)
    return probe.returncode == 0


def peer_argv(peer: str, a: Path, b: Path) -> list[str]:
    return {
        "difflib": [sys.executable, "-c", _DIFFLIB, str(a), str(b)],
        "git word-diff": ["git", "diff", "--no-index", "--word-diff", "--no-color", str(a), str(b)],
        "meld myers": [sys.executable, "-c", _MELD, str(a), str(b)],
    }[peer]


def fmt(t: float | None) -> str:
    if t is None:
        return "   (fail)"
    return f"{'>' + str(int(TIMEOUT)) + ' s':>9}" if t == math.inf else f"{t:9.3f}"


def exponent(t100: float | None, t250: float | None) -> str:
    if not t100 or not t250 or math.inf in (t100, t250):
        return "-"
    return f"{math.log(t250 / t100) / math.log(2.5):.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="1k and 10k only, worst cases, compare (with and without entities) only, no peers")
    ap.add_argument("--sizes", nargs="+", choices=list(SIZES), default=list(SIZES))
    ap.add_argument("--commands", nargs="+", choices=COMMANDS, default=list(COMMANDS))
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--no-worst", action="store_true")
    ap.add_argument("--tree", metavar="DIR", help="time the desktop package of another checkout (e.g. a "
                    "`git worktree` of an older commit) with this checkout's virtual environment")
    args = ap.parse_args()
    if not (CORPUS / "basil").is_dir():
        print(f"bench/process.py: {CORPUS} is absent; skipped")
        return 0
    sizes = ["1k", "10k"] if args.quick else args.sizes
    commands = ["compare", "compare-text"] if args.quick else args.commands
    peers = [] if (args.quick or args.no_peers) else ["difflib", "git word-diff"] + (["meld myers"] if meld_installed() else [])
    # As a user runs it: with bytecode caches (pip writes them for installed packages; this
    # sandbox's PYTHONDONTWRITEBYTECODE would make every run compile the project from source).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    run_in = {}
    if args.tree:  # run from that checkout (`python -m` puts the working folder first on the path)
        env["PYTHONPATH"] = str(Path(args.tree).resolve())
        run_in = {"cwd": env["PYTHONPATH"]}

    print(machine.describe())
    pool = Pool(_paragraphs())
    with tempfile.TemporaryDirectory(prefix="diptych-process-") as tmp:
        folder = Path(tmp)
        pairs = {label: sized_pair(folder, pool, label, SIZES[label]) for label in sizes}
        print(f"CPU seconds (user+sys), medians, one process per run; pairs of distinct text "
              f"(runs: {', '.join(f'{s} x{REPS[s]}' for s in sizes)})")
        header = f"{'':<38}" + "".join(f"{s:>10}" for s in sizes) + f"{'100k->250k':>12}"
        print(header)
        rows: dict[str, dict[str, float | None]] = {}
        for command in commands:
            rows[command] = {s: median_cpu(command_argv(command, *pairs[s], folder), REPS[s], env=env, **run_in) for s in sizes}
        for peer in peers:
            rows[peer] = {s: median_cpu(peer_argv(peer, *pairs[s]), REPS[s]) for s in sizes}
        for name, row in rows.items():
            label = ("diptych compare --json --no-entities" if name == "compare-text" else
                     f"diptych {name}" + (" --json" if name in ("compare", "extract", "related") else " -o pdf" if name == "report" else "")) \
                if name in COMMANDS else name
            print(f"{label:<38}" + "".join(f"{fmt(row[s]):>10}" for s in sizes)
                  + f"{exponent(row.get('100k'), row.get('250k')):>12}")
        if not peers and not args.quick and not args.no_peers:
            print("(Meld is not installed: its matcher is left out)")
        elif peers and "meld myers" not in peers:
            print("(Meld is not installed: its matcher is left out)")

        if not args.no_worst:
            print("\nworst cases, diptych compare --json, CPU seconds (median of 3)")
            for name, (a, b) in worst_cases(folder, pool).items():
                print(f"  {name:<26}{fmt(median_cpu(diptych('compare', '--json', str(a), str(b)), 3, env=env, **run_in))}")
            basil = basil_folder(folder)
            t = median_cpu(diptych("extract", "--json", str(basil)), 3, env=env, **run_in)
            print(f"\ndiptych extract --json on the 150 BASIL files (one process): {fmt(t).strip()} s (median of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
