"""Outputs never overwrite inputs, and a write killed half-way leaves nothing behind for long."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from desktop.core.files import overwritten_input, remove_stray_parts, write_atomically

LEFT = "Harbour road closes\n\nThe council voted on Monday to close the harbour road, Mayor Ines Dal said.\n"
RIGHT = LEFT.replace("Monday", "Tuesday")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=300, env=env)


def test_overwritten_input_sees_through_names_and_links(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(LEFT)
    b.write_text(RIGHT)
    (tmp_path / "soft.txt").symlink_to(a)
    os.link(a, tmp_path / "hard.txt")
    inputs = [str(a), str(b)]
    assert overwritten_input(a, inputs) == str(a)
    assert overwritten_input(tmp_path / "." / "b.txt", inputs) == str(b)
    assert overwritten_input(tmp_path / "soft.txt", inputs) == str(a)
    assert overwritten_input(tmp_path / "hard.txt", inputs) == str(a)
    assert overwritten_input(tmp_path / "new.pdf", inputs) is None
    b_copy = tmp_path / "copy.txt"
    b_copy.write_text(RIGHT)  # same bytes, another file: not an input
    assert overwritten_input(b_copy, inputs) is None


@pytest.mark.parametrize("flag", ["-o", "--html"])
def test_report_refuses_to_replace_an_article(tmp_path, flag):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(LEFT)
    b.write_text(RIGHT)
    (tmp_path / "link.txt").symlink_to(b)
    for target in (a, tmp_path / "link.txt"):
        run = run_cli("report", str(a), str(b), flag, str(target))
        assert run.returncode != 0
        assert "one of the articles being compared" in run.stderr
    assert a.read_text() == LEFT and b.read_text() == RIGHT


def test_extract_of_a_folder_without_articles_says_so(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    run = run_cli("extract", str(tmp_path))
    assert run.returncode != 0
    assert "no article files in" in run.stderr and str(tmp_path) in run.stderr


def test_a_part_file_left_by_a_killed_write_is_removed_by_the_next(tmp_path):
    target = tmp_path / "report.html"
    # A child that is killed while it holds its temporary file open (as inside fsync).
    code = (
        "import os, sys, tempfile, time\n"
        "from desktop.core import files\n"
        "def hang(fd):\n"
        "    print('writing', flush=True); time.sleep(60)\n"
        "os.fsync = hang\n"
        f"files.write_atomically({str(target)!r}, b'new')\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    (stray,) = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert remove_stray_parts(tmp_path) == []  # a live write (and a young file) is never touched
    child.kill()
    child.wait()
    child.stdout.close()
    assert stray.exists()
    old = time.time() - 3600
    os.utime(stray, (old, old))
    (tmp_path / ".notes.txt.abcdefgh.part").write_text("someone else's")  # young: left alone
    (tmp_path / "mine.part").write_text("not a name Diptych makes")
    os.utime(tmp_path / "mine.part", (old, old))
    write_atomically(tmp_path / "other.pdf", b"%PDF-")
    assert not stray.exists()
    assert (tmp_path / ".notes.txt.abcdefgh.part").exists() and (tmp_path / "mine.part").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".notes.txt.abcdefgh.part", "mine.part", "other.pdf"]
