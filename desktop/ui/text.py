"""Text from articles, titles, file names and entity names made safe for Qt's rich text.

Qt shows a tooltip or a label as rich text when the string looks like markup, so a tooltip
built as f"Mentions in {title}" for an article titled `<img src="...">` loads an image. Every
such string goes through here: `plain` escapes a piece (one line, bidi controls kept inside
it with FSI…PDI), and `rich` marks the whole string as rich text, so the escapes are read as
characters whether or not the rest of the string looks like markup.
"""

from __future__ import annotations

from html import escape

from desktop.core.ingest.controls import isolate


def plain(text: str) -> str:
    """A piece of article text to set inside a rich-text string: shown as written, never as markup."""
    return escape(isolate(text), quote=False)


def rich(fragment: str) -> str:
    """A tooltip or label string, `fragment` holding only `plain` pieces and fixed markup.
    The <qt> tag makes Qt read it as rich text always, so "&lt;" shows as "<"."""
    return f"<qt>{fragment}</qt>"


def mentions_tip(title: str, fallback: str) -> str:
    """The entity sidebar's Left/Right column tooltip."""
    return rich(f"Mentions in {plain(title)}") if title else fallback
