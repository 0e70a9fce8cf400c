"""Write the golden outputs of `diptych compare --json` and `diptych extract --json` (tests/golden/).

Speed work must not change what the commands print: tests/test_golden.py re-runs the same
commands and checks them against these files. The project's own samples are stored as JSON;
corpus inputs (which may not be copied into the project) only as the sha256 of their canonical
JSON. Re-run this script when an intended fix changes an output (and when merging main brings
other helpers' intended fixes), and name the change in the commit message.

    .venv/bin/python scripts/golden.py
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ROOT / "resources" / "samples"
# ../shared/corpus beside the repo; a worktree one level deeper finds it one level up.
CORPUS = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")
BASIL_PAIRS = 20


def run(argv: list[str]):
    """The parsed JSON a command prints (run in this process, as the command line does)."""
    from desktop.cli import main

    buf = io.StringIO()
    with redirect_stdout(buf):
        main(argv)
    return json.loads(buf.getvalue())


def digest(obj) -> str:
    canonical = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def sample_cases() -> dict[str, list[str]]:
    wire, herald, release = (str(SAMPLES / n) for n in ("harbour-wire.txt", "harbour-herald.html", "harbour-release.md"))
    return {
        "compare-samples": ["compare", "--json", wire, herald],
        "compare-samples-release": ["compare", "--json", herald, release],
        "extract-samples": ["extract", "--json", wire, herald, release],
    }


def corpus_cases() -> dict[str, list[str]]:
    """Named by file, never by content; empty when the corpus is absent."""
    cases: dict[str, list[str]] = {}
    seed = sorted((CORPUS / "scraped").glob("*.txt"))
    firsts = sorted((CORPUS / "basil" / "articles").glob("*/*_1.json"))[:BASIL_PAIRS]
    if seed:
        cases["extract-seed"] = ["extract", "--json", str(seed[0])]
        cases["compare-seed-wire"] = ["compare", "--json", str(seed[0]), str(SAMPLES / "harbour-wire.txt")]
    for first in firsts:
        second = first.with_name(first.name.replace("_1.json", "_2.json"))
        key = first.stem[:-2]
        cases[f"compare-basil-{key}"] = ["compare", "--json", str(first), str(second)]
        cases[f"extract-basil-{key}"] = ["extract", "--json", str(first), str(second)]
    return cases


def relative(obj):
    """Paths in the output made relative, so the files do not depend on where the repo is."""
    if isinstance(obj, dict):
        return {k: relative(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [relative(v) for v in obj]
    if isinstance(obj, str):
        for root, name in ((f"{ROOT}/", ""), (f"{CORPUS}/", "corpus/")):
            if obj.startswith(root):
                return name + obj[len(root):]
    return obj


def outputs(cases: dict[str, list[str]]) -> dict:
    return {name: relative(run(argv)) for name, argv in cases.items()}


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, obj in outputs(sample_cases()).items():
        (GOLDEN / f"{name}.json").write_text(json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    digests = {name: digest(obj) for name, obj in outputs(corpus_cases()).items()}
    if digests:
        (GOLDEN / "corpus-digests.json").write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(sample_cases())} sample outputs and {len(digests)} corpus digests to {GOLDEN}")


if __name__ == "__main__":
    main()
