"""PDF text layers: lines joined into paragraphs, hyphenation undone, running heads dropped."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from desktop.core.article import Document, Paragraph
from desktop.core.errors import ReadError
from desktop.core.logs import quiet_libraries
from desktop.core.ingest.hyphens import keeps_line_end_hyphen, text_words

log = logging.getLogger(__name__)
ENCRYPTED = "encrypted, password needed"
DAMAGED = "a damaged PDF: its structure could not be read"
# An article is a few pages; a book-length PDF would take minutes to extract.
MAX_PAGES = 500
_EDGE_LINES = 3  # running heads and feet sit in the first or last few lines of a page
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_BULLET = re.compile(r"^(?:[•●▪◦‣∙·*–—-]|\d{1,3}[.)])\s")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_HEAD = re.compile(r"([^\W_]+(?:-[^\W_]+)*)-$")  # the word broken at the margin
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?$")


def read(path: str, data: bytes) -> list[Document]:
    quiet_libraries()
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Many PDFs are encrypted only to restrict printing: the empty password opens them.
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                raise ReadError(path, "an encrypted PDF in a form Diptych cannot decrypt") from None
            if not opened:
                raise ReadError(path, ENCRYPTED)
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise ReadError(path, f"a PDF of {count:,} pages, more than the {MAX_PAGES} an article can have")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except FileNotDecryptedError:
        raise ReadError(path, ENCRYPTED) from None
    except LimitReachedError:
        raise ReadError(path, "the PDF is far larger inside than any article could be (a decompression bomb?)") from None
    except (MemoryError, RecursionError):
        raise  # load_file words these
    except Exception:  # pypdf raises KeyError, ValueError, zlib.error... for broken structure
        log.info("pypdf could not read %s", path, exc_info=True)
        raise ReadError(path, DAMAGED) from None

    paragraphs = [Paragraph(p) for p in join_pages([page.split("\n") for page in pages])]
    if not paragraphs:
        raise ReadError(path, "the PDF has no text layer (a scanned image?), so there is no text to read")
    title, author = _metadata(reader)
    return [Document(path=path, format="pdf", paragraphs=tuple(paragraphs), title=title, author=author)]


def join_pages(pages: list[list[str]]) -> list[str]:
    """Paragraphs from the text lines of each page, in reading order."""
    pages = [[" ".join(line.split()) for line in lines] for lines in pages]
    pages = drop_running_lines(pages)
    # A page boundary is not a paragraph break: paragraphs run on to the next page.
    pages = [_trim_blank(lines) for lines in pages]
    lines = [line for page in pages for line in page]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return []
    width = lengths[int(0.9 * (len(lengths) - 1))]  # the column width, in characters
    paragraphs: list[str] = []
    current: list[str] = []  # the paragraph's pieces, joined once at its end (not re-copied per line)
    context: list = []  # the document's words, found once and only when a line ends in a hyphen
    for line in lines:
        if not line:
            if current:
                paragraphs.append("".join(current))
            current = []
            continue
        if current and (_BULLET.match(line) or (_SENTENCE_END.search(_tail(current)) and _heading_like(line, width))):
            paragraphs.append("".join(current))
            current = []
        _join(current, line, lines, context)
        if len(line) < 0.75 * width and not _HYPHENATED.search(line):
            # A short line ends its paragraph (or is a heading), unless a word runs on.
            paragraphs.append("".join(current))
            current = []
    if current:
        paragraphs.append("".join(current))
    return paragraphs


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers and the headers and footers that repeat across pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_shape(line) for line in _edges(lines)})
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, n in counts.items() if n >= threshold and key}
    out: list[list[str]] = []
    for lines in pages:
        edge = set(_edge_positions(lines))
        out.append(
            [
                line
                for i, line in enumerate(lines)
                if not (i in edge and (_shape(line) in repeated or _PAGE_NUMBER.match(line)))
            ]
        )
    return out


def _heading_like(line: str, width: int) -> bool:
    """A short capitalised line without closing punctuation: a subheading, not running text."""
    return len(line) < 0.75 * width and line[:1].isupper() and not line.endswith((".", ",", ";", ":", "-"))


def _trim_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]


def _edge_positions(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line]
    return filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]


def _edges(lines: list[str]) -> list[str]:
    return [lines[i] for i in _edge_positions(lines)]


def _shape(line: str) -> str:
    """A line with its numbers blanked, so 'Page 3 of 9' and 'Page 4 of 9' are the same line."""
    return re.sub(r"\d+", "#", line.casefold()).strip()


def _tail(pieces: list[str]) -> str:
    """The last few characters of a paragraph being built: all the end-of-line patterns need."""
    return "".join(pieces[-3:])[-8:]


def _join(pieces: list[str], line: str, lines: list[str], context: list) -> None:
    """Add a line to a paragraph's pieces, undoing a hyphen broken at the margin."""
    if not pieces:
        pieces.append(line)
    elif pieces[-1].endswith("\u00ad"):
        pieces[-1] = pieces[-1][:-1]
        pieces.append(line)
    elif _HYPHENATED.search(_tail(pieces)) and (tail := _WORD.match(line)) is not None:
        # The same rule as plain text: "exam-" + "ple" is one word broken at the margin and
        # loses its hyphen; "Indo-" + "Pacific" and "well-" + "known" keep theirs.
        if not context:
            context.extend(text_words("\n".join(lines)))
        head = _HEAD.search(pieces[-1][-200:])
        if head is None or not keeps_line_end_hyphen(head.group(1), tail.group(), *context):
            pieces[-1] = pieces[-1][:-1]
        pieces.append(line)
    else:
        pieces += (" ", line)


def _metadata(reader) -> tuple[str, str]:
    try:
        meta = reader.metadata
        title = " ".join(str(meta.title or "").split()) if meta else ""
        author = " ".join(str(meta.author or "").split()) if meta else ""
    except Exception:  # a malformed Info dictionary should not lose the text
        return "", ""
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title)
    if title.casefold() in {"untitled", "untitled document"} or re.search(r"\.(?:docx?|pdf|txt|indd)$", title, re.I):
        title = ""
    return title, author
