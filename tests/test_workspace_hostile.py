"""Workspaces are read like hostile files: regular files only, bounded size, nesting and numbers,
and a schema with types. A workspace that fails opens nothing and says why in plain words."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from desktop.core.library.workspace import (
    FORMAT,
    MAX_WORKSPACE_BYTES,
    Workspace,
    WorkspaceError,
    read_with_fallback,
    read_workspace,
    set_aside,
    write_workspace,
)

GOOD = {"format": FORMAT, "version": 1, "articles": ["/news/a.txt"], "pasted": [],
        "pair": {"left": "/news/a.txt", "right": None}, "options": {"ignore_case": True}, "notes": "n"}


def refused(path) -> str:
    """The reason, after checking the read came back promptly and raised only WorkspaceError."""
    outcome: dict = {}

    def attempt() -> None:
        try:
            outcome["ws"] = read_workspace(path)
        except WorkspaceError as exc:
            outcome["error"] = exc
        except BaseException as exc:  # noqa: BLE001 - what the test exists to catch
            outcome["crash"] = exc

    worker = threading.Thread(target=attempt, daemon=True)
    start = time.process_time()
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading the workspace blocked"
    assert "crash" not in outcome, outcome
    assert "error" in outcome, outcome
    assert time.process_time() - start < 2
    reason = outcome["error"].reason
    assert "Error" not in reason and "Traceback" not in reason
    return reason


def put(tmp_path, content: str | bytes, name: str = "w.diptych"):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_a_good_workspace_still_reads(tmp_path):
    ws = read_workspace(put(tmp_path, json.dumps(GOOD)))
    assert ws.articles == ("/news/a.txt",) and ws.options == {"ignore_case": True}


def test_nested_a_thousand_levels(tmp_path):
    deep = '{"format": "diptych-workspace", "version": 1, "notes": ' + "[" * 1000 + "]" * 1000 + "}"
    assert "nested" in refused(put(tmp_path, deep))


def test_brackets_inside_strings_are_not_nesting(tmp_path):
    ws = read_workspace(put(tmp_path, json.dumps({**GOOD, "notes": "[[[[{{{{" * 100})))
    assert ws.notes.startswith("[[[[")


def test_a_version_of_five_thousand_digits(tmp_path):
    text = json.dumps(GOOD).replace('"version": 1', '"version": ' + "9" * 5000)
    assert "number" in refused(put(tmp_path, text))


@pytest.mark.parametrize("field,value,words", [
    ("version", True, "version"),
    ("version", "1", "version"),
    ("version", 1.0, "version"),
    ("version", 0, "version"),
    ("options", {"ignore_case": "yes"}, "ignore_case"),
    ("options", {"include_boilerplate": 1}, "include_boilerplate"),
    ("articles", ["/a.txt", 3], "article list"),
    ("articles", "/a.txt", "article list"),
    ("pair", {"left": ["/a.txt"]}, "pair"),
    ("pasted", [{"name": "x"}], "pasted"),
    ("notes", {"text": "x"}, "damaged"),
])
def test_wrong_types_are_refused(tmp_path, field, value, words):
    assert words in refused(put(tmp_path, json.dumps({**GOOD, field: value})))


def test_nan_and_infinity_are_not_json(tmp_path):
    assert "not valid JSON" in refused(put(tmp_path, json.dumps(GOOD).replace('"notes": "n"', '"n": NaN')))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_never_blocks(tmp_path):
    os.mkfifo(tmp_path / "pipe.diptych")
    assert refused(tmp_path / "pipe.diptych") == "not a regular file: a named pipe (FIFO)"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_link_to_a_device_is_refused_before_reading(tmp_path):
    (tmp_path / "zero.diptych").symlink_to("/dev/zero")
    assert refused(tmp_path / "zero.diptych") == "not a regular file: a device or other special file"


def test_size_cap_holds_for_what_is_read(tmp_path):
    big = put(tmp_path, json.dumps({**GOOD, "notes": "x" * (MAX_WORKSPACE_BYTES + 10)}))
    assert refused(big) == "too large to be a workspace"


@pytest.mark.parametrize("content", [b"\xff\xfe{}", b"", b"[]", b'{"format": "other"}'])
def test_other_damage(tmp_path, content):
    refused(put(tmp_path, content))


def test_a_damaged_workspace_with_a_good_backup_opens_the_backup(tmp_path):
    path = tmp_path / "w.diptych"
    write_workspace(path, Workspace(notes="first"))
    write_workspace(path, Workspace(notes="second"))
    path.write_text('{"format": "diptych-workspace", "version": ' + "9" * 5000 + "}")
    ws, message = read_with_fallback(path)
    assert ws.notes == "first" and "last good copy" in message


def test_a_refused_autosave_is_set_aside_untouched(tmp_path):
    path = put(tmp_path, "[" * 5000, "autosave.diptych")
    refused(path)
    moved = set_aside(path)
    assert not path.exists() and moved.read_text() == "[" * 5000
    again = put(tmp_path, "{", "autosave.diptych")
    assert set_aside(again).name == "autosave.diptych.refused-2"
