"""Plain text: paragraphs are blank-line-separated blocks; hard-wrapped lines are joined.

A word broken at a hyphen at the end of a wrapped line is joined by `keeps_line_end_hyphen`:
kept compounds become one word ("Indo-" "Pacific" -> "Indo-Pacific"); a broken word keeps the
file's hyphen and the line break after it ("inter-\nnational"), which the tokenizer reads as one
word, compared as "international", while the text shown still has the hyphen the file has.
"""

from __future__ import annotations

from desktop.core import regexes
from desktop.core.article import Document, Paragraph
from desktop.core.ingest.readers.decoding import decode_text
from desktop.core.ingest.hyphens import keeps_line_end_hyphen, text_words
from desktop.core.ingest.text import single_spaced

# Lines longer than this were not wrapped by a text editor or mail client.
_MAX_WRAP = 100
_BLANK_LINES = regexes.compile(r"\n[ \t\f\v\u00a0]*\n")
# The word a line ends in before its hyphen, and the word the next line starts with.
_HEAD = regexes.compile(r"([^\W_]+(?:-[^\W_]+)*)[-\u2010]$")
_TAIL = regexes.compile(r"[^\W_]+(?:-[^\W_]+)*")


def read(path: str, data: bytes) -> list[Document]:
    text = decode_text(path, data)
    return [Document(path=path, format="txt", paragraphs=tuple(Paragraph(p) for p in split_paragraphs(text)))]


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text, each on one line with single spaces."""
    blocks = [b for b in _BLANK_LINES.split(text) if b.strip()]
    lengths = sorted(len(line.rstrip()) for b in blocks for line in b.split("\n") if line.strip())
    if not lengths:
        return []
    # The width the text was wrapped at: most lines of a wrapped paragraph come close to it.
    width = lengths[int(0.9 * (len(lengths) - 1))]
    out: list[str] = []
    context: list = []  # the text's words, found once and only if a line breaks at a hyphen
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _hard_wrapped(lines, width):
            out.append(_join_wrapped(lines, text, context))
        else:
            # Scrapes put one paragraph on each line; headlines and lists are short lines.
            out.extend(map(single_spaced, lines))
    return out


def _join_wrapped(lines: list[str], text: str, context: list) -> str:
    """One paragraph from its wrapped lines: a space between lines, but a line ending in a
    broken word is joined to the next by the line-end hyphen rule."""
    joined = single_spaced(lines[0])
    for line in lines[1:]:
        line = single_spaced(line)
        head = None
        if joined[-1:] in "-\u2010":
            # The word before the hyphen holds no space: searched for after the last one, in the last
            # 200 characters (tried from each start of all 200, a line took a hostile file 0.2 ms).
            lo = max(0, len(joined) - 200)
            m = _HEAD.search(joined, max(lo, joined.rfind(" ", lo) + 1, joined.rfind("\n", lo) + 1))
            # Only the word is kept: a match holds the paragraph, which `+=` must then copy whole
            # rather than extend in place (quadratic in a paragraph of broken lines).
            head = m.group(1) if m is not None else None
            m = None
        tail = _TAIL.match(line) if head is not None else None
        if tail is None:
            joined += " " + line
            continue
        if not context:
            context.extend(text_words(text))
        if keeps_line_end_hyphen(head, tail.group(), *context):
            joined += line  # one compound, as written: "Indo-Pacific"
        else:
            joined += "\n" + line  # a broken word: the tokenizer joins "inter-\nnational"
    return joined


def _hard_wrapped(lines: list[str], width: int) -> bool:
    """Every line but the last runs close to the wrap width, as a wrapped paragraph's do."""
    if len(lines) < 2:
        return False
    if width > _MAX_WRAP:  # most of the file is unwrapped; this block may still be wrapped
        width = max(len(line) for line in lines)
        if width > _MAX_WRAP:
            return False
    return all(0.6 * width <= len(line) <= width + 15 for line in lines[:-1])
