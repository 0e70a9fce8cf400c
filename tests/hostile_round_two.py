"""Every case issue 17 lists under "What was seen", rebuilt from project-written text, and a measure
of each: outcome, reason, time, the reading worker's peak memory and CPU, and the longest stretch
the calling thread kept the interpreter lock from another thread (the window's event loop).

Shared by tests/test_hostile_round_two.py (which asserts the bounds) and bench/hostile.py (which
prints the table). Files are read through `desktop.core.ingest.isolated.read_within_budget`, the one
function the window and the command line read with.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from file_fixtures import TEXT, docx_bytes, make_pdf, rezip

TIME_LIMIT_S = 5.0
MEMORY_LIMIT_MB = 200
STALL_LIMIT_S = 0.1
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Seen:
    """One case: `cpu_s` is the reading worker's CPU plus the calling thread's (a worker killed
    for overrunning reports nothing: its budget is counted); `caller_cpu_s` the calling thread's
    part (unpacking and indexing what the worker read), and `chars` how much text that was."""

    name: str
    result: str  # "read", "refused", "ok" (a check passed), "FAILED"
    reason: str
    seconds: float  # wall time of the whole case
    cpu_s: float  # the reading worker's CPU time (or this process's, for checks run here)
    peak_mb: float  # the reading worker's peak resident memory above its idle size
    stall_s: float  # longest CPU stretch between two ticks of a 1 ms ticker on another thread
    caller_cpu_s: float = 0.0
    chars: int = 0


# -- the files ------------------------------------------------------------------------------


def _pdf_variants() -> dict[str, bytes]:
    good = make_pdf([[TEXT]])
    cut = good.rindex(b"startxref")
    stream_at = good.index(b"stream\n")
    return {
        "pdf: startxref pointing before the file (negative seek)": good[:cut] + b"startxref\n-4000\n%%EOF\n",
        "pdf: content stream that is not zlib data (zlib.error)": good[:stream_at].replace(
            b"/Length", b"/Filter /FlateDecode /Length") + good[stream_at:],
        "pdf: page tree without /Type (KeyError '/Type')": good.replace(b"/Type /Pages", b"/Tipe /Pages").replace(
            b"/Type /Page ", b"/Tipe /Page "),
        "pdf: stream in a filter pypdf lacks (NotImplementedError)": good[:stream_at].replace(
            b"/Length", b"/Filter /JBIG2Decode /Length") + good[stream_at:],
    }


def _encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf([[TEXT]]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _strict_docx() -> bytes:
    import zipfile

    from desktop.core.ingest.readers.docx import _STRICT_NAMESPACES

    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for strict, usual in _STRICT_NAMESPACES:
                    body = body.replace(usual, strict)
            target.writestr(info.filename, body)
    return buffer.getvalue()


def _paragraph_page(count: int) -> bytes:
    body = "".join(f"<p>Paragraph {i} of the harbour board's minutes.</p>" for i in range(count))
    return f"<html><head><title>Minutes</title></head><body>{body}</body></html>".encode()


def _attribute_page() -> bytes:
    value = "q" * (10 * 1024 * 1024)
    parts = [f'<div data-blob="{value}"><p>{TEXT}</p></div>' for _ in range(4)]
    filler = f"<p>{TEXT}</p>" * ((48 * 1024 * 1024 - 4 * len(value)) // (len(TEXT) + 7))
    return f"<html><head><title>Big</title></head><body>{''.join(parts)}{filler}</body></html>".encode()


def _junk_json() -> bytes:
    rng = random.Random(17)
    junk = bytes(rng.randrange(256) for _ in range(9_800_000)).replace(b'"', b"'").replace(b"\\", b"/")
    return b'{"title": "Harbour", "text": "' + junk + b'"}'


def _escaped_junk_json() -> bytes:
    rng = random.Random(18)
    junk = "".join(chr(rng.randrange(1, 0x3000)) for _ in range(1_600_000))
    return json.dumps({"title": "Harbour", "text": junk}).encode()


def files() -> list[tuple[str, str, bytes]]:
    """(label, file name, bytes) for every reading case."""
    capitals = f"Harbour report\n\n{TEXT}\n\n" + "HARBOUR" * 3000 + "x" + f"\n\n{TEXT}\n"
    out = [
        ("txt: one 40 KB word (e-mail pattern)", "word40k.txt", ("harbour" * 5800).encode()),
        ("txt: one 100 KB word", "word100k.txt", ("harbour" * 14300).encode()),
        ("txt: one 1 MB word", "word1m.txt", ("harbour" * 150_000).encode()),
        ("txt: 82 KB hex dump on one line", "hexdump.txt", "".join(f"{i * 2654435761 % 2**32:08x}" for i in range(10_250)).encode()),
        ("txt: 20 KB capitals ending in lower case (+compare, report)", "capitals.txt", capitals.encode()),
        ("html: 40,000 <p> (680 KB)", "p40000.html", _paragraph_page(40_000)),
        ("html: 59,000 <p>", "p59000.html", _paragraph_page(59_000)),
        ("html: 9,900 <p> (just under the cap)", "p9900.html", _paragraph_page(9_900)),
        ("html: 48 MB with 10 MB attribute values", "attributes.html", _attribute_page()),
        ("json: 9.8 MB of binary junk in a string", "junk.json", _junk_json()),
        ("json: 1.6 million escaped junk characters", "escaped.json", _escaped_junk_json()),
        *((label, f"pdf{i}.pdf", data) for i, (label, data) in enumerate(_pdf_variants().items())),
        ("pdf: AES-256, empty password", "aes-open.pdf", _encrypted_pdf("")),
        ("pdf: AES-256, password set", "aes-locked.pdf", _encrypted_pdf("open-sesame")),
        ("docx: printer settings holding <!DOCTYPE", "printer.docx",
         rezip(docx_bytes(), {}, add={"word/printerSettings/printerSettings1.bin": b"\x00\x01<!DOCTYPE\x00" * 64})),
        ("docx: strict (ISO 29500)", "strict.docx", _strict_docx()),
        ("txt: mentions %PDF-1.7 near its start", "mentions.txt",
         f"Records office\n\nThe scan's header read %PDF-1.7, the clerk said.\n\n{TEXT}\n".encode()),
        ("json: a \\u0000 in the article", "nul.json", json.dumps({"title": "Road\u0000 closes", "text": f"{TEXT}\u0000"}).encode()),
    ]
    return out


# -- measuring --------------------------------------------------------------------------------


def _ticking(work):
    """Run `work` on a thread while this one ticks every millisecond; the longest CPU stretch
    between ticks (descheduling adds wall time, not CPU time), and what `work` gave."""
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - reported as the case's outcome
            box["value"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    last = time.process_time()
    stall = 0.0
    while thread.is_alive():
        time.sleep(0.001)
        now = time.process_time()
        stall = max(stall, now - last)
        last = now
    thread.join()
    return stall, box["value"]


def _read_case(label: str, path: Path) -> Seen:
    from desktop.core.errors import ReadError
    from desktop.core.ingest.isolated import read_within_budget

    here: dict = {}

    def read():
        begun = time.thread_time()
        try:
            return read_within_budget(path, seconds=TIME_LIMIT_S, extract=True)
        finally:
            here["cpu"] = time.thread_time() - begun  # unpacking and indexing in this process

    start = time.perf_counter()
    stall, value = _ticking(read)
    seconds = time.perf_counter() - start
    if isinstance(value, ReadError):
        return Seen(label, "refused", value.reason, seconds, getattr(value, "worker_cpu_s", TIME_LIMIT_S) + here["cpu"],
                    getattr(value, "worker_peak_mb", 0.0), stall)
    if isinstance(value, BaseException):
        return Seen(label, "FAILED", f"{type(value).__name__}: {value}"[:200], seconds, 0.0, 0.0, stall)
    chars = sum(len(a.text) for a in value.articles)
    reason = f"{len(value.articles)} article(s), {chars:,} characters"
    cpu = value.worker_cpu_s + here["cpu"]
    if "compare" in label:
        from desktop.core.ingest.build import article_from_text
        from desktop.core.compare import compare
        from desktop.core.report import build_report, report_html

        other = article_from_text(f"Harbour report\n\n{TEXT}")
        begun = time.process_time()
        report_html(build_report(compare(value.articles[0], other)), target="browser")
        cpu += time.process_time() - begun
        seconds = time.perf_counter() - start
        reason += "; compared and reported"
    return Seen(label, "read", reason, seconds, cpu, value.worker_peak_mb, stall, here["cpu"], chars)


def _check(label: str, check) -> Seen:
    start, cpu = time.perf_counter(), time.process_time()
    try:
        result, reason = check()
    except BaseException as exc:  # noqa: BLE001 - reported as the case's outcome
        result, reason = "FAILED", f"{type(exc).__name__}: {exc}"[:200]
    return Seen(label, result, reason, time.perf_counter() - start, time.process_time() - cpu, 0.0, 0.0)


def _workspace_cases(folder: Path) -> list[Seen]:
    from desktop.core.library.workspace import FORMAT, WorkspaceError, read_workspace

    good = {"format": FORMAT, "version": 1, "articles": [], "options": {}, "notes": ""}
    cases: list[tuple[str, Path]] = []

    def put(name: str, text: str) -> Path:
        path = folder / name
        path.write_text(text)
        return path

    cases.append(("workspace: nested 1,000 deep (2 KB)", put("deep.diptych", "[" * 1000 + "]" * 1000)))
    cases.append(("workspace: version of 4,301 digits", put("digits.diptych", json.dumps(good).replace(
        '"version": 1', '"version": ' + "9" * 4301))))
    cases.append(('workspace: "version": true', put("true.diptych", json.dumps({**good, "version": True}))))
    cases.append(('workspace: "yes" for a boolean option', put("yes.diptych", json.dumps(
        {**good, "options": {"ignore_case": "yes"}}))))
    if os.path.exists("/dev/zero"):
        (folder / "zero.diptych").symlink_to("/dev/zero")
        cases.append(("workspace: symbolic link to /dev/zero", folder / "zero.diptych"))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.diptych")
        cases.append(("workspace: a FIFO", folder / "fifo.diptych"))
    out = []
    for label, path in cases:
        start = time.perf_counter()
        stall, value = _ticking(lambda p=path: read_workspace(p))
        seconds = time.perf_counter() - start
        if isinstance(value, WorkspaceError):
            out.append(Seen(label, "refused", value.reason, seconds, 0.0, 0.0, stall))
        else:
            out.append(Seen(label, "FAILED", repr(value)[:200], seconds, 0.0, 0.0, stall))
    return out


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          timeout=300, env=env, cwd=ROOT)


def _output_cases(folder: Path) -> list[Seen]:
    a, b = folder / "A.txt", folder / "B.txt"
    a.write_text(f"Harbour road closes\n\n{TEXT}\n")
    b.write_text(f"Harbour road shut\n\n{TEXT.replace('Wednesday', 'Thursday')}\n")
    empty = folder / "no-articles"
    empty.mkdir()
    (empty / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    def extract_empty():
        run = _cli("extract", str(empty))
        ok = run.returncode != 0 and "no article files" in run.stderr
        return ("refused" if ok else "FAILED"), run.stderr.strip().split(": ", 1)[-1][:120] or f"exit {run.returncode}"

    def report_over(flag: str):
        def check():
            before = a.read_bytes()
            run = _cli("report", str(a), str(b), flag, str(a))
            ok = run.returncode != 0 and a.read_bytes() == before
            return ("refused" if ok else "FAILED"), run.stderr.strip().split(": ", 1)[-1][:120]
        return check

    def header_bidi():
        from desktop.core.ingest.build import article_from_text
        from desktop.core.compare import compare
        from desktop.core.ingest.controls import FSI, PDI
        from desktop.core.report import build_report

        left = article_from_text(f"Invoice \u202efdp.exe\u202c and a long tail of words " * 3 + f"\n\n{TEXT}")
        right = article_from_text(f"Harbour road shut\n\n{TEXT}")
        header = build_report(compare(left, right)).running_title
        first = header.split("  \u27f7  ")[0]
        ok = first.startswith(FSI) and first.endswith(PDI) and header.endswith("Harbour road shut")
        return ("ok" if ok else "FAILED"), "title shortened, then isolated (FSI…PDI): the override stays inside it"

    def nul_report():
        from desktop.core.ingest.build import article_from_text
        from desktop.core.compare import compare
        from desktop.core.ingest.load import load_file
        from desktop.core.report import build_report, report_html

        path = folder / "nul.json"
        path.write_text(json.dumps({"title": "Road\u0000 closes", "text": f"{TEXT}\u0000 More."}))
        page = report_html(build_report(compare(load_file(path)[0], article_from_text(TEXT))), target="browser")
        ok = "\x00" not in page
        return ("ok" if ok else "FAILED"), "no NUL in the HTML report (replaced as the article is built)"

    def killed_write():
        from desktop.core.files import write_atomically

        stray = folder / ".report.pdf.k1ll3d_x.part"
        stray.write_bytes(b"half")
        old = time.time() - 3600
        os.utime(stray, (old, old))
        write_atomically(folder / "other.html", b"<p>new</p>")
        ok = not stray.exists()
        return ("ok" if ok else "FAILED"), "the stray .part file was removed by the next write to its folder"

    def tooltip():
        from desktop.ui.text import mentions_tip

        shown = mentions_tip('<img src="x">', "")
        ok = "<img" not in shown and "&lt;img" in shown
        return ("ok" if ok else "FAILED"), f"sidebar header tooltip reads {shown!r}"

    checks = [
        ("cli: extract of a folder with no article files", extract_empty),
        ("cli: report A.txt B.txt -o A.txt", report_over("-o")),
        ("cli: report A.txt B.txt --html A.txt", report_over("--html")),
        ("report: right-to-left override in a title (running header)", header_bidi),
        ("report: \\u0000 in a JSON article", nul_report),
        ("write: .part left by a process killed in fsync", killed_write),
        ("window: title <img src=...> in the sidebar tooltip", tooltip),
    ]
    return [_check(label, check) for label, check in checks]


def run_all(folder: str | os.PathLike) -> list[Seen]:
    from desktop.core.ingest.isolated import prestart

    root = Path(folder)
    (root / "files").mkdir(parents=True, exist_ok=True)
    (root / "workspaces").mkdir(exist_ok=True)
    (root / "outputs").mkdir(exist_ok=True)
    prestart()
    seen = []
    for label, name, data in files():
        path = root / "files" / name
        path.write_bytes(data)
        seen.append(_read_case(label, path))
        path.unlink()  # the big ones should not pile up on a shared disk
    seen += _workspace_cases(root / "workspaces")
    seen += _output_cases(root / "outputs")
    return seen


def within_bounds(s: Seen) -> bool:
    return (s.result != "FAILED" and s.seconds < TIME_LIMIT_S + 2 and s.cpu_s < TIME_LIMIT_S
            and s.peak_mb < MEMORY_LIMIT_MB and s.stall_s < STALL_LIMIT_S)


if __name__ == "__main__":  # used by the test in a clean process: JSON lines out
    sys.path.insert(0, str(ROOT))
    for outcome in run_all(sys.argv[1]):
        print(json.dumps(outcome.__dict__), flush=True)
