"""Find the article files under folders: supported types only, no loops, no special files."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator

SUPPORTED_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf", ".json"})


def is_supported(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES


def article_files(
    paths: Iterable[str | os.PathLike],
    on_skip: Callable[[str, str], None] | None = None,
) -> Iterator[str]:
    """Yield article files: files given directly (any type: the reader decides), and the
    supported files found recursively under folders, in name order. Symlinked folders
    are followed once (a loop is skipped), FIFOs, sockets and devices are never opened."""
    seen_dirs: set[tuple[int, int]] = set()

    def skip(path: str, why: str) -> None:
        if on_skip is not None:
            on_skip(path, why)

    def walk(folder: str) -> Iterator[str]:
        try:
            st = os.stat(folder)
        except OSError as exc:
            skip(folder, exc.strerror or str(exc))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            skip(folder, "folder already visited (a symbolic link loop)")
            return
        seen_dirs.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: os.fsencode(e.name))
        except OSError as exc:
            skip(folder, exc.strerror or str(exc))
            return
        for entry in entries:
            try:
                if entry.is_dir():  # follows symlinks; loops are caught by seen_dirs
                    yield from walk(entry.path)
                elif entry.is_file():
                    if is_supported(entry.name):
                        yield entry.path
                elif is_supported(entry.name):
                    skip(entry.path, "not a regular file")
            except OSError as exc:
                skip(entry.path, exc.strerror or str(exc))

    for path in paths:
        path = os.fspath(path)
        try:
            mode = os.stat(path).st_mode
        except OSError:
            yield path  # the reader reports the missing file with its reason
            continue
        if stat.S_ISDIR(mode):
            yield from walk(path)
        else:
            yield path
