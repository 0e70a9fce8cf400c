"""The window's one way to run work off the GUI thread: submit, progress, cancel, stale results dropped.

Jobs run on a QThreadPool. Results, errors and progress come back through one relay object
made on the GUI thread when the runner is made: its signals are emitted from pool threads
and Qt queues them to the GUI thread. No QObject is made or deleted per job, so nothing is
created on one thread and destroyed on another.

A job that takes a `job` keyword (`submit(..., job=True)`) receives its `Job`: it can report
progress (`job.progress(value)`, delivered to `on_progress` on the GUI thread) and should stop
early once `job.cancelled` is set. Requests on a named *channel* are tagged: a newer request
on the channel makes older ones stale; stale results are dropped unseen.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, QThreadPool, Signal, Slot

_NOTHING = object()


class _Relay(QObject):
    """Signals emitted on pool threads, received on the thread the runner lives on."""

    finished = Signal(int, object, bool)  # job id, result or exception, ok
    progressed = Signal(int, object)  # job id, progress value


@dataclass
class Job:
    """What a running function may know of itself."""

    id: int
    _relay: _Relay = field(repr=False)
    cancelled: threading.Event = field(default_factory=threading.Event)

    def progress(self, value: Any) -> None:
        if not self.cancelled.is_set():
            try:
                self._relay.progressed.emit(self.id, value)
            except RuntimeError:  # the application is shutting down: nobody is waiting any more
                pass


def _run(job: Job, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    """One job, on a pool thread. Handed to the pool as a plain callable, not a QRunnable
    subclass: with PySide6 6.11 a Python QRunnable whose run() ends before `start()` has
    returned is never freed, and it kept its arguments (whole articles) alive for good
    (scripts/pyside_runnable_leak.py shows it; tests/test_workers.py guards it)."""
    if job.cancelled.is_set():
        value, ok = None, True  # never started: nobody wants it
    else:
        try:
            value, ok = fn(*args, **kwargs), True
        except Exception as exc:  # delivered to the caller's error callback, never lost
            value, ok = exc, False
    try:
        job._relay.finished.emit(job.id, value, ok)
    except RuntimeError:
        pass


@dataclass
class _Pending:
    job: Job
    on_result: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    on_progress: Callable[[Any], None] | None
    channel: str | None
    tag: Any


class TaskRunner(QObject):
    """Runs core functions on the pool; callbacks run on the GUI thread."""

    busy_changed = Signal(bool)  # True while any job is running or queued
    result_dropped = Signal(str, object)  # channel, tag: a stale result arrived and was ignored

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool(self)
            # A folder load is one long job: comparing and extracting must never queue behind it.
            pool.setMaxThreadCount(max(4, QThread.idealThreadCount()))
        self._pool = pool
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._relay.progressed.connect(self._progress)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, Any] = {}

    @property
    def pool(self) -> QThreadPool:
        return self._pool

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        channel: str | None = None,
        tag: Any = None,
        job: bool = False,
    ) -> int:
        """Run fn(*args) on the pool (with `job=True`, fn(*args, job=Job)). Returns the job id.

        With a channel, only the latest tag's result is delivered."""
        handle = Job(next(self._ids), self._relay)
        self._pending[handle.id] = _Pending(handle, on_result, on_error, on_progress, channel, tag)
        if channel is not None:
            self._latest[channel] = tag
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._pool.start(functools.partial(_run, handle, fn, args, {"job": handle} if job else {}))
        return handle.id

    def cancel(self, job_id: int) -> None:
        """Stop wanting one job: it is told to stop, and whatever it returns is dropped."""
        pending = self._pending.get(job_id)
        if pending is not None:
            pending.job.cancelled.set()

    def forget(self, channel: str) -> None:
        """Whatever is still running on `channel` is no longer wanted (and is told to stop)."""
        self._latest[channel] = _NOTHING
        for pending in self._pending.values():
            if pending.channel == channel:
                pending.job.cancelled.set()

    def cancel_all(self) -> None:
        for channel in list(self._latest):
            self._latest[channel] = _NOTHING
        for pending in self._pending.values():
            pending.job.cancelled.set()

    def is_current(self, channel: str, tag: Any) -> bool:
        return self._latest.get(channel, _NOTHING) == tag

    def _is_wanted(self, pending: _Pending) -> bool:
        if pending.job.cancelled.is_set():
            return False
        return pending.channel is None or self.is_current(pending.channel, pending.tag)

    def wanted(self) -> int:
        """Jobs still running whose result someone is waiting for."""
        return sum(1 for p in self._pending.values() if self._is_wanted(p))

    def pending(self, channel: str | None = None) -> int:
        return sum(1 for p in self._pending.values() if channel is None or p.channel == channel)

    def running(self, job_id: int) -> bool:
        return job_id in self._pending

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (tests, shutdown). Results still arrive via the event loop."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object)
    def _progress(self, job_id: int, value: Any) -> None:
        pending = self._pending.get(job_id)
        if pending is not None and pending.on_progress is not None and self._is_wanted(pending):
            pending.on_progress(value)

    @Slot(int, object, bool)
    def _deliver(self, job_id: int, value: Any, ok: bool) -> None:
        pending = self._pending.pop(job_id, None)
        if pending is None:
            return
        if not self._pending:
            self.busy_changed.emit(False)
        if not self._is_wanted(pending):
            if pending.channel is not None:
                self.result_dropped.emit(pending.channel, pending.tag)
            return
        callback = pending.on_result if ok else pending.on_error
        if callback is not None:
            callback(value)
        elif not ok:
            raise value
