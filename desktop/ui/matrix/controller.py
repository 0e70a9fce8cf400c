"""The similarity matrix dock: scores the chosen articles pairwise on a worker; a cell compares its pair."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from desktop.core.article import Article
from desktop.ui.folders.glyphs import glyph
from desktop.ui.folders.loader import Coverage
from desktop.ui.matrix.heatmap import HeatMap

MAX_ARTICLES = 50


def score_matrix(coverage: Coverage, articles: list[Article]) -> list[list[float | None]]:
    """Runs on a worker: articles not yet in the index are profiled first."""
    coverage.add_articles([a for a in articles if a.id not in coverage])
    return coverage.pair_scores([a.id for a in articles])


class MatrixController(QObject):
    ready = Signal()  # the heat map shows new scores

    def __init__(self, window, coverage: Coverage):
        super().__init__(window)
        self.window = window
        self.coverage = coverage
        self.articles: list[Article] = []
        body = QWidget(window)
        self.caption = QLabel("", body)
        self.caption.setWordWrap(True)
        self.heatmap = HeatMap(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.heatmap, 1)
        self.dock = QDockWidget("Similarity", window)
        self.dock.setObjectName("similarityDock")
        self.dock.setWidget(body)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.problems_dock, self.dock)  # the bottom strip is shared, one tab each
        self.dock.hide()
        self.action = window._action("Similarity &matrix", self.show_matrix, "Ctrl+Shift+G", None, "Score every pair of the selected articles (up to 50) as a heat map")
        self.action.setIcon(glyph("matrix"))
        self.heatmap.pair_clicked.connect(self._pair_clicked)

    def install(self, articles_menu, toolbar) -> None:
        articles_menu.addAction(self.action)
        toolbar.addAction(self.action)

    def show_matrix(self, articles: list[Article] | None = None) -> None:
        chosen = articles if articles is not None else self.window.article_list.selected_articles()
        if len(chosen) < 2:
            chosen = self.window.model.articles()  # nothing chosen: the first articles of the list
        self.articles = chosen[:MAX_ARTICLES]
        dropped = len(chosen) - len(self.articles)
        self.caption.setText(
            f"Pairwise similarity of {len(self.articles)} articles (0 to 1)"
            + (f"; the first {MAX_ARTICLES} of {len(chosen)} selected" if dropped else "")
            + ". Click a cell to compare that pair."
        )
        self.heatmap.set_data([a.title or a.path for a in self.articles], [])
        self.dock.show()
        self.dock.raise_()
        self.window.tasks.submit(
            score_matrix, self.coverage, self.articles, channel="matrix", tag=tuple(a.id for a in self.articles),
            on_result=self._scored,
        )

    def _scored(self, scores) -> None:
        self.heatmap.set_data([a.title or a.path for a in self.articles], scores)
        self.ready.emit()

    def _pair_clicked(self, row: int, col: int) -> None:
        ids = [self.articles[row].id, self.articles[col].id]
        self.window._show_ids(ids)
