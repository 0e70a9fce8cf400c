"""The PDF and HTML reports as written files, read back: content, order, pages, safety, atomic writes."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale
from PySide6.QtGui import QPdfWriter

from desktop.core.compare import compare
from desktop.core.ingest.load import load_file
from desktop.core.report import ReportWriteError, build_report
from desktop.ui.report.export import ReportChoices, decor_for, qt_html, write_html, write_pdf
from desktop.ui.report.render import SafeTextDocument, page_layout, paint_pages, resolve_page_size
from test_report_core import NASTY_PIECES, TagCollector, nasty_comparison, parse
from test_report_support import sample_comparison

pytestmark = pytest.mark.gui
SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"


def squeeze(text: str) -> str:
    """PDF text without whitespace or ligatures: extraction splits words with tabs and newlines."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_pages(path: Path) -> list[str]:
    return [squeeze(page.extract_text()) for page in pypdf.PdfReader(path).pages]


def assert_in_order(haystack: str, needles: list[str]) -> None:
    at = 0
    for needle in needles:
        found = haystack.find(squeeze(needle), at)
        assert found >= 0, f"{needle!r} missing after position {at}"
        at = found + len(squeeze(needle))


@pytest.fixture(scope="module")
def samples_comparison():
    left = load_file(SAMPLES / "harbour-wire.txt")[0]
    right = load_file(SAMPLES / "harbour-herald.html")[0]
    return compare(left, right)


@pytest.fixture(scope="module")
def sample_pdf(qapp, tmp_path_factory, samples_comparison):
    path = tmp_path_factory.mktemp("report") / "sample.pdf"
    pages = write_pdf(samples_comparison, path, ReportChoices(page_size="a4"))
    return path, pages


def test_sample_pdf_has_titles_summary_discrepancies_and_highlights_in_order(qapp, sample_pdf, samples_comparison):
    path, pages = sample_pdf
    c = samples_comparison
    texts = pdf_pages(path)
    assert len(texts) == pages
    assert 2 <= pages <= 12  # two short articles: a few pages, not one and not dozens
    whole = "".join(texts)
    assert path.read_bytes().startswith(b"%PDF")
    # Header: both titles, file names, hashes (grouped by 16 digits to wrap).
    assert_in_order(texts[0], [c.left.title, c.right.title, "harbour-wire.txt", "harbour-herald.html"])
    assert squeeze(c.left.sha256[:16]) in texts[0] and squeeze(c.right.sha256[:16]) in texts[0]
    # Summary figures, in the order they are printed.
    s = c.stats
    assert_in_order(
        whole,
        [
            "Summary",
            f"{s.similarity * 100:.0f}%",
            f"{s.left_in_right * 100:.0f}%",
            f"{s.right_in_left * 100:.0f}%",
            f"{s.words_kept:,} kept",
            f"{s.words_added:,} added",
            "Discrepancies",
        ],
    )
    # Every discrepancy, in order, after the summary.
    disc_at = whole.find(squeeze("Facts the two articles state differently"))
    assert disc_at > 0 and c.discrepancies
    values = [d.left_text for d in c.discrepancies if not d.word_diff]
    assert_in_order(whole[disc_at:], values)
    for d in c.discrepancies:
        assert squeeze(d.subject)[:20] in whole[disc_at:]
    # The body: the changed words of the herald sample (README) appear in reading order.
    body_at = whole.find(squeeze("The two articles side by side"))
    assert body_at > disc_at
    body = whole[body_at:]
    assert_in_order(body, ["Health officials", "shut", "just after 3 a.m.", "Rashid", "single", "may cost"])
    assert_in_order(body, ["Port inspectors in Rotterdam"])  # the paragraph only in the herald
    assert "M1↓" in body and "M1↑" in body  # both ends of a move are labelled
    assert "Page1of" in texts[0] and f"Page{pages}of{pages}" in texts[-1]


def test_running_header_and_legend(qapp, sample_pdf, samples_comparison):
    path, pages = sample_pdf
    texts = pdf_pages(path)
    for text in texts[1:]:
        assert "COMPARISONREPORT" in text
        assert squeeze(samples_comparison.left.title[:20]) in text  # the running title
    body = "".join(texts)[("".join(texts)).find("Thetwoarticlessidebyside") :]
    assert_in_order(body, ["words only in A", "words only in B", "a word changed", "a sentence that moved"])


def test_changes_only_is_shorter_and_counts_the_gaps(qapp, tmp_path):
    c = sample_comparison()
    full = write_pdf(c, tmp_path / "full.pdf", ReportChoices(page_size="a4"))
    short = write_pdf(c, tmp_path / "short.pdf", ReportChoices(changes_only=True, context=0, page_size="a4"))
    assert short <= full
    text = "".join(pdf_pages(tmp_path / "short.pdf"))
    assert "unchangedsentence" in text
    assert "0sentencesofcontext" in text
    # An unchanged sentence far from any change is left out of the short body.
    body = text[text.find("Thetwoarticlessidebyside") :]
    assert squeeze("Salvage teams plan to pump") not in body
    full_body = "".join(pdf_pages(tmp_path / "full.pdf"))
    assert squeeze("Salvage teams plan to pump") in full_body[full_body.find("Thetwoarticlessidebyside") :]


@pytest.mark.parametrize(("choice", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_page_size_choice(qapp, tmp_path, choice, size):
    path = tmp_path / f"{choice}.pdf"
    write_pdf(sample_comparison(), path, ReportChoices(page_size=choice))
    box = pypdf.PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_automatic_page_size_follows_the_territory():
    assert resolve_page_size("auto", QLocale("en_US")) == "letter"
    assert resolve_page_size("auto", QLocale("fr_CA")) == "letter"
    assert resolve_page_size("auto", QLocale("en_GB")) == "a4"
    assert resolve_page_size("auto", QLocale("de_DE")) == "a4"
    assert resolve_page_size("LETTER", QLocale("de_DE")) == "letter"
    with pytest.raises(ValueError):
        resolve_page_size("tabloid")


def _paint_to_buffer(html: str, decor) -> tuple[int, SafeTextDocument]:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout("a4"))
    return paint_pages(writer, html, decor)


def test_the_document_refuses_resources_it_is_asked_for(qapp):
    # Control: raw markup with an image does reach loadResource, which records and refuses it.
    report = build_report(sample_comparison())
    pages, doc = _paint_to_buffer('<p>x<img src="file:///etc/hostname" width="20" height="20"></p>', decor_for(report))
    assert pages == 1
    assert doc.resource_requests == ["file:///etc/hostname"]


def test_article_markup_is_printed_as_text_and_loads_nothing(qapp, tmp_path):
    c = nasty_comparison()
    report = build_report(c)
    pages, doc = _paint_to_buffer(qt_html(report), decor_for(report))
    assert doc.resource_requests == []  # in particular never file:///etc/hostname
    plain = doc.toPlainText()
    for piece in NASTY_PIECES:
        assert piece in plain
    path = tmp_path / "nasty.pdf"
    write_pdf(c, path)
    text = "".join(pdf_pages(path))
    for piece in NASTY_PIECES:
        assert squeeze(piece) in text
    assert b"/etc/hostname" not in path.read_bytes().replace(b"file:///etc/hostname", b"")  # no link target


def test_html_export_is_standalone_and_escaped(tmp_path):
    path = tmp_path / "nasty.html"
    write_html(nasty_comparison(), path)
    html = path.read_text(encoding="utf-8")
    doc: TagCollector = parse(html)
    assert not [attrs for _, attrs in doc.tags if {"src", "href"} & set(attrs)]
    assert "&lt;img src=&quot;file:///etc/hostname&quot;&gt;" in html
    for piece in NASTY_PIECES:
        assert piece not in html
        assert piece in "".join(doc.text)


def test_pdf_into_a_missing_folder_fails_cleanly(qapp, tmp_path):
    target = tmp_path / "nowhere" / "report.pdf"
    with pytest.raises(ReportWriteError) as info:
        write_pdf(sample_comparison(), target)
    assert "does not exist" in info.value.reason
    assert not target.parent.exists()


def test_pdf_replaces_an_existing_file_whole(qapp, tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"an older report")
    write_pdf(sample_comparison(), target)
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes().rstrip().endswith(b"%%EOF")
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
