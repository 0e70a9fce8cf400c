"""Load article files: check the path, read the bytes safely, pick a reader, then clean and index."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import replace

from desktop.core.article import Article, Document, Paragraph
from desktop.core.ingest.build import build_article
from desktop.core.errors import ReadError
from desktop.core.ingest.readers import read_documents, sniff
from desktop.core.ingest.readers.sizes import human_size
from desktop.core.ingest.readers.txt import split_paragraphs


DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Said of a file a library failed on in a way no reader foresaw; never the library's own words.
UNREADABLE = "could not be read: the file is damaged or in a form Diptych does not know"
# Indexing costs about 40 bytes of memory and a microsecond per character, so a text-only
# file near the byte cap would take a minute and gigabytes. A long article is 100,000.
MAX_TEXT_CHARS = 2_000_000

_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a disk device"),
)


def load_file(path: str | bytes | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, *, index: bool = True) -> list[Article]:
    """The articles in one file (several for a JSON list), cleaned and indexed
    (`index=False`: without sentences and tokens, as `desktop.core.library.slim.slim` leaves them).

    Raises ReadError, and only ReadError, naming the file and the reason in plain words.
    """
    name = os.fsdecode(path)
    if _has_undecodable_bytes(name):
        raise ReadError(name, "the file name is not valid UTF-8 text; rename the file to open it")
    try:
        data = read_bytes(name, max_bytes)
        if not data.strip():
            raise ReadError(name, "file is empty")
        if len(data) > 4 * MAX_TEXT_CHARS and sniff(name, data) in ("txt", "md"):
            # Four bytes per character at most: this much plain text is over the cap, so it is
            # refused before a minute of splitting lines.
            raise ReadError(name, f"{human_size(len(data))} of plain text, more than the {MAX_TEXT_CHARS:,} "
                            "characters an article file can hold")
        docs = read_documents(name, data)
        digest = hashlib.sha256(data).hexdigest()
        docs = [replace(doc, sha256=digest) for doc in docs if any(p.text.strip() for p in doc.paragraphs)]
        if not docs:
            raise ReadError(name, "no article text found in the file")
        chars = sum(len(p.text) for doc in docs for p in doc.paragraphs)
        if chars > MAX_TEXT_CHARS:
            raise ReadError(name, f"{chars:,} characters of text, more than the {MAX_TEXT_CHARS:,} an article file can hold")
        articles = [build_article(doc, index=index) for doc in docs]
    except ReadError:
        raise
    except MemoryError:
        raise ReadError(name, "too large to read in the memory available") from None
    except RecursionError:
        raise ReadError(name, "the file's structure is nested too deeply to read") from None
    except Exception:  # a library failing on input it did not expect: the details go to the log
        _log_failure("reading %s failed", name)
        raise ReadError(name, UNREADABLE) from None
    if len(articles) > 1:
        # One file, several articles: the ids must still differ (they hash path and bytes).
        articles = [
            replace(a, id=hashlib.sha256(f"{a.id}\0{i}".encode()).hexdigest()[:16]) for i, a in enumerate(articles)
        ]
    return articles


def load_text(text: str, name: str) -> Article:
    """An article from pasted text; `name` stands in for the path."""
    paragraphs = tuple(Paragraph(p) for p in split_paragraphs(text.replace("\r\n", "\n").replace("\r", "\n")))
    if not paragraphs:
        raise ReadError(name, "no text to read")
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    try:
        return build_article(Document(path=name, format="txt", paragraphs=paragraphs, sha256=digest))
    except Exception:
        _log_failure("reading pasted text %s failed", name)
        raise ReadError(name, UNREADABLE) from None


def _log_failure(message: str, name: str) -> None:
    """The details of a failure go to the log (imported only then: `logging` and what it pulls
    in cost every process a few milliseconds, and most never log)."""
    import logging

    logging.getLogger(__name__).info(message, name, exc_info=True)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A regular file's bytes, up to `max_bytes`; never blocks on a pipe or a device."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        reason = "a link to a file that no longer exists" if os.path.islink(path) else "no such file"
        raise ReadError(path, reason) from None
    except IsADirectoryError:
        raise ReadError(path, "a folder, not a file") from None
    except PermissionError:
        if os.path.isdir(path):
            raise ReadError(path, "a folder, not a file") from None
        raise ReadError(path, "no permission to read it") from None
    except OSError as exc:
        raise ReadError(path, _os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(path, "a folder, not a file")
        for test, what in _NOT_REGULAR:
            if test(info.st_mode):
                raise ReadError(path, f"not a regular file: {what}")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(path, "not a regular file")
        if info.st_size > max_bytes:
            raise ReadError(path, _too_large(max_bytes, info.st_size))
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(max_bytes + 1)  # the size on disk may have changed since fstat
    except OSError as exc:
        raise ReadError(path, _os_reason(exc)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise ReadError(path, _too_large(max_bytes, None))
    return data


def _too_large(limit: int, size: int | None) -> str:
    found = f" ({human_size(size)})" if size is not None else ""
    return f"larger than the {human_size(limit)} limit{found}"


def _has_undecodable_bytes(name: str) -> bool:
    # Bytes that are not UTF-8 arrive as lone surrogates (PEP 383); they cannot be shown,
    # saved in a workspace or passed to Qt faithfully.
    return any("\ud800" <= ch <= "\udfff" for ch in name)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or "the system refused to read it").lower()
