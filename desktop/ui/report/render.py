"""Lay the report's HTML out in pages and paint them, with a running header and page numbers.

The same painter code serves QPdfWriter (PDF export), QPrinter (printing) and the print
preview. The QTextDocument used here never loads a resource: the report's HTML holds none,
and anything that asks (an <img>, a stylesheet link) gets nothing back.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
)

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
PAGE_SIZE_CHOICES = ("auto", "a4", "letter")

# Territories that use US Letter; everyone else gets A4.
_LETTER = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
    QLocale.Country.Philippines,
    QLocale.Country.Guatemala,
    QLocale.Country.CostaRica,
    QLocale.Country.Panama,
    QLocale.Country.DominicanRepublic,
    QLocale.Country.PuertoRico,
    QLocale.Country.ElSalvador,
}

MARGINS_MM = QMarginsF(17, 12, 17, 12)  # left, top, right, bottom
HEADER_MM = 10.0  # band above the text for the running header
FOOTER_MM = 9.0
PDF_RESOLUTION = 600
_SANS = ["Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans"]
_SERIF = ["Georgia", "DejaVu Serif", "Liberation Serif", "Times New Roman"]
_MUTED = QColor("#5f6670")
_RULE = QColor("#c9cdd3")


def resolve_page_size(choice: str = "auto", locale: QLocale | None = None) -> str:
    """"a4" or "letter": the choice itself, or for "auto" what the locale's territory uses."""
    choice = (choice or "auto").lower()
    if choice in PAGE_SIZES:
        return choice
    if choice != "auto":
        raise ValueError(f"unknown page size {choice!r}: use auto, a4 or letter")
    territory = (locale or QLocale()).territory()
    return "letter" if territory in _LETTER else "a4"


def page_layout(page_size: str) -> QPageLayout:
    return QPageLayout(
        QPageSize(PAGE_SIZES[resolve_page_size(page_size)]),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


class SafeTextDocument(QTextDocument):
    """A QTextDocument that loads nothing: every resource request is recorded and refused."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.resource_requests: list[str] = []

    def loadResource(self, type_: int, name):  # Override QTextDocument.loadResource
        self.resource_requests.append(name.toString() if hasattr(name, "toString") else str(name))
        return None


@dataclass(frozen=True)
class PageDecor:
    """What the running header and footer say on every page."""

    title: str  # the running title: both articles' titles
    left_note: str  # footer, left: the file names
    date: str
    label: str = "COMPARISON REPORT"  # the header's kicker ("COVERAGE REPORT" for three or more articles)


def build_document(html: str, device: QPagedPaintDevice) -> tuple[SafeTextDocument, float, float, float]:
    """The laid-out document for `device`, with (page width, text height per page, dots per mm)."""
    doc = SafeTextDocument()
    # Lay out in the device's own resolution so point sizes and pixel lengths scale to paper.
    doc.documentLayout().setPaintDevice(device)
    font = QFont()
    font.setFamilies(_SERIF)
    font.setPointSizeF(10)
    # No "fi"/"ff" ligatures: text copied or searched in the PDF must match the article's letters.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    dpi = device.logicalDpiY()
    per_mm = dpi / 25.4
    rect = device.pageLayout().paintRectPixels(dpi)
    width, height = float(rect.width()), float(rect.height())
    body = height - (HEADER_MM + FOOTER_MM) * per_mm
    doc.setPageSize(QSizeF(width, body))
    return doc, width, body, per_mm


def paint_pages(device: QPagedPaintDevice, html: str, decor: PageDecor) -> tuple[int, SafeTextDocument]:
    """Paint every page of the report onto `device` (a QPdfWriter or QPrinter). Returns the page count."""
    doc, width, body, per_mm = build_document(html, device)
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("the page device could not be opened for painting")
    try:
        header_h, footer_h = HEADER_MM * per_mm, FOOTER_MM * per_mm
        layout = doc.documentLayout()
        for page in range(pages):
            if page and not device.newPage():
                raise RuntimeError("a new page could not be started")
            if page:  # the first page opens with the report's own heading
                _paint_header(painter, width, header_h, per_mm, decor)
            _paint_footer(painter, width, header_h + body, footer_h, per_mm, decor, page + 1, pages)
            painter.save()
            painter.translate(0, header_h - page * body)
            clip = QRectF(0, page * body, width, body)
            painter.setClipRect(clip)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = clip
            ctx.palette.setColor(QPalette.ColorRole.Text, QColor("#1d1f23"))
            layout.draw(painter, ctx)
            painter.restore()
    finally:
        painter.end()
    return pages, doc


def _small_font(bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(_SANS)
    f.setPointSizeF(7.5)
    f.setBold(bold)
    for tag in ("liga", "clig"):
        f.setFeature(QFont.Tag(tag), 0)
    return f


def _paint_header(painter: QPainter, width: float, height: float, per_mm: float, decor: PageDecor) -> None:
    painter.save()
    label = decor.label
    painter.setFont(_small_font(bold=True))
    fm_bold = QFontMetricsF(painter.font(), painter.device())
    label_w = fm_bold.horizontalAdvance(label)
    baseline = height - 3.2 * per_mm
    painter.setPen(_MUTED)
    painter.drawText(QPointF(0, baseline), label)
    painter.setFont(_small_font())
    fm = QFontMetricsF(painter.font(), painter.device())
    date_w = fm.horizontalAdvance(decor.date)
    painter.drawText(QPointF(width - date_w, baseline), decor.date)
    room = width - label_w - date_w - 12 * per_mm
    title = fm.elidedText(decor.title, Qt.TextElideMode.ElideMiddle, max(room, 0))
    painter.setPen(QColor("#1d1f23"))
    painter.drawText(QPointF(label_w + 5 * per_mm, baseline), title)
    pen = QPen(_RULE)
    pen.setWidthF(0.25 * per_mm)
    painter.setPen(pen)
    painter.drawLine(QPointF(0, height - 1.6 * per_mm), QPointF(width, height - 1.6 * per_mm))
    painter.restore()


def _paint_footer(
    painter: QPainter, width: float, top: float, height: float, per_mm: float, decor: PageDecor, page: int, pages: int
) -> None:
    painter.save()
    pen = QPen(_RULE)
    pen.setWidthF(0.25 * per_mm)
    painter.setPen(pen)
    painter.drawLine(QPointF(0, top + 2 * per_mm), QPointF(width, top + 2 * per_mm))
    painter.setFont(_small_font())
    fm = QFontMetricsF(painter.font(), painter.device())
    baseline = top + 2 * per_mm + fm.ascent() + 1.6 * per_mm
    number = f"Page {page} of {pages}"
    number_w = fm.horizontalAdvance(number)
    painter.setPen(_MUTED)
    note = fm.elidedText(decor.left_note, Qt.TextElideMode.ElideMiddle, max(width - number_w - 10 * per_mm, 0))
    painter.drawText(QPointF(0, baseline), note)
    painter.setPen(QColor("#1d1f23"))
    painter.drawText(QPointF(width - number_w, baseline), number)
    painter.restore()


def pdf_bytes(html: str, decor: PageDecor, page_size: str = "auto", title: str = "") -> tuple[bytes, int]:
    """The report as PDF bytes and its page count (needs a QGuiApplication)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(page_size))
    writer.setTitle(title or decor.title)
    writer.setCreator("Diptych")
    pages, _ = paint_pages(writer, html, decor)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data()), pages
