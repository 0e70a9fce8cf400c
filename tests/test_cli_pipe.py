"""`diptych … | head`: a reader that stops reading gets no traceback on the terminal."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
WIRE, HERALD, RELEASE = (str(SAMPLES / n) for n in ("harbour-wire.txt", "harbour-herald.html", "harbour-release.md"))


@pytest.mark.parametrize(
    "args",
    [
        ["extract", WIRE, HERALD],
        ["extract", WIRE, HERALD, "--json"],
        ["compare", WIRE, HERALD],
        ["compare", WIRE, HERALD, "--json"],
        ["related", WIRE, HERALD, RELEASE],
        ["related", WIRE, HERALD, RELEASE, "--json"],
    ],
    ids=lambda a: " ".join(x for x in a if not x.startswith("/")),
)
def test_output_into_a_closed_pipe_exits_quietly(args):
    # The pipe's reading end is closed before the command writes (as `head` does once it has
    # its lines): every write then fails, however short the output.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "desktop", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=120,
            env={**os.environ, "PYTHONFAULTHANDLER": ""},
        )
    finally:
        os.close(write_end)
    err = proc.stderr.decode()
    assert "Traceback" not in err and "BrokenPipeError" not in err and "Exception ignored" not in err, err
    assert proc.returncode == 1  # it did write, found no reader, and stopped


@pytest.mark.parametrize("args, status", [(["compare", WIRE, HERALD, "--json"], 0),
                                          (["extract", "--json", WIRE, HERALD, "/nonexistent/gone.txt"], 1)],
                         ids=["compare", "extract with a missing file"])
def test_leaving_at_once_keeps_the_whole_output_and_the_status(tmp_path, args, status):
    """`compare` and `extract` leave with os._exit (cli.run): what they wrote must all be there."""
    import json

    out = tmp_path / "out.json"
    with out.open("wb") as stream:
        proc = subprocess.run([sys.executable, "-m", "desktop", *args], stdout=stream, stderr=subprocess.PIPE,
                              cwd=ROOT, timeout=120)
    assert proc.returncode == status, proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["alignment"] if args[0] == "compare" else len(data) == 2
