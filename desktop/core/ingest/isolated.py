"""Read a file in a child process, within a time and memory budget, without holding the caller's GIL.

`load_file` runs regular expressions, zlib, lxml and pypdf: single C calls that hold the
interpreter lock for as long as they run, so a thread that reads a hostile file freezes every
other thread of its process (the window's event loop among them), and nothing in the process
can stop a call that never returns. Here the reading, cleaning (and, if asked, entity
extraction) runs in a worker process; the calling thread only waits on a pipe, which releases
the lock, and a worker that overruns its budget is killed. The file is then refused with the
reason, never half-read.

Workers are started once and reused; one is killed and replaced only when it overran. How one
starts depends on the caller:
- a process with threads or Qt (the window, `diptych report`) spawns a fresh interpreter, free
  of those threads, which imports every reader before its first file (about a second, once);
- a single-threaded process on Linux without Qt (`diptych compare`, `extract`) forks: the child
  already holds what the parent imported, so `diptych compare` no longer pays 0.4 s of CPU for
  a second interpreter that imports the readers and the entity code it will not use. It
  imports a reader's library when a file first needs it. The fork is a plain one (forked.py),
  not multiprocessing's, whose imports and bootstrap cost a short compare 15-20 ms of CPU.
Either way the import is not counted against a file's budget: the worker says when it begins
the file itself, and the clock starts then.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time
from dataclasses import dataclass

from desktop.core.article import Article
from desktop.core.errors import ReadError
from desktop.core.ingest.load import DEFAULT_MAX_BYTES

DEFAULT_SECONDS = 5.0  # the README's promise: a file is read or refused within 5 s
# Extra address space a worker may take on top of its loaded program. A backstop: the size
# checks before parsing keep real files far below it (bench/hostile.py measures peaks).
DEFAULT_MEMORY_MB = 1024
STARTUP_SECONDS = 120.0  # a worker importing the readers on a loaded machine
POLL_SECONDS = 0.05  # how often the budget is checked while waiting
WALL_FACTOR = 3  # the wall-clock backstop, as a multiple of the CPU budget
MAX_IDLE_WORKERS = 2


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The articles of one file and, when asked for, each one's entities (same order)."""

    articles: tuple[Article, ...]
    extractions: tuple = ()  # desktop.core.entities.model.Extraction per article, or empty
    worker_peak_mb: float = 0.0  # the worker's peak resident memory while reading, above its idle size
    worker_cpu_s: float = 0.0  # the worker's CPU time for this file


def read_within_budget(
    path: str | os.PathLike,
    *,
    seconds: float = DEFAULT_SECONDS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extract: bool = False,
    memory_mb: int = DEFAULT_MEMORY_MB,
    index: bool = True,
) -> ReadResult:
    """Read, clean and index one file (and extract its entities when `extract`) in a worker process.
    `index=False` gives the articles slim (`desktop.core.library.slim`), for a caller that needs
    no tokens (`diptych extract` prints sentences and a word count).

    Safe to call from any thread, several at once: the caller blocks only in a pipe wait,
    with the interpreter lock released, apart from unpacking the result (slim articles: a
    few strings) and indexing it (pure Python, which yields the lock every few milliseconds).
    Past `seconds` of the worker's CPU time (or three times that in wall time) the worker is
    killed and ReadError says the file took too long.
    Raises ReadError, and only ReadError.
    """
    name = os.fsdecode(path)
    worker = _POOL.take(memory_mb)
    try:
        outcome = worker.run(("read", name, max_bytes, extract), seconds)
    except _Overran:
        worker.kill()
        raise ReadError(name, f"took longer than {seconds:g} s to read, so it was set aside") from None
    except _WorkerDied:
        worker.kill()
        raise ReadError(name, "reading it took more memory than a file may have, so it was set aside") from None
    except BaseException:
        worker.kill()  # interrupted mid-request: its answer would go to the next caller
        raise
    _POOL.give_back(worker)
    kind, peak_mb, cpu_s, *rest = outcome
    if kind == "error":
        error = ReadError(name, rest[0])
        error.worker_peak_mb, error.worker_cpu_s = peak_mb, cpu_s  # for bench/hostile.py
        raise error
    slim, extractions = rest
    if not index:
        return ReadResult(tuple(slim), tuple(extractions), peak_mb, cpu_s)
    from desktop.core.ingest.build import with_index

    return ReadResult(tuple(with_index(a) for a in slim), tuple(extractions), peak_mb, cpu_s)


def read_each_within_budget(
    paths: list[str],
    *,
    seconds: float = DEFAULT_SECONDS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    index: bool = True,
    prepare=None,
    memory_mb: int = DEFAULT_MEMORY_MB,
    cancel: threading.Event | None = None,
):
    """Read many files in one worker, each within the same budget as `read_within_budget`;
    yield (path, articles, reason) per file, in order (reason "" when read).

    For folders: one request carries the whole list and the worker answers file by file, so
    a small file costs no round trip of its own. A file that overruns its budget (CPU time
    since the previous answer) or the worker's memory is refused with the reason; the worker
    is killed and the rest of the list goes on in a fresh one. `prepare` (a module-level
    function) turns each article into what the caller keeps, in the worker. Stops, killing
    the worker, once `cancel` is set.
    """
    rest = [os.fsdecode(p) for p in paths]
    while rest:
        if cancel is not None and cancel.is_set():
            return
        worker = _POOL.take(memory_mb, entities=False)
        answered = 0
        try:
            for kind, _peak, _cpu, payload in worker.stream(("list", rest, max_bytes, index, prepare), len(rest), seconds, cancel):
                yield (rest[answered], tuple(payload), "") if kind == "ok" else (rest[answered], (), payload)
                answered += 1
        except _Overran:
            worker.kill()
            yield rest[answered], (), f"took longer than {seconds:g} s to read, so it was set aside"
            answered += 1
        except _WorkerDied:
            worker.kill()
            yield rest[answered], (), "reading it took more memory than a file may have, so it was set aside"
            answered += 1
        except BaseException:  # cancelled, or the caller stopped: the worker may be mid-list
            worker.kill()
            raise
        else:
            if answered < len(rest):  # cancelled mid-list
                worker.kill()
                return
            _POOL.give_back(worker)
        rest = rest[answered:]


def prestart(memory_mb: int = DEFAULT_MEMORY_MB) -> None:
    """Start a worker now (e.g. at the window's start) so the first file need not wait for one."""
    _POOL.give_back(_POOL.take(memory_mb))


def shutdown() -> None:
    """Stop the idle workers (they also stop when this process exits)."""
    _POOL.close()


# -- the worker --------------------------------------------------------------------------


class _Overran(Exception):
    pass


class _WorkerDied(Exception):
    pass


def _can_fork() -> bool:
    """Fork only where it is safe and cheap: Linux (macOS frameworks break in a forked child);
    no Qt loaded (a window's process is large, and every page it then writes would be copied
    while the child lives: the event loop stalled on it); and no other thread running, whose
    locks the child would inherit held, counted by the kernel (/proc/self/task), not by
    `threading`: Qt's pool threads are invisible to the latter."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1 or "PySide6" in sys.modules:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


class _Worker:
    def __init__(self, memory_mb: int, entities: bool = True):
        forked = _can_fork()
        self.memory_mb = memory_mb
        # Warmed up for entity extraction too; a forked worker imports it before a file's clock starts.
        self.entities = entities or forked
        if forked:
            import gc

            # What reading any file imports (the readers' entry, cleaning, dates of publication,
            # language), imported once here and inherited by the child: imported only there, the
            # parent would import the part it needs too (datetime, the language module) again.
            from desktop.core import language  # noqa: F401
            from desktop.core.ingest import clean, load, published  # noqa: F401
            from desktop.core.ingest import forked as plain_fork  # not multiprocessing: forked.py says why

            # What the child inherits is never traversed by its collector, whose passes would
            # otherwise copy every page of it (the gc module's advice before a fork).
            gc.freeze()
            self.conn, child = plain_fork.pipe()
            self.process = plain_fork.Process(_serve, (child, memory_mb, entities, forked), self.conn)
        else:
            import multiprocessing

            ctx = multiprocessing.get_context("spawn")
            self.conn, child = ctx.Pipe()
            self.process = ctx.Process(target=_serve, args=(child, memory_mb, entities, forked), daemon=True,
                                       name="diptych-reader")
        self.process.start()
        child.close()
        try:
            started = self.conn.poll(STARTUP_SECONDS) and self._recv() == ("ready",)
        except _WorkerDied:
            started = False
        if not started:
            self.kill()
            raise ReadError("", "Diptych's reading process did not start")

    def _recv(self):
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            raise _WorkerDied from None

    def run(self, request, seconds: float):
        """Send one request; its answer, or _Overran once the worker has spent `seconds` of CPU
        on it (a loaded machine slows a file down without making it any more hostile), or
        WALL_FACTOR times that in wall time (a worker stuck without using CPU)."""
        try:
            self.conn.send(request)
        except OSError:
            raise _WorkerDied from None
        start_cpu = self._cpu_seconds()
        deadline = time.monotonic() + (seconds if start_cpu is None else WALL_FACTOR * seconds)
        while True:
            # poll waits in select(): the interpreter lock is free for the caller's other threads.
            if self.conn.poll(max(0.0, min(POLL_SECONDS, deadline - time.monotonic()))):
                answer = self._recv()
                if answer != ("begin",):
                    return answer
                # The worker has imported the reader's library: the file's own clock starts now.
                start_cpu = self._cpu_seconds()
                deadline = time.monotonic() + (seconds if start_cpu is None else WALL_FACTOR * seconds)
                continue
            if not self.process.is_alive():
                raise _WorkerDied
            self._check_budget(deadline, start_cpu, seconds)

    def stream(self, request, count: int, seconds: float, cancel: threading.Event | None = None):
        """Send one request the worker answers `count` times; yield each answer. Every answer has
        `run`'s budget of its own, counted from the one before; returns early once `cancel` is set."""
        try:
            self.conn.send(request)
        except OSError:
            raise _WorkerDied from None
        for _ in range(count):
            start_cpu = self._cpu_seconds()
            deadline = time.monotonic() + (seconds if start_cpu is None else WALL_FACTOR * seconds)
            while True:
                if self.conn.poll(max(0.0, min(POLL_SECONDS, deadline - time.monotonic()))):
                    break
                if cancel is not None and cancel.is_set():
                    return
                if not self.process.is_alive():
                    raise _WorkerDied
                self._check_budget(deadline, start_cpu, seconds)
            yield self._recv()

    def _check_budget(self, deadline: float, start_cpu: float | None, seconds: float) -> None:
        """Raise _Overran once the file has had its wall-clock backstop or its CPU budget. One poll
        early: the CPU is read every POLL_SECONDS, and a file is never let run past its budget."""
        cpu = self._cpu_seconds()
        if time.monotonic() >= deadline or (cpu is not None and start_cpu is not None
                                             and cpu - start_cpu > seconds - POLL_SECONDS):
            raise _Overran

    def _cpu_seconds(self) -> float | None:
        """The worker's CPU time so far (Linux /proc), or None where it cannot be read."""
        try:
            with open(f"/proc/{self.process.pid}/stat", "rb") as stream:
                fields = stream.read().rsplit(b")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class _Pool:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.idle: list[_Worker] = []

    def take(self, memory_mb: int, entities: bool = True) -> _Worker:
        """An idle worker with this memory cap (and warmed up for entities if asked), else a new one.
        Folder loads ask for no entities: a worker that skips their warm-up starts in half the CPU."""
        with self.lock:
            for i in range(len(self.idle) - 1, -1, -1):
                worker = self.idle[i]
                if not worker.alive() or worker.memory_mb != memory_mb:
                    del self.idle[i]
                    worker.kill()
                elif worker.entities or not entities:
                    return self.idle.pop(i)
        return _Worker(memory_mb, entities)

    def give_back(self, worker: _Worker) -> None:
        with self.lock:
            if len(self.idle) < MAX_IDLE_WORKERS and worker.alive():
                self.idle.append(worker)
                return
        worker.kill()

    def close(self) -> None:
        with self.lock:
            workers, self.idle = self.idle, []
        for worker in workers:
            worker.kill()


_POOL = _Pool()
atexit.register(shutdown)


def _serve(conn, memory_mb: int, entities: bool = True, forked: bool = False) -> None:
    """The worker's loop: one request at a time, answers are picklable values only.
    Before each file it imports what that file's reader needs, then says ("begin",)."""
    import gc

    gc.enable()  # a forked worker inherits `diptych compare`'s disabled collector; parsers make cycles
    from desktop.core.ingest.load import load_file, load_text
    from desktop.core.ingest.readers import warm_up, warm_up_for

    if entities and not forked:
        # A single read's spawned worker imports everything before its first file is timed. A
        # folder's workers import a reader's library when a file needs it (a second at most, well
        # inside one file's budget): warming four of them up for a folder of plain text cost 1 s
        # of CPU. A forked worker holds what its parent imported, and imports the rest per file.
        warm_up()
        from desktop.core.entities.extract import extract

        extract(load_text("Warm up. Mayor Ines Dal said on Monday that 1,200 tonnes were moved.", "warm-up"))
    _limit_memory(memory_mb)
    conn.send(("ready",))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if request[0] == "list":
            _serve_list(conn, *request[1:])
            continue
        kind, path, max_bytes, with_entities = request
        try:
            warm_up_for(path, with_entities)
        except Exception:  # noqa: BLE001 - a library that fails to import fails again, in the budget, with its reason
            pass
        conn.send(("begin",))
        idle_kb = _reset_peak()
        started = time.process_time()
        try:
            if with_entities:
                from desktop.core.entities.extract import extract
            # Never indexed here: the caller indexes what it receives (with_index), and extract()
            # splits sentences itself when an article carries none, exactly as the index would.
            # Indexing here as well was a second tokenisation of every file (0.3 s per 100k words).
            # Unindexed, they are already slim (desktop.core.library.slim), as sent back.
            articles = load_file(path, max_bytes, index=False)
            extractions = [extract(a) for a in articles] if with_entities else []
            answer = ("ok", articles, extractions)
        except Exception as exc:  # noqa: BLE001 - every failure becomes the file's reason
            answer = ("error", _reason(exc))
        conn.send((answer[0], _peak_mb(idle_kb), time.process_time() - started, *answer[1:]))


def _serve_list(conn, paths: list[str], max_bytes: int, index: bool, prepare) -> None:
    """Answer a folder's list file by file: the articles (or what `prepare` makes of each), or the reason."""
    import gc

    from desktop.core.ingest.load import load_file

    for path in paths:
        started = time.process_time()
        try:
            articles = load_file(path, max_bytes, index=index)
            if prepare is not None:
                # `prepare` works on text already read (the entities `diptych extract` prints, a
                # listed article's profile): acyclic values, most freed as it returns, as `compare`
                # makes them with the collector off. The collector's passes over them freed nothing
                # and cost 2% of extracting 150 articles; reading a file stays collected.
                gc.disable()
                try:
                    articles = [prepare(a) for a in articles]
                finally:
                    gc.enable()
            answer = ("ok", articles)
        except Exception as exc:  # noqa: BLE001 - every failure becomes the file's reason
            answer = ("error", _reason(exc))
        # No peak memory per file here: resetting it costs more than reading a small file.
        conn.send((answer[0], 0.0, time.process_time() - started, answer[1]))


def _reason(exc: Exception) -> str:
    """What the user is told when reading a file (or analysing its text) failed in the worker."""
    if isinstance(exc, ReadError):
        return exc.reason
    if isinstance(exc, MemoryError):
        return "too large to read in the memory available"
    if isinstance(exc, RecursionError):
        return "the file's structure is nested too deeply to read"
    return "its text could not be analysed"  # a reader, extraction or `prepare` failing on text it did not expect


def _reset_peak() -> int:
    """Reset the peak resident size to the current one (Linux); returns the current size in KB."""
    try:
        with open("/proc/self/clear_refs", "w") as stream:
            stream.write("5")
        with open("/proc/self/status") as stream:
            return next(int(line.split()[1]) for line in stream if line.startswith("VmRSS:"))
    except (OSError, StopIteration, ValueError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _peak_mb(idle_kb: int) -> float:
    try:
        with open("/proc/self/status") as stream:
            peak = next(int(line.split()[1]) for line in stream if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return max(0, peak - idle_kb) / 1024


def _limit_memory(memory_mb: int) -> None:
    """Cap the worker's address space at what it holds now plus `memory_mb`, so a runaway parse
    fails with MemoryError there instead of taking the machine's memory (Linux, macOS)."""
    try:
        import resource

        with open("/proc/self/statm") as stream:
            held = int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = held + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass  # no such limit here: the size checks before parsing still hold
