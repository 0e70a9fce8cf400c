"""Markdown: strip the syntax to text; headings and block quotes become paragraph hints."""

from __future__ import annotations

import re

from desktop.core.article import BlockKind, Document, Paragraph
from desktop.core.ingest.readers.decoding import decode_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}> ?")
_LIST = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
# Possessive: two ` *` around an optional `|` split a line's leading spaces every possible way.
_TABLE_SEP = re.compile(r"^ *+\|?+ *+:?+-{3,}+:?+ *+(?:\| *+:?+-{3,}+:?+ *+)*+\|? *$")

# Every pattern below stops at the next bracket or marker it could start on, so a paragraph
# full of unmatched markers costs linear time (a lazy `.+?` rescans to the end from each).
_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)|!\[[^\[\]]*\]\[[^\[\]]*\]")
_LINK = re.compile(r"\[([^\[\]]+)\]\((?:[^()\n]|\([^()\n]*\))*\)|\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_CODE_MARK = re.compile(r"`+")
# Emphasis delimiters: a run of * or _ (or ~~) that opens before a word or closes after one.
# Markers inside words (snake_case, 2*3) touch word characters on both sides and stay.
_EMPHASIS = re.compile(r"(?<![\w*_~])(?:~~|[*_])+(?=[^\s*_~])|(?<=[^\s*_~])(?:~~|[*_])+(?![\w*_~])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")

_META_KEYS = {"title": "title", "author": "author", "authors": "author", "date": "published",
              "published": "published", "url": "url", "source": "source", "category": "category"}


def read(path: str, data: bytes) -> list[Document]:
    text = decode_text(path, data)
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        meta = _front_matter(front.group(1))
        text = text[front.end():]
    paragraphs = parse(text)
    if meta.get("title") and not any(p.hint == BlockKind.TITLE for p in paragraphs):
        paragraphs.insert(0, Paragraph(meta["title"], BlockKind.TITLE.value))
    return [Document(path=path, format="md", paragraphs=tuple(paragraphs), **meta)]


def parse(text: str) -> list[Paragraph]:
    """Paragraphs of a Markdown text with hints: first H1 is the title, other headings headings."""
    out: list[Paragraph] = []
    buffer: list[str] = []  # lines of the paragraph being read
    kind = ""  # hint of the paragraph being read: "" or quote
    have_title = False

    def flush() -> None:
        nonlocal kind
        if buffer:
            body = inline(" ".join(buffer))
            if body:
                out.append(Paragraph(body, kind))
        buffer.clear()
        kind = ""

    def heading(level: int, raw: str) -> None:
        nonlocal have_title
        flush()
        body = inline(raw)
        if not body:
            return
        if level == 1 and not have_title:
            have_title = True
            out.append(Paragraph(body, BlockKind.TITLE.value))
        else:
            out.append(Paragraph(body, BlockKind.HEADING.value))

    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip():
            flush()
            continue
        fence = _FENCE.match(line)
        if fence:
            flush()
            code: list[str] = []
            while i < len(lines) and not lines[i].strip().startswith(fence.group(1)):
                code.append(lines[i])
                i += 1
            i += 1
            if any(c.strip() for c in code):
                out.append(Paragraph("\n".join(c.rstrip() for c in code).strip("\n")))
            continue
        atx = _ATX.match(line)
        if atx:
            heading(len(atx.group(1)), atx.group(2))
            continue
        setext = _SETEXT.match(line)
        if setext and buffer and kind == "":
            raw = " ".join(buffer)
            buffer.clear()
            heading(1 if setext.group(1)[0] == "=" else 2, raw)
            continue
        if _RULE.match(line) or _REF_DEF.match(line) or _TABLE_SEP.match(line):
            flush()
            continue
        quote = _QUOTE.match(line)
        if quote:
            if kind != BlockKind.QUOTE.value:
                flush()
                kind = BlockKind.QUOTE.value
            body = line[quote.end():]
            while _QUOTE.match(body):  # nested quotes read as one quote
                body = _QUOTE.sub("", body, count=1)
            if not body.strip():
                flush()
                continue
            buffer.append(body.strip())
            continue
        if kind == BlockKind.QUOTE.value:
            flush()
        item = _LIST.match(line)
        if item:
            flush()  # each list item is its own paragraph
            buffer.append(line[item.end():].strip())
            continue
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            flush()
            cells = [inline(c) for c in stripped.strip("|").split("|")]
            buffer.append(" | ".join(c for c in cells if c))
            flush()
            continue
        buffer.append(stripped)
    flush()
    return out


def inline(text: str) -> str:
    """Text of a Markdown span with emphasis, links, images, code marks and tags removed."""
    escapes: list[str] = []

    def hold(match: re.Match) -> str:
        escapes.append(match.group(1))
        return f"\x00{len(escapes) - 1}\x00"

    text = _ESCAPE.sub(hold, text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _CODE_MARK.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: escapes[int(m.group(1))], text)
    text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return " ".join(text.split())


def _front_matter(block: str) -> dict[str, str]:
    """Simple `key: value` lines of YAML front matter (no YAML parser needed for these)."""
    meta: dict[str, str] = {}
    for line in block.split("\n"):
        key, sep, value = line.partition(":")
        field = _META_KEYS.get(key.strip().lower())
        value = value.strip().strip("'\"")
        if sep and field and value and field not in meta:
            meta[field] = value
    return meta
