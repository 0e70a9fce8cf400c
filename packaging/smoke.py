"""Smoke-test the frozen app in dist/Diptych: it starts, shows its window, quits, writes a report,
and reads an AES-encrypted PDF (the ciphers are trimmed to what pypdf loads: see diptych.spec).

Also prints the folder's size and the start-up time, against the packaging targets
(under 200 MB; under 1.5 s to a painted window). Exits non-zero on any failure.
"""

from __future__ import annotations

import base64
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

AES_PDF = (  # a one-page PDF written for the project, AES-256 encrypted, empty user password
    "JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PAovUHJvZHVjZXIgPDhjMjI0MzUyYjIzOGU1YmY1MWRkNWYzNTQ0MDVmMGMxY2ZiODVm"
    "MWNiYjUzNGNjYzY2MmQwMmNmZjNmMDNkNTU+Cj4+CmVuZG9iagoyIDAgb2JqCjw8Ci9UeXBlIC9QYWdlcwovQ291bnQgMQovS2lk"
    "cyBbIDQgMCBSIF0KPj4KZW5kb2JqCjMgMCBvYmoKPDwKL1R5cGUgL0NhdGFsb2cKL1BhZ2VzIDIgMCBSCj4+CmVuZG9iago0IDAg"
    "b2JqCjw8Ci9UeXBlIC9QYWdlCi9NZWRpYUJveCBbIDAgMCA2MTIgODQyIF0KL1Jlc291cmNlcyA8PAovRm9udCA8PAovRjEgNSAw"
    "IFIKPj4KPj4KL0NvbnRlbnRzIDYgMCBSCi9QYXJlbnQgMiAwIFIKPj4KZW5kb2JqCjUgMCBvYmoKPDwKL1R5cGUgL0ZvbnQKL1N1"
    "YnR5cGUgL1R5cGUxCi9CYXNlRm9udCAvSGVsdmV0aWNhCi9FbmNvZGluZyAvV2luQW5zaUVuY29kaW5nCj4+CmVuZG9iago2IDAg"
    "b2JqCjw8Ci9MZW5ndGggMjI0Cj4+CnN0cmVhbQrDMWdMsu+7LlCQMvN4Zn3MF0wuIBFiJgsAnvMIDhNSHuh729oRewHjI/bXLVP9"
    "RGDeVBMppC2I6VkAUJ6ACwIJD20KDN0l58oUcXf7kzzTuOGW1DNI3i3Aiqgh0pyH4NCrKOeiYOpAUJaIwVh6hk8QQCDSKEtiKMOK"
    "jivX1kKkWucC9nCxnj+49Q5Z59A4TB9ffZwgezY4UpK2QK/mOoG/o3rFyLrGvzxxrOeL62EN6EBq9+Bgq8ZUTVYvdhjliGHMwDO6"
    "tg/x0X2yK9jB+dLxgGwKWE402AXgxcPj2Hl8GwplbmRzdHJlYW0KZW5kb2JqCjcgMCBvYmoKPDwKL1YgNQovUiA2Ci9MZW5ndGgg"
    "MjU2Ci9QIDQyOTQ5NjcyOTIKL0ZpbHRlciAvU3RhbmRhcmQKL08gPGE0MzIyZjA0OTEzNTVkZTNhOTUyNjUyNzA4MGU4MDYwOWQz"
    "ODMwZTM1ZjdhZjE2MTg4NTVlYzkyYTUyZjc0YWU5MjFlYTRkODE3YWMzMjdhYzZhMTU2OTUxOGE2MWM4MT4KL1UgPGQzNDEyNzli"
    "ZTZhY2EyYmE1YTE2ZGEyYjJlMTY4Y2Y2MzBmMzljYTk1NzdhM2RlOGVkYzJhOWE4NjA3Y2RmN2JjYTNmMDJiOWQxY2UyN2Q3Mzg3"
    "MTAzZjQyMzVlZmVkNz4KL0NGIDw8Ci9TdGRDRiA8PAovQXV0aEV2ZW50IC9Eb2NPcGVuCi9DRk0gL0FFU1YzCi9MZW5ndGggMzIK"
    "Pj4KPj4KL1N0bUYgL1N0ZENGCi9TdHJGIC9TdGRDRgovT0UgPDU1NzE3YWJhZDI1NjFiODQ3NTE5NTgzMDVjYmVmZWQwMzBjZjk1"
    "NTAxODkwYTU3Y2Y5ZjU2NTNhNTVlZjc4ZDQ+Ci9VRSA8NGYzNzU0NmZiNTYzOTA1MDNlNWUwZTQ0OGM2OThjNGUxMjYzNWFmNzUy"
    "N2NiYTZmNDYwZmI5NWNjY2UxN2ZlZj4KL1Blcm1zIDxiNzVlNGZlNThkOGQ5YWEwNTMwYTJhYmQwMjQ3NTEzYj4KPj4KZW5kb2Jq"
    "CnhyZWYKMCA4CjAwMDAwMDAwMDAgNjU1MzUgZiAKMDAwMDAwMDAxNSAwMDAwMCBuIAowMDAwMDAwMTEzIDAwMDAwIG4gCjAwMDAw"
    "MDAxNzIgMDAwMDAgbiAKMDAwMDAwMDIyMSAwMDAwMCBuIAowMDAwMDAwMzQ5IDAwMDAwIG4gCjAwMDAwMDA0NDYgMDAwMDAgbiAK"
    "MDAwMDAwMDcyMSAwMDAwMCBuIAp0cmFpbGVyCjw8Ci9TaXplIDgKL1Jvb3QgMyAwIFIKL0luZm8gMSAwIFIKL0lEIFsgPGU0YzVl"
    "NGM0YmRhYzVmMDE5MzZjMzUyYWNlZDI3NDM5PiA8ZTRjNWU0YzRiZGFjNWYwMTkzNmMzNTJhY2VkMjc0Mzk+IF0KL0VuY3J5cHQg"
    "NyAwIFIKPj4Kc3RhcnR4cmVmCjEyNzYKJSVFT0YK"
)


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

        aes = Path(tmp) / "aes.pdf"
        aes.write_bytes(base64.b64decode(AES_PDF))
        proc = run([str(exe), "extract", "--json", str(aes)], env)
        if proc.returncode != 0 or "ferry resumed service" not in proc.stdout:
            failures.append(f"extract of an AES PDF: exit {proc.returncode}, stderr: {proc.stderr.strip()[:2000]!r}")
        else:
            print("extract: read an AES-256 encrypted PDF (empty password)")

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
