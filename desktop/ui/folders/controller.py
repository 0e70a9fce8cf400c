"""Folder loading and related coverage: actions, the list's Related column and filter, best match."""

from __future__ import annotations

import os

from PySide6.QtCore import QModelIndex, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.core.article import Article
from desktop.ui.actions import ActionRegistry
from desktop.ui.articles.model import RELATED_FLOOR, RELATED_MIN, RELATED_TOP, ArticleListModel, Role
from desktop.ui.folders.glyphs import glyph
from desktop.ui.folders.loader import Batch, Coverage, FolderLoader
from desktop.ui.folders.progress import LoadProgress
from desktop.ui.session import Session
from desktop.ui.workers import TaskRunner

CANDIDATES = 400  # scores shown in the Related column (the rest share no distinctive word)
REQUERY_MS = 400  # while articles keep arriving, the Related column is refreshed this often


def add_articles(coverage: Coverage, articles: list[Article]) -> None:
    """Runs on a worker."""
    coverage.add_articles(articles)


def query(coverage: Coverage, article_id: str, top: int) -> list[tuple[str, float]]:
    """Runs on a worker."""
    return coverage.query(article_id, top)


MANY_FILES = 20  # more files than this at once load through the folder loader


class FolderController(QObject):
    """Folders and related coverage. Gets the session, the task runner, the action registry and
    the list it filters; what it shows goes out by signals and widgets the window places."""

    problem_found = Signal(object)  # a Problem for the Problems panel
    message = Signal(str, int)  # a status-bar message and how long it stays (ms)
    listing = Signal(bool)  # titles are going into the list: heavy work may wait (the entity warm-up)

    def __init__(self, session: Session, tasks: TaskRunner, actions: ActionRegistry, model: ArticleListModel,
                 articles_loaded, proxy, store: QSettings, parent: QWidget, workers: int | None = None):
        super().__init__(parent)  # also the parent of the folder dialog
        self.session = session
        self.tasks = tasks
        self.actions = actions
        self.model = model
        self.proxy = proxy  # the list's filter: "Only related to this" narrows it
        self.store = store
        self.coverage = Coverage()
        self.loader = FolderLoader(self.coverage, tasks, self, workers=workers)
        self.progress = LoadProgress()  # the window puts it in its status bar
        self._anchor: str | None = None
        self._requery = QTimer(self)
        self._requery.setSingleShot(True)
        self._requery.setInterval(REQUERY_MS)
        self._requery.timeout.connect(self.refresh_related)

        act = actions.add
        self.open_folder_action = act("open_folder", "Open &folder…", self.open_folder_dialog, "Ctrl+Shift+O", None, "Open every article in a folder and its subfolders")
        self.best_match_action = act("best_match", "Compare with &best match", self.compare_best_match, "Ctrl+B", None, "Compare the chosen article with the article most likely to cover the same story")
        self.related_only_action = act("related_only", "Only &related to this", self._related_only_toggled, "Ctrl+Shift+L", None, f"List only the chosen article, its {RELATED_TOP} best matches and any scoring {RELATED_MIN} or more", True)
        for action, name in ((self.open_folder_action, "open_folder"), (self.best_match_action, "best_match"), (self.related_only_action, "related_only")):
            action.setIcon(glyph(name))

        loader = self.loader
        loader.listed.connect(self.model.add_pending)
        loader.batch_ready.connect(self._batch_ready)
        loader.problem_found.connect(self.problem_found)
        loader.progress.connect(self.progress.set_progress)
        loader.finished.connect(self._finished)
        # The entity warm-up waits while titles go in (the view's busiest time), not while
        # the workers read: it is done long before the load ends and the reader picks a pair.
        loader.running_changed.connect(self.listing)
        loader.titles_listed.connect(lambda: self.listing.emit(False))
        self.progress.cancel_requested.connect(self.cancel)
        articles_loaded.connect(self._articles_loaded)
        session.changed.connect(self._session_changed)
        self.model.rowsAboutToBeRemoved.connect(self._rows_removing)
        self._update_actions()

    def install(self, file_menu, articles_menu, toolbar) -> None:
        file_menu.insertAction(self.actions.after(file_menu, "open"), self.open_folder_action)
        articles_menu.addSeparator()
        articles_menu.addAction(self.best_match_action)
        articles_menu.addAction(self.related_only_action)
        toolbar.insertAction(self.actions.after(toolbar, "open"), self.open_folder_action)
        toolbar.addSeparator()
        toolbar.addAction(self.best_match_action)

    # --- loading -----------------------------------------------------------------------

    def take(self, paths: list[str]) -> list[str]:
        """Start loading the folders among `paths` (and the files too, when there are many);
        return the paths left for the window's own reader."""
        folders = [p for p in paths if os.path.isdir(p)]
        files = [p for p in paths if p not in folders]
        if len(files) > MANY_FILES:
            # Read in worker processes like a folder: 500 files read on threads in the
            # window's process stalled its event loop for a second (bench/ui.py).
            folders, files = folders + files, []
        if folders:
            self.open_folders(folders)
        return files

    def open_folders(self, folders: list[str]) -> None:
        self.progress.start()
        self.loader.open([os.path.abspath(f) for f in folders])

    def open_folder_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from desktop.ui import settings as keys

        start = keys.LAST_FOLDER.read(self.store) or os.path.expanduser("~")
        folder = QFileDialog.getExistingDirectory(self.parent(), "Open a folder of articles", start)
        if folder:
            keys.LAST_FOLDER.write(self.store, folder)
            self.open_folders([folder])

    def cancel(self) -> None:
        self.loader.cancel()
        self.progress.cancel_button.setEnabled(False)
        self.progress.label.setText("Cancelling…")

    def _batch_ready(self, batch: Batch) -> None:
        self.model.fill_pending(batch.done)
        if batch.duplicates is not None:
            self.model.set_duplicates(batch.duplicates)
        if self._anchor is not None and not self._requery.isActive():
            self._requery.start()

    def _finished(self, cancelled: bool) -> None:
        if self.loader.is_running():
            return  # another folder queued behind this one
        left = self.model.pending_paths()
        if cancelled and left:
            self.model.remove_articles({f"pending:{p}" for p in left})
        count = len(self.model.articles())
        self.progress.finish(("Stopped: " if cancelled else "") + f"{count:,} articles in the list")
        self.refresh_related()
        self._update_actions()

    def listed_again(self, articles: list[Article]) -> None:
        """Articles put back in the list (an undone removal) count for coverage again."""
        self._articles_loaded(articles)

    def _articles_loaded(self, articles: list[Article], *_rest) -> None:
        self.tasks.submit(add_articles, self.coverage, articles, on_result=lambda _r: self.refresh_related())

    def _rows_removing(self, _parent: QModelIndex, first: int, last: int) -> None:
        ids = [self.model.index(r, 0).data(Role.ID) for r in range(first, last + 1)]
        self.coverage.remove([i for i in ids if i and not i.startswith("pending:")])

    # --- related coverage --------------------------------------------------------------

    def anchor(self) -> str | None:
        return self._anchor

    def _session_changed(self, _what: frozenset) -> None:
        shown = self.session.shown_ids()
        anchor = shown[0] if shown else None
        if anchor != self._anchor:
            self._anchor = anchor
            self.refresh_related()
        self._update_actions()

    def refresh_related(self) -> None:
        anchor = self._anchor
        if anchor is None:
            self.tasks.forget("related")
            self.model.set_related(None, {})
            self._apply_filter()
            return
        self.tasks.submit(
            query, self.coverage, anchor, CANDIDATES, channel="related", tag=anchor,
            on_result=lambda scores, a=anchor: self._related_ready(a, scores),
        )

    def _related_ready(self, anchor: str, scores: list[tuple[str, float]]) -> None:
        self.model.set_related(anchor, dict(scores))
        self._apply_filter()
        self._update_actions()

    def _related_only_toggled(self, _on: bool) -> None:
        self._apply_filter()

    def _apply_filter(self) -> None:
        proxy = self.proxy
        anchor, scores = self.model.related()
        if not self.related_only_action.isChecked() or anchor is None:
            proxy.set_only(None)
            return
        proxy.set_only(related_kept(anchor, scores, self.session.shown_ids()))

    def best_match(self) -> str | None:
        anchor, scores = self.model.related()
        if anchor is None or anchor != self._anchor or not scores:
            return None
        return max(scores, key=lambda i: (scores[i], i))

    def compare_best_match(self) -> None:
        best = self.best_match()
        if best is None:
            self.message.emit("No related article found for this one.", 5000)
            return
        self.session.show(self.model.articles_of([self._anchor, best]))

    def _update_actions(self) -> None:
        self.best_match_action.setEnabled(self.best_match() is not None)


def related_kept(anchor: str, scores: dict[str, float], shown: list[str]) -> frozenset[str]:
    """What "Only related to this" lists: the articles on screen (the chosen one is never
    filtered away), the best RELATED_TOP matches scoring RELATED_FLOOR or more, and every
    article scoring RELATED_MIN or more (the rank and the score; see RELATED_MIN)."""
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    top = [i for i, s in ranked[:RELATED_TOP] if s >= RELATED_FLOOR]
    return frozenset([anchor, *shown, *top, *(i for i, s in ranked if s >= RELATED_MIN)])
