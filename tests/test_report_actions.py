"""The window's report actions: export dialogs, print preview with its toolbar choices, printing."""

from __future__ import annotations

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.ui.report import actions
from desktop.ui.report.actions import (
    ReportOptionsDialog,
    export_html_dialog,
    export_pdf_dialog,
    preview_dialog,
    print_comparison,
    suggested_name,
)
from desktop.ui.report.export import ReportChoices
from test_report_support import sample_comparison

pytestmark = pytest.mark.gui


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    monkeypatch.setitem(actions._session, "choices", ReportChoices())
    monkeypatch.setitem(actions._session, "folder", "")


def finished(qtbot, export) -> str | None:
    """The path the running export wrote (it runs on the task runner; the window stays live)."""
    assert export is not None
    if not export.done:
        with qtbot.wait_signal(export.finished, timeout=20_000):
            pass
    return export.path if list_written(export) else None


def list_written(export) -> bool:
    from pathlib import Path

    return Path(export.path).exists()


def answer_dialog(monkeypatch, path, changes_only=False, context=1, page_size="auto", accept=True):
    seen = {}

    def fake_exec(self):
        seen["default"] = self.path_edit.text()
        seen["page_size_visible"] = not self.page_size.isHidden()
        self.path_edit.setText(str(path))
        self.changes_only.setChecked(changes_only)
        self.context.setValue(context)
        self.page_size.setCurrentIndex(self.page_size.findData(page_size))
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(ReportOptionsDialog, "exec", fake_exec)
    return seen


def test_export_pdf_dialog_writes_the_chosen_file_and_remembers_the_choices(qtbot, parent, tmp_path, monkeypatch):
    c = sample_comparison()
    seen = answer_dialog(monkeypatch, tmp_path / "mine", changes_only=True, context=2, page_size="letter")
    written = finished(qtbot, export_pdf_dialog(parent, c))
    assert written == str(tmp_path / "mine.pdf")  # the suffix is added
    reader = pypdf.PdfReader(written)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert seen["default"].endswith(suggested_name(c, ".pdf")) and seen["page_size_visible"]
    assert actions.last_choices() == ReportChoices(changes_only=True, context=2, page_size="letter")
    assert actions._session["folder"] == str(tmp_path)


def test_export_html_dialog_has_no_page_size_and_writes_html(qtbot, parent, tmp_path, monkeypatch):
    seen = answer_dialog(monkeypatch, tmp_path / "page.html")
    written = finished(qtbot, export_html_dialog(parent, sample_comparison()))
    assert written == str(tmp_path / "page.html")
    assert "Shellfish harvest halted" in (tmp_path / "page.html").read_text(encoding="utf-8")
    assert not seen["page_size_visible"]


def test_export_failure_is_explained_and_leaves_nothing(qtbot, parent, tmp_path, monkeypatch):
    answer_dialog(monkeypatch, tmp_path / "missing" / "r.pdf")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    assert export_pdf_dialog(parent, sample_comparison()) is None
    assert len(warnings) == 1 and "does not exist" in warnings[0] and "missing" in warnings[0]
    assert list(tmp_path.iterdir()) == []


def test_cancel_and_no_comparison_write_nothing(qtbot, parent, tmp_path, monkeypatch):
    answer_dialog(monkeypatch, tmp_path / "r.pdf", accept=False)
    assert export_pdf_dialog(parent, sample_comparison()) is None
    assert export_pdf_dialog(parent, None) is None
    assert export_html_dialog(parent, None) is None
    assert print_comparison(parent, None) is False
    assert list(tmp_path.iterdir()) == []


def test_options_dialog_context_follows_the_checkbox(qtbot, parent):
    d = ReportOptionsDialog(parent, "Export PDF", "/tmp/x.pdf", ".pdf", "PDF (*.pdf)", ReportChoices())
    qtbot.addWidget(d)
    assert not d.context.isEnabled()
    d.changes_only.setChecked(True)
    assert d.context.isEnabled()
    d.path_edit.setText("/tmp/report.PDF")
    assert d.path() == "/tmp/report.PDF"


def test_print_preview_paints_pages_and_its_toolbar_switches_to_changes_only(qtbot, parent):
    dialog = preview_dialog(parent, sample_comparison())
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    full = dialog.report_painter.pages
    assert full >= 2 and preview.pageCount() == full
    dialog.changes_only_box.setChecked(True)
    dialog.context_box.setValue(0)
    assert dialog.report_painter.choices.changes_only and dialog.report_painter.choices.context == 0
    assert preview.pageCount() == dialog.report_painter.pages <= full
    assert actions.last_choices().changes_only


def test_print_goes_to_the_printer_the_dialog_chose(qtbot, parent, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"

    def fake_exec(self):
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    assert print_comparison(parent, sample_comparison()) is True
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "harvest" in text and "Page" in text


def test_cancelling_while_the_report_renders_writes_nothing(qtbot, parent, tmp_path, monkeypatch):
    answer_dialog(monkeypatch, tmp_path / "r.pdf")
    export = export_pdf_dialog(parent, sample_comparison())
    seen = []
    export.finished.connect(seen.append)
    export.cancel()  # the reader presses Cancel at once, before any result arrives
    assert seen == [None]
    actions._runner_for(parent).wait(10_000)
    qtbot.wait(50)  # the late result is delivered and dropped
    assert list(tmp_path.iterdir()) == []
    assert actions.last_choices() == ReportChoices()  # nothing remembered from a cancelled export
