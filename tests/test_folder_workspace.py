"""Folder scanning (loops, special files) and workspace files (round trip, damage, backup)."""

import json
import os

import pytest

from desktop.core.library.folder import article_files
from desktop.core.library.workspace import (
    Workspace,
    WorkspaceError,
    backup_path,
    read_with_fallback,
    read_workspace,
    write_workspace,
)


def test_folder_scan_skips_loops_fifos_and_unsupported(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>two</p>")
    (tmp_path / "sub" / "c.png").write_bytes(b"\x89PNG")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(tmp_path / "pipe.txt")
    bad_name = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(bad_name, "wb") as fh:
        fh.write(b"three")
    skipped = []
    found = list(article_files([tmp_path], on_skip=lambda p, why: skipped.append((p, why))))
    names = sorted(os.path.basename(os.fsencode(p)) for p in found)
    assert names == [b"a.txt", b"b.html", b"caf\xe9.txt"]
    reasons = " ".join(why for _, why in skipped)
    assert "loop" in reasons and "not a regular file" in reasons


def test_files_given_directly_pass_through(tmp_path):
    missing = tmp_path / "missing.txt"
    assert list(article_files([missing])) == [str(missing)]


def test_workspace_round_trip(tmp_path):
    ws = Workspace(
        articles=("/x/a.txt", "/x/b.html"),
        pasted=(("Pasted 1", "Some text"),),
        left="/x/a.txt",
        right="/x/b.html",
        options={"ignore_case": True},
        notes="Check the figure in paragraph 2.",
    )
    path = tmp_path / "story.diptych"
    write_workspace(path, ws)
    assert read_workspace(path) == ws
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("content", [b"", b'{"format": "diptych-workspace", "vers', b"\xff\xfe", b"[1, 2]"])
def test_damaged_workspace_is_refused_and_backup_used(tmp_path, content):
    path = tmp_path / "story.diptych"
    good = Workspace(articles=("/x/a.txt",), notes="v1")
    write_workspace(path, good)
    write_workspace(path, Workspace(articles=("/x/a.txt", "/x/b.txt"), notes="v2"))
    assert read_workspace(backup_path(path)).notes == "v1"
    path.write_bytes(content)  # a crash or a bad copy damages the file
    with pytest.raises(WorkspaceError) as err:
        read_workspace(path)
    assert str(path) in str(err.value)
    ws, message = read_with_fallback(path)
    assert ws.notes == "v1" and "last good copy" in message
    assert path.read_bytes() == content  # the damaged file is left for the user to inspect
    # Saving over a damaged file must not overwrite the good backup with the damage.
    write_workspace(path, Workspace(notes="v3"))
    assert read_workspace(backup_path(path)).notes == "v1"
    assert read_workspace(path).notes == "v3"


def test_workspace_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.diptych"
    path.write_text(json.dumps({"format": "diptych-workspace", "version": 99}))
    with pytest.raises(WorkspaceError, match="newer"):
        read_workspace(path)
