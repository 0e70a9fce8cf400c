"""Thin table models over a Coverage: facts × articles, the collation, containment and additions.

Every model reads the immutable Coverage it was given; `data()` only formats fields and slices
article text by spans already computed in the core.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.core.coverage.model import CellState, Coverage, FactKind, Reading, Standing
from desktop.ui.theme import LIGHT, Colors

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_CELL_CHARS = 80  # a cell shows one line; the tooltip holds the whole value and its sentence
_KIND = {FactKind.PERSON: "Person", FactKind.ORGANIZATION: "Organisation", FactKind.PLACE: "Place",
         FactKind.DATE: "Date", FactKind.FIGURE: "Figure", FactKind.QUOTE: "Quote"}
_STANDING = {Standing.DISAGREE: "disagree", Standing.SOME: "some only", Standing.ALL: "all"}


class Role(IntEnum):
    FACT = Qt.ItemDataRole.UserRole + 1  # the core Fact of the row (facts model)
    CELL = Qt.ItemDataRole.UserRole + 2  # the core Cell (facts model, article columns)
    ARTICLE = Qt.ItemDataRole.UserRole + 3  # the article index a column stands for
    TARGET = Qt.ItemDataRole.UserRole + 4  # (article, against, offset): what clicking the cell opens
    SORT = Qt.ItemDataRole.UserRole + 5  # raw value for sorting


def _one_line(text: str, limit: int = _CELL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _bold() -> QFont:
    f = QFont()
    f.setBold(True)
    return f


class _CoverageModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.coverage: Coverage | None = None
        self.colors: Colors = LIGHT
        self._bold = _bold()

    def set_coverage(self, coverage: Coverage | None) -> None:
        self.beginResetModel()
        self.coverage = coverage
        self._rebuild()
        self.endResetModel()

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _rebuild(self) -> None:
        pass

    def _article_head(self, i: int) -> str:
        c = self.coverage
        return f"{c.letters[i]} · {c.labels[i]}"


class FactTableModel(_CoverageModel):
    """Rows: the story's facts, disagreements first. Column 0 names the fact; then one per article."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # Qt override
        return 0 if parent.isValid() or self.coverage is None else len(self.coverage.facts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # Qt override
        return 0 if parent.isValid() or self.coverage is None else 1 + len(self.coverage.articles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # Qt override
        if self.coverage is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            return "Fact" if section == 0 else self._article_head(section - 1)
        if role == _TOOLTIP and section > 0:
            return self.coverage.articles[section - 1].display_title
        return None

    def data(self, index: Index, role: int = _DISPLAY):  # Qt override
        if not index.isValid() or self.coverage is None:
            return None
        fact = self.coverage.facts[index.row()]
        col = index.column()
        if role == Role.FACT:
            return fact
        if col == 0:
            if role == _DISPLAY:
                return f"{_one_line(fact.label, 40)}  ·  {_KIND[fact.kind]}"
            if role == _TOOLTIP:
                diff = f" ({', '.join(str(d) for d in fact.differences)})" if fact.differences else ""
                return f"{_KIND[fact.kind]}: {fact.label}\n{_STANDING[fact.standing]}{diff}"
            if role == _FOREGROUND and fact.standing == Standing.DISAGREE:
                return self.colors.discrepancy
            if role == _FONT and fact.standing == Standing.DISAGREE:
                return self._bold
            if role == Role.SORT:
                return (list(Standing).index(fact.standing), fact.label.casefold())
            return None
        article = col - 1
        cell = fact.cells[article]
        if role == Role.CELL:
            return cell
        if role == Role.ARTICLE:
            return article
        if role == Role.TARGET:
            return self._target(fact, article)
        if role == _DISPLAY:
            if cell.state == CellState.LACKS:
                return "—"
            value = f"“{_one_line(cell.value)}”" if fact.kind == FactKind.QUOTE else _one_line(cell.value)
            if cell.differs_from:
                value += "  ≠ " + ",".join(self.coverage.letters[j] for j in cell.differs_from)
            return value
        if role == _TOOLTIP:
            if cell.state == CellState.LACKS:
                return f"{self.coverage.labels[article]} does not report this."
            where = (f"\n\nSentence {cell.sentence + 1}: {self.coverage.sentence_text(article, cell.sentence)}"
                     if cell.sentence is not None else "")
            detail = f"\n{cell.detail}" if cell.detail else ""
            return f"{cell.value}{detail}{where}"
        if role == _BACKGROUND:
            if cell.state == CellState.DIFFERS:
                return self.colors.changed
            if cell.state == CellState.LACKS:
                return None
            return self.colors.inserted if fact.standing == Standing.SOME else None
        if role == _FOREGROUND:
            if cell.state == CellState.LACKS:
                return self.colors.muted_text
            return self.colors.discrepancy if cell.state == CellState.DIFFERS else None
        if role == _FONT and cell.state == CellState.DIFFERS:
            return self._bold
        if role == _ALIGN and cell.state == CellState.LACKS:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _target(self, fact, article: int) -> tuple[int, int, int] | None:
        """(article whose text the offset is in, the other article, offset): for a cell that lacks the
        fact, the pair opens on an article that has it."""
        other = fact.partner(article)
        if other is None:
            return None
        cell = fact.cells[article]
        if cell.state == CellState.LACKS:
            there = fact.cells[other]
            return other, article, there.span.start if there.span else -1
        return article, other, cell.span.start if cell.span else -1


class CollationModel(_CoverageModel):
    """Rows: the base's sentences. Columns: number, the sentence, then each other article's reading."""

    def _rebuild(self) -> None:
        c = self.coverage
        self._others = [j for j in range(len(c.articles)) if j != c.base] if c else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # Qt override
        return 0 if parent.isValid() or self.coverage is None else len(self.coverage.collation)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # Qt override
        return 0 if parent.isValid() or self.coverage is None else 2 + len(self._others)

    def article_of(self, column: int) -> int | None:
        return self._others[column - 2] if column >= 2 and self.coverage is not None else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # Qt override
        if self.coverage is None or orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        if section == 0:
            return "#"
        if section == 1:
            return f"Base: {self._article_head(self.coverage.base)}"
        return self._article_head(self._others[section - 2])

    def data(self, index: Index, role: int = _DISPLAY):  # Qt override
        if not index.isValid() or self.coverage is None:
            return None
        c = self.coverage
        row = c.collation[index.row()]
        col = index.column()
        if col == 0:
            return f"s{row.sentence + 1}" if role == _DISPLAY else None
        if col == 1:
            if role in (_DISPLAY, _TOOLTIP):
                text = c.articles[c.base].text[row.span.start : row.span.end]
                return _one_line(text, 160) if role == _DISPLAY else text
            if role == Role.TARGET:
                return None
            return None
        j = self._others[col - 2]
        reading = row.readings[j]
        if role == _DISPLAY:
            return str(reading)
        if role == Role.ARTICLE:
            return j
        if role == Role.TARGET:
            return c.base, j, row.span.start
        if role == _BACKGROUND:
            return {Reading.KEPT: self.colors.inserted, Reading.REWRITTEN: self.colors.changed,
                    Reading.DROPPED: self.colors.deleted}.get(reading)
        if role == _TOOLTIP:
            where = row.counterparts[j]
            if where is None:
                return f"{c.labels[j]} does not have this sentence."
            return f"{c.labels[j]}: {c.articles[j].text[where.start : where.end]}"
        if role == _ALIGN:
            return Qt.AlignmentFlag.AlignCenter
        return None


class ContainmentModel(_CoverageModel):
    """Share of the row article's words found in the column article."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # Qt override
        return 0 if parent.isValid() or self.coverage is None else len(self.coverage.articles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # Qt override
        return self.rowCount(parent)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # Qt override
        if self.coverage is None:
            return None
        if role == _DISPLAY:
            return self._article_head(section) if orientation == Qt.Orientation.Vertical else self.coverage.letters[section]
        if role == _TOOLTIP:
            return self.coverage.articles[section].display_title
        return None

    def data(self, index: Index, role: int = _DISPLAY):  # Qt override
        if not index.isValid() or self.coverage is None:
            return None
        c = self.coverage
        i, j = index.row(), index.column()
        if i == j:
            return "—" if role == _DISPLAY else (Qt.AlignmentFlag.AlignCenter if role == _ALIGN else None)
        share = c.containment(i, j)
        if role == _DISPLAY:
            return f"{share:.0%}"
        if role == Role.SORT:
            return share
        if role == _ALIGN:
            return Qt.AlignmentFlag.AlignCenter
        if role == _BACKGROUND:
            return _blend(self.colors.header_background, self.colors.moved_line, min(1.0, share) * 0.45)
        if role == Role.TARGET:
            r = c.pair(i, j)
            first = r.passages[0] if r.passages else None
            offset = (first.left if r.left == i else first.right).start if first else -1
            return i, j, offset
        if role == _TOOLTIP:
            r = c.pair(i, j)
            src = f"\nLikely source: {c.labels[r.likely_source]}" if r.likely_source is not None else ""
            return (f"{share:.0%} of {c.labels[i]}'s words are found in {c.labels[j]}.\n"
                    f"{len(r.passages)} shared passages of 8+ words ({r.passage_words} words).{src}")
        return None


class AdditionsModel(QAbstractListModel):
    """What each article adds that no other has: one row per passage."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.coverage: Coverage | None = None

    def set_coverage(self, coverage: Coverage | None) -> None:
        self.beginResetModel()
        self.coverage = coverage
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # Qt override
        return 0 if parent.isValid() or self.coverage is None else len(self.coverage.additions)

    def data(self, index: Index, role: int = _DISPLAY):  # Qt override
        if not index.isValid() or self.coverage is None:
            return None
        c = self.coverage
        a = c.additions[index.row()]
        text = c.articles[a.article].text[a.span.start : a.span.end]
        if role == _DISPLAY:
            return f"Only in {c.letters[a.article]} · {c.labels[a.article]}:  {_one_line(text, 200)}"
        if role == _TOOLTIP:
            return text
        if role == Role.ARTICLE:
            return a.article
        if role == Role.TARGET:
            other = c.base if c.base != a.article else (a.article + 1) % len(c.articles)
            return a.article, other, a.span.start
        return None


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


class PassagesModel(QAbstractListModel):
    """Shared passages of 8+ words, pair by pair, most shared first, with the likely source."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.coverage: Coverage | None = None
        self._rows: list[tuple[int, int]] = []  # (pair index, passage index)

    def set_coverage(self, coverage: Coverage | None) -> None:
        self.beginResetModel()
        self.coverage = coverage
        order = sorted(range(len(coverage.reuse)), key=lambda k: -coverage.reuse[k].passage_words) if coverage else []
        self._rows = [(k, m) for k in order for m in range(len(coverage.reuse[k].passages))]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # Qt override
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = _DISPLAY):  # Qt override
        if not index.isValid() or self.coverage is None:
            return None
        c = self.coverage
        k, m = self._rows[index.row()]
        r = c.reuse[k]
        p = r.passages[m]
        text = c.articles[r.left].text[p.left.start : p.left.end]
        if role == _DISPLAY:
            src = f", from {c.letters[r.likely_source]}" if r.likely_source is not None else ""
            return f"{c.letters[r.left]}–{c.letters[r.right]} ({p.words} words{src}):  “{_one_line(text, 200)}”"
        if role == _TOOLTIP:
            return text
        if role == Role.TARGET:
            return r.left, r.right, p.left.start
        return None
