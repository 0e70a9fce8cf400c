"""The article list pane: a filter box over a sortable, multi-select table of loaded articles."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, QSize, Qt, QTimer, Signal
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
from desktop.ui.articles.language import LanguageMenu, overridden
from desktop.ui.articles.model import HEADERS, ArticleFilterProxy, ArticleListModel, Column, Role, describe
from desktop.ui.session import ARTICLES, Session

PENDING = "pending:"  # the id prefix of a file listed before it is read (model.pending_row)


class _ArticleTree(QTreeView):
    """The list's view; knows whether a selection change comes from the reader's own hand.

    Only clicks and keys in the list choose what is compared. The selection also changes when
    the filter hides rows, rows are deleted or the list follows the session, and reacting to
    those (inside the proxy's own change, as the window once did) changed the model while a
    change was in flight: the proxy's mapping broke and the process died natively.
    """

    user_acting = False

    def _by_hand(self, handler, event) -> None:
        self.user_acting = True
        try:
            handler(event)
        finally:
            self.user_acting = False

    def mousePressEvent(self, event) -> None:  # Qt override
        self._by_hand(super().mousePressEvent, event)

    def mouseMoveEvent(self, event) -> None:  # Qt override
        self._by_hand(super().mouseMoveEvent, event)

    def mouseReleaseEvent(self, event) -> None:  # Qt override
        self._by_hand(super().mouseReleaseEvent, event)

    def keyPressEvent(self, event) -> None:  # Qt override
        self._by_hand(super().keyPressEvent, event)


class ArticleList(QWidget):
    """Shows the model; what the reader picks by hand is shown through the session.

    The selection follows the session (what is shown is selected where it is listed), and a
    pick sets the session on the next event-loop turn, never from inside a selection signal.
    """

    chosen = Signal(list)  # list[Article] the reader picked by hand, in the order picked

    def __init__(self, model: ArticleListModel, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.session = session
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(model)
        self._chosen: list[str] = []  # selected ids, oldest pick first
        self._following = False  # the selection is being set to follow the session
        self._pick_waits = False  # the reader picked a file still being read
        self._commit = QTimer(self, singleShot=True, interval=0, timeout=self._commit_choice)
        self._menu_actions: list[QAction | None] = []
        self.language_menu = LanguageMenu(self._selected_as_listed, self)
        self.language_menu.chosen.connect(self.set_language)

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter by title, source, file, date")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter articles")
        self.filter_box.textChanged.connect(self.proxy.set_filter_text)

        self.view = _ArticleTree(self)
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
            if Column.WORDS < column < Column.LANGUAGE:
                header.resizeSection(column, max(fm.horizontalAdvance(HEADERS[column]), fm.horizontalAdvance("0.00")) + 16)
        header.resizeSection(Column.LANGUAGE, fm.horizontalAdvance("Portuguese") + 16)
        # The title cell already shows source and date underneath, and each pane's header the
        # language; those columns are there to sort by and can be shown from the header's menu.
        header.setSectionHidden(Column.SOURCE, True)
        header.setSectionHidden(Column.DATE, True)
        header.setSectionHidden(Column.LANGUAGE, True)  # each pane's header names it; shown from the header menu
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        # After a filter change, what is shown is selected again where it is listed again.
        self.proxy.filter_changed.connect(self._follow_soon)
        self.proxy.layoutChanged.connect(self._follow_soon)
        session.changed.connect(self._session_changed)
        model.dataChanged.connect(self._rows_filled)
        model.rowsRemoved.connect(self._rows_filled)

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

    def selected_ids(self) -> list[str]:
        return list(self._chosen)

    def current_article(self) -> Article | None:
        index = self.view.currentIndex()
        return self.model.article(index.data(Role.ID)) if index.isValid() else None

    def _session_changed(self, what: frozenset) -> None:
        if ARTICLES in what:
            self.follow_session()

    def _follow_soon(self) -> None:
        QTimer.singleShot(0, self.follow_session)

    def select_articles(self, article_ids: list[str]) -> None:
        """Pick these articles as the reader would by hand: select them, then show them."""
        self._select(article_ids)
        self._commit.start()

    def follow_session(self) -> None:
        """Select what the session shows, where it is listed and not filtered out."""
        self._select(self.session.shown_ids())

    def _select(self, article_ids: list[str]) -> None:
        sel = self.view.selectionModel()
        indexes = []
        for article_id in article_ids:
            row = self.model.row_of(article_id)
            index = self.proxy.mapFromSource(self.model.index(row, Column.TITLE)) if row >= 0 else QModelIndex()
            if index.isValid():
                indexes.append((article_id, index))
        if sel is None or {i for i, _ in indexes} == set(self._chosen):
            return
        self._following = True
        try:
            sel.clearSelection()
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            for _, index in indexes:
                sel.select(index, flags)
                sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._following = False

    def _selected_as_listed(self) -> list[Article]:
        """The selected articles as listed (a big folder's are slim): enough to read their metadata
        without giving each its token index back."""
        return [row.article for _, row in self.model.rows_of(set(self._chosen))]

    def set_language(self, code: str) -> None:
        """The selected articles are written in `code`: their rows, and what is shown of them, follow."""
        for article_id in self.selected_ids():
            article = self.model.article(article_id)
            if article is None or article.language == code:
                continue
            fresh = overridden(article, code)
            self._chosen = [fresh.id if i == article_id else i for i in self._chosen]
            self.model.replace_article(article_id, [describe(fresh)])
            self.session.replace_article(article_id, fresh)

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
        if self.view.user_acting and not self._following:
            self._commit.start()  # on the next turn: nothing changes while this signal runs

    def _commit_choice(self) -> None:
        if any(i.startswith(PENDING) for i in self._chosen):
            self._pick_waits = True  # a file still being read: shown once it is (_rows_filled)
            return
        self._pick_waits = False
        chosen = self.selected_articles()
        if chosen:
            self.chosen.emit(chosen)

    def _rows_filled(self, *_args) -> None:
        """Placeholder rows were replaced by read articles (or dropped, a file that failed or
        was listed already): the selection holds their ids now, and a waiting pick is shown."""
        if any(i.startswith(PENDING) for i in self._chosen):
            now = {}
            for index in self.view.selectionModel().selectedRows(Column.TITLE):
                now[index.data(Role.PATH)] = index.data(Role.ID)
            self._chosen = [now.get(i[len(PENDING):], i) if i.startswith(PENDING) else i for i in self._chosen]
        if self._pick_waits and not any(i.startswith(PENDING) for i in self._chosen):
            self._pick_waits = False
            self._commit.start()

    def _show_menu(self, pos: QPoint) -> None:
        if not self._menu_actions:
            return
        menu = QMenu(self)
        for action in self._menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        if self.selected_ids():
            menu.addSeparator()
            menu.addMenu(self.language_menu)
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
