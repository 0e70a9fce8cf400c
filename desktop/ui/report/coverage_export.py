"""Write a coverage report (three or more articles) to PDF or HTML: the pair report's pages and writer."""

from __future__ import annotations

import os

from desktop.core.coverage.model import Coverage
from desktop.core.report import ReportWriteError, write_atomically
from desktop.core.report.coverage_html import coverage_html, running_title
from desktop.core.report.files import check_target
from desktop.ui.report.export import print_palette, write_outputs


def pdf_coverage(c: Coverage, page_size: str = "auto") -> tuple[bytes, int]:
    """The coverage PDF as bytes and its page count. Safe to run on a worker thread."""
    from datetime import date

    from desktop.ui.report.render import PageDecor, pdf_bytes

    title = running_title(c)
    decor = PageDecor(title=title, left_note="  ·  ".join(f"{c.letters[i]}: {os.path.basename(a.path)}"
                                                           for i, a in enumerate(c.articles)),
                      date=date.today().isoformat(), label="COVERAGE REPORT")
    return pdf_bytes(coverage_html(c, target="qt", palette=print_palette()), decor, page_size, title)


def write_coverage_pdf(c: Coverage, path: str | os.PathLike, page_size: str = "auto") -> int:
    """Write the PDF atomically; returns the page count. Raises ReportWriteError."""
    check_target(path)
    try:
        data, pages = pdf_coverage(c, page_size)
    except (RuntimeError, ValueError) as exc:
        raise ReportWriteError(path, f"the PDF could not be made: {exc}") from None
    write_atomically(path, data)
    return pages


def write_coverage_html(c: Coverage, path: str | os.PathLike) -> None:
    check_target(path)
    write_atomically(path, coverage_html(c, target="browser", palette=print_palette()).encode("utf-8"))


def export_coverage_report(c: Coverage, pdf: str | None = None, html: str | None = None,
                           page_size: str = "auto") -> int:
    """Headless writing for `diptych coverage -o/--html`. Returns the exit code; messages go to stderr."""
    return write_outputs(
        "coverage", pdf, html,
        lambda path: write_coverage_html(c, path),
        lambda path: write_coverage_pdf(c, path, page_size),
    )
