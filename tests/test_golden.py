"""The outputs of `compare --json` and `extract --json` stay as recorded (scripts/golden.py wrote them).

Speed work must not change a result. When an intended fix does, re-run scripts/golden.py and
name the fix in the commit. Corpus inputs are checked by digest and skipped without the corpus.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"

_spec = importlib.util.spec_from_file_location("golden", ROOT / "scripts" / "golden.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)

SAMPLES = golden.sample_cases()
CORPUS_CASES = golden.corpus_cases()
DIGESTS = json.loads((GOLDEN / "corpus-digests.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_output_unchanged(name):
    want = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    got = golden.relative(golden.run(SAMPLES[name]))
    assert got == want


@pytest.mark.parametrize("name", sorted(DIGESTS))
def test_corpus_output_unchanged(name):
    if name not in CORPUS_CASES:
        pytest.skip("the corpus (../shared/corpus) is absent")
    got = golden.relative(golden.run(CORPUS_CASES[name]))
    assert golden.digest(got) == DIGESTS[name]


def test_every_corpus_case_has_a_digest():
    """A case added to scripts/golden.py without re-running it would otherwise never be checked."""
    missing = sorted(set(CORPUS_CASES) - set(DIGESTS))
    assert not missing
