"""Every PDF Diptych writes says what it is: title "A ⟷ B", author, subject, creator with the
version, and when it was made — read back from the file as a PDF reader shows them."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pypdf
import pytest

from desktop import __version__
from desktop.core.compare import compare
from desktop.core.ingest.load import load_file
from desktop.ui.report.export import ReportChoices, write_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"


@pytest.fixture(scope="module")
def comparison():
    return compare(load_file(SAMPLES / "harbour-wire.txt")[0], load_file(SAMPLES / "harbour-herald.html")[0])


def test_exported_pdf_carries_its_metadata(qapp, tmp_path, comparison):
    path = tmp_path / "report.pdf"
    before = datetime.now(timezone.utc) - timedelta(seconds=2)
    write_pdf(comparison, path, ReportChoices(page_size="a4"))
    reader = pypdf.PdfReader(path)
    info = reader.metadata
    left, right = comparison.left, comparison.right
    assert info.title == f"{left.title} ⟷ {right.title}"
    assert info.author == f"{left.author} · {right.author}" and left.author and right.author
    assert info.creator == f"Diptych {__version__}"
    created = info.creation_date
    assert created is not None and before <= created.astimezone(timezone.utc) <= datetime.now(timezone.utc) + timedelta(seconds=2)
    xmp = reader.xmp_metadata
    assert xmp.dc_description["x-default"] == "Comparison of harbour-wire.txt (A) and harbour-herald.html (B)"
    assert xmp.dc_title["x-default"] == info.title
    assert xmp.xmp_creator_tool == f"Diptych {__version__}"
    assert str(tmp_path) not in (info.author or "") + (info.title or "")  # no folders in what is handed on


def test_printing_to_a_pdf_file_names_it_too(qapp, tmp_path, comparison):
    from PySide6.QtPrintSupport import QPrinter

    from desktop.ui.report.actions import _Painter, _printer

    printer = _printer(ReportChoices(page_size="a4"), comparison)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    _Painter(comparison, ReportChoices(page_size="a4")).paint(printer)
    info = pypdf.PdfReader(tmp_path / "printed.pdf").metadata
    assert info.title == f"{comparison.left.title} ⟷ {comparison.right.title}"
    assert info.creator == f"Diptych {__version__}"
    assert info.creation_date is not None
