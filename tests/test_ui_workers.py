"""The worker helper: results and errors arrive on the GUI thread; stale results are dropped."""

import threading
import time

import pytest
from PySide6.QtCore import QThread

from desktop.ui.workers import TaskRunner

pytestmark = pytest.mark.gui


def _thread_name(_x=None):
    return threading.current_thread().name


def test_result_arrives_on_gui_thread_and_work_runs_elsewhere(qtbot):
    tasks = TaskRunner()
    got = []
    gui = QThread.currentThread()
    with qtbot.wait_signal(tasks.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        tasks.submit(_thread_name, on_result=lambda name: got.append((name, QThread.currentThread() is gui)))
    assert len(got) == 1
    worker_name, on_gui = got[0]
    assert on_gui
    assert worker_name != threading.main_thread().name


def test_error_is_delivered_not_lost(qtbot):
    tasks = TaskRunner()
    errors = []

    def boom():
        raise ValueError("bad input file")

    with qtbot.wait_signal(tasks.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        tasks.submit(boom, on_result=lambda r: pytest.fail("no result expected"), on_error=errors.append)
    assert [str(e) for e in errors] == ["bad input file"]


def test_newer_request_on_a_channel_drops_the_older_result(qtbot):
    tasks = TaskRunner()
    delivered, dropped = [], []
    tasks.result_dropped.connect(lambda channel, tag: dropped.append((channel, tag)))

    def slow(value):
        time.sleep(0.2)
        return value

    with qtbot.wait_signal(tasks.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        tasks.submit(slow, "old", channel="compare", tag=("a", "b"), on_result=delivered.append)
        tasks.submit(slow, "new", channel="compare", tag=("a", "c"), on_result=delivered.append)
    assert delivered == ["new"]
    assert dropped == [("compare", ("a", "b"))]


def test_forget_drops_whatever_is_running(qtbot):
    tasks = TaskRunner()
    delivered = []
    with qtbot.wait_signal(tasks.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        tasks.submit(lambda: time.sleep(0.1) or 1, channel="extract", tag="x", on_result=delivered.append)
        assert tasks.wanted() == 1
        tasks.forget("extract")
        assert tasks.wanted() == 0
    assert delivered == []


class _Payload:
    """Stands for a job's arguments (in the window: two whole articles)."""


def test_finished_jobs_let_go_of_their_arguments(qtbot):
    # PySide6 6.11 never frees a Python QRunnable whose run() ends before QThreadPool.start()
    # has returned (results being delivered meanwhile make it frequent), so quick jobs kept their arguments alive for good: the window's soak grew
    # by whole articles. Many quick jobs make that race certain to happen at least once.
    import gc
    import weakref

    tasks = TaskRunner()
    alive = weakref.WeakSet()
    done = []
    from PySide6.QtWidgets import QApplication

    for n in range(2000):
        payload = _Payload()
        alive.add(payload)
        tasks.submit(lambda p: None, payload, on_result=done.append)
        del payload
        if n % 10 == 0:
            QApplication.processEvents()  # as the window does between picks: results come in meanwhile
    qtbot.waitUntil(lambda: len(done) == 2000, timeout=20_000)
    tasks.wait(5000)
    gc.collect()
    assert len(alive) == 0
