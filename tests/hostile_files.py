"""Hostile inputs written on the fly, and a measure of the time and memory each takes to be refused.

Shared by tests/test_hostile.py (which asserts the bounds) and bench/hostile.py (which prints
the table). Each input is loaded in a forked child of a process that has already imported
every reader, so the child's peak resident memory above the fork point is what that one
input cost, and a child that hangs or blows up is killed without taking the caller with it.
"""

from __future__ import annotations

import io
import json
import os
import resource
import select
import signal
import struct
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from file_fixtures import TEXT, docx_bytes, pdf_bytes, rezip

TIME_LIMIT_S = 5.0  # stated bound for every hostile input
MEMORY_LIMIT_MB = 200  # stated bound on the peak memory above the loaded program
KILL_AFTER_S = 60.0  # a child still running then has hung


@dataclass(frozen=True)
class Hostile:
    name: str  # short label for the table
    path: str  # what is handed to load_file (or, for folders, to article_files)
    kind: str = "file"  # "file" or "folder"


@dataclass(frozen=True)
class Outcome:
    name: str
    result: str  # "error", "articles", "skipped", "crash", "hang"
    detail: str  # the ReadError reason, the skip reasons, or what went wrong
    seconds: float
    peak_mb: float  # resident memory above the fork point, MB


# -- builders --------------------------------------------------------------------------


def deflate_repeated(chunk: bytes, times: int, wrapper: str = "raw") -> bytes:
    """Deflate of `chunk` repeated `times` over, made from one compressed copy (full flushes make
    each copy a self-contained block), so a gigabyte bomb costs milliseconds to build."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    body = block * times + packer.flush()
    if wrapper == "raw":
        return body
    check = 1
    for _ in range(times):
        check = zlib.adler32(chunk, check)
    return b"\x78\xda" + body + struct.pack(">L", check)


def lying_zip_bomb() -> bytes:
    """A .docx whose document part inflates to 1 GB while its headers claim 40 KB."""
    good = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    claimed = 40 * 1024
    payload = deflate_repeated(bytes(1 << 20), 1024)
    out = bytearray()
    central = bytearray()
    for info in good.infolist():
        name = info.filename.encode()
        if info.filename == "word/document.xml":
            body, method, crc, size = payload, 8, 0, claimed
        else:
            raw = good.read(info)
            body, method, crc, size = raw, 0, zlib.crc32(raw), len(raw)
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0, crc, len(body), size, len(name), 0)
        out += name + body
        central += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc, len(body), size, len(name), 0, 0, 0, 0, 0, offset
        )
        central += name
    start = len(out)
    out += central
    count = len(good.infolist())
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), start, 0)
    return bytes(out)


def billion_laughs(encoding: str = "utf-8") -> bytes:
    decl = '<?xml version="1.0" encoding="%s"?>\n' % encoding.upper()
    entities = '<!ENTITY lol "lol">' + "".join(
        '<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10) for i in range(1, 10)
    )
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    text = decl + f"<!DOCTYPE lolz [{entities}]>\n" + body
    return text.encode(encoding) if encoding != "utf-16" else text.encode("utf-16")  # with its BOM




_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _page(contents: int, parent: int = 2, font: int = 3) -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 %d 0 R >> >> "
        b"/Contents %d 0 R >>" % (parent, font, contents)
    )


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_flate_bomb() -> bytes:
    """A page whose content stream inflates from about 1 MB to 1 GB."""
    bomb = deflate_repeated(b" " * (1 << 20), 1024, wrapper="zlib")
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", _FONT,
                 _page(5), _stream(bomb, b"/Filter /FlateDecode ")])


def pdf_self_referencing() -> bytes:
    """A page tree that lists itself as its own kid, and a stream whose /Length is itself."""
    text = b"BT /F1 10 Tf 50 790 Td (" + TEXT.encode() + b") Tj ET"
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 4 0 R 2 0 R] /Count 3 >>",
        _FONT,
        _page(5),
        b"<< /Length 5 0 R >>\nstream\n" + text + b"\nendstream",
    ])


def pdf_object_stream_loop() -> bytes:
    """A cross-reference stream that puts the object stream inside itself (and it /Extends itself)."""
    header = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    out = bytearray(header)
    catalog_at = len(out)
    out += b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    inner = b"2 0 << /Type /Pages /Kids [] /Count 0 >> 3 0 3 0 R "
    first = inner.index(b"<<")
    out += b"3 0 obj\n" + _stream(inner, b"/Type /ObjStm /N 2 /First %d /Extends 3 0 R " % first) + b"\nendobj\n"
    xref_at = len(out)
    rows = [(0, 0, 65535), (1, catalog_at, 0), (2, 3, 0), (2, 3, 1), (1, 0, 0)]  # 3 lives in 3; 4 is this table
    rows[4] = (1, xref_at, 0)
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    out += b"4 0 obj\n" + _stream(table, b"/Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R ") + b"\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def pdf_many_page_references(count: int = 200_000) -> bytes:
    """One page listed 200,000 times: a small file that asks for the same text to be read without end."""
    line = b"(" + TEXT.encode() + b") Tj T* "
    text = b"BT /F1 10 Tf 14 TL 50 790 Td " + line * 50 + b"ET"
    kids = b" ".join([b"4 0 R"] * count)
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
                 _FONT, _page(5), _stream(text)])


def deep_html(depth: int = 100_000) -> bytes:
    page = "<html><head><title>t</title></head><body>" + "<div>" * depth + f"<p>{TEXT}</p>" + "</div>" * depth
    return (page + "</body></html>").encode()


def invalid_utf8() -> bytes:
    """Overlong forms, lone continuation bytes, surrogates and truncated sequences, nothing else."""
    bad = b"\xc0\xaf\x80\xbf\xed\xa0\x80\xf8\x88\x80\x80\x80\xe2\x28\xa1\xc3\x28\xfe\xff\xf0\x28\x8c\x28"
    return bad * 4000


def utf16_without_bom() -> bytes:
    return ((TEXT + "\n\n") * 200).encode("utf-16-le")


def make_all(folder: str | os.PathLike) -> list[Hostile]:
    """Write every hostile input under `folder` (the 1 GB file is sparse: it takes no disk space)."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    made: list[Hostile] = []

    def put(name: str, data: bytes, label: str) -> None:
        (root / name).write_bytes(data)
        made.append(Hostile(label, str(root / name)))

    base = docx_bytes()
    put("zip-bomb.docx", rezip(base, {}, add={"word/media/filler.bin": bytes(100 * 1024 * 1024)}), "docx: zip bomb (100 MB of zeros)")
    put("lying-zip.docx", lying_zip_bomb(), "docx: zip bomb with lying sizes (1 GB)")
    put("laughs.docx", rezip(base, {"word/document.xml": billion_laughs()}), "docx: billion laughs")
    put("laughs16.docx", rezip(base, {"word/document.xml": billion_laughs("utf-16")}), "docx: billion laughs, UTF-16")
    put("flate-bomb.pdf", pdf_flate_bomb(), "pdf: 1 GB content stream")
    put("self-ref.pdf", pdf_self_referencing(), "pdf: self-referencing tree")
    put("objstm-loop.pdf", pdf_object_stream_loop(), "pdf: object stream in itself")
    put("many-pages.pdf", pdf_many_page_references(), "pdf: one page listed 200,000 times")
    put("deep.html", deep_html(), "html: nested 100,000 deep")
    put("deep.json", b"[" * 200_000 + b"]" * 200_000, "json: nested 200,000 deep")
    put("digits.json", b'{"text": "a", "n": ' + b"9" * 100_000 + b"}", "json: 100,000-digit number")
    put("markers.md", ("*a _b [c <d `e ~~f " * 20_000).encode(), "md: 120,000 unmatched markers")
    put("words.txt", ((TEXT + "\n\n") * 330_000).encode(), "txt: 45 MB of words (under the byte cap)")
    put("bad-utf8.txt", invalid_utf8(), "txt: invalid UTF-8")
    put("utf16.txt", utf16_without_bom(), "txt: UTF-16 without BOM")
    sparse = root / "sparse.txt"
    with open(sparse, "wb") as stream:
        stream.truncate(1 << 30)
    made.append(Hostile("txt: 1 GB sparse file", str(sparse)))
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.txt")
        made.append(Hostile("FIFO named .txt", str(root / "pipe.txt")))
    raw = os.fsencode(root) + b"/caf\xe9.txt"
    try:
        with open(raw, "wb") as stream:
            stream.write(TEXT.encode())
        made.append(Hostile("file name not UTF-8", os.fsdecode(raw)))
    except OSError:
        pass  # a file system that refuses such names cannot hold one
    loop = root / "loop"
    (loop / "inner").mkdir(parents=True)
    (loop / "inner" / "back").symlink_to(loop, target_is_directory=True)
    (loop / "self").symlink_to(loop / "self")  # a link to itself: stat fails with ELOOP
    (loop / "inner" / "note.txt").write_text(TEXT)
    made.append(Hostile("folder with symlink loops", str(loop), kind="folder"))
    return made


# -- measuring -------------------------------------------------------------------------


def warm_up(folder: str | os.PathLike) -> None:
    """Import every reader and library once, so a child's memory counts only its input."""
    from desktop.core.ingest.load import load_file

    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    samples = {
        "w.txt": TEXT.encode(),
        "w.md": f"# Title\n\n{TEXT}".encode(),
        "w.html": f"<html><body><p>{TEXT}</p></body></html>".encode(),
        "w.json": json.dumps({"title": "t", "text": TEXT}).encode(),
        "w.docx": docx_bytes(),
        "w.pdf": pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", _FONT,
                       _page(5), _stream(b"BT /F1 10 Tf 50 790 Td (" + TEXT.encode() + b") Tj ET")]),
    }
    for name, data in samples.items():
        (root / name).write_bytes(data)
        load_file(root / name)


def _run_child(item: Hostile) -> dict:
    from desktop.core.errors import ReadError
    from desktop.core.library.folder import article_files
    from desktop.core.ingest.load import load_file

    try:
        with open("/proc/self/clear_refs", "w") as stream:
            stream.write("5")  # resets the peak resident size to the current one (Linux)
    except OSError:
        pass
    base_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        if item.kind == "folder":
            skipped: list[str] = []
            found = list(article_files([item.path], on_skip=lambda p, why: skipped.append(why)))
            result, detail = "skipped", f"{len(found)} file(s) found; skipped: {'; '.join(sorted(set(skipped)))}"
        else:
            articles = load_file(item.path)
            result, detail = "articles", f"{len(articles)} article(s), {sum(len(a.text) for a in articles):,} characters"
    except ReadError as exc:
        result, detail = "error", exc.reason
    except BaseException as exc:  # what the test exists to catch
        result, detail = "crash", f"{type(exc).__name__}: {exc}"[:300]
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base_kb
    return {"result": result, "detail": detail, "seconds": seconds, "peak_mb": peak_kb * 1024 / 1e6}


def measure(item: Hostile, address_limit_gb: float = 4.0) -> Outcome:
    """Load one input in a forked child; report its outcome, time and memory above the fork."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: bound its address space so a blow-up fails there, not here
        try:
            os.close(read_end)
            limit = int(address_limit_gb * (1 << 30))
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            report = _run_child(item)
            os.write(write_end, json.dumps(report).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    start = time.perf_counter()
    ready, _, _ = select.select([read_end], [], [], KILL_AFTER_S)
    chunks = []
    if ready:
        while chunk := os.read(read_end, 65536):
            chunks.append(chunk)
    os.close(read_end)
    if not ready:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    if not chunks:
        return Outcome(item.name, "hang" if not ready else "crash", "no answer from the child",
                       time.perf_counter() - start, 0.0)
    report = json.loads(b"".join(chunks))
    return Outcome(item.name, report["result"], report["detail"], report["seconds"], report["peak_mb"])


def run_all(folder: str | os.PathLike) -> list[Outcome]:
    warm_up(Path(folder) / "warm")
    return [measure(item) for item in make_all(Path(folder) / "hostile")]


if __name__ == "__main__":  # used by the test in a clean process: JSON lines out
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    for outcome in run_all(sys.argv[1]):
        print(json.dumps(outcome.__dict__), flush=True)
