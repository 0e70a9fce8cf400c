"""Characters an article may hold that must never act in an output: C0 controls, lone
surrogates, and bidi controls that would reorder what follows them.

Article text is never markup, and never layout either: a NUL reaches no report, and a
right-to-left override in a title ("gnp.exe" shown as "exe.png") stays inside that title.
"""

from __future__ import annotations

from desktop.core import regexes

# C0 controls bar tab and line feed, DEL, and lone surrogates (JSON can spell "\ud800", and
# no UTF-8 output can hold one). Each becomes one character, so offsets into the text hold.
_UNSAFE = regexes.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
_UNSAFE_IN_LINE = regexes.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
_EMBEDDINGS = frozenset((LRE, RLE, LRO, RLO))
_ISOLATES = frozenset((LRI, RLI, FSI))
BIDI_CONTROLS = frozenset((LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI))
_BIDI = regexes.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def printable(text: str) -> str:
    """The text with C0 controls (bar tab and line feed), DEL and lone surrogates made spaces or
    U+FFFD, one for one: what every reader hands on, so no output ever carries them."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else " ", text)


def one_line(text: str) -> str:
    """`printable`, with line breaks and tabs made spaces too (titles, names, file names)."""
    if not _UNSAFE_IN_LINE.search(text):
        return text
    return _UNSAFE_IN_LINE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else " ", text)


def balanced(text: str) -> str:
    """The text with every bidi embedding, override and isolate it opens closed at its end, and
    closers that close nothing dropped, so nothing it does reaches past it."""
    if not _BIDI.search(text):
        return text
    out: list[str] = []
    stack: list[str] = []  # openers still open, innermost last
    for ch in text:
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            stack.append(ch)
        elif ch == PDF:
            if not stack or stack[-1] not in _EMBEDDINGS:
                continue  # closes nothing (or would close across an isolate): dropped
            stack.pop()
        elif ch == PDI:
            if not any(c in _ISOLATES for c in stack):
                continue
            while stack and stack[-1] not in _ISOLATES:
                stack.pop()  # a PDI closes the embeddings opened inside its isolate too
            stack.pop()
        out.append(ch)
    out.extend(PDF if c in _EMBEDDINGS else PDI for c in reversed(stack))
    return "".join(out)


def contained(text: str) -> str:
    """The text, balanced and wrapped in FSI…PDI when it holds bidi controls (once: text
    already wrapped so comes back as it is); text without them comes back unchanged."""
    if not _BIDI.search(text):
        return text
    if text[:1] == FSI and text[-1:] == PDI and balanced(text) == text and _outer(text):
        return text
    return FSI + balanced(text) + PDI


def _outer(text: str) -> bool:
    """Does the first FSI close at the very end (rather than earlier, with more text after)?"""
    depth = 0
    for i, ch in enumerate(text):
        if ch in _ISOLATES:
            depth += 1
        elif ch == PDI:
            depth -= 1
            if depth == 0:
                return i == len(text) - 1
    return False


def isolate(text: str) -> str:
    """Text from an article (a title, a name, a file name) made safe to set beside other text:
    one line, printable, and, when it holds bidi controls, balanced and wrapped in FSI…PDI.
    Text without bidi controls comes back as it was (bar the controls `one_line` removes)."""
    return contained(one_line(text))


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, then an ellipsis, isolated after cutting, so a cut
    never drops the closing character of an override (which would reorder what follows)."""
    plain = one_line(text)
    if len(plain) > limit:
        plain = plain[: max(1, limit - 1)].rstrip() + "…"
    return isolate(plain)
