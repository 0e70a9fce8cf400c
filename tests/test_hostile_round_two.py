"""Every case issue 17 saw is read or refused within the reading worker's 5 s of work (and 200 MB
for a refused one), in plain words, the caller's own share linear in the text read, and reading it
never keeps another thread of the caller (the window's event loop) waiting 100 ms."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_round_two import MEMORY_LIMIT_MB, STALL_LIMIT_S, TIME_LIMIT_S

from desktop.core.ingest.isolated import DEFAULT_MEMORY_MB

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.slow

# What each case must come to: read (an honest file), refused (a hostile one), or a check that held.
READ = ("one 40 KB word", "one 100 KB word", "one 1 MB word", "hex dump", "capitals", "AES-256, empty password",
        "printer settings", "strict", "mentions %PDF-1.7", "\\u0000 in the article")
REFUSED = ("40,000 <p>", "59,000 <p>", "binary junk", "password set", "workspace:", "cli:")
# Library words that must never reach a reader.
INTERNALS = re.compile(r"Error\b|Exception|Traceback|KeyError|zlib|seek|NotImplemented|DependencyError|\bpypdf\b|lxml")


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile2")
    run = subprocess.run([sys.executable, str(HERE / "hostile_round_two.py"), str(folder)],
                         capture_output=True, text=True, timeout=900, cwd=HERE.parent)
    assert run.returncode == 0, run.stderr
    assert run.stderr == "", run.stderr  # no library warning printed on the way
    return {row["name"]: row for row in map(json.loads, run.stdout.splitlines())}


def test_every_case_was_tried(seen):
    assert len(seen) >= 34
    for fragment in READ + REFUSED + ("negative seek", "zlib.error", "KeyError", "NotImplementedError",
                                      "attribute values", "running header", "fsync", "sidebar tooltip"):
        assert any(fragment in name for name in seen), fragment


def test_outcomes(seen):
    for name, row in seen.items():
        assert row["result"] != "FAILED", (name, row)
        if any(fragment in name for fragment in READ):
            assert row["result"] == "read", (name, row)
        if any(fragment in name for fragment in REFUSED):
            assert row["result"] == "refused", (name, row)


# The calling thread's share (unpacking and indexing the text the worker read) is outside the
# worker's budget: it is bounded by the text, which the size caps bound, at a rate of pure-Python
# tokenising. Counted into the budget's bound it made the test depend on the machine's speed: on
# 1.6 million junk characters a fast machine's worker finished just inside its 5 s and the caller's
# 1.6 s of indexing went past the bound, where a slower machine's worker was stopped at 5 s.
CALLER_S_PER_CHAR = 2e-6


def test_bounds(seen):
    # A file stopped by the budget has used it: the worker is killed at the first check past it.
    # A hostile file stays under 200 MB. A file read in full (1.6 million characters of junk, every
    # one a token) may use the reading worker's own memory budget, which stops any that goes past it:
    # on a fast machine that file is read, at about 470 MB, where a slow one stops it at 5 s.
    for name, row in seen.items():
        assert row["cpu_s"] - row["caller_cpu_s"] < TIME_LIMIT_S + 0.5, (name, row)
        assert row["caller_cpu_s"] < 0.5 + CALLER_S_PER_CHAR * row["chars"], (name, row)
        assert row["peak_mb"] < (DEFAULT_MEMORY_MB if row["result"] == "read" else MEMORY_LIMIT_MB), (name, row)
        assert row["stall_s"] < STALL_LIMIT_S, (name, row)


def test_reasons_are_plain_words(seen):
    for name, row in seen.items():
        if row["result"] == "refused":
            assert row["reason"] and not INTERNALS.search(row["reason"]), (name, row["reason"])
