"""Load many files at once on every core, for folders of hundreds or thousands of articles.

Reading and indexing is pure Python, so threads would share one core; worker processes
use them all. They are the budgeted readers of `isolated.py`: each file gets the same time
and memory budget as a single read, and one that overruns it is refused with the reason
while the rest go on. Results come back in batches as they finish, so a caller can fill its
list while the rest is still loading, and `cancel` stops the rest.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from desktop.core.article import Article
from desktop.core.ingest.isolated import DEFAULT_SECONDS, read_each_within_budget
from desktop.core.ingest.load import DEFAULT_MAX_BYTES

BATCH = 16  # files per request: large enough to amortise the hand-over, small enough to stream


@dataclass(frozen=True, slots=True)
class Loaded:
    path: str
    articles: tuple[Article, ...] = ()  # or what `prepare` made of each
    error: str = ""  # plain-words reason when the file could not be read


def worker_count() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def load_many(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    cancel: threading.Event | None = None,
    prepare: Callable | None = None,
    index: bool = True,
    seconds: float = DEFAULT_SECONDS,
) -> Iterator[list[Loaded]]:
    """Yield lists of results as batches finish (not in input order).

    `prepare` (a module-level function, so it can be sent to the workers) turns each article
    into what the caller keeps, in the worker: the caller then receives only that, which
    saves the hand-over and the caller's own process the work. `index=False` reads the
    articles without sentences and tokens (see `load_file`), for callers that slim them anyway.
    Each file has `seconds` of CPU time (see `isolated.read_each_within_budget`).
    """
    paths = list(paths)
    batches = [paths[i : i + BATCH] for i in range(0, len(paths), BATCH)]
    if not batches:
        return
    stop = threading.Event()  # set by `cancel`, or when the caller stops reading the results
    done: queue.Queue = queue.Queue()
    lock = threading.Lock()
    todo = iter(batches)

    def drive() -> None:
        """One worker process's driver: takes the next batch until none is left. It only
        waits on a pipe, so it never keeps the caller's other threads from the GIL for long."""
        try:
            while not stop.is_set():
                with lock:
                    batch = next(todo, None)
                if batch is None:
                    break
                done.put([Loaded(path, articles, reason) for path, articles, reason in read_each_within_budget(
                    batch, seconds=seconds, max_bytes=max_bytes, index=index, prepare=prepare, cancel=stop)])
        except BaseException as exc:  # handed to the caller, never lost in a thread
            done.put(exc)
        finally:
            done.put(None)

    drivers = [threading.Thread(target=drive, name="diptych-batch", daemon=True)
               for _ in range(min(workers or worker_count(), len(batches)))]
    for thread in drivers:
        thread.start()
    running = len(drivers)
    try:
        while running:
            if cancel is not None and cancel.is_set():
                return
            try:
                item = done.get(timeout=0.2)
            except queue.Empty:
                continue
            if item is None:
                running -= 1
            elif isinstance(item, BaseException):
                raise item
            elif not (cancel is not None and cancel.is_set()):
                yield item
    finally:
        stop.set()
        for thread in drivers:
            thread.join()


def load_all(paths: Iterable[str], progress: Callable[[int], None] | None = None, **kw) -> list[Loaded]:
    out: list[Loaded] = []
    for batch in load_many(paths, **kw):
        out.extend(batch)
        if progress is not None:
            progress(len(out))
    return out
