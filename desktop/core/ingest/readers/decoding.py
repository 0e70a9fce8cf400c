"""Turn a text file's bytes into str: byte-order marks, UTF-8, Western code pages, then detection."""

from __future__ import annotations

import codecs
import re
import unicodedata

from desktop.core import regexes
from desktop.core.errors import ReadError

BINARY_REASON = "not a readable article: binary data"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters allowed in text; anything else in quantity means the bytes are not text.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
# Category Cc is exactly U+0000-001F and U+007F-009F: those (bar the text controls) are counted
# by one character class in C, where a generator over every character cost ~1 ms a file and
# str.translate with a table a fifth of that (most files hold none, and the scan finds none).
_OTHER_CONTROLS = "".join(
    chr(cp) for cp in range(0xA0) if unicodedata.category(chr(cp)) == "Cc" and chr(cp) not in _TEXT_CONTROLS
)
_OTHER_CONTROL_RE = regexes.compile(f"[{re.escape(_OTHER_CONTROLS)}]")


def decode_text(path: str, data: bytes) -> str:
    """Decode a text file, or raise ReadError when the bytes are not text in any encoding."""
    text = _decode(path, data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if _looks_binary(text):
        raise ReadError(path, BINARY_REASON)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(path: str, data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ReadError(path, f"the text is not valid {encoding.upper()} after its byte-order mark") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" not in data and _mostly_ascii(data):
        # Western text with a few accented letters or curly quotes. Detection is unreliable
        # on such short evidence (it guesses cp1250 or cp775), and Windows-1252 is what
        # these files almost always are; Latin-1 covers the bytes cp1252 leaves undefined.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    from desktop.core.logs import quiet_libraries

    quiet_libraries()
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(path, BINARY_REASON)
    return str(best)


_HIGH = bytes(range(0x80, 0x100))
_NOT_ASCII_LETTERS = bytes(b for b in range(0x100) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))


def _mostly_ascii(data: bytes) -> bool:
    """Non-ASCII bytes are a minority beside ASCII letters, as in Western European text
    (Cyrillic or Greek in a single-byte code page is nearly all high bytes)."""
    high = len(data) - len(data.translate(None, _HIGH))
    letters = len(data.translate(None, _NOT_ASCII_LETTERS))
    return high <= 0.3 * max(1, letters)


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:100_000]
    controls = len(_OTHER_CONTROL_RE.findall(sample))
    return controls > 0.01 * len(sample)
