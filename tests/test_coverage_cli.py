"""`diptych coverage`: JSON, summary, and the coverage report as HTML and PDF without a display."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from coverage_story import write_story

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    return subprocess.run([sys.executable, "-m", "desktop", "coverage", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=180)


def test_json_and_summary(tmp_path):
    paths = [str(p) for p in write_story(tmp_path)]
    proc = _run([*paths, "--json", "--base", paths[2]])
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["base"] == 2 and len(data["articles"]) == 3
    assert {"facts", "collation", "heat_strips", "additions", "containment", "pairs"} <= set(data)
    assert data["facts"][0]["cells"][1]["value"] == "$3.1 million"
    summary = _run(paths)
    assert summary.returncode == 0 and "Facts:" in summary.stdout and "Containment" in summary.stdout


def test_one_file_is_refused(tmp_path):
    proc = _run([str(write_story(tmp_path)[0])])
    assert proc.returncode != 0 and "two or more" in proc.stderr


@pytest.mark.slow
def test_pdf_and_html_report_without_a_display(tmp_path):
    paths = [str(p) for p in write_story(tmp_path)]
    pdf, html = tmp_path / "c.pdf", tmp_path / "c.html"
    proc = _run([*paths, "-o", str(pdf), "--html", str(html)])
    assert proc.returncode == 0, proc.stderr
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages).split())
    for words in ("COVERAGE REPORT", "Facts × articles", "Passages × articles", "Who took from whom",
                  "$3.1 million", "Sentences the facts come from", "Shop owners on Main Street"):
        assert words in text, words
    page = html.read_text(encoding="utf-8")
    assert page.count("<table") > 5 and "<script" not in page and "$3.1 million" in page


def test_eight_articles_fit_the_page(tmp_path):
    """Every table's columns add up to no more than the page width, at eight articles."""
    from desktop.core.coverage import cover
    from desktop.core.ingest.load import load_file
    from desktop.core.report.coverage_html import coverage_html

    paths = write_story(tmp_path)
    for k in range(5):  # copies under other names stand for outlets that ran the same copy
        shutil.copy(paths[k % 3], tmp_path / f"copy{k}.txt")
    files = paths + sorted(tmp_path.glob("copy*.txt"))
    coverage = cover([load_file(p)[0] for p in files])
    assert len(coverage.articles) == 8
    page = coverage_html(coverage, target="qt")
    tables = re.findall(r"<table[^>]*>(.*?)</table>", page, flags=re.S)
    assert len(tables) > 5
    for table in tables:
        head = re.search(r"<tr>(.*?)</tr>", table, flags=re.S).group(1)
        widths = [int(w) for w in re.findall(r'<t[hd][^>]*width="(\d+)%"', head)]
        assert sum(widths) <= 100, head[:200]
    # Eight columns of facts get each at least a tenth of the width less the fact column.
    head = re.search(r"<thead><tr><th width=\"(\d+)%\">Fact</th>((?:<th[^>]*>.*?</th>)+)</tr>", page)
    columns = re.findall(r'width="(\d+)%"', head.group(2))
    assert len(columns) == 8 and all(int(w) >= 9 for w in columns)
