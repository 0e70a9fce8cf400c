"""Compare coverage in the window: three or more articles fact by fact, in a dock under the pair.

The core `cover()` runs on the window's task runner (with progress and cancel); the view is a
thin adapter over the Coverage it returns. A cell asks for a pair: the session shows it, and
the split view scrolls to the fact once that pair's alignment is painted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget

from desktop.core.article import Article
from desktop.ui.actions import ActionRegistry
from desktop.ui.articles.model import ArticleListModel
from desktop.ui.coverage.view import CoverageView
from desktop.ui.folders.glyphs import glyph
from desktop.ui.session import COMPARISON, PairKey, Session
from desktop.ui.workers import TaskRunner

MIN_ARTICLES = 3
MAX_ARTICLES = 20  # 190 pairs: about 5 s of worker time (bench/coverage.py)
RELATED_GROUP = 8  # with fewer than three chosen: the chosen one and its closest related articles


def cover_articles(articles: list[Article], options, job):
    """Runs on a worker: the whole coverage, stopping early if the reader moved on."""
    from desktop.core.coverage import cover
    from desktop.core.library.slim import full

    def progress(done: int, total: int) -> None:
        if job.cancelled.is_set():
            raise _Stopped
        job.progress((done, total))

    try:
        return cover([full(a) for a in articles], options=options, progress=progress)
    except _Stopped:
        return None


class _Stopped(Exception):
    pass


class CoverageController(QObject):
    """Gets the session, the task runner, the action registry, the list model, what the list has
    selected and the folder controller's related group; shows its view in `dock`, which the
    window places, and asks by signal for status messages and for the panes to scroll."""

    ready = Signal(object)  # the Coverage now shown
    message = Signal(str, int)  # a status-bar message and how long it stays (ms; 0: until replaced)
    clear_message = Signal()
    dock_opened = Signal()  # the dock was hidden and shows now: the window gives it room
    scroll_requested = Signal(str, int)  # side, character offset: the panes scroll to the fact

    def __init__(self, session: Session, tasks: TaskRunner, actions: ActionRegistry, model: ArticleListModel,
                 selected: Callable[[], list[Article]], related, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.model = model
        self.selected = selected
        self.related = related  # the folder controller: the chosen article's related group
        self.view = CoverageView()
        self.dock = QDockWidget("Coverage")
        self.dock.setObjectName("coverageDock")
        self.dock.setWidget(self.view)
        self.dock.hide()
        self.action = actions.add(
            "coverage", "Compare &coverage", self.compare_coverage, "Ctrl+Shift+K", None,
            "Which of the selected articles (three or more) report which fact, quote and figure, and where they disagree",
        )
        self.action.setIcon(glyph("coverage"))
        self._scroll_to: tuple[PairKey, int] | None = None
        self.view.pair_requested.connect(self._pair_requested)
        session.changed.connect(self._session_changed)

    def install(self, articles_menu, toolbar) -> None:
        articles_menu.addAction(self.action)
        toolbar.addAction(self.action)

    def chosen(self) -> list[Article]:
        """The selected articles; fewer than three: the shown article and its related group."""
        picked = self.selected()
        if len(picked) >= MIN_ARTICLES:
            return picked[:MAX_ARTICLES]
        anchor, scores = self.model.related()
        if anchor is None:
            return picked
        ranked = sorted(scores, key=lambda i: -scores[i])[: RELATED_GROUP - 1]
        group = [self.model.article(i) for i in [anchor, *ranked]]
        return [a for a in group if a is not None]

    def compare_coverage(self) -> None:
        articles = self.chosen()
        if len(articles) < MIN_ARTICLES:
            self.message.emit("Select three or more articles to compare their coverage.", 6000)
            return
        self.message.emit(f"Comparing the coverage of {len(articles)} articles…", 0)
        self.tasks.submit(
            cover_articles, articles, self.session.options, job=True,
            channel="coverage", tag=tuple(a.id for a in articles),
            on_progress=self._progress, on_result=self._covered,
            on_error=lambda exc: self.message.emit(f"The coverage could not be made: {exc}", 10000),
        )

    def _progress(self, done_total) -> None:
        done, total = done_total
        self.message.emit(f"Comparing coverage: {done} of {total} pairs…", 0)

    def _covered(self, coverage) -> None:
        if coverage is None:
            return
        self.clear_message.emit()
        self.view.set_coverage(coverage)
        if not self.dock.isVisible():
            self.dock.show()
            self.dock_opened.emit()
        self.dock.raise_()
        self.ready.emit(coverage)

    def _pair_requested(self, left_id: str, right_id: str, offset: int) -> None:
        left, right = self.model.article(left_id), self.model.article(right_id)
        if left is None or right is None:
            self.message.emit("That article is no longer in the list.", 5000)
            return
        session = self.session
        self._scroll_to = (PairKey(left.id, right.id, session.options), offset) if offset >= 0 else None
        session.show_pair(left, right)
        self._session_changed(frozenset({COMPARISON}))  # a pair already on screen scrolls at once

    def _session_changed(self, what: frozenset) -> None:
        session = self.session
        if self._scroll_to is None or COMPARISON not in what or session.comparison is None:
            return
        key, offset = self._scroll_to
        if session.key() == key:
            self._scroll_to = None
            self.scroll_requested.emit("left", offset)
