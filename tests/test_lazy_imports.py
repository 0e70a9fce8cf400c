"""A command loads only the code it runs: `compare --no-entities` never imports the entity rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"

_PROBE = """
import contextlib, io, json, sys
from desktop.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    main(sys.argv[1:])
print(json.dumps({"modules": sorted(m for m in sys.modules if m.startswith("desktop.core.entities")),
                  "stdlib": sorted(m for m in ("logging", "shutil", "desktop.summary") if m in sys.modules),
                  "output": json.loads(out.getvalue())}))
"""


def _run(*argv: str) -> dict:
    done = subprocess.run([sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_compare_without_entities_imports_no_entity_code():
    got = _run("compare", "--json", "--no-entities", str(SAMPLES / "harbour-wire.txt"), str(SAMPLES / "harbour-release.md"))
    assert got["modules"] == []
    assert got["output"]["entities"] == [] and got["output"]["discrepancies"] == []
    assert got["output"]["alignment"]


def test_compare_with_entities_still_finds_them():
    got = _run("compare", "--json", str(SAMPLES / "harbour-wire.txt"), str(SAMPLES / "harbour-release.md"))
    assert "desktop.core.entities.extract" in got["modules"]
    assert got["output"]["entities"]


def test_a_plain_text_run_imports_no_logging_and_no_shutil():
    """Start-up cost: nothing is logged reading plain text, argparse's formatter is sized without
    shutil (cli._Formatter), and the readable summary is not built for --json."""
    got = _run("compare", "--json", str(SAMPLES / "harbour-wire.txt"), str(SAMPLES / "harbour-release.md"))
    assert got["stdlib"] == []


def test_the_help_formatter_is_as_wide_as_argparse_would_make_it(monkeypatch):
    import shutil

    from desktop.cli import _terminal_columns

    monkeypatch.setenv("COLUMNS", "57")
    assert _terminal_columns() == shutil.get_terminal_size().columns == 57
    monkeypatch.delenv("COLUMNS")
    assert _terminal_columns() == shutil.get_terminal_size().columns
