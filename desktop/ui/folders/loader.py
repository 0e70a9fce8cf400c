"""Reading folders in the background: every title first, then full articles in batches.

A job of the window's task runner lists the files and peeks a quick title from each, handing the whole list
over in one signal so the article list shows every file at once. It then reads the files
through `load_many` (worker processes on every core, which also slim each article and make
its related-coverage profile), builds the list rows off the GUI thread, and hands results
over in batches of about a tenth of a second, so the GUI thread only slots finished rows in.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from sys import intern

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.library.related import Profile, RelatedIndex, profile
from desktop.ui.articles.model import ListRow, describe, pending_row
from desktop.ui.articles.problems import Problem

# Only a folder this big freezes what the app holds (gc.freeze): frozen objects are never
# collected, so garbage cycles alive at each freeze stay for good. Every small folder load froze
# them, and a window used all day grew by about 1 MB per hundred actions (bench/soak.py).
FREEZE_FROM = 2000
HAND_OVER_S = 0.1  # results gathered this long per signal to the GUI thread
LIST_CHUNK = 500  # placeholder rows per insert while listing (measured: 1,000 stalled ~150 ms, 250 made titles slow)
SWITCH_INTERVAL_S = 0.001
LAID_OUT_MS = 20  # the view lays new rows out on a zero timer and paints on the platform's update timer (5 ms and more)
BACKGROUND_NICE = 10  # the worker processes yield the CPU to the window


def _lower_workers(done: set[int]) -> None:
    """Lower the priority of the worker processes (not of this process: a thread of ours
    holding the GIL must never wait behind others for the CPU), so that on a busy machine
    the window stays responsive while a folder loads."""
    import multiprocessing

    for child in multiprocessing.active_children():
        if child.pid is not None and child.pid not in done:
            done.add(child.pid)
            try:
                os.setpriority(os.PRIO_PROCESS, child.pid, BACKGROUND_NICE)
            except (AttributeError, OSError):
                pass  # not on this platform: loading still works, at normal priority


class Coverage:
    """The related-coverage index of every loaded article; safe to use from any thread."""

    def __init__(self) -> None:
        self._index = RelatedIndex()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._index

    def add(self, profiles: list[Profile]) -> None:
        # One string per word across all profiles (the profiles come from other processes,
        # each with its own copies): a quarter less memory at ten thousand articles.
        profiles = [replace(p, counts={intern(t): c for t, c in p.counts.items()}, names=frozenset(map(intern, p.names))) for p in profiles]
        with self._lock:
            for p in profiles:
                self._index.add(p)

    def add_articles(self, articles) -> None:
        """Runs on a worker: profiles are the slow part."""
        self.add([profile(a) for a in articles if a.id not in self._index])

    def remove(self, ids) -> None:
        with self._lock:
            for i in ids:
                self._index.remove(i)

    def query(self, article_id: str, top: int = 400) -> list[tuple[str, float]]:
        with self._lock:
            return self._index.query(article_id, top)

    def duplicates(self) -> dict[str, str]:
        with self._lock:
            return self._index.duplicates()

    def pair_scores(self, ids: list[str]) -> list[list[float | None]]:
        """Pairwise scores of these articles (None where one is not indexed); for the matrix."""
        with self._lock:
            profiles = [self._index._profiles.get(i) for i in ids]  # noqa: SLF001 - read under the lock
            n = len(ids)
            out: list[list[float | None]] = [[None] * n for _ in range(n)]
            for i in range(n):
                out[i][i] = 1.0 if profiles[i] is not None else None
                for j in range(i + 1, n):
                    if profiles[i] is not None and profiles[j] is not None:
                        out[i][j] = out[j][i] = self._index.score(profiles[i], profiles[j])
            return out


@dataclass
class Batch:
    """Files finished since the last hand-over."""

    done: list[tuple[str, list[ListRow]]] = field(default_factory=list)  # path, rows (none: failed)
    problems: list[Problem] = field(default_factory=list)
    files_done: int = 0  # in this folder load so far
    total: int = 0
    duplicates: dict[str, str] | None = None


class FolderLoader(QObject):
    """One folder load at a time, as one long job of the window's task runner; `open` while
    busy queues the folders after it."""

    listed = Signal(list)  # placeholder rows with quick titles, a chunk at a time
    titles_listed = Signal()  # every file of this load has its placeholder row
    batch_ready = Signal(object)  # Batch
    problem_found = Signal(object)  # Problem
    progress = Signal(int, int)  # files done, files found
    running_changed = Signal(bool)
    finished = Signal(bool)  # True when cancelled

    def __init__(self, coverage: Coverage, tasks, parent: QObject | None = None, workers: int | None = None):
        super().__init__(parent)
        self.coverage = coverage
        self.workers = workers
        self._tasks = tasks
        self._queue: list[list[str]] = []
        self._job: int | None = None
        self._cancel = threading.Event()
        self._ended = threading.Event()  # the running load's function has returned
        self._ended.set()
        self._consumed = threading.Event()  # the GUI thread took the last chunk of titles
        self._freeze = False  # this load is big enough to move what it holds out of the collector's reach

    def is_running(self) -> bool:
        return self._job is not None

    def open(self, folders: list[str]) -> None:
        self._queue.append(list(folders))
        if self._job is None:
            self._start_next()

    def cancel(self) -> None:
        self._queue.clear()
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> None:
        self._ended.wait(timeout)

    def _start_next(self) -> None:
        folders = self._queue.pop(0)
        self._cancel = threading.Event()
        self._ended.clear()
        self._titles = 0
        self.running_changed.emit(True)
        self._job = self._tasks.submit(
            self._run, folders, self._cancel, job=True,
            on_progress=self._on_progress,
            on_result=self._on_finished,
            on_error=lambda exc: self._on_finished(True),
        )

    # --- on the loading thread ---------------------------------------------------------

    def _run(self, folders: list[str], cancel: threading.Event, job) -> bool:
        self._emit = job.progress
        interval = sys.getswitchinterval()
        # The GUI thread's Python calls (model data for the view) wait at most this long for
        # the GIL while this thread works: 1 ms instead of 5 keeps the window smooth.
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL_S))
        try:
            self._load(folders, cancel)
        except Exception as exc:  # never leave the window waiting on a dead load
            job.progress(("batch", Batch(problems=[Problem(folders[0], f"loading stopped ({type(exc).__name__}: {exc})")])))
        finally:
            sys.setswitchinterval(interval)
            self._ended.set()
        return cancel.is_set()

    def _load(self, folders: list[str], cancel: threading.Event) -> None:
        from desktop.core.library.batch import load_many
        from desktop.core.library.folder import article_files
        from desktop.core.ingest.peek import peek_title
        from desktop.core.library.slim import prepare_for_list

        skipped: list[Problem] = []
        paths = list(article_files(folders, on_skip=lambda p, why: skipped.append(Problem(p, why))))
        self._freeze = len(paths) >= FREEZE_FROM
        if self._freeze:
            gc.freeze()  # what the app holds already is long-lived too (see _hand_over)
        if not paths:
            skipped.extend(Problem(f, "no article files in this folder") for f in folders)
        # Titles go over in chunks: the first rows show at once and no one insert is long.
        for start in range(0, len(paths), LIST_CHUNK):
            if cancel.is_set():
                return
            rows = [pending_row(path, peek_title(path)) for path in paths[start : start + LIST_CHUNK]]
            self._consumed.clear()
            self._emit(("listed", (rows, skipped if start == 0 else [], len(paths))))
            # Let the GUI thread insert the rows before peeking on: the view and its proxy
            # call back into Python for every new row, and each call would otherwise wait
            # for this thread to give up the GIL.
            self._consumed.wait(1.0)
        if not paths:
            self._emit(("listed", ([], skipped, 0)))
        reniced: set[int] = set()
        total, done = len(paths), 0
        out, last = Batch(total=total), 0.0  # the first batch goes over at once
        seen_duplicates: dict[str, str] = {}
        for results in load_many(paths, workers=self.workers, cancel=cancel, prepare=prepare_for_list, index=False):
            _lower_workers(reniced)  # the pool's processes as they appear (it may start more)
            profiles = []
            for loaded in results:
                done += 1
                if loaded.error:
                    out.problems.append(Problem(loaded.path, loaded.error))
                    out.done.append((loaded.path, []))
                    continue
                rows = []
                for listed in loaded.articles:  # slim article, word count and profile, made by the worker
                    profiles.append(listed.profile)
                    rows.append(describe(listed.article, listed.words))
                out.done.append((loaded.path, rows))
            self.coverage.add(profiles)
            if time.monotonic() - last >= HAND_OVER_S:
                seen_duplicates = self._hand_over(out, done, seen_duplicates)
                out, last = Batch(total=total), time.monotonic()
        if not cancel.is_set():
            self._hand_over(out, done, seen_duplicates)

    def _hand_over(self, out: Batch, done: int, seen: dict[str, str]) -> dict[str, str]:
        # The loaded articles and profiles of a big folder live as long as the list: move them
        # out of the collector's reach. Otherwise each full collection walks millions of objects
        # while holding the GIL, which froze the window for up to a second at 10,000 articles.
        if self._freeze:
            gc.freeze()
        dups = self.coverage.duplicates()
        out.duplicates = dups if dups != seen else None
        out.files_done = done
        self._emit(("batch", out))
        return dups

    # --- on the GUI thread -------------------------------------------------------------

    def _on_progress(self, message) -> None:
        kind, value = message
        (self._on_listed if kind == "listed" else self._on_batch)(value)

    def _on_listed(self, listing) -> None:
        rows, skipped, total = listing
        self._titles += len(rows)
        for problem in skipped:
            self.problem_found.emit(problem)
        self.listed.emit(rows)
        self.progress.emit(0, total)
        # The loading thread peeks on once the view has laid the rows out too (its delayed
        # layout runs on a zero timer started by the insert, so before this one): the layout
        # calls into Python for every row, and each call waited for the GIL while that thread
        # peeked, which stretched a 40 ms layout past 100 ms.
        QTimer.singleShot(LAID_OUT_MS, self._consumed.set)
        if self._titles >= total:
            self.titles_listed.emit()

    def _on_batch(self, batch: Batch) -> None:
        for problem in batch.problems:
            self.problem_found.emit(problem)
        self.batch_ready.emit(batch)
        if batch.total:
            self.progress.emit(batch.files_done, batch.total)

    def _on_finished(self, cancelled: bool) -> None:
        self._job = None
        self.finished.emit(cancelled)
        if self._queue:
            self._start_next()
        else:
            self.running_changed.emit(False)

