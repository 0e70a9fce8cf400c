"""The command line's plain fork (desktop/core/ingest/forked.py): messages both ways, EOF once the
child is gone, a killed child reaped."""

from __future__ import annotations

import os
import sys
import time

import pytest

from desktop.core.ingest import forked

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the plain fork is Linux's")


def _echo(conn) -> None:
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        conn.send(("echo", message))


def _sleep(conn) -> None:
    time.sleep(60)


def test_messages_go_both_ways_and_the_child_sees_eof_when_the_parent_closes():
    parent, child = forked.pipe()
    process = forked.Process(_echo, (child,), parent)
    process.start()
    child.close()
    big = "x" * 300_000  # more than a pipe holds at once
    for message in ("hello", big, {"n": [1, 2, 3]}):
        parent.send(message)
        assert parent.poll(10)
        assert parent.recv() == ("echo", message)
    assert not parent.poll(0)
    parent.close()  # the child reads EOF and leaves
    process.join(10)
    assert not process.is_alive()


def test_a_killed_child_is_reaped_and_its_pipe_reads_eof():
    parent, child = forked.pipe()
    process = forked.Process(_sleep, (child,), parent)
    process.start()
    child.close()
    assert process.is_alive()
    process.kill()
    process.join(10)
    assert not process.is_alive()
    with pytest.raises(ChildProcessError):
        os.waitpid(process.pid, os.WNOHANG)  # reaped already: no zombie left
    assert parent.poll(1)  # the other end is gone: poll says so, and recv raises
    with pytest.raises(EOFError):
        parent.recv()
    parent.close()
