"""The loaded articles as a Qt table model, and the proxy that sorts and filters them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from desktop.core.article import Article

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    SIDE = 0
    TITLE = 1
    SOURCE = 2
    DATE = 3
    WORDS = 4


HEADERS = {
    Column.SIDE: "",
    Column.TITLE: "Title",
    Column.SOURCE: "Source",
    Column.DATE: "Date",
    Column.WORDS: "Words",
}


class Role(IntEnum):
    ARTICLE = Qt.ItemDataRole.UserRole + 1  # the core Article itself
    SORT = Qt.ItemDataRole.UserRole + 2  # raw value the proxy sorts by
    FILTER = Qt.ItemDataRole.UserRole + 3  # lower-cased text the filter box matches
    ID = Qt.ItemDataRole.UserRole + 4
    PATH = Qt.ItemDataRole.UserRole + 5
    SUBTITLE = Qt.ItemDataRole.UserRole + 6  # "source · date" under the title


# Looked up once: data() and flags() run for every visible cell on every repaint.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True, slots=True)
class ListRow:
    """Everything data() needs, computed once when the article arrives."""

    article: Article
    title: str
    source: str
    date: str
    date_sort: str
    words: int
    filter_text: str
    tooltip: str
    subtitle: str


def describe(article: Article) -> ListRow:
    """The row for an article; pure Python, so loaders compute it on a worker."""
    name = Path(article.path).name if article.path else ""
    title = article.title or name or "(untitled)"
    source = article.source
    date = article.published.value[:10] if article.published else ""
    words = article.word_count
    tooltip = "\n".join(
        part
        for part in (
            title,
            source,
            article.author,
            date,
            article.path or "pasted text",
            f"{words:,} words, {article.format}",
        )
        if part
    )
    filter_text = " ".join((title, source, article.author, name, date)).casefold()
    subtitle = " · ".join(part for part in (source or name, date) if part)
    published = article.published.value if article.published else ""
    return ListRow(article, title, source, date, published, words, filter_text, tooltip, subtitle)


class ArticleListModel(QAbstractTableModel):
    """Rows are loaded articles, in load order; the sides chosen for comparison are marked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ListRow] = []
        self._ids: dict[str, int] = {}
        self._left: str | None = None
        self._right: str | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # --- reading -------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # Qt override
        return 0 if parent.isValid() else len(Column)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # Qt override
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == _DISPLAY:
            return self._display(row, col)
        if role == Role.SORT:
            return self._sort_value(row, col)
        if role == Role.ARTICLE:
            return row.article
        if role == Role.ID:
            return row.article.id
        if role == Role.PATH:
            return row.article.path
        if role == Role.FILTER:
            return row.filter_text
        if role == Role.SUBTITLE:
            return row.subtitle
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        if role == _DECORATION:
            if col != Column.TITLE:
                return None
            from desktop.ui.icons import format_icon

            return format_icon(row.article.format)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == Column.WORDS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == Column.SIDE:
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and col == Column.SIDE and self._side(row) is not None:
            return self._bold
        if role == Qt.ItemDataRole.AccessibleTextRole:
            side = {"left": ", left side", "right": ", right side"}.get(self._side(row) or "", "")
            return f"{row.title}, {row.source or 'no source'}, {row.date or 'no date'}, {row.words} words{side}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(Column)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.SIDE:
            return "Which side of the comparison the article is on (L or R)"
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:  # Qt override
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _side(self, row: ListRow) -> str | None:
        if row.article.id == self._left:
            return "left"
        if row.article.id == self._right:
            return "right"
        return None

    def _display(self, row: ListRow, col: int):
        if col == Column.SIDE:
            return {"left": "L", "right": "R"}.get(self._side(row) or "", "")
        if col == Column.TITLE:
            return row.title
        if col == Column.SOURCE:
            return row.source
        if col == Column.DATE:
            return row.date
        if col == Column.WORDS:
            return f"{row.words:,}"
        return None

    def _sort_value(self, row: ListRow, col: int):
        if col == Column.SIDE:
            return {"left": 0, "right": 1}.get(self._side(row) or "", 2)
        if col == Column.TITLE:
            return row.title.casefold()
        if col == Column.SOURCE:
            return row.source.casefold()
        if col == Column.DATE:
            return row.date_sort
        if col == Column.WORDS:
            return row.words
        return None

    # --- articles in and out -----------------------------------------------------------

    def articles(self) -> list[Article]:
        return [r.article for r in self._rows]

    def article(self, article_id: str) -> Article | None:
        row = self._ids.get(article_id)
        return self._rows[row].article if row is not None else None

    def row_of(self, article_id: str) -> int:
        return self._ids.get(article_id, -1)

    def add_articles(self, articles: list[Article], rows: list[ListRow] | None = None) -> list[Article]:
        """Append the articles not already listed (same id); return the ones added.

        `rows` (from `describe`, parallel to `articles`) saves the GUI thread the work.
        """
        given = {r.article.id: r for r in rows} if rows else {}
        fresh: list[Article] = []
        seen = set(self._ids)
        for art in articles:
            if art.id not in seen:
                seen.add(art.id)
                fresh.append(art)
        if not fresh:
            return []
        # computed before the insert so views never see half a row
        rows = [given.get(a.id) or describe(a) for a in fresh]
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        for i, row in enumerate(rows):
            self._ids[row.article.id] = first + i
            self._rows.append(row)
        self.endInsertRows()
        return fresh

    def remove_articles(self, article_ids: set[str]) -> None:
        # Remove from the bottom up, in contiguous runs, so indexes stay valid.
        rows = sorted((self._ids[i] for i in article_ids if i in self._ids), reverse=True)
        while rows:
            last = first = rows.pop(0)
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self._ids = {r.article.id: n for n, r in enumerate(self._rows)}
            self.endRemoveRows()
        if self._left in article_ids:
            self._left = None
        if self._right in article_ids:
            self._right = None

    def set_sides(self, left_id: str | None, right_id: str | None) -> None:
        changed = {self._left, self._right, left_id, right_id} - {None}
        self._left, self._right = left_id, right_id
        for article_id in changed:
            row = self._ids.get(article_id)  # type: ignore[arg-type]
            if row is not None:
                first, last = self.index(row, 0), self.index(row, len(Column) - 1)
                self.dataChanged.emit(first, last)

    def sides(self) -> tuple[str | None, str | None]:
        return self._left, self._right


class ArticleFilterProxy(QSortFilterProxyModel):
    """Sorts by raw values (Role.SORT) and keeps rows whose text contains every filter word."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Role.SORT)
        self._words: tuple[str, ...] = ()

    def set_filter_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # Qt override
        if not self._words:
            return True
        model = self.sourceModel()
        text = model.data(model.index(source_row, Column.TITLE, source_parent), Role.FILTER) or ""
        return all(w in text for w in self._words)

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:  # Qt override
        a, b = left.data(Role.SORT), right.data(Role.SORT)
        if a is None or b is None:
            return a is None and b is not None
        return a < b
