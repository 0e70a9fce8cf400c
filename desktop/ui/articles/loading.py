"""Getting articles in: files, folders and pasted text are read on workers and handed over in order.

Files are read a few at a time per job, and each job also builds the list rows, so the GUI
thread receives a handful of finished batches instead of one signal and one row build per
file: 500 files load without the window stalling.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.article import Article
from desktop.core.library.folder import SUPPORTED_SUFFIXES, article_files
from desktop.ui.articles.model import ListRow, describe
from desktop.ui.articles.problems import Problem
from desktop.ui.workers import TaskRunner

FILE_DIALOG_FILTER = "Articles (" + " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)) + ");;All files (*)"
FIRST_CHUNK = 2  # the first files show quickly...
CHUNK = 8  # ...the rest come in batches
BATCH_MS = 40  # arrivals are gathered this long so many files make few list inserts


@dataclass
class ChunkResult:
    """What one job read: articles with their rows, and the files that failed, in order."""

    articles: list[Article] = field(default_factory=list)
    rows: list[ListRow] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)  # files that gave articles
    problems: list[Problem] = field(default_factory=list)


def files_in(folder: str) -> tuple[list[str], list[Problem]]:
    """Article files under a folder, and what was skipped and why (runs on a worker)."""
    skipped: list[Problem] = []
    found = list(article_files([folder], on_skip=lambda path, why: skipped.append(Problem(path, why))))
    return found, skipped


def read_chunk(paths: list[str]) -> ChunkResult:
    """Read files on a worker thread; each failure becomes a Problem naming the file.

    The parsing runs in a worker process with a time and memory budget (core/ingest/isolated.py):
    this thread only waits on a pipe, so a hostile file can neither freeze the window (a long
    regular expression holds the interpreter lock) nor hang the read past its budget."""
    from desktop.core.ingest.isolated import read_within_budget

    out = ChunkResult()
    for path in paths:
        try:
            articles = list(read_within_budget(path).articles)
            if not articles:
                raise ValueError("no article text found in the file")
        except Exception as exc:  # one bad file never stops the others
            out.problems.append(describe_error(path, exc))
            continue
        out.articles.extend(articles)
        out.rows.extend(describe(a) for a in articles)
        out.paths.append(path)
    return out


def read_pasted(text: str, name: str) -> ChunkResult:
    from desktop.core.ingest.load import load_text

    article = load_text(text, name)
    return ChunkResult([article], [describe(article)], [])


def describe_error(path: str, exc: Exception) -> Problem:
    from desktop.core.errors import ReadError

    if isinstance(exc, ReadError):
        return Problem(exc.path or path, exc.reason)
    if isinstance(exc, OSError):
        return Problem(path, exc.strerror or str(exc))
    if isinstance(exc, ValueError):
        return Problem(path, str(exc))
    import logging

    logging.getLogger(__name__).warning("reading %s failed", path, exc_info=exc)  # the details, for a bug report
    return Problem(path, "could not be read (an unexpected error; the details are in the log)")


class ArticleLoader(QObject):
    """Reads files on the worker pool and hands the results over in request order."""

    articles_loaded = Signal(list, list, list)  # articles, their ListRows, paths that gave them
    problem_found = Signal(object)  # Problem
    pending_changed = Signal(int)  # files (and folders) still being read

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._pending = 0
        self._order = 0
        self._outstanding: set[int] = set()  # request numbers not yet answered
        self._arrived: list[tuple[int, ChunkResult]] = []
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(BATCH_MS)
        self._flush_timer.timeout.connect(self._flush)

    @property
    def pending(self) -> int:
        return self._pending

    def load(self, paths: list[str]) -> None:
        files = []
        for path in paths:
            if os.path.isdir(path):
                order = self._start(1)
                self._tasks.submit(
                    files_in,
                    path,
                    on_result=lambda listing, p=path, o=order: self._folder_listed(o, p, listing),
                    on_error=lambda exc, p=path, o=order: self._answered(o, 1, ChunkResult(problems=[describe_error(p, exc)])),
                )
            else:
                files.append(path)
        size = FIRST_CHUNK if self._pending == 0 else CHUNK
        while files:
            chunk, files = files[:size], files[size:]
            size = CHUNK
            order = self._start(len(chunk))
            self._tasks.submit(
                read_chunk,
                chunk,
                on_result=lambda result, o=order, n=len(chunk): self._answered(o, n, result),
                on_error=lambda exc, c=chunk, o=order: self._answered(
                    o, len(c), ChunkResult(problems=[describe_error(p, exc) for p in c])
                ),
            )

    def paste(self, text: str, name: str) -> None:
        order = self._start(1)
        self._tasks.submit(
            read_pasted,
            text,
            name,
            on_result=lambda result, o=order: self._answered(o, 1, result),
            on_error=lambda exc, o=order: self._answered(o, 1, ChunkResult(problems=[describe_error(name, exc)])),
        )

    def _start(self, files: int) -> int:
        self._order += 1
        self._outstanding.add(self._order)
        self._pending += files
        self.pending_changed.emit(self._pending)
        return self._order

    def _folder_listed(self, order: int, folder: str, listing: tuple[list[str], list[Problem]]) -> None:
        found, skipped = listing
        if not found:
            skipped.append(Problem(folder, "no article files in this folder"))
        self.load(found)  # before answering, so the files' requests are outstanding already
        self._answered(order, 1, ChunkResult(problems=skipped))

    def _answered(self, order: int, files: int, result: ChunkResult) -> None:
        self._outstanding.discard(order)
        self._arrived.append((order, result))
        self._pending -= files
        self.pending_changed.emit(self._pending)
        if self._pending == 0:
            self._flush()
        elif not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        self._flush_timer.stop()
        # Hand over in request order: hold back what arrived ahead of an earlier request.
        first_waiting = min(self._outstanding, default=None)
        ready = sorted((item for item in self._arrived if first_waiting is None or item[0] < first_waiting), key=lambda i: i[0])
        self._arrived = [item for item in self._arrived if first_waiting is not None and item[0] > first_waiting]
        if self._arrived and not self._flush_timer.isActive():
            self._flush_timer.start()
        articles, rows, paths = [], [], []
        for _, result in ready:
            for problem in result.problems:
                self.problem_found.emit(problem)
            articles.extend(result.articles)
            rows.extend(result.rows)
            paths.extend(result.paths)
        if articles:
            self.articles_loaded.emit(articles, rows, paths)
