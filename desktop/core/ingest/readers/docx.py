"""Word documents (.docx): paragraphs with style hints and core properties, after zip checks."""

from __future__ import annotations

import io
import logging
import zipfile
import zlib

from desktop.core.article import BlockKind, Document, Paragraph
from desktop.core.errors import ReadError
from desktop.core.logs import quiet_libraries
from desktop.core.ingest.readers.sizes import human_size

log = logging.getLogger(__name__)
DAMAGED = "a damaged Word document: its parts could not be read"
# python-docx unpacks every part into memory, so the zip directory is checked first.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100  # XML compresses about 10:1; a part far beyond that is built to explode
_RATIO_FLOOR = 1024 * 1024  # tiny parts may compress better than that harmlessly

_STYLE_HINTS = {
    "title": BlockKind.TITLE,
    "subtitle": BlockKind.DEK,
    "quote": BlockKind.QUOTE,
    "intense quote": BlockKind.QUOTE,
    "block text": BlockKind.QUOTE,
    "caption": BlockKind.CAPTION,
}
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def read(path: str, data: bytes) -> list[Document]:
    check_package(path, data)
    quiet_libraries()
    import docx
    from docx.table import Table

    data = transitional(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx and lxml raise many types for a broken package
        log.info("python-docx could not open %s", path, exc_info=True)
        raise ReadError(path, DAMAGED) from None

    paragraphs: list[Paragraph] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            paragraphs.extend(_table_rows(item))
            continue
        text = " ".join(item.text.split())
        if text:
            paragraphs.append(Paragraph(text, _hint(item)))
    paragraphs = _headline_as_title(paragraphs)
    props = document.core_properties
    return [
        Document(
            path=path,
            format="docx",
            paragraphs=tuple(paragraphs),
            title=_prop(props, "title"),
            author=_person(_prop(props, "author")),
            category=_prop(props, "category"),
        )
    ]


def check_package(path: str, data: bytes) -> None:
    """Raise ReadError unless `data` is a .docx whose parts can be unpacked safely."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise ReadError(path, "a damaged Word document: its zip container is broken") from None
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise ReadError(path, f"not a readable article: {_zip_kind(archive, names)}")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise ReadError(
            path,
            f"the Word document unpacks to {human_size(total)}, more than the "
            f"{human_size(MAX_UNPACKED_BYTES)} limit (a zip bomb?)",
        )
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise ReadError(
                path,
                f"the Word document's part {info.filename} is compressed {info.file_size // max(1, info.compress_size):,} "
                "to 1, far beyond any real document (a zip bomb?)",
            )
    try:
        for info in _xml_parts(archive, infos):
            if _declares_entities(archive, info):
                raise ReadError(path, f"the Word document's part {info.filename} declares XML entities (an XML bomb?)")
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError, ValueError, zlib.error):
        raise ReadError(path, DAMAGED) from None


def _xml_parts(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """The parts python-docx will parse as XML: those [Content_Types].xml declares XML (by name
    or by extension), and .xml/.rels names. Binary parts (printer settings, images) are not XML,
    whatever bytes they hold, so a `<!DOCTYPE` inside one is no bomb."""
    types = next((i for i in infos if i.filename == "[Content_Types].xml"), None)
    by_name: dict[str, bool] = {}
    by_extension = {"xml": True, "rels": True}
    if types is not None:
        if _declares_entities(archive, types):
            return [types]
        import xml.etree.ElementTree as ET

        try:
            root = ET.fromstring(archive.read(types))
        except ET.ParseError:
            return list(infos)  # no map of the parts: check them all
        for el in root:
            kind = el.get("ContentType", "")
            is_xml = kind.endswith("xml")
            if el.tag.endswith("Default") and el.get("Extension"):
                by_extension[el.get("Extension", "").lower()] = is_xml
            elif el.tag.endswith("Override") and el.get("PartName"):
                by_name[el.get("PartName", "").lstrip("/")] = is_xml
    out = []
    for info in infos:
        extension = info.filename.rsplit(".", 1)[-1].lower() if "." in info.filename else ""
        if by_name.get(info.filename, by_extension.get(extension, False)) or extension in ("xml", "rels"):
            out.append(info)
    return out


# Strict Office Open XML (ISO 29500 strict) names the same elements under other namespaces;
# python-docx knows only the transitional ones. The text and styles read the same once renamed.
_STRICT_NAMESPACES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties", b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/customProperties", b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math", b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/picture", b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
)
_STRICT_MARK = b"purl.oclc.org/ooxml/"


def transitional(data: bytes) -> bytes:
    """A strict .docx rewritten with transitional namespaces (other files unchanged)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    rels = next((i for i in infos if i.filename == "_rels/.rels"), None)
    if rels is None or _STRICT_MARK not in archive.read(rels):
        return data
    xml_parts = {i.filename for i in _xml_parts(archive, infos)}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for info in infos:
            body = archive.read(info)
            if info.filename in xml_parts:
                for strict, usual in _STRICT_NAMESPACES:
                    body = body.replace(strict, usual)
            rewritten.writestr(info.filename, body)
    return out.getvalue()


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Office XML never declares a DTD; entity declarations are how XML bombs expand."""
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                return True
            tail = window[-16:]
    return False


def is_encrypted_office(data: bytes) -> bool:
    """Password-protected .docx files are OLE2 containers holding an EncryptedPackage stream."""
    return _ENCRYPTED_MARK in data


def _zip_kind(archive: zipfile.ZipFile, names: set[str]) -> str:
    if "mimetype" in names:
        try:
            mimetype = archive.read("mimetype")[:100].decode("ascii", "replace")
        except Exception:
            mimetype = ""
        if "opendocument.text" in mimetype:
            return "an OpenDocument text (.odt); save it as .docx"
        if "epub" in mimetype:
            return "an e-book (EPUB)"
    if any(n.startswith("xl/") for n in names):
        return "an Excel spreadsheet"
    if any(n.startswith("ppt/") for n in names):
        return "a PowerPoint presentation"
    return "a zip archive, not a Word document"


def _hint(paragraph) -> str:
    try:
        name = (paragraph.style.name or "").strip().lower() if paragraph.style is not None else ""
    except Exception:  # a style id missing from styles.xml
        return ""
    if name.startswith("heading"):
        return BlockKind.HEADING.value
    kind = _STYLE_HINTS.get(name)
    return kind.value if kind else ""


def _headline_as_title(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Many writers style the headline Heading 1 instead of Title: the first heading, before
    any body text, in a document without a Title paragraph, is the title."""
    if not paragraphs or any(p.hint == BlockKind.TITLE for p in paragraphs):
        return paragraphs
    if paragraphs[0].hint == BlockKind.HEADING:
        return [Paragraph(paragraphs[0].text, BlockKind.TITLE.value), *paragraphs[1:]]
    return paragraphs


def _table_rows(table) -> list[Paragraph]:
    rows: list[Paragraph] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set = set()  # holding the elements keeps their proxies, so identity holds
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is listed once per grid column
                continue
            seen.add(cell._tc)
            text = " ".join(cell.text.split())
            if text:
                cells.append(text)
        if cells:
            rows.append(Paragraph(" | ".join(cells)))
    return rows


def _prop(props, name: str) -> str:
    try:
        value = getattr(props, name)
    except Exception:  # a malformed docProps/core.xml should not lose the text
        return ""
    return " ".join(str(value or "").split())


# Programs and templates that write their own name where the author goes: never a byline.
_PROGRAM_AUTHORS = (
    "python-docx", "microsoft office", "microsoft word", "libreoffice", "openoffice", "apache poi",
    "docx4j", "pandoc", "aspose", "phpword", "google docs", "wps office",
)


def _person(author: str) -> str:
    """The core properties' creator, unless it names the program that wrote the file."""
    folded = author.casefold()
    return "" if any(program in folded for program in _PROGRAM_AUTHORS) else author

