"""Every file Diptych writes (reports, workspaces, settings backups) is written here, atomically.

The data goes to a temporary file beside the target, is flushed to disk, then renamed over
the target: a reader (or the next start after a crash) sees the old file or the whole new
one, never a part, and on failure no temporary file is left behind. A process killed in the
middle cannot clean up after itself: its temporary file is removed by the next write to
that folder (the writer holds a lock on it while alive, so a live write is never touched).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: stray files are recognised by age instead
    fcntl = None

# mkstemp(prefix=".NAME.", suffix=".part") names: eight characters from its alphabet.
_OUR_PART = re.compile(r"^\..+\.[a-z0-9_]{8}\.part$")
STALE_SECONDS = 600  # without locks, a temporary file this old belongs to no live write
# With locks, still leave files this young: a write may be between creating its file and locking it.
FRESH_SECONDS = 30


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` atomically. Raises OSError, having removed its temporary file."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stray_parts(folder)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)  # released when this process ends, however it ends
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); what Diptych writes is an ordinary document.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove_stray_parts(folder: str | os.PathLike) -> list[str]:
    """Remove temporary files that Diptych's writer left in `folder` when it was killed mid-write.

    Only names the writer makes, only regular files, and only those no live process holds
    locked (or, where there are no locks, untouched for STALE_SECONDS). Returns what was removed.
    """
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _OUR_PART.match(entry.name):
            continue
        try:
            if entry.is_symlink() or not entry.is_file() or not _abandoned(entry.path):
                continue
            os.unlink(entry.path)
            removed.append(entry.path)
        except OSError:
            continue  # another process's file, or gone already
    return removed


def _abandoned(path: str) -> bool:
    age = time.time() - os.lstat(path).st_mtime
    if fcntl is None or age < FRESH_SECONDS:
        return age > STALE_SECONDS
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a live write holds it
        return True
    finally:
        os.close(fd)


def overwritten_input(target: str | os.PathLike, inputs: Iterable[str | os.PathLike]) -> str | None:
    """The input that writing `target` would replace, or None.

    Compares the files themselves (device and inode, links followed), so "./a.txt", a hard
    link or a symbolic link to an article all count as that article. The report command, the
    window's export and the workspace save call this before they write.
    """
    try:
        info = os.stat(target)
    except OSError:
        return None  # nothing there yet: writing cannot replace an input
    for candidate in inputs:
        try:
            other = os.stat(candidate)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            return os.fspath(candidate)
    return None
