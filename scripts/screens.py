"""Render the window to PNG in the light and dark palettes at 1024x700 and 1920x1080.

Run: .venv/bin/python scripts/screens.py [--root CHECKOUT] [--out FOLDER]

Two pairs are shown: the bundled samples, and a pair written here where one side is a
plain-text file hard-wrapped with words broken at line-end hyphens ("inter-" / "national",
"Indo-" / "Pacific") and the other has them whole, so the reflow rule shows on screen.
`--root` renders another checkout's window (e.g. a `git worktree add /tmp/before <commit>`)
with this interpreter, for before/after pictures. Each PNG is written by the app's own
`--screenshot` option, offscreen.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = ("1024x700", "1920x1080")

# Written for the project: a hard-wrapped story and its unwrapped twin.
WRAPPED = """Ports agree on shared storm warnings

Harbour authorities from six countries in the Indo-
Pacific region signed an agreement on Tuesday, an inter-
national pact to share storm warnings within minutes and
to close a gap in the forecasts that was long and well-
known to ferry crews, who were left guessing during last
year's typhoon season, officials from the ports said.

The agreement, reached after two days of talks, commits
each port to send its radar readings to a common centre.
"""
WHOLE = """Ports agree on shared storm warnings

Harbour authorities from six countries in the Indo-Pacific region signed an agreement on Tuesday, an international pact to share storm warnings within minutes and to close a gap in the forecasts that was long and well-known to ferry crews, who were left guessing during last year's typhoon season, officials from the ports said.

The agreement, reached after two days of talks, commits each port to send its radar readings to a shared centre.
"""

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(ROOT), help="the checkout whose window is rendered")
    parser.add_argument("--out", default="screens", help="folder for the PNG files")
    args = parser.parse_args()
    root, out = Path(args.root).resolve(), Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    with tempfile.TemporaryDirectory(prefix="diptych-screens-") as tmp:
        wrapped, whole = Path(tmp) / "wrapped.txt", Path(tmp) / "whole.txt"
        wrapped.write_text(WRAPPED, encoding="utf-8")
        whole.write_text(WHOLE, encoding="utf-8")
        pairs = {"samples": ["--samples"], "hyphens": [str(wrapped), str(whole)]}
        failed = 0
        for pair, files in pairs.items():
            for size in SIZES:
                for palette in ("light", "dark"):
                    png = out / f"{pair}-{size}-{palette}.png"
                    cmd = [sys.executable, "-m", "desktop", *files, "--screenshot", str(png), "--size", size]
                    if palette == "dark":
                        cmd.append("--dark")
                    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=300)
                    ok = done.returncode == 0 and png.exists()
                    failed += not ok
                    print(f"{png}: {'written' if ok else 'FAILED ' + done.stderr.strip()[-500:]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
