"""The one error a reader raises: which file, and why, in plain words."""

from __future__ import annotations

import os


def display_path(path: str | bytes | os.PathLike) -> str:
    """The path as text that can always be printed or shown in a widget.

    File names that are not valid UTF-8 reach Python as lone surrogates; those cannot be
    encoded for a terminal or a Qt string, so they are shown as U+FFFD instead.
    """
    text = os.fsdecode(path) if not isinstance(path, str) else path
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from a file name's bytes
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


class ReadError(Exception):
    """A file could not be read as an article. `reason` is a plain sentence for a reader."""

    def __init__(self, path: str | bytes | os.PathLike, reason: str):
        shown = display_path(path)
        super().__init__(f"{shown}: {reason}")
        self.path = shown
        self.reason = reason
