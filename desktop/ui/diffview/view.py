"""DiffView: the two articles side by side, rows level, changes painted, scrolling in step."""

from __future__ import annotations

import bisect
import time

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QVBoxLayout, QWidget

from desktop.core.article import BODY_KINDS, Article, Span
from desktop.core.compare.model import Change, ChangeClass, Comparison, Op
from desktop.ui.diffview.bands import CONTEXT, REPLACED, Band, Hidden, band_hidden, build_bands, hidden_by_class, single_bands
from desktop.ui.diffview.connector import ConnectedSplitter, ConnectorHandle, Link
from desktop.ui.diffview.document import DocumentBuilder, PaneDocument, level
from desktop.ui.diffview.overview import OverviewMark, OverviewStrip
from desktop.ui.diffview.pane import ArticlePane, ArticleText
from desktop.ui.session import ARTICLES, COMPARISON, Session
from desktop.ui.theme import Colors, palette_colors

SIDES = ("left", "right")
_LINE_ROLE = {
    "changed": "changed_line",
    "inserted": "inserted_line",
    "deleted": "deleted_line",
    "moved": "moved_line",
    REPLACED: "changed_line",
}
# Extra-selection layers, bottom to top.
_LAYERS = ("mentions", "find", "change", "flash")
FLASH_MS = 1200
# A long pair is shown in steps so the event loop never waits long: the first step (sized to
# fill a tall screen) at once, then steps of about STEP_S of GUI time between event-loop turns.
FIRST_CHARS = 6000
STEP_CHARS = 1500
STEP_S = 0.02


class DiffView(QWidget):
    """The split view of a comparison (or of one article).

    Signals:
        change_position_changed(int, int): current change (1-based, 0 for none) and how many.
        offset_hovered(str, int): the mouse is over this article offset on this side.
        files_dropped(str, list): local files dropped onto the "left" or "right" pane.
        built(): both panes hold the whole comparison (a long one is shown in steps).
    """

    change_position_changed = Signal(int, int)
    built = Signal()
    offset_hovered = Signal(str, int)
    files_dropped = Signal(str, list)

    def __init__(self, parent: QWidget | None = None, session: Session | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Comparison")
        # What is shown lives in the session (the window's, or this view's own when it stands
        # alone); the view paints it and keeps only what it built from it.
        self.session = session if session is not None else Session(self)
        self._built_from: tuple | None = None
        self.splitter = ConnectedSplitter(self)
        self.panes = {side: ArticlePane(side, self.splitter) for side in SIDES}
        for pane in self.panes.values():
            self.splitter.addWidget(pane)
        self.splitter.setSizes([1, 1])
        self.connector: ConnectorHandle = self.splitter.connector()
        self.connector.links = self._links
        self.overview = OverviewStrip(self)
        self.overview.jump_requested.connect(self._jump_to_share)
        strip = QVBoxLayout()
        strip.setContentsMargins(0, 0, 0, 0)
        strip.addWidget(self.overview)
        self._strip_layout = strip
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(strip)

        self._show_boilerplate = True
        self._class_filter: frozenset[ChangeClass] | None = None
        self._bands: list[Band] = []
        self._hidden: Hidden | None = None
        self._docs: dict[str, PaneDocument] = {}
        self._tops: dict[str, list[float]] = {side: [0.0] for side in SIDES}
        self._band_of_piece: dict[int, int] = {}
        self._changes: list[tuple[int, Change]] = []  # (band, change), filtered, display order
        self._current = -1
        self._matches: list[tuple[str, QTextCursor]] = []  # find: in reading order
        self._match = -1  # the current match, -1 for none
        self._layers: dict[str, dict[str, list[QTextEdit.ExtraSelection]]] = {s: {} for s in SIDES}
        self._syncing = False
        self._widths = {side: -1 for side in SIDES}
        self._hovered: tuple[str, int] | None = None
        self._colors: Colors = palette_colors(self.palette())

        self._relevel_timer = QTimer(self)
        self._relevel_timer.setSingleShot(True)
        self._relevel_timer.setInterval(50)  # while a splitter is dragged, level once it pauses
        self._relevel_timer.timeout.connect(self._relevel)
        self._builders: dict[str, DocumentBuilder] = {}  # while a long pair is still being shown
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(lambda: self._build_step(STEP_CHARS, STEP_S))
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self._clear_layer("flash"))

        for side, pane in self.panes.items():
            text = pane.text
            text.verticalScrollBar().valueChanged.connect(lambda _v, s=side: self._scrolled(s))
            text.position_hovered.connect(lambda pos, s=side: self._on_hover(s, pos))
            text.position_clicked.connect(lambda pos, s=side: self._on_click(s, pos))
            text.files_dropped.connect(lambda paths, s=side: self.files_dropped.emit(s, paths))
            text.describe = lambda pos, s=side: self.describe_position(s, pos)
            text.viewport().installEventFilter(self)
        self.setFocusProxy(self.panes["left"].text)
        self._apply_colors()
        self.session.changed.connect(self._session_changed)
        self._rebuild()

    # ----- public API (see the UI contract) -----

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show a finished comparison (through the session, which owns what is shown)."""
        self.session.show_comparison(comparison)

    def show_single(self, article: Article | None) -> None:
        if article is None:
            self.session.clear()
        else:
            self.session.show_single(article)

    def comparison(self) -> Comparison | None:
        return self.session.comparison

    def _session_changed(self, what: frozenset) -> None:
        if what & {ARTICLES, COMPARISON}:
            # The whole comparison shares its alignment with the one already painted: only
            # a different alignment (or article) is built again.
            if self._source() != self._built_from:
                self._rebuild()

    def _source(self) -> tuple:
        c, single = self.session.comparison, self.session.single
        return (id(c.sentences), c.left.id, c.right.id) if c is not None else (single.id if single else None,)

    def set_show_boilerplate(self, show: bool) -> None:
        if show == self._show_boilerplate:
            return
        self._show_boilerplate = show
        piece = self._top_piece()
        self._rebuild()
        band = self._band_of_piece.get(piece) if piece is not None else None
        if band is not None:
            self._ensure_built(band)
            self._scroll_to_y("left", self._tops["left"][band], 0.0)

    def is_building(self) -> bool:
        """True while a long pair is still being added to the panes (`built` follows)."""
        return bool(self._builders)

    def finish_building(self) -> None:
        """Show the rest of a long pair at once (before printing, screenshots, a search)."""
        while self._builders:
            self._build_step(None, None)

    def set_class_filter(self, classes: frozenset[ChangeClass] | None) -> None:
        """Show only these classes of change (None: all): the others lose their highlight in
        the panes, the connector and the overview strip, and next/previous skip them."""
        if classes == self._class_filter:
            return
        self._class_filter = classes
        piece = self._top_piece()
        self._rebuild()  # the highlights are painted into the documents
        band = self._band_of_piece.get(piece) if piece is not None else None
        if band is not None:
            self._ensure_built(band)
            self._scroll_to_y("left", self._tops["left"][band], 0.0)

    def class_filter(self) -> frozenset[ChangeClass] | None:
        return self._class_filter

    def next_change(self) -> None:
        if self._changes:
            self._select_change(min(self._current + 1, len(self._changes) - 1))

    def previous_change(self) -> None:
        if self._changes:
            self._select_change(len(self._changes) - 1 if self._current < 0 else max(self._current - 1, 0))

    def change_position(self) -> tuple[int, int]:
        return self._current + 1, len(self._changes)

    def find(self, text: str) -> int:
        """Highlight every match in both panes (case-insensitive) and make the first, in
        reading order, the current one (scrolled to). Returns how many there are."""
        self._matches = []
        self._match = -1
        if not text:
            self.clear_find()
            return 0
        self.finish_building()
        found: list[tuple[int, int, int, QTextCursor]] = []  # (row, side, position, cursor)
        for order, side in enumerate(SIDES):
            pane = self._docs.get(side)
            if pane is None:
                continue
            doc = pane.doc
            cursor = doc.find(text, 0)
            while not cursor.isNull():
                found.append((pane.band_at(cursor.selectionStart()), order, cursor.selectionStart(), cursor))
                cursor = doc.find(text, cursor)
        # Reading order: row by row down the view, the left pane before the right in a row.
        found.sort(key=lambda m: m[:3])
        self._matches = [(SIDES[order], cursor) for _row, order, _pos, cursor in found]
        if self._matches:
            self.step_find(1)
        else:
            self._paint_find()
        return len(self._matches)

    def step_find(self, delta: int) -> tuple[int, int]:
        """Make the next (delta 1) or previous (-1) match current, wrapping round; scroll to it.
        Returns (current, total), current 1-based (0 when there is no match)."""
        if not self._matches:
            return 0, 0
        if self._match < 0:
            self._match = 0 if delta > 0 else len(self._matches) - 1
        else:
            self._match = (self._match + delta) % len(self._matches)
        self._paint_find()
        side, cursor = self._matches[self._match]
        if not self._position_visible(side, cursor.selectionStart()):
            self._scroll_to_position(side, cursor.selectionStart())
        return self.find_position()

    def find_position(self) -> tuple[int, int]:
        return self._match + 1, len(self._matches)

    def _paint_find(self) -> None:
        every = QTextCharFormat()
        every.setBackground(self._colors.find_highlight)
        current = QTextCharFormat()
        current.setBackground(self._colors.find_current)
        current.setFontUnderline(True)
        layers: dict[str, list[QTextEdit.ExtraSelection]] = {side: [] for side in SIDES}
        for n, (side, cursor) in enumerate(self._matches):
            layers[side].append(_selection(cursor, current if n == self._match else every))
        for side in SIDES:
            self._set_layer(side, "find", layers[side])

    def clear_find(self) -> None:
        self._matches = []
        self._match = -1
        for side in SIDES:
            self._set_layer(side, "find", [])

    def highlight_mentions(self, left: list[Span], right: list[Span]) -> None:
        """Paint exactly these spans (entity mentions) in both panes; scroll to the first."""
        left = [Span(*s[:2]) for s in left if s is not None]  # a side may have no mention
        right = [Span(*s[:2]) for s in right if s is not None]
        if left or right:
            self.finish_building()
        fmt = QTextCharFormat()
        fmt.setBackground(self._colors.entity_highlight)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(self._colors.current_change)
        for side, spans in (("left", left), ("right", right)):
            self._set_layer(side, "mentions", self._span_selections(side, spans, fmt))
        # Hovering selects the entity under the mouse, which lands here: only scroll when no
        # mention is on screen already, so the text never moves under a hovering mouse.
        sides = (("left", left), ("right", right))
        if any(self._offset_visible(side, s.start) for side, spans in sides for s in spans):
            return
        for side, spans in (("left", left), ("right", right)):
            if spans:
                self.scroll_to_offset(side, min(s.start for s in spans))
                break

    def scroll_to_offset(self, side: str, offset: int) -> None:
        self.finish_building()
        pane = self._docs.get(side)
        if pane is None:
            return
        pos = pane.to_position(offset)
        if pos is not None:
            self._scroll_to_position(side, pos)

    def _offset_visible(self, side: str, offset: int) -> bool:
        pane = self._docs.get(side)
        pos = pane.to_position(offset) if pane is not None else None
        return pos is not None and self._position_visible(side, pos)

    def _position_visible(self, side: str, pos: int) -> bool:
        view = self.panes[side].text
        if not view.isVisibleTo(self):
            return False
        cursor = QTextCursor(view.document())
        cursor.setPosition(pos)
        rect = view.cursorRect(cursor)
        return rect.bottom() > 0 and rect.top() < view.viewport().height()

    def describe_position(self, side: str, position: int) -> str:
        """What the row at a document position is, in a reader's words (the pane's tooltip)."""
        pane = self._docs.get(side)
        if pane is None:
            return ""
        index = pane.band_at(position)
        if index >= len(self._bands):
            return ""
        band = self._bands[index]
        c = self.session.comparison
        if band.kind == CONTEXT or c is None:
            offset = pane.to_offset(position)
            block = pane.article.block_at(offset) if offset is not None and pane.article else None
            if block is None or block.kind in BODY_KINDS:
                return ""
            reason = f": {block.reason}" if block.reason else ""
            return f"Set aside as {block.kind}{reason}. Not compared."
        # A replaced band holds a deleted and an inserted row: describe this side's.
        pieces = [c.sentences[i] for i in band.pieces]
        piece = next((p for p in pieces if getattr(p, side) is not None), pieces[0])
        classes = ", ".join(str(k) for k in piece.classes)
        label = f" ({classes})" if classes else ""
        other = "right" if side == "left" else "left"
        return {
            Op.CHANGED: f"Changed{label}: edited words are marked more strongly.",
            Op.INSERTED: "Only in the right article.",
            Op.DELETED: "Only in the left article.",
            Op.MOVED: f"Moved{label}. Click to see where it stands in the {other} article.",
        }.get(piece.op, "")

    # ----- for tests and the window -----

    def pane_document(self, side: str) -> PaneDocument | None:
        return self._docs.get(side)

    def text_view(self, side: str) -> ArticleText:
        return self.panes[side].text

    def bands(self) -> list[Band]:
        return list(self._bands)

    def band_top(self, side: str, band: int) -> float:
        return self._tops[side][band]

    # ----- building -----

    def _rebuild(self) -> None:
        c, single = self.session.comparison, self.session.single
        self._built_from = self._source()
        if c is not None:
            self._bands = build_bands(c, self._show_boilerplate)
            articles = {"left": c.left, "right": c.right}
        elif single is not None:
            self._bands = single_bands(single, self._show_boilerplate)
            articles = {"left": single, "right": None}
        else:
            self._bands = []
            articles = {"left": None, "right": None}
        # A piece cut into several rows (bands.split_long_bands) is found at its first row.
        self._band_of_piece = {p: i for i, band in reversed(list(enumerate(self._bands))) for p in band.pieces}
        self._hidden = hidden_by_class(c, self._class_filter)
        self.panes["right"].setVisible(single is None)
        # Side by side the right scrollbar drives both panes; the left one would only crowd the band.
        self.panes["left"].text.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn if single is not None else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        # Give the panes their new widths now (one pane or two): laid out at a stale width, a
        # long pair would be laid out twice, the second time all at once on the resize.
        self.splitter.refresh()
        font = self.panes["left"].text.font()
        line = round(QFontMetrics(font).lineSpacing() * 1.3)  # prose needs more air than code
        self._gap = round(line * 0.6)  # between paragraphs
        self._build_timer.stop()
        builders: dict[str, DocumentBuilder] = {}
        for side in SIDES:
            pane = self.panes[side]
            pane.set_article(articles[side])
            view = pane.text
            old = view.document()
            ours = old is not None and old.parent() is view  # Qt deletes its own default document
            builder = DocumentBuilder(
                articles[side], self._bands, side, c, self._colors, font, line, view, self._gap, self._hidden
            )
            self._widths[side] = view.viewport().width()
            builder.pane.doc.setTextWidth(self._widths[side])
            self._layers[side] = {}
            self._matches, self._match = [], -1  # the window searches the new documents again
            view.setExtraSelections([])
            view.set_marker(None, self._colors.current_change)
            view.setDocument(builder.pane.doc)
            if ours:
                old.deleteLater()
            self._docs[side] = builder.pane
            builders[side] = builder
        self._builders = builders
        self._relevel_timer.stop()  # the new documents are laid out at the widths just taken
        self._current = -1
        self._hovered = None
        self._collect_changes()
        self._tops = {side: [0.0] for side in SIDES}  # a new pair opens at its top
        self._update_overview()
        self._build_step(FIRST_CHARS, 0.0)
        for side in SIDES:
            self.panes[side].text.verticalScrollBar().setValue(0)
        self._emit_position()

    def _build_step(self, chars: int | None, seconds: float | None) -> None:
        """Add the next bands to both panes and level them: steps of `chars` characters until
        `seconds` have passed (None: all of it); the rest follows on the next event-loop turn."""
        builders = self._builders
        if not builders:
            return
        t0 = time.perf_counter()
        total = len(self._bands)
        start = builders["left"].built
        while builders["left"].built < total:
            begin = stop = builders["left"].built
            size = 0
            while stop < total and (chars is None or size < chars):
                size += max(b.chars(stop) for b in builders.values())
                stop += 1
            for builder in builders.values():
                builder.extend(stop)
            self._level_rows(begin, stop)
            if seconds is not None and time.perf_counter() - t0 >= seconds:
                break
        done = builders["left"].built >= total
        if done:
            self._builders = {}
        self._update_marker()
        self._update_gaps()
        self.connector.update()
        if done:
            self._update_overview()
            self.built.emit()
        elif start < builders["left"].built:
            self._build_timer.start()

    def _level_rows(self, start: int, stop: int) -> None:
        """Level bands start..stop, which both panes now hold, and note where their rows are."""
        sides = [s for s in SIDES if self.panes[s].isVisibleTo(self)]
        if not sides:
            return  # laid out when shown (the resize that brings it calls _relevel)
        if any(len(self._tops[s]) != start + 1 for s in sides):
            start = 0  # the rows before were added while the panes were hidden
        level([self._docs[s] for s in sides], self._gap, start, stop)
        for side in sides:
            self._tops[side][start:] = _block_tops(self._docs[side], start)
        if "right" not in sides:
            self._tops["right"] = list(self._tops["left"])

    def _ensure_built(self, band: int) -> None:
        if self._builders and band + 1 >= len(self._tops["left"]):
            self.finish_building()

    def _relevel(self) -> None:
        sides = [s for s in SIDES if self.panes[s].isVisibleTo(self) and s in self._docs]
        if not sides or not self._bands:
            self._tops = {side: [0.0] for side in SIDES}
            self._update_overview()
            self._update_gaps()
            self.connector.update()
            return
        anchor = self._scroll_anchor("left")
        for side in sides:
            view = self.panes[side].text
            self._widths[side] = view.viewport().width()
            self._docs[side].doc.setTextWidth(self._widths[side])
        built = self._builders["left"].built if self._builders else len(self._bands)
        level([self._docs[s] for s in sides], self._gap, 0, built)
        for side in sides:
            self._tops[side] = _block_tops(self._docs[side], 0)
        if "right" not in sides:
            self._tops["right"] = list(self._tops["left"])
        if anchor is not None:
            self._scroll_to_anchor("left", *anchor)
        self._mirror("left")
        self._update_overview()
        self._update_marker()
        self._update_gaps()
        self.connector.update()

    def _update_gaps(self) -> None:
        """Hatch the rows where only the other article has text, in that change's colour."""
        for side in SIDES:
            gaps = []
            tops = self._tops[side]
            for i, band in enumerate(self._bands):
                role = _LINE_ROLE.get(str(band.kind))
                if role is None or band.spans(side) or i + 1 >= len(tops) or band_hidden(band, self._hidden):
                    continue
                color = QColor(getattr(self._colors, role))
                color.setAlpha(70)
                gaps.append((tops[i], self._content_bottom(side, i), color))
            self.panes[side].text.set_gaps(gaps)

    def _collect_changes(self) -> None:
        c = self.session.comparison
        if c is None:
            self._changes = []
            self._current = -1
            return
        wanted = self._class_filter
        rows = [
            (self._band_of_piece[ch.piece], order, ch)
            for order, ch in enumerate(c.changes)
            if ch.piece in self._band_of_piece and (wanted is None or ch.cls in wanted)
        ]
        rows.sort(key=lambda r: (r[0], r[1]))
        self._changes = [(band, ch) for band, _order, ch in rows]
        self._current = -1
        self._clear_layer("change")
        self._update_marker()

    # ----- colours -----

    def changeEvent(self, event: QEvent) -> None:  # Override QWidget: follow light/dark and font switches
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            colors = palette_colors(self.palette())
            if colors is not self._colors:
                self._colors = colors
                self._apply_colors()
                self._rebuild()
        elif event.type() == QEvent.Type.FontChange:
            self._rebuild()  # line height and the documents' font come from the widget font

    def _apply_colors(self) -> None:
        for pane in self.panes.values():
            pane.header.apply_colors(self._colors)
        self.connector.colors = self._colors
        self.overview.colors = self._colors
        self.connector.update()
        self.overview.update()

    # ----- scrolling in step -----

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Override QObject
        if event.type() == QEvent.Type.Resize:
            for side in SIDES:
                if watched is self.panes[side].text.viewport() and watched.width() != self._widths[side]:
                    self._relevel_timer.start()
            self.connector.update()
        return False

    def resizeEvent(self, event) -> None:  # Override QWidget: the strip starts where the text does
        super().resizeEvent(event)
        self._strip_layout.setContentsMargins(0, self.panes["left"].header.sizeHint().height(), 0, 0)

    def _scroll_anchor(self, side: str) -> tuple[int, float] | None:
        """The band at the top of a pane and how far into it the pane is scrolled (0..1)."""
        tops = self._tops[side]
        if len(tops) < 2:
            return None
        y = float(self.panes[side].text.verticalScrollBar().value())
        i = min(max(bisect.bisect_right(tops, y) - 1, 0), len(tops) - 2)
        height = tops[i + 1] - tops[i]
        return i, (y - tops[i]) / height if height > 0 else 0.0

    def _scroll_to_anchor(self, side: str, band: int, fraction: float) -> None:
        tops = self._tops[side]
        if band + 1 >= len(tops):
            return
        y = tops[band] + fraction * (tops[band + 1] - tops[band])
        self.panes[side].text.verticalScrollBar().setValue(round(y))

    def _top_piece(self) -> int | None:
        """The first alignment row at the top of the view (survives a rebuild, unlike band numbers)."""
        anchor = self._scroll_anchor("left")
        if anchor is None:
            return None
        for band in self._bands[anchor[0] :]:
            if band.pieces:
                return band.pieces[0]
        return None

    def _scrolled(self, side: str) -> None:
        if not self._syncing:
            self._mirror(side)
        self.connector.update()
        self._update_visible_range()

    def _mirror(self, side: str) -> None:
        """Scroll the other pane to the same band and fraction as this one (alignment, not pixels)."""
        other = "right" if side == "left" else "left"
        anchor = self._scroll_anchor(side)
        if anchor is None or not self.panes[other].isVisibleTo(self):
            return
        self._syncing = True
        try:
            self._scroll_to_anchor(other, *anchor)
        finally:
            self._syncing = False

    def _scroll_to_y(self, side: str, y: float, share_of_view: float = 1 / 3) -> None:
        bar = self.panes[side].text.verticalScrollBar()
        bar.setValue(round(y - share_of_view * self.panes[side].text.viewport().height()))
        self._mirror(side)

    def _scroll_to_position(self, side: str, position: int) -> None:
        view = self.panes[side].text
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        y = view.cursorRect(cursor).top() + view.verticalScrollBar().value()
        self._scroll_to_y(side, y)

    def _jump_to_share(self, share: float) -> None:
        self.finish_building()
        tops = self._tops["left"]
        self._scroll_to_y("left", share * tops[-1], 0.5)

    # ----- connector and overview -----

    def _links(self, handle: QWidget) -> tuple[float, float, list[Link]]:
        views = {side: self.panes[side].text for side in SIDES}
        if not self._bands or not all(v.isVisibleTo(self) for v in views.values()):
            return 0.0, 0.0, []
        origin = handle.mapTo(self, QPoint(0, 0)).y()
        shift = {
            side: view.viewport().mapTo(self, QPoint(0, 0)).y() - origin - view.verticalScrollBar().value()
            for side, view in views.items()
        }
        vp = views["left"].viewport()
        top = vp.mapTo(self, QPoint(0, 0)).y() - origin
        bottom = top + vp.height()
        tl, tr = self._tops["left"], self._tops["right"]
        lo = max(0, bisect.bisect_right(tl, top - shift["left"]) - 2)
        hi = bisect.bisect_right(tl, bottom - shift["left"]) + 1
        links: list[Link] = []
        c = self.session.comparison
        done: set[int] = set()
        candidates = list(range(lo, min(hi, len(self._bands))))
        # Moves link far-apart rows: include those whose other end is on screen too.
        candidates += [i for i, b in enumerate(self._bands) if b.kind == Op.MOVED and not lo <= i < hi]
        for i in candidates:
            band = self._bands[i]
            if band.kind in (Op.EQUAL, CONTEXT) or i in done or i + 1 >= len(tl) or band_hidden(band, self._hidden):
                continue
            bottoms = (self._content_bottom("left", i), self._content_bottom("right", i))
            if band.kind == Op.MOVED and c is not None:
                piece = c.sentences[band.pieces[0]]
                partner = self._band_of_piece.get(piece.partner) if piece.partner is not None else None
                if partner is None or piece.left is None or partner + 1 >= len(tr):
                    continue
                done.update((i, partner))
                link = Link(
                    tl[i] + shift["left"],
                    bottoms[0] + shift["left"],
                    tr[partner] + shift["right"],
                    self._content_bottom("right", partner) + shift["right"],
                    "moved",
                )
                # Only when an end is on screen: links passing straight through would be noise.
                if not (link.l1 >= top and link.l0 <= bottom) and not (link.r1 >= top and link.r0 <= bottom):
                    continue
            else:
                link = Link(
                    tl[i] + shift["left"],
                    bottoms[0] + shift["left"],
                    tr[i] + shift["right"],
                    bottoms[1] + shift["right"],
                    str(band.kind),
                )
            links.append(link)
        return float(top), float(bottom), links

    def _content_bottom(self, side: str, band: int) -> float:
        tops = self._tops[side]
        gap = self._gap if self._bands[band].paragraph_end else 0
        return tops[band + 1] - gap

    def _update_overview(self) -> None:
        tops = self._tops["left"]
        if len(tops) < 2 or self.session.comparison is None or self._builders:  # drawn once all is in
            self.overview.set_marks([], 0.0)
            self._update_visible_range()
            return
        rows = [
            i for i, b in enumerate(self._bands) if b.kind not in (Op.EQUAL, CONTEXT) and not band_hidden(b, self._hidden)
        ]
        marks = [
            OverviewMark(
                tops[i], self._content_bottom("left", i), _LINE_ROLE.get(str(self._bands[i].kind), "changed_line")
            )
            for i in rows
        ]
        self.overview.set_marks(marks, tops[-1])
        self._update_visible_range()

    def _update_visible_range(self) -> None:
        view = self.panes["left"].text
        top = view.verticalScrollBar().value()
        self.overview.set_visible_range(float(top), float(top + view.viewport().height()))

    # ----- change navigation -----

    def _select_change(self, index: int, scroll: bool = True) -> None:
        self._current = index
        band, change = self._changes[index]
        self._ensure_built(band)
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(self._colors.current_change)
        c = self.session.comparison
        piece = c.sentences[change.piece] if c is not None else None
        for side in SIDES:
            span = getattr(change, side) or (getattr(piece, side) if piece is not None else None)
            self._set_layer(side, "change", self._span_selections(side, [span] if span else [], fmt))
        self._update_marker()
        if scroll:
            self._scroll_to_y("left", self._tops["left"][band])
        self._emit_position()

    def _update_marker(self) -> None:
        for side in SIDES:
            view = self.panes[side].text
            if self._current < 0 or self._current >= len(self._changes):
                view.set_marker(None, self._colors.current_change)
                continue
            band = self._changes[self._current][0]
            if band + 1 < len(self._tops[side]):
                rows = (self._tops[side][band], self._content_bottom(side, band))
                view.set_marker(rows, self._colors.current_change)

    def _emit_position(self) -> None:
        self.change_position_changed.emit(self._current + 1, len(self._changes))

    # ----- hover and click -----

    def _on_hover(self, side: str, position: int) -> None:
        pane = self._docs.get(side)
        if pane is None or position < 0:
            return
        offset = pane.to_offset(position)
        if offset is not None and (side, offset) != self._hovered:
            self._hovered = (side, offset)
            self.offset_hovered.emit(side, offset)

    def _on_click(self, side: str, position: int) -> None:
        """A click on a change makes it the current one (next/previous go on from there);
        a click on a moved sentence also jumps to where it stands in the other article."""
        c = self.session.comparison
        pane = self._docs.get(side)
        if c is None or pane is None:
            return
        band_index = pane.band_at(position)
        for index, (band, _change) in enumerate(self._changes):
            if band == band_index:
                self._select_change(index, scroll=False)
                break
        if band_index >= len(self._bands) or self._bands[band_index].kind != Op.MOVED:
            return
        piece = c.sentences[self._bands[band_index].pieces[0]]
        if piece.partner is None or piece.partner not in self._band_of_piece:
            return
        other = "right" if side == "left" else "left"
        partner = c.sentences[piece.partner]
        span = getattr(partner, other)
        if span is None:
            return
        self._ensure_built(self._band_of_piece[piece.partner])
        self._scroll_to_y(other, self._tops[other][self._band_of_piece[piece.partner]])
        fmt = QTextCharFormat()
        fmt.setBackground(self._colors.find_current)
        self._set_layer(other, "flash", self._span_selections(other, [span], fmt))
        self._flash_timer.start(FLASH_MS)

    # ----- extra selections -----

    def _span_selections(self, side: str, spans: list[Span], fmt: QTextCharFormat) -> list[QTextEdit.ExtraSelection]:
        pane = self._docs.get(side)
        if pane is None:
            return []
        out = []
        for span in spans:
            for a, b in pane.ranges(Span(span[0], span[1])):
                cursor = QTextCursor(pane.doc)
                cursor.setPosition(a)
                cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                out.append(_selection(cursor, fmt))
        return out

    def _set_layer(self, side: str, layer: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        self._layers[side][layer] = selections
        merged = [sel for name in _LAYERS for sel in self._layers[side].get(name, [])]
        self.panes[side].text.setExtraSelections(merged)

    def _clear_layer(self, layer: str) -> None:
        for side in SIDES:
            self._set_layer(side, layer, [])


def _selection(cursor: QTextCursor, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    sel = QTextEdit.ExtraSelection()
    sel.cursor = cursor
    sel.format = fmt
    return sel


def _block_tops(pane: PaneDocument, start: int) -> list[float]:
    """The y of each band's block from `start` in document coordinates, then of the closing empty block."""
    layout = pane.doc.documentLayout()
    tops: list[float] = []
    block = pane.doc.findBlockByNumber(start)
    while block.isValid():
        tops.append(layout.blockBoundingRect(block).top())
        block = block.next()
    return tops

