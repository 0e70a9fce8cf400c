"""A PySide6 leak outside Diptych: a Python QRunnable subclass started on a QThreadPool is
sometimes never freed, and keeps whatever it holds alive for good.

    .venv/bin/python scripts/pyside_runnable_leak.py

It starts 2,000 quick runnables, each holding a payload, letting queued events run now and then
as a window does, and counts the payloads still alive once the pool is idle. With PySide6
6.11.3 hundreds stay alive; the same jobs handed to the pool as plain callables
(`QThreadPool.start(callable)`) all go. Diptych's task runner uses callables for that reason
(desktop/ui/workers.py; tests/test_ui_workers.py keeps it so).
"""

from __future__ import annotations

import functools
import gc
import weakref

import PySide6
from PySide6.QtCore import QCoreApplication, QRunnable, QThreadPool


class Payload:
    pass


class Job(QRunnable):
    def __init__(self, payload: Payload):
        super().__init__()
        self.setAutoDelete(True)
        self.payload = payload

    def run(self) -> None:
        pass


def work(payload: Payload) -> None:
    pass


def alive_after(start, app: QCoreApplication, pool: QThreadPool, count: int = 2000) -> int:
    alive: weakref.WeakSet = weakref.WeakSet()
    for n in range(count):
        payload = Payload()
        alive.add(payload)
        start(payload)
        del payload
        if n % 10 == 0:
            app.processEvents()
    pool.waitForDone()
    app.processEvents()
    gc.collect()
    return len(alive)


def main() -> None:
    app = QCoreApplication([])
    pool = QThreadPool()
    subclass = alive_after(lambda p: pool.start(Job(p)), app, pool)
    callable_ = alive_after(lambda p: pool.start(functools.partial(work, p)), app, pool)
    print(f"PySide6 {PySide6.__version__}: payloads alive after 2,000 jobs")
    print(f"  QRunnable subclass:  {subclass}")
    print(f"  plain callable:      {callable_}")


if __name__ == "__main__":
    main()
