"""The loaded articles as a Qt table model, and the proxy that sorts and filters them."""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from desktop.core.article import Article
from desktop.core.language import display_name, names_note

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    SIDE = 0
    TITLE = 1
    SOURCE = 2
    DATE = 3
    WORDS = 4
    RELATED = 5  # related-coverage score to the chosen article
    LANGUAGE = 6  # detected, or as the reader set it (Set language in the list's menu)


HEADERS = {
    Column.SIDE: "",
    Column.TITLE: "Title",
    Column.SOURCE: "Source",
    Column.DATE: "Date",
    Column.WORDS: "Words",
    Column.RELATED: "Related",
    Column.LANGUAGE: "Language",
}
# "Only related to this" keeps the chosen article, its RELATED_TOP best matches scoring at
# least RELATED_FLOOR, and every article scoring RELATED_MIN or more. From bench/related.py
# on BASIL's 50 same-event triplets: no other-story article scored above 0.17 (99% under
# 0.107) and 95% of same-story links scored 0.137 or more; 0.12 sits between. The old lone
# 0.2 cut-off kept 68% of same-story links; this rule keeps all 300 at 98% precision.
RELATED_MIN = 0.12
RELATED_TOP = 2
RELATED_FLOOR = 0.08  # above 95% of the best other-story scores: a story alone keeps nothing


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
# Row flags are QAbstractTableModel's own (enabled, selectable, never has children): no
# Python flags() override, which the view called for every row of every layout pass.


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
    pending: bool = False
    language: str = ""  # "Japanese"; "" when too short to tell  # a file listed with a peeked title, not read yet


def pending_row(path: str, title: str) -> ListRow:
    """A placeholder row for a file still being read: its quick title, no article text yet."""
    name = Path(path).name
    fmt = Path(path).suffix.lower().lstrip(".")
    article = Article(id=f"pending:{path}", path=path, format=fmt, text="", blocks=(), sentences=(), tokens=(), title=title)
    return ListRow(article, title, "", "", "", 0, f"{title} {name}".casefold(), f"{title}\n{path}\nreading…", name, True)


def describe(article: Article, words: int | None = None) -> ListRow:
    """The row for an article; pure Python, so loaders compute it on a worker.

    `words` is given for a slim article (its word count was taken before the tokens went)."""
    name = Path(article.path).name if article.path else ""
    title = article.title or name or "(untitled)"
    source = article.source
    date = article.published.value[:10] if article.published else ""
    words = article.word_count if words is None else words
    # Rich text with every part escaped: a plain string that looks like markup (a title with
    # "<b>" or "<img src=...>") would be rendered, and its images fetched, by the tooltip.
    tooltip = "<p>" + "<br>".join(
        html.escape(part)
        for part in (
            title,
            source,
            article.author,
            date,
            article.path or "pasted text",
            f"{words:,} words, {article.format}",
            f"{display_name(article.language)}. {names_note(article.language)}".strip() if article.language else "",
        )
        if part
    ) + "</p>"
    language = display_name(article.language) if article.language else ""
    filter_text = " ".join((title, source, article.author, name, date, language)).casefold()
    subtitle = " · ".join(part for part in (source or name, date) if part)
    published = article.published.value if article.published else ""
    return ListRow(article, title, source, date, published, words, filter_text, tooltip, subtitle, language=language)


_COLUMNS = len(Column)


class ArticleListModel(QAbstractTableModel):
    """Rows are loaded articles, in load order; the sides chosen for comparison are marked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ListRow] = []
        self._ids: dict[str, int] = {}
        self._session = None  # the window's Session: which articles are on which side
        self._bold = QFont()
        self._bold.setBold(True)
        self._pending: dict[str, str] = {}  # path -> id of its placeholder row
        self._related: dict[str, float] = {}  # article id -> score to the chosen article
        self._anchor: str | None = None  # the chosen article the scores are relative to
        self._missing: set[str] = set()  # ids whose file disappeared from disk
        self._duplicate_of: dict[str, str] = {}  # id -> id of the first article with the same text
        self._muted = None  # QBrush for missing files, made on first use
        self._hydrated: dict[str, Article] = {}  # slim article id -> full article, the last few asked for

    # --- reading -------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # Qt override
        # A constant, not len(Column) (three Python frames through the enum): the view and
        # proxy ask for every row they lay out (index() checks the bounds), 10,000 rows a pass.
        return 0 if parent.isValid() else _COLUMNS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # Qt override
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == _DISPLAY:
            return self._display(row, col)
        if role == Role.SORT:
            return self._sort_value(row, col)
        if role == Role.ARTICLE:  # as listed (a big folder's are slim): `article()` gives it whole
            return None if row.pending else row.article
        if role == Role.ID:
            return row.article.id
        if role == Role.PATH:
            return row.article.path
        if role == Role.FILTER:
            return row.filter_text
        if role == Role.SUBTITLE:
            return self._marks(row, row.subtitle) if self._missing or self._duplicate_of else row.subtitle
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._marks(row, row.tooltip, "<br>") if self._missing or self._duplicate_of else row.tooltip
        if role == Qt.ItemDataRole.ForegroundRole and row.article.id in self._missing:
            if self._muted is None:
                from PySide6.QtGui import QBrush

                from desktop.ui.theme import current_colors

                self._muted = QBrush(current_colors().muted_text)
            return self._muted
        if role == _DECORATION:
            if col != Column.TITLE:
                return None
            from desktop.ui.icons import format_icon

            return format_icon(row.article.format)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (Column.WORDS, Column.RELATED):
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
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.RELATED:
            return "How likely each article covers the same story as the chosen one (0 to 1)"
        return None

    def _side(self, row: ListRow) -> str | None:
        session = self._session
        if session is None:
            return None
        article_id = row.article.id
        if session.left is not None and session.left.id == article_id:
            return "left"
        if session.right is not None and session.right.id == article_id:
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
            return "" if row.pending else f"{row.words:,}"
        if col == Column.RELATED:
            if self._anchor is not None and row.article.id == self._anchor:
                return "chosen"
            score = self._related.get(row.article.id)
            return "" if score is None else f"{score:.2f}"
        if col == Column.LANGUAGE:
            return row.language
        return None

    def _marks(self, row: ListRow, text: str, sep: str = " · ") -> str:
        rich = sep == "<br>"  # the tooltip: rich text, so the marks are escaped like the rest of it
        marks = []
        if row.article.id in self._missing:
            marks.append(f"file missing: {row.article.path}" if rich else "file missing")
        first = self._duplicate_of.get(row.article.id)
        if first is not None and first in self._ids:
            marks.append(f"duplicate of {self._rows[self._ids[first]].title}")
        if rich:
            marks = [html.escape(m) for m in marks]
        return sep.join(marks + [text]) if marks else text

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
        if col == Column.RELATED:
            # Ascending (the first click) lists the chosen article, then the most related,
            # and the unscored last.
            if self._anchor is not None and row.article.id == self._anchor:
                return (-1, 0.0)
            score = self._related.get(row.article.id)
            return (1, 0.0) if score is None else (0, -score)
        if col == Column.LANGUAGE:
            return row.language.casefold()
        return None

    # --- articles in and out -----------------------------------------------------------

    def articles(self) -> list[Article]:
        """The read articles (files still being read are left out)."""
        return [r.article for r in self._rows if not r.pending]

    def article(self, article_id: str) -> Article | None:
        row = self._ids.get(article_id)
        return self._full(self._rows[row].article) if row is not None and not self._rows[row].pending else None

    def articles_of(self, ids) -> list[Article]:
        """The read articles with these ids, in that order (ids no longer listed are left out)."""
        return [a for a in (self.article(i) for i in ids) if a is not None]

    def _full(self, article: Article) -> Article:
        """Big folders list slim articles (no token index); the one asked for gets it back."""
        if article.tokens or not article.text:
            return article
        found = self._hydrated.get(article.id)
        if found is None:
            from desktop.core.library.slim import full

            found = self._hydrated[article.id] = full(article)
            while len(self._hydrated) > 32:
                self._hydrated.pop(next(iter(self._hydrated)))
        return found

    def pending_paths(self) -> list[str]:
        return list(self._pending)

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
        self._append([given.get(a.id) or describe(a) for a in fresh])
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
        self._pending = {path: pid for path, pid in self._pending.items() if pid not in article_ids}
        self._missing -= article_ids

    def rows_of(self, article_ids: set[str]) -> list[tuple[int, ListRow]]:
        """The read rows for these ids with their positions, top first (to put them back)."""
        found = [(self._ids[i], self._rows[self._ids[i]]) for i in article_ids if i in self._ids]
        return sorted((n, row) for n, row in found if not row.pending)

    def put_back(self, taken: list[tuple[int, ListRow]]) -> list[Article]:
        """Insert rows where they stood (`rows_of`), top first; ids listed again meanwhile
        are skipped. Returns the articles put back."""
        back: list[Article] = []
        for position, row in sorted(taken, key=lambda t: t[0]):
            if row.article.id in self._ids:
                continue
            n = min(position, len(self._rows))
            self.beginInsertRows(QModelIndex(), n, n)
            self._rows.insert(n, row)
            self._ids = {r.article.id: k for k, r in enumerate(self._rows)}
            self.endInsertRows()
            back.append(row.article)
        return back

    # --- files listed before they are read (folders) -----------------------------------

    def add_pending(self, rows: list[ListRow]) -> None:
        """Placeholder rows (`pending_row`, made off the GUI thread) for files not listed yet,
        in one insert; `fill_pending` completes them."""
        listed = {r.article.path for r in self._rows} if len(rows) < len(self._rows) else None
        fresh = []
        for row in rows:
            path = row.article.path
            if path not in self._pending and (listed is None or path not in listed) and row.article.id not in self._ids:
                self._pending[path] = row.article.id
                fresh.append(row)
        if fresh:
            self._append(fresh)

    def paths_between(self, first: int, last: int) -> list[str]:
        return [r.article.path for r in self._rows[first : last + 1]]

    def fill_pending(self, done: list[tuple[str, list[ListRow]]]) -> list[Article]:
        """Put read files in place of their placeholders, one signal per run of rows.

        A file that gave several articles keeps the first in its row and adds the rest at the
        end; a file that gave none (it failed) loses its row. Returns the articles added.
        """
        changed: list[int] = []
        extra: list[ListRow] = []
        dropped: set[str] = set()
        added: list[Article] = []
        for path, rows in done:
            pid = self._pending.pop(path, None)
            if pid is None:
                continue  # removed from the list while it was being read
            fresh = [r for r in rows if r.article.id not in self._ids]
            if not fresh:
                dropped.add(pid)
                continue
            n = self._ids.pop(pid)
            self._rows[n] = fresh[0]
            self._ids[fresh[0].article.id] = n
            changed.append(n)
            extra.extend(fresh[1:])
            added.extend(r.article for r in fresh)
        self._emit_rows_changed(changed)
        if extra:
            self._append(extra)
        if dropped:
            self.remove_articles(dropped)
        return added

    def replace_article(self, old_id: str, rows: list[ListRow]) -> None:
        """A file re-read after it changed on disk: its row now holds the new article."""
        n = self._ids.get(old_id)
        if n is None or not rows:
            return
        first = rows[0]
        del self._ids[old_id]
        self._rows[n] = first
        self._ids[first.article.id] = n
        self._missing.discard(old_id)
        self._emit_rows_changed([n])
        extra = [r for r in rows[1:] if r.article.id not in self._ids]
        if extra:
            self._append(extra)

    def _append(self, rows: list[ListRow]) -> None:
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        for i, row in enumerate(rows):
            self._ids[row.article.id] = first + i
            self._rows.append(row)
        self.endInsertRows()

    def _emit_rows_changed(self, rows: list[int]) -> None:
        rows = sorted(set(rows))
        while rows:
            first = last = rows.pop(0)
            while rows and rows[0] == last + 1:
                last = rows.pop(0)
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))

    # --- marks: related scores, missing files, duplicates ------------------------------

    def set_related(self, anchor_id: str | None, scores: dict[str, float]) -> None:
        """Scores of the other articles against the chosen one (missing ids show blank)."""
        self._anchor, self._related = anchor_id, dict(scores)
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.RELATED), self.index(len(self._rows) - 1, Column.RELATED))

    def related(self) -> tuple[str | None, dict[str, float]]:
        return self._anchor, self._related

    def set_missing(self, article_id: str, missing: bool) -> None:
        if missing == (article_id in self._missing) or article_id not in self._ids:
            return
        (self._missing.add if missing else self._missing.discard)(article_id)
        self._emit_rows_changed([self._ids[article_id]])

    def is_missing(self, article_id: str) -> bool:
        return article_id in self._missing

    def set_duplicates(self, duplicate_of: dict[str, str]) -> None:
        """Each later copy -> the first article with the same cleaned text."""
        changed = set(duplicate_of.items()) ^ set(self._duplicate_of.items())
        self._duplicate_of = dict(duplicate_of)
        self._emit_rows_changed([self._ids[i] for i, _ in changed if i in self._ids])

    def duplicate_of(self, article_id: str) -> str | None:
        return self._duplicate_of.get(article_id)

    def follow(self, session) -> None:
        """Mark the rows on the session's left and right sides (read from it, never copied)."""
        from desktop.ui.session import ARTICLES

        self._session = session

        def changed(what: frozenset) -> None:
            if ARTICLES in what and self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

        session.changed.connect(changed)


class ArticleFilterProxy(QSortFilterProxyModel):
    """Sorts by raw values (Role.SORT) and keeps rows whose text contains every filter word."""

    filter_changed = Signal()  # the rows shown changed because the filter did (after the change)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Role.SORT)
        self._words: tuple[str, ...] = ()
        self._keep: frozenset[str] | None = None  # "related to this": only these ids

    def set_only(self, ids: frozenset[str] | None) -> None:
        """Keep only these articles (None: all), on top of the text filter."""
        if ids == self._keep:
            return
        self._change_filter(lambda: setattr(self, "_keep", ids))

    def set_filter_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        self._change_filter(lambda: setattr(self, "_words", words))

    def _change_filter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateRowsFilter is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()
        self.filter_changed.emit()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # Qt override
        model = self.sourceModel()
        if self._keep is not None and model.data(model.index(source_row, Column.TITLE, source_parent), Role.ID) not in self._keep:
            return False
        if not self._words:
            return True
        text = model.data(model.index(source_row, Column.TITLE, source_parent), Role.FILTER) or ""
        return all(w in text for w in self._words)

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:  # Qt override
        a, b = left.data(Role.SORT), right.data(Role.SORT)
        if a is None or b is None:
            return a is None and b is not None
        return a < b
