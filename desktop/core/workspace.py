"""Workspaces: the loaded articles, the chosen pair, options and notes, as a `.diptych` JSON file.

Every write goes to a temporary file beside the target and is renamed into place, and
the previous good copy is kept as `NAME.diptych.bak`, so a crash or a power cut in the
middle of a save never leaves the user without a readable workspace.
"""

from __future__ import annotations

import json
import os
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
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WorkspaceError(path, "not a Diptych workspace")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise WorkspaceError(path, f"written by a newer Diptych (format version {data.get('version')})")
    articles = data.get("articles", [])
    pasted = data.get("pasted", [])
    pair = data.get("pair") or {}
    options = data.get("options", {})
    notes = data.get("notes", "")
    if not (isinstance(articles, list) and all(isinstance(a, str) for a in articles)):
        raise WorkspaceError(path, "the article list is damaged")
    if not (isinstance(pasted, list) and all(isinstance(p, dict) and isinstance(p.get("name"), str)
                                             and isinstance(p.get("text"), str) for p in pasted)):
        raise WorkspaceError(path, "the pasted articles are damaged")
    if not isinstance(pair, dict) or not isinstance(options, dict) or not isinstance(notes, str):
        raise WorkspaceError(path, "the workspace file is damaged")
    left, right = pair.get("left"), pair.get("right")
    if not all(v is None or isinstance(v, str) for v in (left, right)):
        raise WorkspaceError(path, "the chosen pair is damaged")
    return Workspace(
        articles=tuple(articles),
        pasted=tuple((p["name"], p["text"]) for p in pasted),
        left=left,
        right=right,
        options={k: v for k, v in options.items() if isinstance(k, str) and isinstance(v, (bool, int, str))},
        notes=notes,
    )


def read_workspace(path: str | os.PathLike) -> Workspace:
    p = Path(path)
    try:
        if p.stat().st_size > MAX_WORKSPACE_BYTES:
            raise WorkspaceError(str(p), "too large to be a workspace")
        raw = p.read_bytes()
    except OSError as exc:
        raise WorkspaceError(str(p), exc.strerror or str(exc)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise WorkspaceError(str(p), "the file is damaged or truncated (not valid JSON)") from None
    return from_json(data, str(p))


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
