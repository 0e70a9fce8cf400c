"""The article list pane: a filter box over a sortable, multi-select table of loaded articles."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.article import Article
from desktop.ui.articles.delegate import TitleDelegate
from desktop.ui.articles.model import HEADERS, ArticleFilterProxy, ArticleListModel, Column, Role


class ArticleList(QWidget):
    """Shows the model; reports which articles the reader chose, in the order chosen."""

    selection_changed = Signal(list)  # list[Article], in the order the reader picked them

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(model)
        self._chosen: list[str] = []  # selected ids, oldest pick first
        self._choosing = False  # select_articles() at work: it reports the choice once
        self._menu_actions: list[QAction | None] = []

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter by title, source, file, date")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter articles")
        self.filter_box.textChanged.connect(self.proxy.set_filter_text)

        self.view = QTreeView(self)
        self.view.setObjectName("articleList")
        self.view.setAccessibleName("Articles")
        self.view.setAccessibleDescription("Loaded articles. Select two to compare them; select one to read it.")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setIconSize(QSize(16, 16))
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # load order until the reader sorts
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setItemDelegateForColumn(Column.TITLE, TitleDelegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("M") + 8)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.SIDE, QHeaderView.ResizeMode.Fixed)
        fm = self.fontMetrics()
        header.resizeSection(Column.SIDE, fm.horizontalAdvance("MM") + 6)
        header.resizeSection(Column.SOURCE, fm.horizontalAdvance("Harbour Herald"))
        header.resizeSection(Column.DATE, fm.horizontalAdvance("2026-11-27") + 12)
        header.resizeSection(Column.WORDS, fm.horizontalAdvance("10,000") + 16)
        for column in Column:  # any further number column (a score) is as narrow as its numbers
            if column > Column.WORDS:
                header.resizeSection(column, max(fm.horizontalAdvance(HEADERS[column]), fm.horizontalAdvance("0.00")) + 16)
        # The title cell already shows source and date underneath; those columns are there
        # to sort by and can be shown from the header's menu.
        header.setSectionHidden(Column.SOURCE, True)
        header.setSectionHidden(Column.DATE, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.empty_hint = QLabel(
            "Drop article files here,\nor press Ctrl+O to open them,\nor Ctrl+Shift+V to paste text.", self
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setEnabled(False)  # drawn in the palette's muted text colour
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.empty_hint)
        self._stack.addWidget(self.view)
        model.rowsInserted.connect(self._update_empty)
        model.rowsRemoved.connect(self._update_empty)
        model.modelReset.connect(self._update_empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self._stack, 1)
        self.setFocusProxy(self.view)

        focus_filter = QAction("Filter articles", self)
        focus_filter.setShortcut(QKeySequence("Ctrl+L"))
        focus_filter.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        focus_filter.triggered.connect(lambda: (self.filter_box.setFocus(), self.filter_box.selectAll()))
        self.addAction(focus_filter)
        self.focus_filter_action = focus_filter
        self._update_empty()

    # --- what the reader chose ---------------------------------------------------------

    def selected_articles(self) -> list[Article]:
        out = []
        for article_id in self._chosen:
            art = self.model.article(article_id)
            if art is not None:
                out.append(art)
        return out

    def current_article(self) -> Article | None:
        index = self.view.currentIndex()
        return index.data(Role.ARTICLE) if index.isValid() else None

    def select_articles(self, article_ids: list[str]) -> None:
        """Select these articles (in this order) and nothing else."""
        sel = self.view.selectionModel()
        sel.blockSignals(True)
        sel.clearSelection()
        self._chosen = []
        sel.blockSignals(False)
        flags = sel.SelectionFlag.Select | sel.SelectionFlag.Rows
        # One selection_changed for the whole choice: row by row, a pair would first be shown
        # as its left article alone (its panes built, its entities read) only to be replaced.
        self._choosing = True
        try:
            for article_id in article_ids:
                row = self.model.row_of(article_id)
                if row < 0:
                    continue
                index = self.proxy.mapFromSource(self.model.index(row, Column.TITLE))
                if index.isValid():
                    sel.select(index, flags)
                    sel.setCurrentIndex(index, sel.SelectionFlag.NoUpdate)
        finally:
            self._choosing = False
        if self._chosen:
            self.selection_changed.emit(self.selected_articles())

    def set_menu_actions(self, actions: list[QAction | None]) -> None:
        """Actions for the context menu (None is a separator); the window owns them."""
        self._menu_actions = actions

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        gone = {i.data(Role.ID) for i in deselected.indexes()}
        self._chosen = [i for i in self._chosen if i not in gone]
        for index in selected.indexes():
            article_id = index.data(Role.ID)
            if article_id not in self._chosen:
                self._chosen.append(article_id)
        # Rows dropped by the filter or removed leave the selection without a deselect entry.
        still = {i.data(Role.ID) for i in self.view.selectionModel().selectedRows()}
        self._chosen = [i for i in self._chosen if i in still]
        if not self._choosing:
            self.selection_changed.emit(self.selected_articles())

    def _show_menu(self, pos: QPoint) -> None:
        if not self._menu_actions:
            return
        menu = QMenu(self)
        for action in self._menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _show_header_menu(self, pos: QPoint) -> None:
        header = self.view.header()
        menu = QMenu(self)
        for column in (c for c in Column if c not in (Column.SIDE, Column.TITLE)):
            action = menu.addAction(f"Show {HEADERS[column].lower()} column")
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.addSeparator()
        for column in (Column.TITLE, Column.SOURCE, Column.DATE, Column.WORDS):
            menu.addAction(
                f"Sort by {HEADERS[column].lower()}",
                lambda c=column: self.view.sortByColumn(c, Qt.SortOrder.AscendingOrder),
            )
        menu.exec(header.mapToGlobal(pos))

    def _update_empty(self, *_: object) -> None:
        self._stack.setCurrentWidget(self.view if self.model.rowCount(QModelIndex()) else self.empty_hint)
