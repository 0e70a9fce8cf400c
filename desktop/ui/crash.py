"""Unhandled exceptions: logged to crash.log, shown in a dialog with a Copy button, and the app runs on."""

from __future__ import annotations

import datetime
import os
import platform
import sys
import threading
import traceback
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

LOG_NAME = "crash.log"
RUNNING_NAME = "running"  # in the data folder while a window is open; left behind by a crash
MAX_LOG_BYTES = 1024 * 1024  # then the log moves to crash.log.1 and a new one starts
MAX_SHOWN = 20  # reports kept in one open dialog; a loop of errors must not grow it without end

_reporter: CrashReporter | None = None
_native_log = None  # the crash log, open for the life of the process (faulthandler writes there)


def default_log_path() -> Path:
    """crash.log in the user's data folder (QStandardPaths.AppDataLocation)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder or Path.home() / ".diptych") / LOG_NAME


def format_report(exc_type, exc, tb, where: str = "") -> str:
    """The text a user can paste into a bug report: when, what version, and the traceback."""
    import desktop

    from PySide6 import __version__ as pyside_version

    stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    head = (
        f"{stamp}  Diptych {desktop.__version__}, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.platform()}"
    )
    if where:
        head += f"\nin {where}"
    body = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"{head}\n{body}"


def append_log(path: Path, text: str) -> None:
    """Append one report, moving a full log aside first. Never raises: this runs inside a crash."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
        with open(path, "a", encoding="utf-8", errors="replace") as stream:
            stream.write(text.rstrip("\n") + "\n\n")
    except Exception:  # a full disk or a read-only home must not turn one error into two
        pass


class CrashDialog(QDialog):
    """Non-modal: the window behind stays usable. The details are plain text, never markup."""

    def __init__(self, log_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Diptych ran into a problem")
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        # A fixed floor: the layout then never changes the native window's limits once shown
        # (which some platforms, offscreen included, warn about).
        self.setMinimumSize(480, 320)
        self.resize(640, 420)
        self._count = 0
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        note = QLabel(f"Diptych keeps running; you may want to save your work. The details were written to {log_path}.", self)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setAccessibleName("Error details")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton("&Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(note)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def add(self, summary: str, text: str) -> None:
        self._count += 1
        if self._count > MAX_SHOWN:
            self.summary.setText(f"{self._count} errors so far; the latest: {summary}")
            return
        self.summary.setText(summary if self._count == 1 else f"{self._count} errors; the latest: {summary}")
        if self.details.toPlainText():
            self.details.appendPlainText("\n" + "-" * 60 + "\n")
        self.details.appendPlainText(text)

    def reset(self) -> None:
        self._count = 0
        self.details.clear()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class CrashReporter(QObject):
    """Receives unhandled exceptions from any thread; shows them on the GUI thread."""

    reported = Signal(str, str)  # summary, full text (queued to the GUI thread from workers)

    def __init__(self, window: QWidget | None = None, log_path: str | os.PathLike | None = None):
        super().__init__(None)
        self.window = window
        self.log_path = Path(log_path) if log_path is not None else default_log_path()
        self.dialog: CrashDialog | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._handle(exc_type, exc, tb, "")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "a background thread"
        self._handle(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    def _handle(self, exc_type, exc, tb, where: str) -> None:
        try:
            text = format_report(exc_type, exc, tb, where)
            append_log(self.log_path, text)
            if sys.stderr is not None:  # None in a windowed app without a console
                try:
                    sys.stderr.write(text)
                except Exception:
                    pass
            summary = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
            self.reported.emit(summary[:300], text)  # queued: widgets are made on the GUI thread only
        except Exception:
            try:
                sys.__excepthook__(exc_type, exc, tb)
            except Exception:
                pass

    @Slot(str, str)
    def _show(self, summary: str, text: str) -> None:
        try:
            if QApplication.instance() is None:
                return
            if self.dialog is None or not shiboken6.isValid(self.dialog):
                parent = self.window if self.window is not None and shiboken6.isValid(self.window) else None
                self.dialog = CrashDialog(self.log_path, parent)
            if not self.dialog.isVisible():
                self.dialog.reset()
            self.dialog.add(summary, text)
            self.dialog.show()
            if QGuiApplication.platformName() != "offscreen":  # which cannot raise windows, and says so
                self.dialog.raise_()
        except Exception:
            pass  # showing the error failed; it is in the log and on stderr

    def uninstall(self) -> None:
        global _reporter
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous[1]
        if _reporter is self:
            _reporter = None
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def install(window: QWidget | None = None, log_path: str | os.PathLike | None = None) -> CrashReporter:
    """Route unhandled exceptions (GUI thread and other threads) to the log and a dialog."""
    global _reporter
    if _reporter is not None:
        _reporter.uninstall()
    _reporter = CrashReporter(window, log_path)
    sys.excepthook = _reporter.excepthook
    threading.excepthook = _reporter.thread_excepthook
    return _reporter


def install_native(log_path: str | os.PathLike | None = None) -> Path:
    """A segfault, abort or SIGTERM writes every thread's Python stack to the crash log.

    faulthandler writes from the signal handler itself, so the file stays open for the life of
    the process. SIGKILL cannot be caught: the running marker (`mark_running`) tells the next
    start that the run ended that way."""
    import faulthandler
    import signal

    global _native_log
    path = Path(log_path) if log_path is not None else default_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = open(path, "a", encoding="utf-8")  # noqa: SIM115 (kept open on purpose)
        stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        stream.write(f"{stamp}  pid {os.getpid()} started; a native crash below this line is its stack\n")
        stream.flush()
    except OSError:
        return path  # no log to write to: crashes still end the process, just without a trace
    _native_log = stream
    faulthandler.enable(file=stream, all_threads=True)
    if hasattr(signal, "SIGTERM") and hasattr(faulthandler, "register"):
        faulthandler.register(signal.SIGTERM, file=stream, all_threads=True, chain=True)
    return path


def mark_running(folder: str | os.PathLike) -> str | None:
    """Note that a window is open; returns what the last run left if it never closed cleanly."""
    marker = Path(folder) / RUNNING_NAME
    left = None
    try:
        if marker.is_file():
            left = marker.read_text(encoding="utf-8", errors="replace")[:200].strip() or "an earlier run"
        marker.parent.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        marker.write_text(f"pid {os.getpid()} started {stamp}", encoding="utf-8")
    except OSError:
        pass
    return left


def mark_closed(folder: str | os.PathLike) -> None:
    try:
        (Path(folder) / RUNNING_NAME).unlink(missing_ok=True)
    except OSError:
        pass
