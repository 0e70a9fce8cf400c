"""Load many files at once on every core, for folders of hundreds or thousands of articles.

Reading and indexing is pure Python, so threads would share one core; worker processes
use them all. Results come back in batches as they finish, so a caller can fill its
list while the rest is still loading, and `cancel` stops the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass

from desktop.core.article import Article
from desktop.core.errors import ReadError
from desktop.core.ingest.load import DEFAULT_MAX_BYTES, load_file

BATCH = 16  # files per task: large enough to amortise the hand-over, small enough to stream


@dataclass(frozen=True, slots=True)
class Loaded:
    path: str
    articles: tuple[Article, ...] = ()  # or what `prepare` made of each
    error: str = ""  # plain-words reason when the file could not be read


def _load_batch(paths: list[str], max_bytes: int, prepare: Callable | None = None, index: bool = True) -> list[Loaded]:
    out = []
    for path in paths:
        try:
            articles = load_file(path, max_bytes, index=index)
        except ReadError as exc:
            out.append(Loaded(path, error=exc.reason))
            continue
        out.append(Loaded(path, tuple(map(prepare, articles)) if prepare is not None else tuple(articles)))
    return out


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
) -> Iterator[list[Loaded]]:
    """Yield lists of results as batches finish (not in input order).

    `prepare` (a module-level function, so it can be sent to the workers) turns each article
    into what the caller keeps, in the worker: the caller then receives only that, which
    saves the hand-over and the caller's own process the work. `index=False` reads the
    articles without sentences and tokens (see `load_file`), for callers that slim them anyway.
    """
    paths = list(paths)
    workers = workers or worker_count()
    if workers == 1 or len(paths) <= BATCH:
        for i in range(0, len(paths), BATCH):
            if cancel is not None and cancel.is_set():
                return
            yield _load_batch(paths[i : i + BATCH], max_bytes, prepare, index)
        return
    # "spawn" keeps the children free of whatever threads (Qt's among them) the parent runs.
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        batches = [paths[i : i + BATCH] for i in range(0, len(paths), BATCH)]
        pending: set[Future] = set()
        queue = iter(batches)
        # Keep a few batches per worker in flight so cancelling stops promptly.
        for batch in queue:
            pending.add(pool.submit(_load_batch, batch, max_bytes, prepare, index))
            if len(pending) >= workers * 3:
                break
        while pending:
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            if cancel is not None and cancel.is_set():
                for f in pending:
                    f.cancel()
                return
            for f in done:
                yield f.result()
                nxt = next(queue, None)
                if nxt is not None:
                    pending.add(pool.submit(_load_batch, nxt, max_bytes, prepare, index))


def load_all(paths: Iterable[str], progress: Callable[[int], None] | None = None, **kw) -> list[Loaded]:
    out: list[Loaded] = []
    for batch in load_many(paths, **kw):
        out.extend(batch)
        if progress is not None:
            progress(len(out))
    return out
