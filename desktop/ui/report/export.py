"""Write a comparison report to PDF or HTML, from the window or headless from the command line."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from desktop.core.compare.model import Comparison
from desktop.core.report import ReportWriteError, build_report, report_html, write_atomically
from desktop.core.report.files import check_target
from desktop.core.report.model import Report


_APP = None


@dataclass(frozen=True)
class ReportChoices:
    """What the reader chose for one report: everything but the file name."""

    changes_only: bool = False
    context: int = 1
    page_size: str = "auto"  # auto, a4, letter


def print_palette() -> dict[str, str]:
    """The window's light palette as #rrggbb strings (print is always light)."""
    try:
        from desktop.ui.theme import LIGHT
    except ImportError:  # the core's copy of the same values stands in
        return {}
    # Not the word marks: the window marks words dark with white text so they stand out on
    # screen; on paper that is a block of ink, so the report keeps the core's light marks.
    return {name: colour.name() for name, colour in LIGHT.as_dict().items()
            if not name.startswith(("word_", "char_"))}


def report_for(c: Comparison, choices: ReportChoices) -> Report:
    return build_report(c, changes_only=choices.changes_only, context=choices.context)


def decor_for(report: Report):
    from desktop.ui.report.render import PageDecor

    return PageDecor(
        title=report.running_title,
        left_note=f"A: {report.left.file_name}   ·   B: {report.right.file_name}",
        date=report.generated,
    )


def qt_html(report: Report) -> str:
    return report_html(report, target="qt", palette=print_palette())


def pdf_meta(report: Report):
    """Title "A ⟷ B"; the articles' bylines (or sources) as the author; what was compared as
    the subject. File names only, never folders, as in the report itself."""
    from desktop.ui.report.render import PdfMeta

    def byline(facts) -> str:
        return facts.author or facts.source or facts.file_name

    left, right = report.left, report.right
    authors = " · ".join(dict.fromkeys(b for b in (byline(left), byline(right)) if b))
    subject = f"Comparison of {left.file_name} (A) and {right.file_name} (B)"
    return PdfMeta(f"{left.title} ⟷ {right.title}", authors, subject)


def pdf_report(c: Comparison, choices: ReportChoices = ReportChoices()) -> tuple[bytes, int]:
    """The PDF report as bytes and its page count. Safe to run on a worker thread."""
    from desktop.ui.report.render import pdf_bytes

    report = report_for(c, choices)
    return pdf_bytes(qt_html(report), decor_for(report), choices.page_size, report.running_title, pdf_meta(report))


def html_report(c: Comparison, choices: ReportChoices = ReportChoices()) -> bytes:
    """The self-contained HTML report as UTF-8 bytes."""
    return report_html(report_for(c, choices), target="browser", palette=print_palette()).encode("utf-8")


def write_pdf(c: Comparison, path: str | os.PathLike, choices: ReportChoices = ReportChoices()) -> int:
    """Write the PDF report atomically; returns the page count. Raises ReportWriteError."""
    check_target(path)  # before the slow part: a missing folder is known at once
    try:
        data, pages = pdf_report(c, choices)
    except (RuntimeError, ValueError) as exc:
        raise ReportWriteError(path, f"the PDF could not be made: {exc}") from None
    write_atomically(path, data)
    return pages


def write_html(c: Comparison, path: str | os.PathLike, choices: ReportChoices = ReportChoices()) -> None:
    """Write the report as one self-contained HTML file, atomically. Raises ReportWriteError."""
    check_target(path)
    write_atomically(path, html_report(c, choices))


def ensure_gui_application():
    """A QGuiApplication for layout and PDF painting; started offscreen when there is no display.

    Returns the application, or raises RuntimeError saying why none can be had.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    app = QCoreApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("a non-graphical Qt application is already running; fonts are not available")
        return app
    no_display = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and no_display and not os.environ.get("QT_QPA_PLATFORM"):
        # Headless: QTextDocument and QPdfWriter need fonts, not a screen.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Keep a reference on the module: the application must outlive every document and writer.
    global _APP
    _APP = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "diptych"])
    return _APP


def export_report(
    comparison: Comparison,
    pdf: str | None = None,
    html: str | None = None,
    changes_only: bool = False,
    context: int = 1,
    page_size: str = "auto",
) -> int:
    """Headless report writing for `diptych report`. Returns the exit code; messages go to stderr."""
    if not pdf and not html:
        print("diptych report: nothing to write (give a PDF path, an HTML path, or both)", file=sys.stderr)
        return 2
    if context < 0:
        print("diptych report: --context must be 0 or more", file=sys.stderr)
        return 2
    choices = ReportChoices(changes_only=changes_only, context=context, page_size=page_size)
    return write_outputs(
        "report", pdf, html,
        lambda path: write_html(comparison, path, choices),
        lambda path: write_pdf(comparison, path, choices),
    )


def write_outputs(command: str, pdf: str | None, html: str | None, html_writer, pdf_writer) -> int:
    """The headless writing that `diptych report` and `diptych coverage` share: every target
    checked first (a bad path costs no rendering and writes nothing), then the HTML, then the
    PDF (which needs a Qt application for fonts). Returns the exit code; messages go to stderr."""
    for path in (p for p in (pdf, html) if p):
        try:
            check_target(path)
        except ReportWriteError as exc:
            print(f"diptych {command}: {exc.path}: {exc.reason}", file=sys.stderr)
            return 1
    status = 0
    if html:
        try:
            html_writer(html)
            print(f"diptych {command}: wrote {html}", file=sys.stderr)
        except ReportWriteError as exc:
            print(f"diptych {command}: {exc.path}: {exc.reason}", file=sys.stderr)
            status = 1
    if pdf:
        try:
            ensure_gui_application()
        except (RuntimeError, ImportError) as exc:
            print(f"diptych {command}: cannot make a PDF here: {exc}", file=sys.stderr)
            return 1
        try:
            pages = pdf_writer(pdf)
            print(f"diptych {command}: wrote {pdf} ({pages} page{'s' if pages != 1 else ''})", file=sys.stderr)
        except ReportWriteError as exc:
            print(f"diptych {command}: {exc.path}: {exc.reason}", file=sys.stderr)
            status = 1
    return status
