"""Word documents (.docx): paragraphs with style hints and core properties, after zip checks."""

from __future__ import annotations

import io
import zipfile

from desktop.core.article import BlockKind, Document, Paragraph
from desktop.core.errors import ReadError
from desktop.core.readers.sizes import human_size

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
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx and lxml raise many types for a broken package
        raise ReadError(path, f"damaged Word document ({_brief(exc)})") from None

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
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise ReadError(path, f"damaged Word document: the zip container is broken ({_brief(exc)})") from None
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
        for info in infos:
            # Every part, whatever its name: [Content_Types].xml may declare any of them XML.
            if _declares_entities(archive, info):
                raise ReadError(path, f"the Word document's part {info.filename} declares XML entities (an XML bomb?)")
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise ReadError(path, f"damaged Word document ({_brief(exc)})") from None


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


def _brief(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
