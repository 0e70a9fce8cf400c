"""EntitySidebar: the right-hand panel with entities, discrepancies and quotes, linked to the text."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QObject, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.article import Article, Span
from desktop.core.compare.model import Comparison
from desktop.core.entities.model import Discrepancy, Extraction
from desktop.core.language import display_name
from desktop.ui.sidebar.discrepancy_list import DiscrepancyList
from desktop.ui.sidebar.entity_model import Column, EntityFilterProxy, EntityTreeModel, Role
from desktop.ui.sidebar.quote_list import QuoteList
from desktop.core.entities.model import QuotePair
from desktop.ui.sidebar.quote_pairs import single_quotes
from desktop.ui.sidebar.rows import EntityRow, Group, comparison_rows, single_rows
from desktop.ui.sidebar.status import glyph_icon
from desktop.ui.settings import SIDEBAR_STATE
from desktop.ui.theme import palette_colors

TAB_ENTITIES, TAB_DISCREPANCIES, TAB_QUOTES = 0, 1, 2

_EMPTY = "Open two articles to see who and what they name, and where they disagree."


def names_note(*extractions: Extraction | None) -> str:
    """What the panel cannot list for the shown articles' languages, in one sentence ("" if nothing):
    the extraction reads no names where they would be guesses, and the reader must know why."""
    languages = list(dict.fromkeys(display_name(e.language) for e in extractions if e is not None and not e.names_available))
    if not languages:
        return ""
    return (f"Names and quotes are not available for {' and '.join(languages)}: "
            "only dates and figures are listed.")


def _placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMargin(16)
    label.setEnabled(False)  # the disabled text colour reads as a quiet hint in both palettes
    return label


class EntitySidebar(QWidget):
    """Entity tree, discrepancy list and quotes of the comparison (or of one article) on screen.

    Selecting something emits the spans to highlight; hovering the text calls `select_at`.
    """

    mentions_selected = Signal(list, list)  # left spans, right spans (desktop.core.article.Span)
    mention_focused = Signal(str, int)  # side ("left"/"right"), offset: step to one mention
    discrepancy_selected = Signal(object)  # desktop.core.entities.model.Discrepancy

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entitySidebar")
        self.setMinimumWidth(220)
        self._quiet = False  # True while select_at moves the selection: hovering must not scroll the text
        self._mentions: list[tuple[str, int]] = []
        self._mention_pos = -1
        self._hover_index: dict[str, list[tuple[int, int, EntityRow]]] = {"left": [], "right": []}

        self.model = EntityTreeModel(self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_entities_tab(), "Entities")
        self.discrepancies = DiscrepancyList(self)
        self.discrepancies.setAccessibleName("Discrepancies")
        self._discrepancy_empty = _placeholder(_EMPTY)
        self._discrepancy_stack = self._stack(self.discrepancies, self._discrepancy_empty)
        self.tabs.addTab(self._discrepancy_stack, "Discrepancies")
        self.quotes = QuoteList(self)
        self.quotes.setAccessibleName("Quotes by speaker")
        self._quotes_empty = _placeholder(_EMPTY)
        self._quotes_stack = self._stack(self.quotes, self._quotes_empty)
        self.tabs.addTab(self._quotes_stack, "Quotes")

        # Said above the tabs, not inside one: it holds for entities, discrepancies and quotes alike.
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.language_note.setTextFormat(Qt.TextFormat.PlainText)
        self.language_note.setMargin(6)
        self.language_note.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.language_note)
        layout.addWidget(self.tabs)

        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection)
        self.discrepancies.selectionModel().selectionChanged.connect(self._on_discrepancy_selection)
        self.quotes.selectionModel().selectionChanged.connect(self._on_quote_selection)
        self._apply_palette()
        self._show_content(False)
        self.set_comparison(None)

    # -- construction ---------------------------------------------------------------------------

    @staticmethod
    def _stack(view: QWidget, empty: QWidget) -> QStackedWidget:
        stack = QStackedWidget()
        stack.addWidget(view)
        stack.addWidget(empty)
        return stack

    def _build_entities_tab(self) -> QWidget:
        page = QWidget()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter names, values, quotes")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter entities")
        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.differences_button = QToolButton()
        self.differences_button.setCheckable(True)
        self.differences_button.setText("Differences")
        self.differences_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.differences_button.setToolTip("Show only what differs between the two articles")
        self.differences_button.toggled.connect(self._on_differences_only)

        self.tree = QTreeView()
        self.tree.setAccessibleName("Entities")
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setIndentation(14)
        self.tree.setMouseTracking(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.installEventFilter(self)
        self._collapsed: set[Group] = set()  # groups the reader collapsed
        self._restoring_groups = False
        self.tree.collapsed.connect(lambda index: self._group_toggled(index, False))
        self.tree.expanded.connect(lambda index: self._group_toggled(index, True))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for col in (Column.LEFT, Column.RIGHT, Column.STATUS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(24)
        self._default_widths = self._default_column_widths()
        self._apply_widths(self._default_widths)

        self.mention_label = QLabel()
        self.mention_label.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button = QToolButton()
        self.previous_button.setToolTip("Previous mention (Shift+Enter)")
        self.previous_button.clicked.connect(self.previous_mention)
        self.next_button = QToolButton()
        self.next_button.setToolTip("Next mention (Enter)")
        self.next_button.clicked.connect(self.next_mention)

        self._entities_empty = _placeholder(_EMPTY)
        self._entities_stack = self._stack(self.tree, self._entities_empty)

        top = QHBoxLayout()
        top.setContentsMargins(6, 6, 6, 0)
        top.setSpacing(4)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.differences_button)
        nav = QHBoxLayout()
        nav.setContentsMargins(6, 0, 6, 6)
        nav.setSpacing(2)
        nav.addWidget(self.mention_label, 1)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self._entities_stack, 1)
        layout.addLayout(nav)
        return page

    def _default_column_widths(self) -> dict[int, int]:
        fm = self.tree.fontMetrics()
        count = fm.horizontalAdvance("Right") + 14
        return {Column.LEFT: count, Column.RIGHT: count, Column.STATUS: 26}

    def _apply_widths(self, widths: dict[int, int]) -> None:
        for col, width in widths.items():
            self.tree.setColumnWidth(col, width)

    # -- public API -----------------------------------------------------------------------------

    def set_comparison(self, c: Comparison | None) -> None:
        """Show the entities, discrepancies and quotes of `c` (None empties the panel)."""
        self._set_note(names_note(c.left_extraction, c.right_extraction) if c is not None else "")
        if c is None:
            self.model.clear()
            self.discrepancies.model_.set_discrepancies(())
            self.quotes.model_.set_pairs(())
            self._after_content(False, single=False)
            return
        pairs = c.quotes  # paired in core (entities/quote_pairs.py), as the report and the JSON have them
        self.model.set_rows(comparison_rows(c, pairs))
        self.model.set_side_titles(c.left.display_title, c.right.display_title)
        self.discrepancies.model_.set_discrepancies(c.discrepancies, c.left, c.right)
        self.quotes.model_.set_pairs(pairs)
        self._after_content(True, single=False)

    def show_single(self, article: Article | None, extraction: Extraction | None) -> None:
        """Show one article on its own: its entities (one count column) and names spelled two ways."""
        if article is None or extraction is None:
            self.set_comparison(None)
            return
        self._set_note(names_note(extraction))
        pairs = single_quotes(extraction.quotes)
        self.model.set_rows(single_rows(extraction, pairs), single=True)
        self.model.set_side_titles(article.display_title, "")
        self.discrepancies.model_.set_discrepancies(())
        self.quotes.model_.set_pairs(pairs, single=True)
        self._after_content(True, single=True)

    def follow(self, session) -> None:
        """Show what the window's session shows: a whole comparison, or one article's entities."""
        from desktop.ui.session import ARTICLES, COMPARISON, EXTRACTION

        def changed(what: frozenset) -> None:
            if not what & {ARTICLES, COMPARISON, EXTRACTION}:
                return
            if session.single is not None:
                self.show_single(session.single, session.extraction)
            else:
                self.set_comparison(session.comparison if session.complete else None)

        session.changed.connect(changed)

    @Slot(str, int)
    def select_at(self, side: str, offset: int) -> bool:
        """Select the entity (or quote) mentioned at `offset` on `side`, without moving the text.

        Returns True when something is selected there.
        """
        if self.model.single:
            side = "left"  # one article shows in one pane, whichever side reports it
        candidates = [(end - start, row) for start, end, row in self._hover_index.get(side, []) if start <= offset < end]
        if not candidates:
            return False
        row = min(candidates, key=lambda c: c[0])[1]
        source = self.model.index_of(row)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False  # filtered out: leave the reader's filter alone
        if self.tree.currentIndex().siblingAtColumn(0) == index:
            return True
        self._quiet = True
        try:
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)
            self._set_mentions(row)
        finally:
            self._quiet = False
        return True

    def selected_row(self) -> EntityRow | None:
        index = self.tree.currentIndex()
        if not index.isValid() or not self.tree.selectionModel().isSelected(index):
            return None
        return index.siblingAtColumn(0).data(Role.ROW)

    @Slot()
    def next_mention(self) -> None:
        self._step_mention(+1)

    @Slot()
    def previous_mention(self) -> None:
        self._step_mention(-1)

    def save_state(self) -> dict[str, Any]:
        """Tab, column widths, sort, the differences toggle, the filter and the collapsed
        groups, as plain JSON-able values."""
        header = self.tree.header()
        return {
            "filter": self.filter_edit.text(),
            "collapsed": sorted(group.name.lower() for group in self._collapsed),
            "tab": self.tabs.currentIndex(),
            "widths": {col.name.lower(): self.tree.columnWidth(col) or self._default_widths[col]
                       for col in (Column.LEFT, Column.RIGHT, Column.STATUS)},
            "sort_column": header.sortIndicatorSection(),
            "sort_descending": header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
            "differences_only": self.differences_button.isChecked(),
        }

    def write_settings(self, store: QSettings) -> None:
        """Save the panel's state under its declared key (desktop.ui.settings.SIDEBAR_STATE)."""
        SIDEBAR_STATE.write(store, json.dumps(self.save_state()))

    def read_settings(self, store: QSettings) -> None:
        self.restore_state(SIDEBAR_STATE.read(store))

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(340, 600)

    def restore_state(self, state: dict[str, Any] | str | None) -> None:
        """Apply what `save_state` returned (or its JSON text); unknown or bad values are ignored."""
        if isinstance(state, str):
            try:
                state = json.loads(state) if state else {}
            except ValueError:
                state = {}
        if not isinstance(state, dict):
            return
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
        widths = state.get("widths")
        if isinstance(widths, dict):
            for col in (Column.LEFT, Column.RIGHT, Column.STATUS):
                w = widths.get(col.name.lower())
                if isinstance(w, int) and 16 <= w <= 400:
                    self.tree.setColumnWidth(col, w)
        col = state.get("sort_column")
        if isinstance(col, int) and 0 <= col < len(Column):
            order = Qt.SortOrder.DescendingOrder if state.get("sort_descending") is True else Qt.SortOrder.AscendingOrder
            self.tree.sortByColumn(col, order)
        diff = state.get("differences_only")
        if isinstance(diff, bool):
            self.differences_button.setChecked(diff)
        text = state.get("filter")
        if isinstance(text, str):
            self.filter_edit.setText(text)
        collapsed = state.get("collapsed")
        if isinstance(collapsed, list):
            by_name = {group.name.lower(): group for group in Group}
            self._collapsed = {by_name[n] for n in collapsed if isinstance(n, str) and n in by_name}
            self._expand_groups()

    # -- reactions ------------------------------------------------------------------------------

    def _set_note(self, text: str) -> None:
        self.language_note.setText(text)
        self.language_note.setVisible(bool(text))

    def _after_content(self, has_content: bool, *, single: bool) -> None:
        self.tree.setColumnHidden(Column.RIGHT, single)
        self.differences_button.setText("Variants" if single else "Differences")
        self.differences_button.setToolTip(
            "Show only names spelled two ways" if single else "Show only what differs between the two articles"
        )
        n_disc = self.discrepancies.model_.rowCount()
        n_quotes = self.quotes.model_.pair_count()
        self.tabs.setTabText(TAB_DISCREPANCIES, f"Discrepancies ({n_disc})" if has_content and not single else "Discrepancies")
        self.tabs.setTabText(TAB_QUOTES, f"Quotes ({n_quotes})" if has_content else "Quotes")
        if single:
            self._discrepancy_empty.setText(
                "One article on its own has nothing to disagree with. Names it spells two ways are flagged in Entities."
            )
        elif has_content:
            self._discrepancy_empty.setText("No figures, dates, names or quotes disagree.")
        else:
            self._discrepancy_empty.setText(_EMPTY)
        self._quotes_empty.setText("No quotes found." if has_content else _EMPTY)
        self._entities_empty.setText("No people, places, dates or figures found." if has_content else _EMPTY)
        self._discrepancy_stack.setCurrentIndex(0 if n_disc else 1)
        self._quotes_stack.setCurrentIndex(0 if n_quotes else 1)
        self._entities_stack.setCurrentIndex(0 if self.model.rowCount() else 1)
        self._expand_groups()
        self._rebuild_hover_index()
        self._set_mentions(None)
        self._show_content(has_content)

    def _expand_groups(self) -> None:
        # Only the group headings have children: expanding them one by one is what expandAll
        # does, without expandAll's walk over every entity row (tens of ms for a long pair).
        # Groups the reader collapsed stay collapsed, from one pair to the next.
        model = self.tree.model()
        self._restoring_groups = True
        try:
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                self.tree.setExpanded(index, index.data(Role.GROUP) not in self._collapsed)
        finally:
            self._restoring_groups = False

    def _group_toggled(self, index: QModelIndex, expanded: bool) -> None:
        group = index.data(Role.GROUP)
        if self._restoring_groups or group is None or index.parent().isValid():
            return
        if expanded:
            self._collapsed.discard(group)
        else:
            self._collapsed.add(group)

    def _show_content(self, has_content: bool) -> None:
        self.filter_edit.setEnabled(has_content)

    def _rebuild_hover_index(self) -> None:
        index: dict[str, list[tuple[int, int, EntityRow]]] = {"left": [], "right": []}
        for row in self.model.rows():
            index["left"] += [(s.start, s.end, row) for s in row.left_spans]
            index["right"] += [(s.start, s.end, row) for s in row.right_spans]
        self._hover_index = index

    def _on_filter_text(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._expand_groups()

    def _on_differences_only(self, on: bool) -> None:
        self.proxy.set_differences_only(on)
        self._expand_groups()

    def _on_tree_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._quiet:
            return
        indexes = [i for i in selected.indexes() if i.column() == 0]
        row: EntityRow | None = indexes[0].data(Role.ROW) if indexes else None
        self._set_mentions(row)
        if row is None:
            if indexes:  # a group heading: clear the highlights in the text
                self.mentions_selected.emit([], [])
            return
        self.mentions_selected.emit(list(row.left_spans), list(row.right_spans))

    def _on_discrepancy_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        d: Discrepancy = self.discrepancies.model_.discrepancy(indexes[0].row())
        self.mentions_selected.emit([Span(*d.left)], [Span(*d.right)])
        self.discrepancy_selected.emit(d)

    def _on_quote_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        pair: QuotePair | None = indexes[0].data(Qt.ItemDataRole.UserRole + 2)
        if pair is None:
            return
        left = [Span(pair.left.start, pair.left.end)] if pair.left else []
        right = [Span(pair.right.start, pair.right.end)] if pair.right else []
        self.mentions_selected.emit(left, right)

    # -- stepping through mentions --------------------------------------------------------------

    def _set_mentions(self, row: EntityRow | None) -> None:
        if row is None:
            self._mentions = []
        else:
            self._mentions = [("left", s.start) for s in row.left_spans] + [("right", s.start) for s in row.right_spans]
        # The window shows the first mention when the selection is made, so stepping starts there.
        self._mention_pos = 0 if self._mentions else -1
        self._update_mention_label()

    def _step_mention(self, delta: int) -> None:
        if not self._mentions:
            return
        self._mention_pos = (self._mention_pos + delta) % len(self._mentions)
        side, offset = self._mentions[self._mention_pos]
        self._update_mention_label()
        self.mention_focused.emit(side, offset)

    def _update_mention_label(self) -> None:
        n = len(self._mentions)
        self.previous_button.setEnabled(n > 1)
        self.next_button.setEnabled(n > 1)
        if not n:
            self.mention_label.setText("Select an entity to see its mentions" if self.model.rowCount() else "")
            return
        side = self._mentions[self._mention_pos][0]
        where = "" if self.model.single else f" · {side}"
        self.mention_label.setText(f"Mention {self._mention_pos + 1} of {n}{where}")

    # -- Qt overrides ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous_mention()
                else:
                    self.next_mention()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def _apply_palette(self) -> None:
        colors = palette_colors(self.palette())
        self.model.set_colors(colors, self.palette().color(QPalette.ColorRole.HighlightedText).name())
        for view in (self.discrepancies, self.quotes):
            view.delegate.clear_cache()
            view.viewport().update()
        muted = colors.muted_text.name()
        self.language_note.setStyleSheet(
            f"#languageNote {{ background: {colors.header_background.name()}; color: {self.palette().color(QPalette.ColorRole.WindowText).name()};"
            f" border-bottom: 2px solid {colors.discrepancy.name()}; }}")
        self.differences_button.setIcon(glyph_icon("mdi6.not-equal-variant", muted))
        self.previous_button.setIcon(glyph_icon("mdi6.chevron-up", muted))
        self.next_button.setIcon(glyph_icon("mdi6.chevron-down", muted))

