"""Readers for each article format, and the sniffing that picks one by content and extension."""

from __future__ import annotations

import codecs
import importlib
import os
import re

from desktop.core.article import Document
from desktop.core.errors import ReadError


def _reader(module: str):
    """A format's `read`, its module imported on first use: a plain-text file never pays for
    lxml, the PDF and Word readers or the JSON reader's tables (a tenth of `compare`'s start-up)."""

    def read(path: str, data: bytes) -> list[Document]:
        return importlib.import_module(f"desktop.core.ingest.readers.{module}").read(path, data)

    read.__qualname__ = f"{module}.read"
    return read


READERS = {
    "txt": _reader("txt"),
    "md": _reader("markdown"),
    "html": _reader("html"),
    "docx": _reader("docx"),
    "pdf": _reader("pdf"),
    "json": _reader("jsonfile"),
}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Signatures of common files people drop by mistake, so the message can say what it is.
# Only signatures no text could start with; other binary data is caught when decoding.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "a database"),
    (b"{\\rtf", "an RTF document; save it as .docx or .txt"),
)


def read_documents(path: str, data: bytes) -> list[Document]:
    """The documents in one file's bytes, read by the reader its content calls for."""
    return READERS[sniff(path, data)](path, data)


def sniff(path: str, data: bytes) -> str:
    """The format of a file from its first bytes, with the extension breaking ties.

    Raises ReadError for content no reader takes (images, archives, old Office files).
    """
    suffix = os.path.splitext(path)[1].lower()
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx"
    if _is_pdf(suffix, data):
        return "pdf"
    if data.startswith(_OLE2):
        from desktop.core.ingest.readers import docx

        if docx.is_encrypted_office(data):
            raise ReadError(path, "password-protected Word document")
        raise ReadError(path, "an old-format Office file (.doc); save it as .docx to read it")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if what.startswith("an RTF"):
                raise ReadError(path, f"not a readable article: {what}")
            raise ReadError(path, f"not a readable article: binary data ({what})")
    peek = _peek(data).lstrip().lower()
    if peek.startswith(("<!doctype html", "<html")) or (
        peek.startswith(("<?xml", "<!--", "<!doctype")) and "<html" in peek
    ):
        return "html"
    if suffix in HTML_SUFFIXES and peek.startswith("<"):
        return "html"
    if peek.startswith(("{", "[")):
        from desktop.core.ingest.readers import jsonfile

        if suffix == ".json":
            return "json"  # the reader says plainly if it does not parse
        try:
            jsonfile.parse(path, jsonfile.decode_text(path, data))
            return "json"
        except ReadError:
            pass  # text that happens to open with a bracket
    if suffix in MARKDOWN_SUFFIXES:
        return "md"
    return "txt"


_PDF_HEADER = re.compile(rb"%PDF-\d")


def _is_pdf(suffix: str, data: bytes) -> bool:
    """A PDF opens with its header; readers also accept one behind up to 1 KB of junk (a mail
    header, a BOM). That second form counts only for a file named .pdf, or one whose first
    bytes are not text: an article that mentions "%PDF-1.7" near its start stays text."""
    if data[:64].lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-"):
        return True
    found = _PDF_HEADER.search(data, 0, 1024)
    if found is None:
        return False
    if suffix == ".pdf":
        return True
    head = data[: found.start()]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return b"\x00" in head


def warm_up() -> None:
    """Import every reader and its library now (a worker does, before it is given a file to time).
    Named here, not by a loop over READERS: PyInstaller finds the frozen app's modules by these imports."""
    from desktop.core.logs import quiet_libraries

    quiet_libraries()
    from desktop.core.ingest.readers import docx as docx_reader, html, jsonfile, markdown, pdf, txt  # noqa: F401
    import docx  # noqa: F401
    import pypdf  # noqa: F401
    import trafilatura  # noqa: F401
    from charset_normalizer import from_bytes  # noqa: F401


def warm_up_for(path: str, entities: bool = False) -> None:
    """Import what reading `path` will most likely need, by its extension (a forked worker does,
    before it starts the file's clock): a .txt needs no library; content that turns out to be
    another format imports its library within the file's budget."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (*HTML_SUFFIXES, ".pdf", ".docx"):
        from desktop.core.logs import quiet_libraries

        quiet_libraries()  # before the library is imported: it may log as it loads
    if suffix in HTML_SUFFIXES:
        import trafilatura  # noqa: F401

        from desktop.core.ingest.readers import html  # noqa: F401
    elif suffix == ".pdf":
        import pypdf  # noqa: F401

        from desktop.core.ingest.readers import pdf  # noqa: F401
    elif suffix == ".docx":
        import docx  # noqa: F401

        from desktop.core.ingest.readers import docx as docx_reader  # noqa: F401
    elif suffix in MARKDOWN_SUFFIXES:
        from desktop.core.ingest.readers import markdown  # noqa: F401
    elif suffix == ".json":
        from desktop.core.ingest.readers import jsonfile  # noqa: F401
    else:
        from desktop.core.ingest.readers import txt  # noqa: F401
    from desktop.core import language

    language._load()  # the language model every article's detection reads (a spawned worker loads it warming up)
    if entities:
        from desktop.core.entities.extract import extract
        from desktop.core.entities.tagger import load_tagger

        load_tagger()  # the weights and the gazetteer, read once per worker
        del extract


def _peek(data: bytes) -> str:
    """The first few thousand characters, decoded well enough to recognise markup."""
    head = data[:4096]
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, "ignore")
    return head.decode("utf-8", "ignore")
