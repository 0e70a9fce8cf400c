"""A quick title for a file from its first few kilobytes, so a folder's list shows at once."""

from __future__ import annotations

import codecs
import html
import json
import os
import re

PEEK_BYTES = 16 * 1024
MAX_TITLE = 200

# [^<>] rather than [^>]: a scan stops at the next tag, so unclosed tags cost linear time.
_HTML_TITLE = re.compile(rb"<title[^<>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_HTML_H1 = re.compile(rb"<h1[^<>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")
_JSON_TITLE = re.compile(r'"(?:title|headline)"\s*:\s*"((?:[^"\\]|\\.)*)"')
_MARKDOWN_LEAD = re.compile(r"^(?:#{1,6}\s+|title:\s*)", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _decode(raw: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 3:  # the peek cut a character in half
            return raw[: exc.start].decode("utf-8", errors="replace")
        return raw.decode("cp1252", errors="replace")


def _tidy(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text[:MAX_TITLE].rstrip() + ("…" if len(text) > MAX_TITLE else "")


def _from_html(raw: bytes) -> str:
    for pattern in (_HTML_TITLE, _HTML_H1):
        m = pattern.search(raw)
        if m:
            title = _tidy(html.unescape(_TAG.sub(" ", _decode(m.group(1)))))
            if title:
                return title
    return ""


def _from_json(raw: bytes) -> str:
    m = _JSON_TITLE.search(_decode(raw))
    if not m:
        return ""
    try:
        return _tidy(json.loads(f'"{m.group(1)}"'))
    except ValueError:
        return _tidy(m.group(1))


def _from_text(raw: bytes) -> str:
    text = _decode(raw)
    if text.startswith("---"):  # markdown front matter: use its title when it has one
        for line in text.splitlines()[1:40]:
            if line.strip() == "---":
                break
            if line.lower().startswith("title:"):
                return _tidy(line.split(":", 1)[1].strip().strip("\"'"))
    for line in text.splitlines():
        line = _MARKDOWN_LEAD.sub("", line.strip()).strip("#*_ ").strip()
        if line and line != "---":
            return _tidy(line)
    return ""


def peek_title(path: str | os.PathLike) -> str:
    """The first non-empty line of a text file, an HTML page's <title>, a JSON "title";
    else the file's name. Never raises: an unreadable file is named by its file name."""
    path = os.fspath(path)
    name = os.path.basename(path)
    ext = os.path.splitext(name)[1].lower()
    if ext in (".docx", ".pdf"):
        return name
    try:
        with open(path, "rb") as fh:
            raw = fh.read(PEEK_BYTES)
    except OSError:
        return name
    if ext in (".html", ".htm", ".xhtml"):
        title = _from_html(raw)
    elif ext == ".json":
        title = _from_json(raw)
    else:
        title = _from_text(raw)
    return title or name
