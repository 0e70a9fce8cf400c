"""The similarity matrix dock: scores the chosen articles pairwise on a worker; a cell compares its pair."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from desktop.core.article import Article
from desktop.ui.actions import ActionRegistry
from desktop.ui.articles.model import ArticleListModel
from desktop.ui.folders.glyphs import glyph
from desktop.ui.folders.loader import Coverage
from desktop.ui.matrix.heatmap import HeatMap
from desktop.ui.session import Session
from desktop.ui.workers import TaskRunner

MAX_ARTICLES = 50


def score_matrix(coverage: Coverage, articles: list[Article]) -> list[list[float | None]]:
    """Runs on a worker: articles not yet in the index are profiled first."""
    coverage.add_articles([a for a in articles if a.id not in coverage])
    return coverage.pair_scores([a.id for a in articles])


def row_labels(articles: list[Article]) -> list[str]:
    """A title per row; titles that repeat get the file name after them, so duplicate
    articles (the same story saved twice) are told apart."""
    import os
    from collections import Counter

    titles = [a.title or os.path.basename(a.path) or "(untitled)" for a in articles]
    repeated = {t for t, n in Counter(titles).items() if n > 1}
    labels = [f"{t} — {os.path.basename(a.path) or a.id}" if t in repeated else t for t, a in zip(titles, articles)]
    # Same title and same file name (two folders): the folder tells them apart.
    again = {t for t, n in Counter(labels).items() if n > 1}
    return [f"{l} ({os.path.basename(os.path.dirname(a.path))})" if l in again else l for l, a in zip(labels, articles)]


class MatrixController(QObject):
    """Gets the task runner, the session, the action registry, the list model and what the list
    has selected; shows its heat map in `dock`, which the window places."""

    ready = Signal()  # the heat map shows new scores

    def __init__(self, session: Session, tasks: TaskRunner, actions: ActionRegistry, model: ArticleListModel,
                 selected: Callable[[], list[Article]], coverage: Coverage, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.model = model
        self.selected = selected
        self.coverage = coverage
        self.articles: list[Article] = []
        body = QWidget()
        self.caption = QLabel("", body)
        self.caption.setWordWrap(True)
        self.heatmap = HeatMap(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.heatmap, 1)
        self.dock = QDockWidget("Similarity")
        self.dock.setObjectName("similarityDock")
        self.dock.setWidget(body)
        self.dock.hide()
        self.action = actions.add("matrix", "Similarity &matrix", self.show_matrix, "Ctrl+Shift+G", None, "Score every pair of the selected articles (up to 50) as a heat map")
        self.action.setIcon(glyph("matrix"))
        self.heatmap.pair_clicked.connect(self._pair_clicked)

    def install(self, articles_menu, toolbar) -> None:
        articles_menu.addAction(self.action)
        toolbar.addAction(self.action)

    def show_matrix(self, articles: list[Article] | None = None) -> None:
        chosen = articles if articles is not None else self.selected()
        if len(chosen) < 2:
            chosen = self.model.articles()  # nothing chosen: the first articles of the list
        self.articles = chosen[:MAX_ARTICLES]
        dropped = len(chosen) - len(self.articles)
        self.caption.setText(
            f"Pairwise similarity of {len(self.articles)} articles (0 to 1)"
            + (f"; the first {MAX_ARTICLES} of {len(chosen)} selected" if dropped else "")
            + ". Click a cell to compare that pair."
        )
        self.heatmap.set_data(row_labels(self.articles), [])
        self.dock.show()
        self.dock.raise_()
        self.tasks.submit(
            score_matrix, self.coverage, self.articles, channel="matrix", tag=tuple(a.id for a in self.articles),
            on_result=self._scored,
        )

    def _scored(self, scores) -> None:
        self.heatmap.set_data(row_labels(self.articles), scores)
        self.ready.emit()

    def _pair_clicked(self, row: int, col: int) -> None:
        ids = [self.articles[row].id, self.articles[col].id]
        self.session.show(self.model.articles_of(ids))
