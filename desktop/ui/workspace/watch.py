"""Watching loaded files: a changed file is re-read on a worker, a vanished one is marked missing."""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QModelIndex, QObject, QTimer, Signal

from desktop.ui.articles.model import ArticleListModel, describe
from desktop.ui.session import Session
from desktop.ui.workers import TaskRunner

SETTLE_MS = 300  # editors write in several steps: wait until the file is quiet
ADD_CHUNK = 250  # paths handed to the watcher per event-loop turn (10,000 files never stall)


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def reload_file(path: str):
    """Runs on a worker: the file's articles and their list rows."""
    from desktop.core.ingest.load import load_file

    articles = load_file(path)
    return articles, [describe(a) for a in articles]


class FileWatcher(QObject):
    reloaded = Signal(str)  # path re-read and its rows replaced
    missing = Signal(str)  # path gone from disk
    problem_found = Signal(object)  # a Problem for the Problems panel

    def __init__(self, session: Session, tasks: TaskRunner, model: ArticleListModel, coverage=None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.model = model
        self.coverage = coverage
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self._changed: set[str] = set()
        self._to_add: list[str] = []
        # (mtime, size) when watched: reading a file (our own loading) changes its access
        # time, which the system reports as a change too; only new content is re-read.
        self._stamps: dict[str, tuple[int, int]] = {}
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS, timeout=self._flush)
        self._adder = QTimer(self, singleShot=True, interval=0, timeout=self._add_some)
        self.model.rowsInserted.connect(self._rows_inserted)

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._to_add.extend(p for p in self.model.paths_between(first, last) if p and os.path.isabs(p))
        if not self._adder.isActive():
            self._adder.start()

    def _add_some(self) -> None:
        chunk, self._to_add = self._to_add[:ADD_CHUNK], self._to_add[ADD_CHUNK:]
        fresh = []
        for path in dict.fromkeys(chunk):
            stamp = _stamp(path)
            if path not in self._stamps and stamp is not None:
                self._stamps[path] = stamp
                fresh.append(path)
        if fresh:
            self.watcher.addPaths(fresh)  # paths the system cannot watch are simply not watched
        if self._to_add:
            self._adder.start()

    def watched(self) -> list[str]:
        return self.watcher.files()

    def _file_changed(self, path: str) -> None:
        self._changed.add(path)
        self._settle.start()

    def _flush(self) -> None:
        changed, self._changed = self._changed, set()
        by_path: dict[str, list[str]] = {}
        for article in self.model.articles():
            if article.path in changed:
                by_path.setdefault(article.path, []).append(article.id)
        watched: set[str] | None = None  # asked for only when a file really changed
        for path in sorted(changed):
            ids = by_path.get(path)
            if not ids:
                continue
            stamp = _stamp(path)
            if stamp is None:
                for i in ids:
                    self.model.set_missing(i, True)
                self.missing.emit(path)
                continue
            if stamp == self._stamps.get(path) and not any(self.model.is_missing(i) for i in ids):
                continue  # only read (its access time moved), or touched without a change
            self._stamps[path] = stamp
            if watched is None:
                watched = set(self.watcher.files())
            if path not in watched:
                self.watcher.addPath(path)  # saved by renaming a new file over it
            self.tasks.submit(
                reload_file, path,
                on_result=lambda result, p=path: self._reloaded(p, *result),
                on_error=lambda exc, p=path: self._failed(p, exc),
            )

    def _ids_for(self, path: str) -> list[str]:
        return [a.id for a in self.model.articles() if a.path == path]

    def _reloaded(self, path: str, articles, rows) -> None:
        old = self._ids_for(path)
        if not old:
            return
        if self.coverage is not None:
            self.coverage.remove(old)
        self.model.remove_articles(set(old[1:]))
        self.model.replace_article(old[0], rows)
        if self.coverage is not None:
            self.tasks.submit(self.coverage.add_articles, articles)
        fresh = self.model.article(articles[0].id) if articles else None
        if fresh is not None:
            self.session.replace_article(old[0], fresh)  # a shown article shows its fresh text
        self.reloaded.emit(path)

    def _failed(self, path: str, exc: Exception) -> None:
        from desktop.ui.articles.loading import describe_error

        problem = describe_error(path, exc)
        self.problem_found.emit(problem.__class__(problem.path, f"changed on disk and could not be re-read: {problem.reason}"))
