"""Bidi controls and C0 controls from an article never act in an output: titles, names and file
names are isolated (FSI…PDI), shortening never drops a closer, and no NUL reaches a report."""

from __future__ import annotations

import json
import unicodedata

from desktop.core.ingest.build import article_from_text
from desktop.core.compare import compare
from desktop.core.ingest.controls import FSI, PDF, PDI, RLO, balanced, isolate, printable, shorten
from desktop.core.ingest.load import load_file
from desktop.core.report import build_report, report_html

BODY = "The council voted on Monday to close the harbour road, Mayor Ines Dal said."


def runs_closed(text: str) -> bool:
    """Every embedding and isolate the text opens is closed inside it, in order."""
    depth = 0
    for ch in text:
        if ch in "\u202a\u202b\u202d\u202e\u2066\u2067\u2068":
            depth += 1
        elif ch in (PDF, PDI):
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def test_balanced_closes_what_a_string_opens_and_drops_stray_closers():
    assert balanced(f"a{RLO}gnp.exe") == f"a{RLO}gnp.exe{PDF}"
    assert balanced(f"{PDF}{PDI}plain") == "plain"
    assert balanced(f"{FSI}x{RLO}y{PDI}z") == f"{FSI}x{RLO}y{PDI}z"  # the PDI closes the override too
    assert balanced("no controls") == "no controls"


def test_isolate_wraps_only_text_with_controls_and_only_once():
    assert isolate("Harbour road closes") == "Harbour road closes"
    once = isolate(f"Photo {RLO}gnp.exe")
    assert once == f"{FSI}Photo {RLO}gnp.exe{PDF}{PDI}" and isolate(once) == once
    assert isolate(f"{FSI}a{PDI} b {FSI}c{PDI}").count(FSI) == 3  # two isolates side by side: wrapped


def test_shortening_never_drops_the_closer():
    title = f"{RLO}" + "harbour " * 20 + PDF + " after"
    short = shorten(title, 30)
    assert len(short) <= 33 and short.endswith(PDI) and runs_closed(short)
    assert "…" in short


def test_printable_replaces_controls_one_for_one():
    assert printable("a\x00b\x07c\td\ne\x7f\ud800") == "a b c\td\ne \ufffd"


def test_report_header_and_page_isolate_titles_and_file_names(tmp_path):
    evil_title = f"Invoice {RLO}fdp.exe{PDF}" + " and a long tail of words" * 5
    left = tmp_path / f"photo{RLO}gnp.exe.txt"
    left.write_text(f"{evil_title}\n\n{BODY}\n", encoding="utf-8")
    right = tmp_path / "plain.txt"
    right.write_text(f"Harbour road closes\n\n{BODY.replace('Monday', 'Tuesday')}\n", encoding="utf-8")
    c = compare(load_file(left)[0], load_file(right)[0])
    report = build_report(c)
    header = report.running_title
    left_part, right_part = header.split("  ⟷  ")
    assert left_part.startswith(FSI) and left_part.endswith(PDI) and runs_closed(left_part)
    assert right_part == "Harbour road closes"
    assert report.left.file_name.startswith(FSI) and runs_closed(report.left.file_name)
    page = report_html(report, target="browser")
    assert runs_closed(page)
    assert f"{FSI}photo{RLO}gnp.exe.txt{PDF}{PDI}" in page


def test_no_nul_or_c0_control_reaches_an_output(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"title": "Road\u0000 closes\u0007", "text": f"{BODY}\u0000 More\u001b text.",
                                "author": "Ines\u0000Dal"}), encoding="utf-8")
    (article,) = load_file(path)
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in article.text + article.title)
    other = article_from_text(f"Road closes\n\n{BODY}")
    page = report_html(build_report(compare(article, other)), target="browser")
    assert "\x00" not in page and "\x07" not in page and "\x1b" not in page
    from desktop.core.article import article_json

    dumped = json.dumps(article_json(article), ensure_ascii=False)
    assert "\\u0000" not in dumped and "\\u0007" not in dumped
