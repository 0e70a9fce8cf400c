"""Unhandled exceptions: a non-blocking dialog with the details and a Copy button, a log, and the app runs on."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.ui import crash
from desktop.ui.articles.problems import ProblemsList
from desktop.ui.workers import TaskRunner

pytestmark = [pytest.mark.gui, pytest.mark.qt_no_exception_capture]


@pytest.fixture
def reporter(qtbot, tmp_path):
    installed = crash.install(None, tmp_path / "data" / "crash.log")
    yield installed
    installed.uninstall()


def _boom(message: str = "the slot failed") -> None:
    raise ValueError(message)


def _dialog_text(reporter) -> str:
    return reporter.dialog.details.toPlainText() if reporter.dialog is not None else ""


def test_exception_in_a_slot_shows_a_dialog_logs_it_and_the_app_runs_on(qtbot, tmp_path, monkeypatch):
    from desktop.ui.main_window import MainWindow

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    reporter = crash.install(window, tmp_path / "data" / "crash.log")
    try:
        QTimer.singleShot(0, lambda: _boom("raised inside a slot"))
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000)
        dialog = reporter.dialog
        assert not dialog.isModal()
        text = dialog.details.toPlainText()
        assert "Traceback (most recent call last)" in text and "ValueError: raised inside a slot" in text
        assert "_boom" in text
        assert "raised inside a slot" in dialog.summary.text()
        log = (tmp_path / "data" / "crash.log").read_text()
        assert "ValueError: raised inside a slot" in log and "Diptych" in log.splitlines()[0]

        # Copy puts the details on the clipboard.
        dialog.copy_button.click()
        assert QGuiApplication.clipboard().text() == text

        # The window is alive and answers: a later timer fires and pasted text is read.
        fired = []
        QTimer.singleShot(0, lambda: fired.append(True))
        qtbot.waitUntil(lambda: fired == [True], timeout=2000)
        QGuiApplication.clipboard().setText("A ferry sailed on Monday. The crossing was calm.")
        with qtbot.wait_signal(window.article_shown, timeout=20_000):
            window.paste_article()
        assert window.isVisible() and window.model.rowCount() == 1
    finally:
        window.tasks.wait(10_000)
        reporter.uninstall()


def test_a_second_error_is_added_to_the_open_dialog(qtbot, reporter):
    QTimer.singleShot(0, lambda: _boom("first"))
    qtbot.waitUntil(lambda: "first" in _dialog_text(reporter), timeout=5000)
    QTimer.singleShot(0, lambda: _boom("second"))
    qtbot.waitUntil(lambda: "second" in _dialog_text(reporter), timeout=5000)
    assert "first" in _dialog_text(reporter)
    assert reporter.dialog.summary.text().startswith("2 errors")
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, crash.CrashDialog) and w.isVisible()]) == 1


def test_exception_in_a_thread_is_shown_on_the_gui_thread(qtbot, reporter):
    worker = threading.Thread(target=_boom, args=("failed off the GUI thread",), name="reader")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "failed off the GUI thread" in _dialog_text(reporter), timeout=5000)
    assert "in thread reader" in _dialog_text(reporter)
    assert reporter.dialog.thread() is QCoreApplication.instance().thread()


def test_worker_error_without_a_handler_reaches_the_dialog(qtbot, reporter):
    tasks = TaskRunner()
    tasks.submit(_boom, "worker failed")
    tasks.wait(5000)
    qtbot.waitUntil(lambda: "worker failed" in _dialog_text(reporter), timeout=5000)


def test_worker_error_with_a_handler_goes_to_the_handler_not_the_dialog(qtbot, reporter):
    tasks = TaskRunner()
    errors = []
    tasks.submit(_boom, "handled", on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ValueError)
    qtbot.wait(50)
    assert reporter.dialog is None


def test_failed_comparison_is_reported_in_the_window(qtbot, tmp_path, monkeypatch, reporter):
    from desktop.ui import comparing
    from desktop.ui.main_window import MainWindow

    def fail(left, right, options):
        raise RuntimeError("alignment exploded")

    monkeypatch.setattr(comparing, "align_pair", fail)
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store)
    qtbot.addWidget(window)
    for name, text in (("a.txt", "The ferry sailed on Monday."), ("b.txt", "The ferry sailed on Tuesday.")):
        (tmp_path / name).write_text(text)
    with qtbot.wait_signal(window.comparison_failed, timeout=30_000) as blocker:
        window.open_files([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    window.tasks.wait(10_000)
    assert "RuntimeError: alignment exploded" in blocker.args[0]
    problems = window.findChild(ProblemsList)
    assert any("alignment exploded" in p.reason for p in problems.problems())
    assert reporter.dialog is None  # handled: reported where it belongs, not as a crash


def test_markup_in_an_error_is_shown_as_text(qtbot, reporter):
    QTimer.singleShot(0, lambda: _boom('<img src="file:///etc/hostname"><b>bold</b>'))
    qtbot.waitUntil(lambda: "<b>bold</b>" in _dialog_text(reporter), timeout=5000)
    assert '<img src="file:///etc/hostname"><b>bold</b>' in reporter.dialog.summary.text()


def test_the_hook_never_raises_when_the_log_cannot_be_written(qtbot, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    installed = crash.install(None, blocker / "crash.log")
    try:
        installed.excepthook(ValueError, ValueError("no log"), None)
        qtbot.waitUntil(lambda: "no log" in _dialog_text(installed), timeout=5000)
    finally:
        installed.uninstall()


def test_log_moves_aside_when_full(tmp_path, monkeypatch):
    monkeypatch.setattr(crash, "MAX_LOG_BYTES", 100)
    log = tmp_path / "crash.log"
    crash.append_log(log, "x" * 200)
    crash.append_log(log, "second report")
    assert (tmp_path / "crash.log.1").read_text().startswith("x" * 200)
    assert log.read_text() == "second report\n\n"


def test_default_log_is_in_the_app_data_folder(qapp):
    QStandardPaths.setTestModeEnabled(True)
    try:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert crash.default_log_path() == Path(folder) / "crash.log"
    finally:
        QStandardPaths.setTestModeEnabled(False)


def test_install_replaces_both_hooks_and_uninstall_restores_them(qapp, tmp_path):
    import sys

    before = (sys.excepthook, threading.excepthook)
    installed = crash.install(None, tmp_path / "crash.log")
    assert sys.excepthook == installed.excepthook and threading.excepthook == installed.thread_excepthook
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
