"""Getting articles in: files, folders and pasted text are read on workers and batched into the list."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.article import Article
from desktop.core.folder import SUPPORTED_SUFFIXES, article_files
from desktop.ui.articles.problems import Problem
from desktop.ui.workers import Tasks

FILE_DIALOG_FILTER = "Articles (" + " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)) + ");;All files (*)"
BATCH_MS = 40  # arrivals are gathered for this long so 500 files make a few inserts, not 500


def files_in(folder: str) -> tuple[list[str], list[Problem]]:
    """Article files under a folder, and what was skipped and why (runs on a worker)."""
    skipped: list[Problem] = []
    found = list(article_files([folder], on_skip=lambda path, why: skipped.append(Problem(path, why))))
    return found, skipped


def read_articles(path: str) -> list[Article]:
    """Read one file on a worker; an empty result is a problem too."""
    from desktop.core.errors import ReadError
    from desktop.core.load import load_file

    articles = load_file(path)
    if not articles:
        raise ReadError(path, "no article text found in the file")
    return articles


def read_pasted(text: str, name: str) -> list[Article]:
    from desktop.core.load import load_text

    return [load_text(text, name)]


def describe_error(path: str, exc: Exception) -> Problem:
    from desktop.core.errors import ReadError

    if isinstance(exc, ReadError):
        return Problem(exc.path or path, exc.reason)
    if isinstance(exc, OSError):
        return Problem(path, exc.strerror or str(exc))
    return Problem(path, f"could not be read ({type(exc).__name__}: {exc})")


class ArticleLoader(QObject):
    """Reads files on the worker pool and hands the results over in batches."""

    articles_loaded = Signal(list, list)  # list[Article] (new, in request order), list[str] paths
    problem_found = Signal(object)  # Problem
    pending_changed = Signal(int)  # files still being read

    def __init__(self, tasks: Tasks, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._pending = 0
        self._batch: list[tuple[int, list[Article], str]] = []
        self._order = 0
        self._outstanding: set[int] = set()  # request numbers not yet answered
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(BATCH_MS)
        self._flush_timer.timeout.connect(self._flush)

    @property
    def pending(self) -> int:
        return self._pending

    def load(self, paths: list[str]) -> None:
        for path in paths:
            self._start()
            order = self._next_order()
            if os.path.isdir(path):
                self._tasks.submit(
                    files_in,
                    path,
                    on_result=lambda found, p=path, o=order: self._folder_listed(o, p, found),
                    on_error=lambda exc, p=path, o=order: self._failed(o, p, exc),
                )
            else:
                self._tasks.submit(
                    read_articles,
                    path,
                    on_result=lambda arts, p=path, o=order: self._arrived(o, arts, p),
                    on_error=lambda exc, p=path, o=order: self._failed(o, p, exc),
                )

    def paste(self, text: str, name: str) -> None:
        self._start()
        order = self._next_order()
        self._tasks.submit(
            read_pasted,
            text,
            name,
            on_result=lambda arts, o=order: self._arrived(o, arts, ""),
            on_error=lambda exc, o=order: self._failed(o, name, exc),
        )

    def _next_order(self) -> int:
        self._order += 1
        self._outstanding.add(self._order)
        return self._order

    def _start(self) -> None:
        self._pending += 1
        self.pending_changed.emit(self._pending)

    def _done(self) -> None:
        self._pending -= 1
        self.pending_changed.emit(self._pending)

    def _folder_listed(self, order: int, folder: str, listing: tuple[list[str], list[Problem]]) -> None:
        found, skipped = listing
        for problem in skipped:
            self.problem_found.emit(problem)
        if not found:
            self.problem_found.emit(Problem(folder, "no article files in this folder"))
        self.load(found)
        self._outstanding.discard(order)
        self._done()

    def _arrived(self, order: int, articles: list[Article], path: str) -> None:
        self._batch.append((order, articles, path))
        self._outstanding.discard(order)
        self._done()
        if self._pending == 0:
            self._flush()
        elif not self._flush_timer.isActive():
            self._flush_timer.start()

    def _failed(self, order: int, path: str, exc: Exception) -> None:
        self.problem_found.emit(describe_error(path, exc))
        self._outstanding.discard(order)
        self._done()
        if self._pending == 0:
            self._flush()

    def _flush(self) -> None:
        self._flush_timer.stop()
        if not self._batch:
            return
        # Hand over in request order: hold back what arrived ahead of an earlier file.
        first_waiting = min(self._outstanding, default=None)
        batch = sorted(self._batch, key=lambda item: item[0])
        if first_waiting is not None:
            self._batch = [item for item in batch if item[0] > first_waiting]
            batch = [item for item in batch if item[0] < first_waiting]
            if self._batch and not self._flush_timer.isActive():
                self._flush_timer.start()
        else:
            self._batch = []
        if not batch:
            return
        articles = [a for _, arts, _ in batch for a in arts]
        paths = [p for _, _, p in batch if p]
        self.articles_loaded.emit(articles, paths)

