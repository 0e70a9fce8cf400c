"""Odd but honest files are read, and refusals speak plainly (issue 17: wrong refusals, library words)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest
from file_fixtures import TEXT, docx_bytes, make_pdf, rezip

from desktop.core.errors import ReadError
from desktop.core.ingest.load import load_file
from desktop.core.ingest.readers import sniff
from desktop.core.ingest.readers.docx import _STRICT_NAMESPACES


def write(folder, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return path


def strict_docx() -> bytes:
    """A transitional .docx renamed into the strict (ISO 29500) namespaces, as Word's strict save writes them."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for strict, usual in _STRICT_NAMESPACES:
                    body = body.replace(usual, strict)
            target.writestr(info.filename, body)
    return buffer.getvalue()


def test_strict_docx_is_read(tmp_path):
    data = strict_docx()
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    (article,) = load_file(write(tmp_path, "strict.docx", data))
    (usual,) = load_file(write(tmp_path, "usual.docx", docx_bytes()))
    assert article.text == usual.text and TEXT.split(",")[0] in article.text


def test_binary_part_holding_doctype_bytes_is_no_xml_bomb(tmp_path):
    # A printer-settings blob is binary: what its bytes spell is not markup.
    blob = b"\x00\x01<!DOCTYPE\x00\xff" * 50
    data = rezip(docx_bytes(), {}, add={"word/printerSettings/printerSettings1.bin": blob})
    (article,) = load_file(write(tmp_path, "printer.docx", data))
    assert TEXT.split(",")[0] in article.text


def test_an_xml_part_declaring_entities_is_still_refused(tmp_path):
    styles = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:styles/>'
    data = rezip(docx_bytes(), {"word/styles.xml": styles})
    with pytest.raises(ReadError, match="declares XML entities"):
        load_file(write(tmp_path, "bomb.docx", data))


@pytest.mark.parametrize("opening", [
    "The file opened with %PDF-1.7, the header every PDF starts with, said the clerk.",
    "%PDF-1.7 is how a PDF starts; the council's notice was a scan, not text.",
])
def test_text_that_mentions_the_pdf_signature_stays_text(tmp_path, opening):
    body = f"Records office\n\n{opening}\n\n{TEXT}\n"
    path = write(tmp_path, "note.txt", body.encode())
    assert sniff(str(path), path.read_bytes()) == "txt"
    (article,) = load_file(path)
    assert "%PDF-1.7" in article.text


def test_pdf_behind_a_mail_header_is_still_a_pdf(tmp_path):
    data = b"From: desk@example.org\r\nSubject: scan\r\n\r\n" + make_pdf([[TEXT]])
    assert sniff("scan.pdf", data) == "pdf"
    assert sniff("scan", b"\xff\xfe junk\n" + make_pdf([[TEXT]])) == "pdf"


def test_broken_pdf_internals_never_reach_the_reason(tmp_path):
    pdf = make_pdf([[TEXT]])
    for damage in (pdf.replace(b"/Type /Catalog", b"/Tipe /Catalog"), pdf.replace(b"/Pages 2 0 R", b"/Pages 99 0 R"),
                   pdf[: len(pdf) // 2] + b"startxref\n-5\n%%EOF\n"):
        path = write(tmp_path, "broken.pdf", damage)
        try:
            load_file(path)
        except ReadError as exc:
            assert "Error" not in exc.reason and "'/" not in exc.reason and "(" not in exc.reason, exc.reason


def test_pdf_warnings_go_to_the_log_not_stderr(tmp_path):
    # A wrong startxref offset makes pypdf warn ("incorrect startxref pointer") while it repairs.
    pdf = make_pdf([[TEXT]])
    pdf = pdf[: pdf.rindex(b"startxref")] + b"startxref\n12\n%%EOF\n"
    path = write(tmp_path, "warns.pdf", pdf)
    script = (
        "import logging, sys\n"
        "records = []\n"
        "class Keep(logging.Handler):\n"
        "    def emit(self, record): records.append(record)\n"
        "logging.getLogger().addHandler(Keep())\n"
        "from desktop.core.ingest.load import load_file\n"
        "from desktop.core.errors import ReadError\n"
        f"try: load_file({str(path)!r})\n"
        "except ReadError: pass\n"
        "print(len([r for r in records if r.name.startswith('pypdf')]))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert int(run.stdout.strip()) >= 1  # the warning was logged, where a handler can see it


def test_a_page_with_a_value_longer_than_the_parser_reads_says_so(tmp_path):
    blob = "q" * 10_000_001
    page = f'<html><head><title>Big</title></head><body><div data-blob="{blob}"></div><p>{TEXT}</p></body></html>'
    with pytest.raises(ReadError, match="more than 10 MB"):
        load_file(write(tmp_path, "big.html", page.encode()))
