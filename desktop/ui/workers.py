"""Run core functions on a QThreadPool; results and errors come back on the GUI thread.

A `QRunnable` is not a `QObject` in PySide6, so each job carries a small signal holder.
The holder's signals are connected to `Tasks._deliver`, a slot of an object living on the
GUI thread, so Qt queues the call there. Requests on a named *channel* are tagged: a newer
request on the channel makes older results stale, and stale results are dropped unseen.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Outcome(QObject):
    """Signal holder for one job (emitted from the worker thread)."""

    finished = Signal(int, object, bool)  # job id, result or exception, ok


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[..., Any], args: tuple, outcome: _Outcome):
        super().__init__()
        self.setAutoDelete(True)
        self._job_id, self._fn, self._args, self._outcome = job_id, fn, args, outcome

    def run(self) -> None:  # Qt override, on a pool thread
        try:
            result = self._fn(*self._args)
        except Exception as exc:  # delivered to the caller's error callback, never lost
            self._emit(exc, False)
        else:
            self._emit(result, True)

    def _emit(self, value: Any, ok: bool) -> None:
        try:
            self._outcome.finished.emit(self._job_id, value, ok)
        except RuntimeError:  # the application is shutting down: nobody is waiting any more
            pass


@dataclass
class _Pending:
    outcome: _Outcome
    on_result: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    channel: str | None
    tag: Any


class Tasks(QObject):
    """The window's one way to run slow work off the GUI thread."""

    busy_changed = Signal(bool)  # True while any job is running or queued
    result_dropped = Signal(str, object)  # channel, tag: a stale result arrived and was ignored

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._pool = pool or QThreadPool(self)
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
        channel: str | None = None,
        tag: Any = None,
    ) -> int:
        """Run fn(*args) on the pool. With a channel, only the latest tag's result is delivered."""
        job_id = next(self._ids)
        outcome = _Outcome()
        outcome.finished.connect(self._deliver)
        self._pending[job_id] = _Pending(outcome, on_result, on_error, channel, tag)
        if channel is not None:
            self._latest[channel] = tag
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(job_id, fn, args, outcome))
        return job_id

    def forget(self, channel: str) -> None:
        """Whatever is still running on `channel` is no longer wanted."""
        self._latest[channel] = _NOTHING

    def is_current(self, channel: str, tag: Any) -> bool:
        return self._latest.get(channel, _NOTHING) == tag

    def wanted(self) -> int:
        """Jobs still running whose result someone is waiting for."""
        return sum(1 for p in self._pending.values() if p.channel is None or self.is_current(p.channel, p.tag))

    def pending(self, channel: str | None = None) -> int:
        return sum(1 for p in self._pending.values() if channel is None or p.channel == channel)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (tests, shutdown). Results still arrive via the event loop."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object, bool)
    def _deliver(self, job_id: int, value: Any, ok: bool) -> None:
        pending = self._pending.pop(job_id, None)
        if pending is None:
            return
        pending.outcome.deleteLater()
        if not self._pending:
            self.busy_changed.emit(False)
        if pending.channel is not None and not self.is_current(pending.channel, pending.tag):
            self.result_dropped.emit(pending.channel, pending.tag)
            return
        callback = pending.on_result if ok else pending.on_error
        if callback is not None:
            callback(value)
        elif not ok:
            raise value


_NOTHING = object()
