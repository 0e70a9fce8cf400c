"""Packaging files are valid and the frozen layout finds its resources."""

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import APP_ID
from desktop.core import resources

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "resources" / "desktop"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-validate not installed")
def test_desktop_entry_validates():
    proc = subprocess.run(["desktop-file-validate", str(DESKTOP / f"{APP_ID}.desktop")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout.lower()


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli not installed")
def test_metainfo_validates():
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(DESKTOP / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_desktop_entry_opens_every_supported_type():
    entry = (DESKTOP / f"{APP_ID}.desktop").read_text()
    mime = next(line for line in entry.splitlines() if line.startswith("MimeType="))
    for t in ("text/plain", "text/html", "text/markdown", "application/pdf", "application/json",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/x-diptych-workspace"):
        assert t in mime
    assert "*.diptych" in (DESKTOP / f"{APP_ID}-mime.xml").read_text()


def test_icons_are_generated_from_the_svg():
    icons = ROOT / "resources" / "icons"
    assert (icons / "diptych.svg").exists()
    assert (icons / "diptych.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ico = (icons / "diptych.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    icns = (icons / "diptych.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_spec_data_files_exist():
    spec = (ROOT / "packaging" / "diptych.spec").read_text()
    assert "SPECPATH" in spec and "upx=False" in spec
    for rel in ("samples", "icons/diptych.svg", "icons/diptych.png", "icons/diptych.ico", "icons/diptych.icns",
                "tagger/names.weights"):
        assert (ROOT / "resources" / rel).exists(), rel
    assert '"tagger" / "names.weights"' in spec  # the name tagger cannot run without its weights


def test_resources_found_from_source_and_frozen(monkeypatch, tmp_path):
    assert resources.resource_path("samples").is_dir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("samples") == tmp_path / "resources" / "samples"
