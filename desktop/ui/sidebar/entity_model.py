"""The entity tree: a hand-written item model grouped by type, and its sort/filter proxy."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from desktop.ui.sidebar.rows import STATUS_ORDER, EntityRow, Group
from desktop.ui.sidebar.status import group_icon, status_icon
from desktop.ui.theme import LIGHT, Colors

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    LEFT = 1
    RIGHT = 2
    STATUS = 3


_COLUMNS = len(Column)  # len() of an enum is slow, and Qt asks often


class Role(IntEnum):
    SORT = Qt.ItemDataRole.UserRole + 1  # raw value: casefolded name, ISO date, number, count
    ROW = Qt.ItemDataRole.UserRole + 2  # the EntityRow (None on a group)
    GROUP = Qt.ItemDataRole.UserRole + 3  # the Group of the row or group
    STATUS = Qt.ItemDataRole.UserRole + 4  # MatchStatus or None
    FILTER = Qt.ItemDataRole.UserRole + 5  # casefolded words the filter box matches


class _Node:
    """A tree node. The model owns every node for as long as its index can exist."""

    __slots__ = ("parent", "children", "row", "group", "entry")

    def __init__(self, parent: _Node | None, row: int, group: Group | None, entry: EntityRow | None) -> None:
        self.parent = parent
        self.children: list[_Node] = []
        self.row = row
        self.group = group
        self.entry = entry


_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter


class EntityTreeModel(QAbstractItemModel):
    """Groups (People, Organisations, … Quotes) holding one row per entity or quote pair.

    Rows are computed once in `set_rows`; `data()` only looks them up.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(None, 0, None, None)
        self._colors: Colors = LIGHT
        self._selected_color = ""  # the palette's highlighted text: icons on a selected row
        self._one_article = False
        self._side_titles = ("", "")

    # -- content --------------------------------------------------------------------------

    def set_rows(self, groups: dict[Group, list[EntityRow]], *, single: bool = False) -> None:
        self.beginResetModel()
        root = _Node(None, 0, None, None)
        for group in Group:
            entries = groups.get(group) or []
            if not entries:
                continue  # an empty heading says nothing a reader needs
            node = _Node(root, len(root.children), group, None)
            node.children = [_Node(node, i, group, e) for i, e in enumerate(entries)]
            root.children.append(node)
        self._root = root
        self._one_article = single
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def clear(self) -> None:
        self.set_rows({})

    def set_side_titles(self, left: str, right: str) -> None:
        self._side_titles = (left, right)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def set_colors(self, colors: Colors, selected_color: str = "") -> None:
        if colors is self._colors and selected_color == self._selected_color:
            return
        self._colors = colors
        self._selected_color = selected_color
        self._emit_all_changed()

    @property
    def single(self) -> bool:
        return self._one_article

    def rows(self) -> list[EntityRow]:
        """Every entity/quote row in model order (groups left out)."""
        return [child.entry for g in self._root.children for child in g.children if child.entry is not None]

    def index_of(self, entry: EntityRow, column: int = 0) -> QModelIndex:
        for g in self._root.children:
            for child in g.children:
                if child.entry is entry:
                    return self.createIndex(child.row, column, child)
        return QModelIndex()

    def group_index(self, group: Group) -> QModelIndex:
        for node in self._root.children:
            if node.group == group:
                return self.createIndex(node.row, 0, node)
        return QModelIndex()

    def _emit_all_changed(self) -> None:
        for g in self._root.children:
            top = self.createIndex(g.row, 0, g)
            self.dataChanged.emit(top, self.createIndex(g.row, len(Column) - 1, g))
            if g.children:
                first, last = g.children[0], g.children[-1]
                self.dataChanged.emit(
                    self.createIndex(first.row, 0, first), self.createIndex(last.row, len(Column) - 1, last)
                )

    # -- QAbstractItemModel (Qt overrides) ------------------------------------------------------

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 (Qt override)
        # Asked once per row whenever the tree lays out: checked inline rather than through
        # hasIndex (two more calls back into Python), which a long pair feels.
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            children = parent.internalPointer().children
        else:
            children = self._root.children
        if 0 <= row < len(children) and 0 <= column < _COLUMNS:
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: Index | None = None) -> QModelIndex:  # type: ignore[override]  # Qt override
        if index is None:  # QObject.parent(), which this override shadows
            return QObject.parent(self)  # type: ignore[return-value]
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt override)
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt override)
        return _COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalPointer().entry is not None:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        col = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Column.NAME:
                return "Name"
            if col == Column.LEFT:
                return "Count" if self._one_article else "Left"
            if col == Column.RIGHT:
                return "Right"
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.LEFT:
                title = self._side_titles[0]
                return f"Mentions in {title}" if title else "Mentions in the left article"
            if col == Column.RIGHT:
                title = self._side_titles[1]
                return f"Mentions in {title}" if title else "Mentions in the right article"
            if col == Column.STATUS:
                return "In both, only left, only right, spelled differently, or in conflict"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Column.LEFT, Column.RIGHT):
            return _ALIGN_RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        col = index.column()
        entry = node.entry
        if entry is None:
            return self._group_data(node, col, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Column.NAME:
                return entry.label
            if col == Column.LEFT:
                return str(entry.left_count)
            if col == Column.RIGHT:
                return "" if self._one_article else str(entry.right_count)
            return None
        if role == Role.SORT:
            if col == Column.NAME:
                return entry.sort_name
            if col == Column.LEFT:
                return entry.left_count
            if col == Column.RIGHT:
                return entry.right_count
            return STATUS_ORDER[entry.status] if entry.status is not None else len(STATUS_ORDER)
        if role == Qt.ItemDataRole.DecorationRole and col == Column.STATUS and entry.status is not None:
            return status_icon(entry.status, self._colors, self._selected_color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.status_text or None if col == Column.STATUS else entry.tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole and col == Column.STATUS:
            return entry.status_text
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Column.LEFT, Column.RIGHT):
            return _ALIGN_RIGHT
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Column.STATUS:
            return _ALIGN_CENTER
        if role == Qt.ItemDataRole.ForegroundRole and col in (Column.LEFT, Column.RIGHT):
            count = entry.left_count if col == Column.LEFT else entry.right_count
            return self._colors.muted_text if count == 0 else None
        if role == Role.ROW:
            return entry
        if role == Role.GROUP:
            return node.group
        if role == Role.STATUS:
            return entry.status
        if role == Role.FILTER:
            return entry.filter_text
        return None

    def _group_data(self, node: _Node, col: int, role: int):
        group = node.group
        assert group is not None
        if role == Qt.ItemDataRole.DisplayRole and col == Column.NAME:
            return group.label
        if role == Qt.ItemDataRole.DecorationRole and col == Column.NAME:
            return group_icon(group, self._colors, self._selected_color)
        if role == Qt.ItemDataRole.FontRole and col == Column.NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == Column.NAME:
            differ = sum(1 for c in node.children if c.entry is not None and c.entry.differs)
            text = f"{len(node.children)} {group.label.lower()}"
            return text + (f", {differ} differing" if differ and not self._one_article else "")
        if role == Role.SORT:
            return int(group)
        if role == Role.GROUP:
            return group
        return None


class EntityFilterProxy(QSortFilterProxyModel):
    """Filter by words and by 'only what differs'; sort on raw values; groups keep their order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._differences_only = False
        self.setRecursiveFilteringEnabled(True)
        self.setSortRole(Role.SORT)
        self.setDynamicSortFilter(True)

    @property
    def differences_only(self) -> bool:
        return self._differences_only

    def set_filter_text(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_differences_only(self, on: bool) -> None:
        if on == self._differences_only:
            return
        self.beginFilterChange()
        self._differences_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtering(self) -> bool:
        return bool(self._words) or self._differences_only

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # Qt override
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        entry: EntityRow | None = model.data(index, Role.ROW)
        if entry is None:
            # A group shows by itself only when nothing filters; otherwise recursive filtering
            # shows it when one of its rows is accepted.
            return not self.is_filtering()
        if self._differences_only and not entry.differs:
            return False
        return all(w in entry.filter_text for w in self._words)

    def lessThan(self, left: Index, right: Index) -> bool:  # Qt override
        model = self.sourceModel()
        a, b = model.data(left, Role.SORT), model.data(right, Role.SORT)
        if model.data(left, Role.ROW) is None:
            # Groups stay in their reading order whichever way the reader sorts.
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (a > b) if descending else (a < b)
        if a == b:
            na = model.data(left.siblingAtColumn(0), Role.SORT)
            nb = model.data(right.siblingAtColumn(0), Role.SORT)
            if type(na) is type(nb) and na != nb:
                return na < nb
            return left.row() < right.row()
        if type(a) is not type(b):
            return str(a) < str(b)
        return a < b
