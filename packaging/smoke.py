"""Smoke-test the frozen app in dist/Diptych: it starts, shows its window, quits, and writes a report.

Also prints the folder's size and the start-up time, against the packaging targets
(under 200 MB; under 1.5 s to a painted window). Exits non-zero on any failure.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "Diptych"


def executable() -> Path:
    for name in ("diptych", "Diptych", "Diptych.exe"):
        if (DIST / name).exists():
            return DIST / name
    raise SystemExit(f"no frozen app in {DIST}: run 'make app' first")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)


def main() -> int:
    exe = executable()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    failures = []

    times, painted = [], []
    for _ in range(3):
        start = time.perf_counter()
        proc = run([str(exe), "--smoke-test"], {**env, "DIPTYCH_TIMING": "1"})
        times.append(time.perf_counter() - start)
        if proc.returncode != 0 or proc.stderr.strip():
            failures.append(f"--smoke-test: exit {proc.returncode}, stderr: {proc.stderr.strip()[:2000]!r}")
            break
        for line in proc.stdout.splitlines():
            if line.startswith("painted "):
                painted.append(float(line.split()[1]))

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        samples = ROOT / "resources" / "samples"
        proc = run([str(exe), "report", str(samples / "harbour-wire.txt"), str(samples / "harbour-herald.html"),
                    "-o", str(pdf)], env)
        if proc.returncode != 0 or not pdf.exists() or not pdf.read_bytes().startswith(b"%PDF"):
            failures.append(f"report: exit {proc.returncode}, stderr: {proc.stderr.strip()[:2000]!r}")
        else:
            print(f"report: wrote a {pdf.stat().st_size:,}-byte PDF from the samples")

        # The language model travels with the app (desktop/core/language.py): a Japanese and an English
        # line (written for this check) are told apart, so fastText and its model file are both there.
        texts = {"ja": "港町に新しい橋\n\n北浜市は3日、港をまたぐ新しい橋を来年4月に開通させると発表した。",
                 "en": "Harbour bridge\n\nThe city said on Tuesday that the new bridge will open in April next year."}
        for code, text in texts.items():
            (Path(tmp) / f"{code}.txt").write_text(text, encoding="utf-8")
        proc = run([str(exe), "extract", "--json", "--no-entities", *(str(Path(tmp) / f"{c}.txt") for c in texts)], env)
        got = [a.get("language") for a in json.loads(proc.stdout)] if proc.returncode == 0 else proc.stderr.strip()
        if got != list(texts):
            failures.append(f"language: expected {list(texts)}, got {got!r}")
        else:
            print(f"language: {', '.join(got)} detected in the frozen app")

    size = folder_size(DIST)
    print(f"dist/Diptych: {size / 1e6:.1f} MB (target: under 200 MB)")
    if times:
        print(f"start, show, quit (--smoke-test, whole process): median {statistics.median(times):.2f} s of {len(times)}")
    if painted:
        print(f"process start to painted window: median {statistics.median(painted):.2f} s (target: under 1.5 s)")
    for f in failures:
        print("FAILED " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
