"""One pane's QTextDocument built from the bands, with the map between article offsets and positions.

Block i of each pane's document shows band i, so counterpart rows are found by block
number; `level()` pads blocks with bottom margins so block i starts at the same y in
both panes. Lines have a fixed pixel height, so the padding is exact whole pixels.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from desktop.core.article import BODY_KINDS, Article, BlockKind, Span
from desktop.core.compare.model import Comparison
from desktop.ui.diffview.bands import CONTEXT, Band, BlockIndex, Hidden, band_marks, paint_runs
from desktop.ui.theme import WORD_ROLES, Colors

DOCUMENT_MARGIN = 10
_BROKEN_WORD = re.compile(r"(?<=[-\u2010\u2011])\n(?=\w)")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # two UTF-16 units in a QTextDocument


# Qt wraps a word wider than the pane anywhere (WrapAtWordBoundaryOrAnywhere), but looks for the
# word's end again on every line: laying out one unbroken run costs the square of its length
# (40,000 characters: 0.09 s; a 1 MB "word" froze the window for 23 s of CPU). Runs longer than
# this get a zero-width space, shown only in the pane (the offset map skips it), every so many
# characters; a URL or a long compound never comes near it.
LONG_RUN = 200
BREAK = "\u200b"
_LONG_RUN_RE = re.compile(r"\S{%d,}" % (LONG_RUN + 1))


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] cut after every LONG_RUN characters of a run with no space in it."""
    if end - start <= LONG_RUN:
        return [(start, end)]
    cuts = [start]
    for match in _LONG_RUN_RE.finditer(text, start, end):
        cuts.extend(range(match.start() + LONG_RUN, match.end(), LONG_RUN))
    cuts.append(end)
    return list(zip(cuts, cuts[1:]))


def _one_block(text: str) -> str:
    # A newline would start a new block and break "block i shows band i": use line separators.
    # A newline after a hyphen is a word broken at a plain-text file's margin ("inter-\nnational",
    # see readers/txt.py): shown as the file's hyphen, the pane wrapping it like any other line.
    # Each replacement is one character for one, so offsets still map one to one.
    if "\n" in text or "\r" in text or "\u2029" in text:
        text = _BROKEN_WORD.sub("\u200b", text)
        text = text.replace("\r", " ").replace("\n", "\u2028").replace("\u2029", "\u2028")
    return text


@dataclass
class PaneDocument:
    """A pane's document plus the offset maps (kept sorted both ways).

    Article offsets count code points; document positions count UTF-16 units, so a
    character outside the BMP (an emoji) is a segment of its own, one offset wide and
    two positions wide. Every other segment maps one to one.
    """

    doc: QTextDocument
    article: Article | None
    bands: list[Band]
    line_height: int
    # segment k shows article [art_starts[k], +lengths[k]) at positions [doc_starts[k], +doc_lengths[k])
    doc_starts: list[int] = field(default_factory=list)
    art_starts: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    doc_lengths: list[int] = field(default_factory=list)
    _by_article: list[int] = field(default_factory=list)  # segment indexes sorted by art_start
    _art_sorted: list[int] = field(default_factory=list)

    def add(self, position: int, offset: int, text: str) -> int:
        """Record `text` (article text from `offset`) inserted at `position`; return its end position."""
        if text.isascii() or not _ASTRAL.search(text):
            self._segment(position, offset, len(text), len(text))
            return position + len(text)
        i = 0
        for match in _ASTRAL.finditer(text):
            if match.start() > i:
                self._segment(position, offset + i, match.start() - i, match.start() - i)
                position += match.start() - i
            self._segment(position, offset + match.start(), 1, 2)
            position += 2
            i = match.end()
        if i < len(text):
            self._segment(position, offset + i, len(text) - i, len(text) - i)
            position += len(text) - i
        return position

    def _segment(self, position: int, offset: int, length: int, doc_length: int) -> None:
        if length:
            self.doc_starts.append(position)
            self.art_starts.append(offset)
            self.lengths.append(length)
            self.doc_lengths.append(doc_length)

    def finish(self) -> None:
        self._by_article = sorted(range(len(self.art_starts)), key=self.art_starts.__getitem__)
        self._art_sorted = [self.art_starts[k] for k in self._by_article]

    def _position_in(self, k: int, offset: int) -> int:
        inside = offset - self.art_starts[k]
        if self.lengths[k] == self.doc_lengths[k]:
            return self.doc_starts[k] + inside
        return self.doc_starts[k] + (self.doc_lengths[k] if inside else 0)

    def to_position(self, offset: int) -> int | None:
        """The document position showing an article offset (None when not shown)."""
        i = bisect.bisect_right(self._art_sorted, offset) - 1
        if i < 0:
            return None
        k = self._by_article[i]
        if offset <= self.art_starts[k] + self.lengths[k]:
            return self._position_in(k, offset)
        return None

    def to_offset(self, position: int) -> int | None:
        """The article offset shown at a document position (None over padding)."""
        k = bisect.bisect_right(self.doc_starts, position) - 1
        if k < 0 or position > self.doc_starts[k] + self.doc_lengths[k]:
            return None
        inside = position - self.doc_starts[k]
        if self.lengths[k] == self.doc_lengths[k]:
            return self.art_starts[k] + inside
        return self.art_starts[k] + (1 if inside == self.doc_lengths[k] else 0)

    def ranges(self, span: Span) -> list[tuple[int, int]]:
        """Document ranges showing an article span (several when the span crosses rows)."""
        out: list[tuple[int, int]] = []
        i = max(0, bisect.bisect_right(self._art_sorted, span.start) - 1)
        while i < len(self._by_article):
            k = self._by_article[i]
            a0, n = self.art_starts[k], self.lengths[k]
            if a0 >= span.end:
                break
            a, b = max(span.start, a0), min(span.end, a0 + n)
            if a < b:
                start, end = self._position_in(k, a), self._position_in(k, b)
                if out and out[-1][1] == start:
                    out[-1] = (out[-1][0], end)
                else:
                    out.append((start, end))
            i += 1
        return out

    def band_at(self, position: int) -> int:
        return self.doc.findBlock(position).blockNumber()


class _Formats:
    """Char formats by (role, dim, bold), made once per build."""

    def __init__(self, colors: Colors) -> None:
        self.colors = colors
        self.cache: dict[tuple[str, bool, bool], QTextCharFormat] = {}

    def get(self, role: str, dim: bool = False, bold: bool = False) -> QTextCharFormat:
        key = (role, dim, bold)
        fmt = self.cache.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if role:
                fmt.setBackground(getattr(self.colors, role))
                if role in WORD_ROLES:
                    fmt.setForeground(self.colors.word_text)
            if dim:
                fmt.setForeground(self.colors.boilerplate_text)
            if bold:
                fmt.setFontWeight(QFont.Weight.DemiBold)
            self.cache[key] = fmt
        return fmt


class DocumentBuilder:
    """Fills one pane's document band by band, so a long pair can be shown in steps.

    The document always ends with an empty closing block: the last band's padding then stays
    inside the document (Qt folds a last block's bottom margin into the page), so heights
    match, and bands appended later go in just before it.
    """

    def __init__(
        self,
        article: Article | None,
        bands: list[Band],
        side: str,
        comparison: Comparison | None,
        colors: Colors,
        font: QFont,
        line_height: int,
        parent=None,
        paragraph_gap: int = 0,
        hidden: Hidden | None = None,
    ) -> None:
        doc = QTextDocument(parent)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        self.pane = PaneDocument(doc, article, bands, line_height)
        self.side = side
        self.comparison = comparison
        self.hidden = hidden  # what the change-class filter leaves unpainted
        self.built = 0  # bands in the document so far
        self._formats = _Formats(colors)
        self._plain = QTextBlockFormat()
        self._plain.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        self._aside = QTextBlockFormat(self._plain)
        self._aside.setBackground(colors.boilerplate_background)
        # Paragraph ends get their gap now, so level() only touches rows that need padding.
        self._plain_end = QTextBlockFormat(self._plain)
        self._plain_end.setBottomMargin(paragraph_gap)
        self._aside_end = QTextBlockFormat(self._aside)
        self._aside_end.setBottomMargin(paragraph_gap)
        self._text = article.text if article is not None else ""
        self._kinds = BlockIndex(article) if article is not None else None

    def chars(self, band: int) -> int:
        """How many characters band `band` shows on this side (to size the steps)."""
        return sum(s.end - s.start for s in self.pane.bands[band].spans(self.side))

    def extend(self, stop: int) -> None:
        """Append bands up to (not including) `stop`, undo off, inside one edit block."""
        stop = min(stop, len(self.pane.bands))
        if stop <= self.built:
            return
        pane, formats, text, side = self.pane, self._formats, self._text, self.side
        cursor = QTextCursor(pane.doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        for number in range(self.built, stop):
            band = pane.bands[number]
            spans = band.spans(side)
            kind = self._kinds.kind(spans[0].start) if spans and self._kinds is not None else BlockKind.BODY
            aside = band.kind == CONTEXT and kind == BlockKind.BOILERPLATE
            if band.paragraph_end:
                cursor.setBlockFormat(self._aside_end if aside else self._plain_end)
            else:
                cursor.setBlockFormat(self._aside if aside else self._plain)
            if spans:
                dim = kind not in BODY_KINDS
                bold = kind == BlockKind.TITLE
                marks = band_marks(self.comparison, band, side, self.hidden)
                for group_start, group_end in _groups(text, spans):
                    for a, b, role in paint_runs(group_start, group_end, marks):
                        fmt = formats.get(role, dim, bold)
                        for x, y in _pieces(text, a, b):
                            if x != a:  # a break opportunity inside a run too long to wrap
                                cursor.insertText(BREAK, fmt)
                            pane.add(cursor.position(), x, text[x:y])
                            cursor.insertText(_one_block(text[x:y]), fmt)
                    if group_end != spans[-1].end:
                        cursor.insertText(" ", formats.get(""))
            cursor.insertBlock(self._plain, formats.get(""))  # the closing block, for now
        cursor.endEditBlock()
        self.built = stop
        pane.finish()

    @property
    def done(self) -> bool:
        return self.built >= len(self.pane.bands)


def build_document(
    article: Article | None,
    bands: list[Band],
    side: str,
    comparison: Comparison | None,
    colors: Colors,
    font: QFont,
    line_height: int,
    parent=None,
) -> PaneDocument:
    """Build one pane's whole document in a single pass."""
    builder = DocumentBuilder(article, bands, side, comparison, colors, font, line_height, parent)
    builder.extend(len(bands))
    return builder.pane


def _groups(text: str, spans: tuple[Span, ...]) -> list[tuple[int, int]]:
    """Merge spans separated only by spaces on one line, so a paragraph run is one segment."""
    groups: list[tuple[int, int]] = []
    for span in spans:
        if groups:
            gap = text[groups[-1][1] : span.start]
            if span.start >= groups[-1][1] and len(gap) <= 3 and gap.strip(" \t") == "":
                groups[-1] = (groups[-1][0], span.end)
                continue
        groups.append((span.start, span.end))
    return groups


def level(panes: list[PaneDocument], paragraph_gap: int, start: int = 0, stop: int | None = None) -> None:
    """Pad blocks start..stop so block i starts at the same y in every pane.

    The documents must have their final text width (they are laid out here, up to `stop`).
    """
    first = panes[0]
    stop = len(first.bands) if stop is None else min(stop, len(first.bands))
    if stop <= start:
        return
    docs = [p.doc for p in panes]
    for doc in docs:
        layout = doc.documentLayout()
        if stop >= len(first.bands):
            layout.documentSize()  # lays the whole document out
        else:
            layout.blockBoundingRect(doc.findBlockByNumber(stop - 1))  # lays it out that far
    blocks = [d.findBlockByNumber(start) for d in docs]
    heights: list[list[int]] = [[] for _ in docs]
    for _ in range(start, stop):
        for k, block in enumerate(blocks):
            heights[k].append(max(1, block.layout().lineCount()))
            blocks[k] = block.next()
    line = first.line_height
    for k, pane in enumerate(panes):
        cursor = QTextCursor(pane.doc)
        cursor.beginEditBlock()
        block = pane.doc.findBlockByNumber(start)
        for j, i in enumerate(range(start, stop)):
            lines = max(h[j] for h in heights)
            gap = paragraph_gap if pane.bands[i].paragraph_end else 0
            margin = (lines - heights[k][j]) * line + gap
            if block.blockFormat().bottomMargin() != margin:
                fmt = block.blockFormat()
                fmt.setBottomMargin(margin)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
            block = block.next()
        cursor.endEditBlock()
