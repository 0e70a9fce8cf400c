"""The reading worker as a plain fork: a process and a pipe each way, without multiprocessing.

`diptych compare` and `extract` fork their reading worker (`isolated.py` says when that is safe).
multiprocessing's fork context cost such a run 15-20 ms of CPU before any file was read (its
connection and reduction modules, socket and selectors, and its child's bootstrap): a tenth of
comparing two short articles. A forked worker needs only what is here: pickles framed by their
length on two pipes, and the child's pid to poll, kill and reap. The worker's protections are
the same, being kept by `isolated.py` (CPU and wall budgets read from /proc, the memory cap set
in the child).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import time

_LENGTH = struct.Struct("!Q")


class Connection:
    """One end of a two-way pipe, with the methods of multiprocessing's Connection that the
    reading worker uses: send, recv (EOFError once the other end is gone), poll and close."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self.read_fd = read_fd
        self.write_fd = write_fd

    def send(self, obj) -> None:
        data = pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
        view = memoryview(_LENGTH.pack(len(data)) + data)
        while view:
            view = view[os.write(self.write_fd, view):]

    def recv(self):
        (size,) = _LENGTH.unpack(self._read(_LENGTH.size))
        return pickle.loads(self._read(size))

    def _read(self, size: int) -> bytes:
        buf = bytearray()
        while len(buf) < size:
            chunk = os.read(self.read_fd, size - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
        return bytes(buf)

    def poll(self, timeout: float = 0.0) -> bool:
        """Is there something to read (or the other end gone, which recv then reports)?"""
        poller = select.poll()
        poller.register(self.read_fd, select.POLLIN)
        return bool(poller.poll(max(0.0, timeout) * 1000))

    def close(self) -> None:
        for fd in (self.read_fd, self.write_fd):
            try:
                os.close(fd)
            except OSError:
                pass  # closed already
        self.read_fd = self.write_fd = -1


def pipe() -> tuple[Connection, Connection]:
    """(the parent's end, the child's end)."""
    to_child_r, to_child_w = os.pipe()
    to_parent_r, to_parent_w = os.pipe()
    return Connection(to_parent_r, to_child_w), Connection(to_child_r, to_parent_w)


class Process:
    """A forked child running `target(*args)`, then leaving with os._exit (no atexit handler and
    no buffered output of the parent's runs twice). `parent_end` is closed in the child, so the
    child reads EOF once the parent is gone."""

    def __init__(self, target, args: tuple, parent_end: Connection) -> None:
        self._target = target
        self._args = args
        self._parent_end = parent_end
        self._status: int | None = None
        self.pid = 0

    def start(self) -> None:
        pid = os.fork()
        if pid:
            self.pid = pid
            return
        code = 1
        try:
            self._parent_end.close()
            # As multiprocessing's children do: the parent's input is not the worker's to read.
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.close(null)
            self._target(*self._args)
            code = 0
        except BaseException:  # noqa: BLE001 - the child must never return into the parent's code
            try:
                import traceback

                traceback.print_exc()
            except BaseException:  # noqa: BLE001
                pass
        finally:
            os._exit(code)

    def is_alive(self) -> bool:
        if self._status is not None or not self.pid:
            return False
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            pid, status = self.pid, -1
        if pid == 0:
            return True
        self._status = status  # reaped: no zombie left behind
        return False

    def kill(self) -> None:
        if self.is_alive():
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def join(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.is_alive() and time.monotonic() < deadline:
            time.sleep(0.002)
