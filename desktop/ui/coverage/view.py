"""CoverageView: facts × articles, passages × articles and who took from whom, for one Coverage.

A composition of thin models over the core value; it compares nothing. Clicking a cell asks for
the pair view through `pair_requested(left_id, right_id, offset)`: the offset is a character
offset into the left article's text (the fact, sentence or passage clicked), or -1.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.coverage import rebase
from desktop.core.coverage.model import Coverage, Standing
from desktop.ui.coverage.heatstrip import HeatStrips
from desktop.ui.coverage.models import (
    AdditionsModel,
    CollationModel,
    ContainmentModel,
    FactTableModel,
    PassagesModel,
    Role,
)
from desktop.ui.theme import palette_colors

COLUMN_WIDTH = 190  # an article column of the fact table, in pixels, before the reader resizes it


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setHighlightSections(False)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


def _list(model) -> QListView:
    view = QListView()
    view.setModel(model)
    view.setUniformItemSizes(True)
    view.setWordWrap(False)
    return view


class CoverageView(QWidget):
    """Three tabs over one Coverage. `set_coverage(None)` clears it."""

    pair_requested = Signal(str, str, int)  # left article id, right article id, offset into the left's text
    base_changed = Signal(str)  # the article id the reader chose as the collation's base

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coverage: Coverage | None = None
        self.facts_model = FactTableModel(self)
        self.collation_model = CollationModel(self)
        self.containment_model = ContainmentModel(self)
        self.additions_model = AdditionsModel(self)
        self.passages_model = PassagesModel(self)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.facts_view = _table(self.facts_model)
        self.strips = HeatStrips()
        self.base_box = QComboBox()
        self.collation_view = _table(self.collation_model)
        self.additions_view = _list(self.additions_model)
        self.containment_view = _table(self.containment_model)
        self.containment_view.verticalHeader().setVisible(True)
        self.passages_view = _list(self.passages_model)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.facts_view, "Facts × articles")
        self.tabs.addTab(self._passages_tab(), "Passages × articles")
        self.tabs.addTab(self._reuse_tab(), "Who took from whom")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

        for view in (self.facts_view, self.collation_view, self.additions_view, self.containment_view,
                     self.passages_view):
            view.clicked.connect(self._clicked)
        self.strips.sentence_clicked.connect(self._strip_clicked)
        self.base_box.activated.connect(self._base_chosen)
        self._apply_colors()

    def _passages_tab(self) -> QWidget:
        top = QWidget()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Collate against:"))
        row.addWidget(self.base_box, 1)
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.strips)
        box.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.collation_view)
        split.addWidget(self.additions_view)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 1)
        split.setChildrenCollapsible(False)
        return split

    def _reuse_tab(self) -> QWidget:
        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 4, 0, 0)
        caption = QLabel("Share of the row article’s words found in the column article (runs of three words, "
                         "wherever they stand). Below: passages of 8 or more words two articles share.")
        caption.setWordWrap(True)
        box.addWidget(caption)
        box.addWidget(self.containment_view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.passages_view)
        split.setChildrenCollapsible(False)
        return split

    # ---- content --------------------------------------------------------------------------

    def set_coverage(self, coverage: Coverage | None) -> None:
        self.coverage = coverage
        self.facts_model.set_coverage(coverage)
        self.collation_model.set_coverage(coverage)
        self.containment_model.set_coverage(coverage)
        self.additions_model.set_coverage(coverage)
        self.passages_model.set_coverage(coverage)
        self.strips.set_coverage(coverage)
        self.base_box.blockSignals(True)
        self.base_box.clear()
        if coverage is not None:
            for i, a in enumerate(coverage.articles):
                self.base_box.addItem(f"{coverage.letters[i]} · {coverage.labels[i]} — {a.display_title}", a.id)
            self.base_box.setCurrentIndex(coverage.base)
        self.base_box.blockSignals(False)
        self.summary.setText(self._summary_text())
        self._size_columns()

    def _summary_text(self) -> str:
        c = self.coverage
        if c is None:
            return "No coverage: choose three or more articles on one story."
        standing = Counter(f.standing for f in c.facts)
        return (f"{len(c.articles)} articles · {len(c.facts)} facts: {standing[Standing.DISAGREE]} disagree, "
                f"{standing[Standing.SOME]} reported by some only, {standing[Standing.ALL]} by all · "
                f"collated against {c.letters[c.base]} ({c.labels[c.base]})")

    def _size_columns(self) -> None:
        if self.coverage is None:
            return
        n = len(self.coverage.articles)
        header = self.facts_view.horizontalHeader()
        header.resizeSection(0, 260)
        for k in range(1, n + 1):
            header.resizeSection(k, COLUMN_WIDTH)
        header.setStretchLastSection(False)
        ch = self.collation_view.horizontalHeader()
        ch.resizeSection(0, 44)
        ch.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for k in range(2, n + 1):
            ch.resizeSection(k, 96)
        self.containment_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _base_chosen(self, index: int) -> None:
        if self.coverage is None or index == self.coverage.base:
            return
        # Reading the pairwise alignments again for a new base takes milliseconds: no worker needed.
        self.coverage = rebase(self.coverage, index)
        self.collation_model.set_coverage(self.coverage)
        self.additions_model.set_coverage(self.coverage)
        self.summary.setText(self._summary_text())
        self._size_columns()
        self.base_changed.emit(self.coverage.articles[index].id)

    # ---- clicks -------------------------------------------------------------------------

    def _clicked(self, index: QModelIndex) -> None:
        target = index.data(Role.TARGET)
        if target is not None:
            self._request(*target)

    def _strip_clicked(self, article: int, sentence: int) -> None:
        c = self.coverage
        other = c.base if article != c.base else (article + 1) % len(c.articles)
        self._request(article, other, c.articles[article].sentences[sentence].start)

    def _request(self, left: int, right: int, offset: int) -> None:
        arts = self.coverage.articles
        self.pair_requested.emit(arts[left].id, arts[right].id, offset)

    # ---- palette ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colors()
        super().changeEvent(event)

    def _apply_colors(self) -> None:
        colors = palette_colors(self.palette())
        for model in (self.facts_model, self.collation_model, self.containment_model):
            model.set_colors(colors)
        self.strips.update()
