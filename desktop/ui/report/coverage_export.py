"""Write a coverage report (three or more articles) to PDF or HTML: the pair report's pages and writer."""

from __future__ import annotations

import os
import sys

from desktop.core.coverage.model import Coverage
from desktop.core.report import ReportWriteError, write_atomically
from desktop.core.report.coverage_html import coverage_html, running_title
from desktop.core.report.files import check_target
from desktop.ui.report.export import ensure_gui_application, print_palette


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
    for path in (p for p in (pdf, html) if p):
        try:
            check_target(path)
        except ReportWriteError as exc:
            print(f"diptych coverage: {exc.path}: {exc.reason}", file=sys.stderr)
            return 1
    status = 0
    if html:
        try:
            write_coverage_html(c, html)
            print(f"diptych coverage: wrote {html}", file=sys.stderr)
        except ReportWriteError as exc:
            print(f"diptych coverage: {exc.path}: {exc.reason}", file=sys.stderr)
            status = 1
    if pdf:
        try:
            ensure_gui_application()
        except (RuntimeError, ImportError) as exc:
            print(f"diptych coverage: cannot make a PDF here: {exc}", file=sys.stderr)
            return 1
        try:
            pages = write_coverage_pdf(c, pdf, page_size)
            print(f"diptych coverage: wrote {pdf} ({pages} page{'s' if pages != 1 else ''})", file=sys.stderr)
        except ReportWriteError as exc:
            print(f"diptych coverage: {exc.path}: {exc.reason}", file=sys.stderr)
            status = 1
    return status
