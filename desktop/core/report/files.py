"""Write a report file atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from desktop.core import files
from desktop.core.errors import display_path


class ReportWriteError(Exception):
    """A report could not be written. `reason` is a plain sentence for a reader."""

    def __init__(self, path: str | os.PathLike, reason: str):
        shown = display_path(path)
        super().__init__(f"{shown}: {reason}")
        self.path = shown
        self.reason = reason


def _reason(exc: OSError, folder: Path) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the folder {display_path(folder)} cannot be written to (permission denied or read-only)"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EISDIR:
        return "that name is a folder"
    return exc.strerror or str(exc)


def check_target(path: str | os.PathLike) -> Path:
    """Fail early, with a reason, when the target cannot be written (before any slow rendering)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise ReportWriteError(path, f"the folder {display_path(folder)} does not exist")
    if not folder.is_dir():
        raise ReportWriteError(path, f"{display_path(folder)} is not a folder")
    if target.is_dir():
        raise ReportWriteError(path, "that name is a folder")
    return target


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one, never a part.

    On failure nothing is left behind and ReportWriteError says why.
    """
    target = check_target(path)
    try:
        files.write_atomically(target, data)
    except OSError as exc:
        raise ReportWriteError(path, _reason(exc, target.parent if str(target.parent) else Path("."))) from None
