"""The report from the window: print preview, print, export PDF and export HTML.

The window puts these four functions in its File menu and toolbar.
Each takes the parent widget and the Comparison on screen, and does nothing when there is none.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QToolBar,
    QWidget,
)

from desktop.core.compare.model import Comparison
from desktop.core.report import ReportWriteError, write_atomically
from desktop.core.report.files import check_target
from desktop.ui.report.export import ReportChoices, decor_for, html_report, pdf_report, qt_html, report_for
from desktop.ui.report.render import page_layout, paint_pages, resolve_page_size

# The reader's last choices, remembered for the session so each dialog opens as they left it.
_session = {"choices": ReportChoices(), "folder": ""}


def last_choices() -> ReportChoices:
    return _session["choices"]


def _remember(choices: ReportChoices, path: str | None = None) -> None:
    _session["choices"] = choices
    if path:
        _session["folder"] = str(Path(path).parent)


def suggested_name(c: Comparison, suffix: str) -> str:
    """A file name from the two titles: "Fuel spill closes Halifax… vs Oil leak from grounded….pdf"
    (the file names when an article has no title), safe on every file system."""

    def part(article) -> str:
        name = article.title or Path(article.path).stem or "article"
        name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name)  # what Windows, macOS or Linux refuse
        name = " ".join(name.split()).strip(" .")
        return (name if len(name) <= 40 else name[:39].rstrip() + "…") or "article"

    return f"{part(c.left)} vs {part(c.right)}{suffix}"


def _default_folder(c: Comparison | None = None) -> str:
    """The last export's folder; else the left article's; else Documents."""
    if _session["folder"]:
        return _session["folder"]
    if c is not None and c.left.path and os.path.isdir(os.path.dirname(os.path.abspath(c.left.path))) \
            and os.path.isfile(c.left.path):
        return os.path.dirname(os.path.abspath(c.left.path))
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


class ReportOptionsDialog(QDialog):
    """Where to write the report and what to put in it (page size for PDF only)."""

    def __init__(self, parent: QWidget | None, title: str, path: str, suffix: str, file_filter: str,
                 choices: ReportChoices, with_page_size: bool = True):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._suffix, self._filter = suffix, file_filter
        form = QFormLayout(self)

        self.path_edit = QLineEdit(path)
        # Wide enough for the whole path (up to most of the screen); a longer one is spelled
        # out in full, wrapped, under the field, so the reader sees where the file goes.
        screen = parent.screen().availableGeometry().width() if parent is not None and parent.screen() else 1280
        room = self.path_edit.fontMetrics().horizontalAdvance(path) + 24
        self.path_edit.setMinimumWidth(min(max(room, 360), int(screen * 0.7)))
        self.path_edit.setCursorPosition(0)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setAccessibleName("Full path of the file to write")
        self.path_edit.textChanged.connect(lambda _t: self._show_where())
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow("Save as:", row)
        form.addRow("", self.where)
        self._show_where()

        self.page_size = QComboBox()
        auto = resolve_page_size("auto")
        self.page_size.addItem(f"Automatic ({'Letter' if auto == 'letter' else 'A4'}, from your region)", "auto")
        self.page_size.addItem("A4", "a4")
        self.page_size.addItem("US Letter", "letter")
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(choices.page_size)))
        if with_page_size:
            form.addRow("Page size:", self.page_size)
        else:
            self.page_size.hide()

        self.changes_only = QCheckBox("Only the changes, with context")
        self.changes_only.setChecked(choices.changes_only)
        self.context = QSpinBox()
        self.context.setRange(0, 20)
        self.context.setValue(choices.context)
        self.context.setSuffix(" sentence(s) of context")
        self.context.setEnabled(choices.changes_only)
        self.changes_only.toggled.connect(self.context.setEnabled)
        form.addRow("Body:", self.changes_only)
        form.addRow("", self.context)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _show_where(self) -> None:
        # Break anywhere after a separator, so a long path wraps instead of widening the dialog.
        self.where.setText(self.path().replace(os.sep, os.sep + "\u200b"))
        self.path_edit.setToolTip(self.path())

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path(), self._filter)
        if path:
            self.path_edit.setText(path)

    def path(self) -> str:
        text = self.path_edit.text().strip()
        if text and not text.lower().endswith(self._suffix):
            text += self._suffix
        return text

    def choices(self) -> ReportChoices:
        return ReportChoices(
            changes_only=self.changes_only.isChecked(),
            context=self.context.value(),
            page_size=self.page_size.currentData() or "auto",
        )


def _export(parent, c: Comparison | None, title: str, suffix: str, file_filter: str, render, with_page_size: bool):
    if c is None:
        return None
    default = str(Path(_default_folder(c)) / suggested_name(c, suffix))
    dialog = ReportOptionsDialog(parent, title, default, suffix, file_filter, last_choices(), with_page_size)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.path():
        return None
    return run_export(parent, c, dialog.path(), dialog.choices(), title, render)


def _pdf(c: Comparison, choices: ReportChoices) -> bytes:
    return pdf_report(c, choices)[0]


class ExportJob(QObject):
    """One report being rendered and written on the window's task runner."""

    finished = Signal(object)  # the path written, or None (failed or cancelled: nothing written)

    def __init__(self, parent: QObject | None, runner, path: str):
        super().__init__(parent)
        self.path = path
        self._runner = runner
        self.job: int | None = None
        self.done = False

    def cancel(self) -> None:
        """The reader stops it: the render is told to stop and whatever it returns is dropped."""
        if self.job is not None and not self.done:
            self._runner.cancel(self.job)
            self._finish(None)

    def _finish(self, path: str | None) -> None:
        if not self.done:
            self.done = True
            self.finished.emit(path)
            self.deleteLater()  # one per export: gone once it has told who was waiting


_runners: list = []  # a runner for dialogs used outside a window (made on the GUI thread)


def _runner_for(parent):
    """The window's one task runner; a widget outside any window gets a shared one."""
    window = parent.window() if parent is not None else None
    runner = getattr(window, "tasks", None)
    if runner is not None:
        return runner
    from desktop.ui.workers import TaskRunner

    if not _runners:
        _runners.append(TaskRunner())
    return _runners[0]


def _render_and_write(render, c: Comparison, choices: ReportChoices, path: str, job) -> str | None:
    data = render(c, choices)
    if job.cancelled.is_set():
        return None  # stopped while rendering: nothing is written
    write_atomically(path, data)
    return path


def run_export(parent, c: Comparison, path: str, choices: ReportChoices, title: str, render) -> ExportJob | None:
    """Render with `render(c, choices) -> bytes` and write atomically, on the task runner.

    The window stays responsive (no nested event loop); a progress dialog with Cancel shows
    when the report takes a while. On failure the reader is told why and nothing is written.
    Returns the running export (its `finished` signal gives the path, or None).
    """
    try:
        check_target(path)
    except ReportWriteError as exc:
        _write_failed(parent, title, exc)
        return None
    runner = _runner_for(parent)
    export = ExportJob(parent, runner, path)
    progress = QProgressDialog("Writing the report…", "Cancel", 0, 0, parent)
    progress.setWindowTitle("Diptych")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)  # quick reports finish before it would show
    progress.canceled.connect(export.cancel)
    export.finished.connect(lambda _path: (progress.reset(), progress.deleteLater()))

    def written(result: str | None) -> None:
        if result is not None:
            _remember(choices, result)
        export._finish(result)

    def failed(exc: Exception) -> None:
        export._finish(None)
        if isinstance(exc, ReportWriteError):
            _write_failed(parent, title, exc)
        elif isinstance(exc, (RuntimeError, ValueError, OSError)):
            QMessageBox.warning(parent, title, f"The report could not be made: {exc}.")
        else:
            raise exc

    export.job = runner.submit(_render_and_write, render, c, choices, path, job=True, on_result=written, on_error=failed)
    return export


def _write_failed(parent, title: str, exc: ReportWriteError) -> None:
    QMessageBox.warning(parent, title, f"The report could not be written to\n{exc.path}\n\n"
                        f"{exc.reason[:1].upper()}{exc.reason[1:]}.")


def export_pdf_dialog(parent, comparison: Comparison | None) -> ExportJob | None:
    """Ask where and how, then write the PDF. Returns the running export, or None."""
    return _export(parent, comparison, "Export PDF", ".pdf", "PDF documents (*.pdf)", _pdf, True)


def export_html_dialog(parent, comparison: Comparison | None) -> ExportJob | None:
    """Ask where and how, then write one self-contained HTML file. Returns the running export, or None."""
    return _export(parent, comparison, "Export HTML", ".html", "Web pages (*.html *.htm)", html_report, False)


def _printer(choices: ReportChoices, comparison: Comparison | None = None) -> QPrinter:
    """A printer laid out for the report. Printed to a PDF file, its title ("A ⟷ B") and
    creator go into the PDF too (QPrinter carries no author or subject)."""
    from desktop.ui.report.render import creator

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(choices.page_size))
    printer.setCreator(creator())
    if comparison is not None:
        left, right = comparison.left, comparison.right
        printer.setDocName(f"{left.title or os.path.basename(left.path)} ⟷ {right.title or os.path.basename(right.path)}")
    return printer


class _Painter:
    """Paints the report for the preview and the printer, rebuilding only when the choices change."""

    def __init__(self, c: Comparison, choices: ReportChoices):
        self.comparison = c
        self.choices = choices
        self._cache: tuple[ReportChoices, str, object] | None = None
        self.pages = 0

    def html(self) -> tuple[str, object]:
        if self._cache is None or self._cache[0] != self.choices:
            report = report_for(self.comparison, self.choices)
            self._cache = (self.choices, qt_html(report), decor_for(report))
        return self._cache[1], self._cache[2]

    def paint(self, printer: QPrinter) -> None:
        html, decor = self.html()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.pages, _ = paint_pages(printer, html, decor)
        finally:
            QGuiApplication.restoreOverrideCursor()


class ReportPreviewDialog(QPrintPreviewDialog):
    """QPrintPreviewDialog that owns its printer and painter (Qt does not own the printer)."""

    def __init__(self, parent, comparison: Comparison):
        self.report_painter = _Painter(comparison, last_choices())
        self.report_printer = _printer(self.report_painter.choices, comparison)
        super().__init__(self.report_printer, parent)
        self.paintRequested.connect(self.report_painter.paint)


def preview_dialog(parent, comparison: Comparison) -> ReportPreviewDialog:
    """The print preview, with the report's own choices on its toolbar (built, not shown)."""
    dialog = ReportPreviewDialog(parent, comparison)
    painter = dialog.report_painter
    dialog.setWindowTitle("Print preview — comparison report")
    preview = dialog.findChild(QPrintPreviewWidget)
    toolbar = dialog.findChild(QToolBar)
    if toolbar is not None and preview is not None:
        changes_only = QCheckBox("Only the changes")
        changes_only.setChecked(painter.choices.changes_only)
        context = QSpinBox()
        context.setRange(0, 20)
        context.setValue(painter.choices.context)
        context.setSuffix(" context")
        context.setToolTip("Sentences of context around each change")
        context.setEnabled(painter.choices.changes_only)

        def changed() -> None:
            context.setEnabled(changes_only.isChecked())
            painter.choices = ReportChoices(changes_only.isChecked(), context.value(), painter.choices.page_size)
            _remember(painter.choices)
            preview.updatePreview()

        changes_only.toggled.connect(changed)
        context.valueChanged.connect(changed)
        toolbar.addSeparator()
        toolbar.addWidget(changes_only)
        toolbar.addWidget(QLabel(" "))
        toolbar.addWidget(context)
        dialog.changes_only_box, dialog.context_box = changes_only, context
    return dialog


def print_preview(parent, comparison: Comparison | None) -> None:
    if comparison is None:
        return
    preview_dialog(parent, comparison).exec()


def print_comparison(parent, comparison: Comparison | None) -> bool:
    """The system's print dialog, then the report on the chosen printer. True when printed."""
    if comparison is None:
        return False
    choices = last_choices()
    printer = _printer(choices, comparison)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print comparison report")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        _Painter(comparison, choices).paint(printer)
    except RuntimeError as exc:
        QMessageBox.warning(parent, "Print", f"The report could not be printed: {exc}.")
        return False
    return True
