"""Workspaces: the loaded articles, the chosen pair, options and notes, as a `.diptych` JSON file.

Every write goes to a temporary file beside the target and is renamed into place, and
the previous good copy is kept as `NAME.diptych.bak`, so a crash or a power cut in the
middle of a save never leaves the user without a readable workspace.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.files import write_atomically

FORMAT = "diptych-workspace"
VERSION = 1
MAX_WORKSPACE_BYTES = 20 * 1024 * 1024


class WorkspaceError(Exception):
    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Workspace:
    articles: tuple[str, ...] = ()  # file paths, in list order
    pasted: tuple[tuple[str, str], ...] = ()  # (name, text) of articles pasted from the clipboard
    left: str | None = None  # path (or pasted name) of the left article
    right: str | None = None
    options: dict = field(default_factory=dict)
    notes: str = ""


def to_json(ws: Workspace) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "articles": list(ws.articles),
        "pasted": [{"name": n, "text": t} for n, t in ws.pasted],
        "pair": {"left": ws.left, "right": ws.right},
        "options": dict(ws.options),
        "notes": ws.notes,
    }


def from_json(data: object, path: str = "<workspace>") -> Workspace:
    """A Workspace from parsed JSON, every field's type checked (`true` is no version number,
    `"yes"` no option value). Raises WorkspaceError saying what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WorkspaceError(path, "not a Diptych workspace")
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise WorkspaceError(path, "the workspace file is damaged (its format version is not a version number)")
    if version > VERSION:
        raise WorkspaceError(path, f"written by a newer Diptych (format version {version})")
    articles = data.get("articles", [])
    pasted = data.get("pasted", [])
    pair = data.get("pair", {})
    options = data.get("options", {})
    notes = data.get("notes", "")
    if not (isinstance(articles, list) and all(isinstance(a, str) and 0 < len(a) <= MAX_PATH_CHARS for a in articles)):
        raise WorkspaceError(path, "the article list is damaged")
    if not (isinstance(pasted, list) and all(isinstance(p, dict) and isinstance(p.get("name"), str)
                                             and isinstance(p.get("text"), str) for p in pasted)):
        raise WorkspaceError(path, "the pasted articles are damaged")
    if pair is None:
        pair = {}
    if not isinstance(pair, dict) or not isinstance(options, dict) or not isinstance(notes, str):
        raise WorkspaceError(path, "the workspace file is damaged")
    left, right = pair.get("left"), pair.get("right")
    if not all(v is None or isinstance(v, str) for v in (left, right)):
        raise WorkspaceError(path, "the chosen pair is damaged")
    for key, value in options.items():
        if key in BOOLEAN_OPTIONS and type(value) is not bool:
            raise WorkspaceError(path, f"the option {key} is damaged (it should be true or false)")
    return Workspace(
        articles=tuple(articles),
        pasted=tuple((p["name"], p["text"]) for p in pasted),
        left=left,
        right=right,
        # Options a later Diptych may add are kept when they have a plain type.
        options={k: v for k, v in options.items() if isinstance(k, str) and isinstance(v, (bool, int, str))},
        notes=notes,
    )


def read_workspace(path: str | os.PathLike) -> Workspace:
    """Read and validate a workspace file as the hostile input it may be.

    Only a regular file (a link to one is fine; a device, a FIFO or a socket is refused
    without blocking), at most MAX_WORKSPACE_BYTES whatever size the file reports, nesting at
    most MAX_DEPTH deep, numbers at most MAX_NUMBER_CHARS long, then the schema with types.
    This is the one check the window runs on a workspace, the autosave at start included.
    Raises WorkspaceError, and only WorkspaceError, with the reason in plain words.
    """
    name = os.fsdecode(path)
    raw = _read_regular(name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise WorkspaceError(name, "the file is damaged (not UTF-8 text)") from None
    if _depth(text) > MAX_DEPTH:
        raise WorkspaceError(name, "the file is damaged (nested far deeper than a workspace is)")
    try:
        data = json.loads(text, parse_int=_integer, parse_float=_decimal, parse_constant=_no_constant)
    except _TooLong:
        raise WorkspaceError(name, "the file is damaged (it holds a number far longer than any workspace's)") from None
    except (ValueError, RecursionError):
        raise WorkspaceError(name, "the file is damaged or truncated (not valid JSON)") from None
    return from_json(data, name)


def set_aside(path: str | os.PathLike) -> Path:
    """Rename a workspace that failed to open (an autosave at start) out of the way, so the next
    start does not try it again; the file is kept, untouched, for the reader to inspect.
    Returns its new name. Raises OSError when it cannot be renamed."""
    source = Path(path)
    for n in range(1, 1000):
        target = source.with_name(f"{source.name}.refused" + (f"-{n}" if n > 1 else ""))
        if not os.path.lexists(target):
            os.replace(source, target)
            return target
    raise OSError(f"no free name beside {source}")


MAX_PATH_CHARS = 4096  # PATH_MAX on Linux; longer is not a path a workspace could have saved
MAX_DEPTH = 8  # a workspace nests three levels (workspace, pasted list, one pasted article)
MAX_NUMBER_CHARS = 20  # the version; Python refuses ints past 4,300 digits with an uncaught error
BOOLEAN_OPTIONS = frozenset({"ignore_case", "ignore_punctuation", "include_boilerplate", "digits_as_words"})
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"')
_NOT_BRACKETS = re.compile(r"[^\[\]{}]++")


class _TooLong(ValueError):
    pass


def _integer(digits: str) -> int:
    if len(digits) > MAX_NUMBER_CHARS:
        raise _TooLong
    return int(digits)


def _decimal(digits: str) -> float:
    if len(digits) > MAX_NUMBER_CHARS:
        raise _TooLong
    return float(digits)


def _no_constant(name: str):
    raise ValueError(name)  # NaN and Infinity are not JSON


def _depth(text: str) -> int:
    """How deep brackets nest outside strings (a linear scan, before the recursive parser runs)."""
    depth = deepest = 0
    for ch in _NOT_BRACKETS.sub("", _STRING.sub('""', text)):
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _read_regular(name: str) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)  # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer
    except FileNotFoundError:
        raise WorkspaceError(name, "no such file") from None
    except IsADirectoryError:
        raise WorkspaceError(name, "a folder, not a workspace file") from None
    except OSError as exc:
        raise WorkspaceError(name, (exc.strerror or "the system refused to open it").lower()) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "a named pipe (FIFO)" if stat.S_ISFIFO(
                info.st_mode) else "a device or other special file"
            raise WorkspaceError(name, f"not a regular file: {what}")
        if info.st_size > MAX_WORKSPACE_BYTES:
            raise WorkspaceError(name, "too large to be a workspace")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            raw = stream.read(MAX_WORKSPACE_BYTES + 1)  # the cap holds whatever size was reported
    except OSError as exc:
        raise WorkspaceError(name, (exc.strerror or "the system refused to read it").lower()) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_WORKSPACE_BYTES:
        raise WorkspaceError(name, "too large to be a workspace")
    return raw


def write_workspace(path: str | os.PathLike, ws: Workspace) -> None:
    """Save atomically; the copy being replaced is kept as a `.bak` if it was readable."""
    target = Path(path)
    data = json.dumps(to_json(ws), ensure_ascii=False, indent=2).encode("utf-8")
    if target.exists():
        try:
            read_workspace(target)
        except WorkspaceError:
            pass  # never let a damaged file overwrite the last good backup
        else:
            write_atomically(backup_path(target), target.read_bytes())
    write_atomically(target, data)


def backup_path(path: str | os.PathLike) -> Path:
    p = Path(path)
    return p.with_name(p.name + ".bak")


def read_with_fallback(path: str | os.PathLike) -> tuple[Workspace, str | None]:
    """Read a workspace; when it is damaged, fall back to its backup.

    Returns (workspace, message): the message says what was set aside, or is None.
    The damaged file is left where it is, untouched, for the user to inspect.
    Raises WorkspaceError when neither copy can be read.
    """
    try:
        return read_workspace(path), None
    except WorkspaceError as exc:
        backup = backup_path(path)
        if not backup.exists():
            raise
        ws = read_workspace(backup)
        return ws, f"{exc.path}: {exc.reason}; opened the last good copy ({backup.name}) instead"
