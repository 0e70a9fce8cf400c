"""Comparison reports: the content as plain values, and as one self-contained, escaped HTML page."""

from desktop.core.report.files import ReportWriteError, write_atomically
from desktop.core.report.html import PRINT_PALETTE, report_html, stylesheet
from desktop.core.report.model import Report, build_report

__all__ = [
    "PRINT_PALETTE",
    "Report",
    "ReportWriteError",
    "build_report",
    "report_html",
    "stylesheet",
    "write_atomically",
]
