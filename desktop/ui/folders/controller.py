"""Wires folder loading and related coverage into the window: actions, list column, filter, best match."""

from __future__ import annotations

import os

from PySide6.QtCore import QModelIndex, QObject, QTimer
from PySide6.QtGui import QAction

from desktop.core.article import Article
from desktop.ui.articles.model import RELATED_MIN, Role
from desktop.ui.folders.glyphs import glyph
from desktop.ui.folders.loader import Batch, Coverage, FolderLoader
from desktop.ui.folders.progress import LoadProgress

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
    def __init__(self, window, workers: int | None = None):
        super().__init__(window)
        self.window = window
        self.model = window.model
        self.coverage = Coverage()
        self.loader = FolderLoader(self.coverage, window.tasks, self, workers=workers)
        self.progress = LoadProgress(window)
        window.statusBar().addPermanentWidget(self.progress)
        self._anchor: str | None = None
        self._requery = QTimer(self)
        self._requery.setSingleShot(True)
        self._requery.setInterval(REQUERY_MS)
        self._requery.timeout.connect(self.refresh_related)

        act = window._action
        self.open_folder_action = act("Open &folder…", self.open_folder_dialog, "Ctrl+Shift+O", None, "Open every article in a folder and its subfolders")
        self.best_match_action = act("Compare with &best match", self.compare_best_match, "Ctrl+B", None, "Compare the chosen article with the article most likely to cover the same story")
        self.related_only_action = act("Only &related to this", self._related_only_toggled, "Ctrl+Shift+L", None, f"List only the articles scoring {RELATED_MIN} or more against the chosen one", True)
        for action, name in ((self.open_folder_action, "open_folder"), (self.best_match_action, "best_match"), (self.related_only_action, "related_only")):
            action.setIcon(glyph(name))

        loader = self.loader
        loader.listed.connect(self.model.add_pending)
        loader.batch_ready.connect(self._batch_ready)
        loader.problem_found.connect(window.add_problem)
        loader.progress.connect(self.progress.set_progress)
        loader.finished.connect(self._finished)
        # The entity warm-up waits while titles go in (the view's busiest time), not while
        # the workers read: it is done long before the load ends and the reader picks a pair.
        loader.running_changed.connect(window.comparer.hold)
        loader.titles_listed.connect(lambda: window.comparer.hold(False))
        self.progress.cancel_requested.connect(self.cancel)
        window.loader.articles_loaded.connect(self._articles_loaded)
        window.session.changed.connect(self._session_changed)
        self.model.rowsAboutToBeRemoved.connect(self._rows_removing)
        self._update_actions()

    def install(self, file_menu, articles_menu, toolbar) -> None:
        file_menu.insertAction(window_action_after(file_menu, self.window.open_action), self.open_folder_action)
        articles_menu.addSeparator()
        articles_menu.addAction(self.best_match_action)
        articles_menu.addAction(self.related_only_action)
        toolbar.insertAction(window_action_after(toolbar, self.window.open_action), self.open_folder_action)
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

        start = keys.LAST_FOLDER.read(self.window.store) or os.path.expanduser("~")
        folder = QFileDialog.getExistingDirectory(self.window, "Open a folder of articles", start)
        if folder:
            keys.LAST_FOLDER.write(self.window.store, folder)
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
        self.progress.finish()
        left = self.model.pending_paths()
        if cancelled and left:
            self.model.remove_articles({f"pending:{p}" for p in left})
        count = len(self.model.articles())
        self.window.statusBar().showMessage(("Stopped: " if cancelled else "") + f"{count:,} articles in the list", 8000)
        self.refresh_related()
        self._update_actions()

    def _articles_loaded(self, articles: list[Article], *_rest) -> None:
        self.window.tasks.submit(add_articles, self.coverage, articles, on_result=lambda _r: self.refresh_related())

    def _rows_removing(self, _parent: QModelIndex, first: int, last: int) -> None:
        ids = [self.model.index(r, 0).data(Role.ID) for r in range(first, last + 1)]
        self.coverage.remove([i for i in ids if i and not i.startswith("pending:")])

    # --- related coverage --------------------------------------------------------------

    def anchor(self) -> str | None:
        return self._anchor

    def _session_changed(self, _what: frozenset) -> None:
        shown = self.window.session.shown_ids()
        anchor = shown[0] if shown else None
        if anchor != self._anchor:
            self._anchor = anchor
            self.refresh_related()
        self._update_actions()

    def refresh_related(self) -> None:
        anchor = self._anchor
        if anchor is None:
            self.window.tasks.forget("related")
            self.model.set_related(None, {})
            self._apply_filter()
            return
        self.window.tasks.submit(
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
        proxy = self.window.article_list.proxy
        anchor, scores = self.model.related()
        if not self.related_only_action.isChecked() or anchor is None:
            proxy.set_only(None)
            return
        proxy.set_only(frozenset([anchor, *(i for i, s in scores.items() if s >= RELATED_MIN)]))

    def best_match(self) -> str | None:
        anchor, scores = self.model.related()
        if anchor is None or anchor != self._anchor or not scores:
            return None
        return max(scores, key=lambda i: (scores[i], i))

    def compare_best_match(self) -> None:
        best = self.best_match()
        if best is None:
            self.window.statusBar().showMessage("No related article found for this one.", 5000)
            return
        self.window._show_ids([self._anchor, best])

    def _update_actions(self) -> None:
        self.best_match_action.setEnabled(self.best_match() is not None)


def window_action_after(widget, action: QAction) -> QAction | None:
    """The action after `action` in a menu or toolbar (None: the end)."""
    actions = widget.actions()
    if action in actions:
        i = actions.index(action)
        return actions[i + 1] if i + 1 < len(actions) else None
    return None



