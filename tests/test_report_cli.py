"""`diptych report` and export_report run headless: no DISPLAY, no QT_QPA_PLATFORM, a real PDF or a clear failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"


def headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    return env


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=headless_env(), cwd=cwd, timeout=120
    )


def test_report_command_writes_pdf_and_html_without_a_display(tmp_path):
    out, html = tmp_path / "out.pdf", tmp_path / "out.html"
    proc = run(
        ["-m", "desktop", "report", str(SAMPLES / "harbour-wire.txt"), str(SAMPLES / "harbour-herald.html"),
         "-o", str(out), "--html", str(html), "--page-size", "letter"],
        ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) >= 2
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "Fuel spill closes" in reader.pages[0].extract_text().replace("\t", " ")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "wrote" in proc.stderr and "pages" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html", "out.pdf"]


def test_report_command_changes_only(tmp_path):
    out = tmp_path / "short.pdf"
    proc = run(
        ["-m", "desktop", "report", str(SAMPLES / "harbour-wire.txt"), str(SAMPLES / "harbour-herald.html"),
         "-o", str(out), "--changes-only", "--context", "0"],
        ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "unchanged sentence" in " ".join(text.split())


def test_report_into_a_missing_folder_fails_with_a_clear_message(tmp_path):
    out = tmp_path / "no-such-folder" / "out.pdf"
    proc = run(
        ["-m", "desktop", "report", str(SAMPLES / "harbour-wire.txt"), str(SAMPLES / "harbour-herald.html"),
         "-o", str(out)],
        ROOT,
    )
    assert proc.returncode != 0
    assert "no-such-folder" in proc.stderr and "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.parent.exists() and list(tmp_path.iterdir()) == []


def test_export_report_starts_qt_offscreen_by_itself(tmp_path):
    # The function the CLI calls, on a hand-built comparison, in a process with no display settings.
    code = (
        "import os, sys\n"
        "from test_report_support import sample_comparison\n"
        "from desktop.ui.report.export import export_report\n"
        f"rc = export_report(sample_comparison(), pdf={str(tmp_path / 'hand.pdf')!r})\n"
        "print(os.environ.get('QT_QPA_PLATFORM'))\n"
        "sys.exit(rc)\n"
    )
    proc = run(["-c", code], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "offscreen"
    assert (tmp_path / "hand.pdf").read_bytes().startswith(b"%PDF")


def test_export_report_refuses_a_non_graphical_application(tmp_path):
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from test_report_support import sample_comparison\n"
        "from desktop.ui.report.export import export_report\n"
        f"sys.exit(export_report(sample_comparison(), pdf={str(tmp_path / 'x.pdf')!r}))\n"
    )
    proc = run(["-c", code], tmp_path)
    assert proc.returncode == 1
    assert "cannot make a PDF here" in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [[], ["--html", "x.html", "--context", "-1"]])
def test_report_command_argument_errors(tmp_path, args):
    proc = run(
        ["-m", "desktop", "report", str(SAMPLES / "harbour-wire.txt"), str(SAMPLES / "harbour-herald.html"), *args],
        tmp_path,
    )
    assert proc.returncode != 0
    assert proc.stderr.strip()
    assert list(tmp_path.iterdir()) == []
