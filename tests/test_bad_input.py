"""Files that are not articles: each gives one ReadError with a plain reason, never a hang or a crash."""

from __future__ import annotations

import io
import json
import os
import threading
import zipfile

import pytest
from file_fixtures import TEXT, docx_bytes, make_pdf, rezip

from desktop.core.ingest import load as load_module
from desktop.core.errors import ReadError
from desktop.core.ingest.load import DEFAULT_MAX_BYTES, load_file
from desktop.core.ingest.readers import docx as docx_reader



def reason_for(path, **kwargs) -> str:
    """Load `path` in a thread so that a blocking open fails the test instead of hanging it."""
    outcome: dict[str, BaseException | object] = {}

    def run() -> None:
        try:
            outcome["value"] = load_file(path, **kwargs)
        except BaseException as exc:  # the test inspects whatever escaped
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), f"load_file({path!r}) did not return"
    error = outcome.get("error")
    assert isinstance(error, ReadError), f"expected ReadError, got {outcome!r}"
    assert str(error).startswith(error.path) and error.reason in str(error)
    return error.reason


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- not text at all -------------------------------------------------------------------


def test_binary_data(tmp_path):
    assert reason_for(write(tmp_path, "noise.txt", bytes(range(256)) * 8)) == "not a readable article: binary data"


def test_known_binary_format_is_named(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    assert reason_for(write(tmp_path, "photo.txt", png)) == "not a readable article: binary data (a PNG image)"


def test_empty_file(tmp_path):
    assert reason_for(write(tmp_path, "empty.txt", b"")) == "file is empty"
    assert reason_for(write(tmp_path, "blank.txt", b"  \n\n\t \n")) == "file is empty"


def test_undecodable_bytes_after_a_byte_order_mark(tmp_path):
    # A UTF-16 byte-order mark, then an odd number of bytes with an unpaired surrogate.
    data = b"\xff\xfe" + "Harbour".encode("utf-16-le") + b"\x00\xd8\x41"
    assert "not valid UTF-16" in reason_for(write(tmp_path, "broken.txt", data))


def test_random_high_bytes_are_binary(tmp_path):
    data = bytes((i * 97 + 13) % 256 for i in range(4000))
    assert "binary data" in reason_for(write(tmp_path, "random.txt", data))


# -- damaged or locked documents -------------------------------------------------------


def test_corrupt_docx(tmp_path):
    data = rezip(docx_bytes(), {"word/document.xml": b"<w:document><w:body><w:p>unclosed"})
    assert reason_for(write(tmp_path, "corrupt.docx", data)).startswith("a damaged Word document")


def test_truncated_docx(tmp_path):
    data = docx_bytes()
    assert reason_for(write(tmp_path, "cut.docx", data[: len(data) // 2])).startswith("a damaged Word document")


def test_zip_that_is_not_a_word_document(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", TEXT)
    reason = reason_for(write(tmp_path, "archive.docx", buffer.getvalue()))
    assert reason == "not a readable article: a zip archive, not a Word document"


def test_password_protected_docx(tmp_path):
    # Word saves an encrypted .docx as an OLE2 compound file holding an EncryptedPackage stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(1000)
    assert reason_for(write(tmp_path, "locked.docx", ole)) == "password-protected Word document"


def test_old_word_doc(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(1000)
    assert "old-format Office file" in reason_for(write(tmp_path, "old.doc", ole))


def test_zip_bomb_named_docx_is_refused_before_unpacking(tmp_path):
    # 60 MB of zeros squeezes to about 60 KB: a ratio no real document part has.
    data = rezip(docx_bytes(), {}, add={"word/media/filler.bin": bytes(60 * 1024 * 1024)})
    assert len(data) < 1024 * 1024
    assert "zip bomb" in reason_for(write(tmp_path, "bomb.docx", data))


def test_docx_whose_parts_unpack_beyond_the_total_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED_BYTES", 64 * 1024)
    data = rezip(docx_bytes(), {}, add={"word/media/photo.bin": os.urandom(100 * 1024)})
    reason = reason_for(write(tmp_path, "big.docx", data))
    assert reason.startswith("the Word document unpacks to ") and "more than the 64 KB limit" in reason


def test_xml_entity_bomb_inside_docx(tmp_path):
    lol = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
        + b"]>\n"
        + b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    data = rezip(docx_bytes(), {"word/document.xml": lol})
    assert "XML entities" in reason_for(write(tmp_path, "lol.docx", data))


def test_corrupt_pdf(tmp_path):
    data = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    reason = reason_for(write(tmp_path, "corrupt.pdf", data))
    assert reason == "a damaged PDF: its structure could not be read"


def test_truncated_pdf(tmp_path):
    data = make_pdf([[TEXT]])
    reason = reason_for(write(tmp_path, "cut.pdf", data[:40]))
    assert reason == "a damaged PDF: its structure could not be read"


def test_password_protected_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf([[TEXT]]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="open-sesame")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert reason_for(write(tmp_path, "locked.pdf", buffer.getvalue())) == "encrypted, password needed"


def test_aes_encrypted_pdf_with_an_empty_password_opens(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf([[TEXT]]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner-only", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    (article,) = load_file(write(tmp_path, "restricted.pdf", buffer.getvalue()))
    assert TEXT.split(",")[0] in article.text


def test_pdf_without_a_text_layer(tmp_path):
    assert "no text layer" in reason_for(write(tmp_path, "scan.pdf", make_pdf([[], []])))


# -- hostile structure -----------------------------------------------------------------


def test_deeply_nested_html(tmp_path):
    depth = 100_000
    page = "<html><head><title>t</title></head><body>" + "<div>" * depth + f"<p>{TEXT}</p>" + "</div>" * depth
    page += "</body></html>"
    reason = reason_for(write(tmp_path, "deep.html", page.encode()))
    assert reason == "the page's HTML is nested too deeply to read (over 255 levels)"


def test_deeply_nested_json(tmp_path):
    assert reason_for(write(tmp_path, "deep.json", b"[" * 200_000 + b"]" * 200_000)) == "JSON nested too deeply to read"


def test_invalid_json_named_json(tmp_path):
    assert reason_for(write(tmp_path, "broken.json", b'{"title": "x", "text": ')) == "not valid JSON (line 1)"


def test_json_without_article_text(tmp_path):
    reason = reason_for(write(tmp_path, "config.json", b'{"width": 3, "colour": "blue"}'))
    assert reason.startswith("JSON without article text")


# -- size and the file system ----------------------------------------------------------


def test_file_over_the_size_cap(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:  # sparse: takes no disk space
        stream.truncate(int(1.2 * 1024**3))
    assert reason_for(path) == "larger than the 50 MB limit (1.2 GB)"
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


def test_size_cap_is_configurable(tmp_path):
    path = write(tmp_path, "note.txt", (TEXT + "\n\n").encode() * 40)
    assert reason_for(path, max_bytes=2048) == "larger than the 2 KB limit (5.4 KB)"
    assert load_file(path, max_bytes=1024 * 1024)


def test_folder(tmp_path):
    assert reason_for(tmp_path) == "a folder, not a file"


def test_missing_path(tmp_path):
    assert reason_for(tmp_path / "nowhere.txt") == "no such file"


def test_broken_link(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    assert reason_for(link) == "a link to a file that no longer exists"


def test_path_through_a_file_fails_to_open_even_for_root(tmp_path):
    # Root ignores permission bits, so this is the open failure every user can hit.
    parent = write(tmp_path, "note.txt", TEXT.encode())
    assert reason_for(parent / "inner.txt") == "not a directory"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission(tmp_path):
    path = write(tmp_path, "secret.txt", TEXT.encode())
    path.chmod(0)
    try:
        assert reason_for(path) == "no permission to read it"
    finally:
        path.chmod(0o600)


def test_permission_denied_by_the_system(tmp_path, monkeypatch):
    # What open() raises for an unreadable file, made to happen even when tests run as root.
    path = write(tmp_path, "secret.txt", TEXT.encode())

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(load_module.os, "open", refuse)
    assert reason_for(path) == "no permission to read it"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert reason_for(fifo) == "not a regular file: a named pipe (FIFO)"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_device_is_not_read_forever():
    assert reason_for("/dev/zero") == "not a regular file: a device"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_file_name_that_is_not_utf8(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    try:
        with open(raw, "wb") as stream:
            stream.write(TEXT.encode())
    except OSError:
        pytest.skip("this file system refuses non-UTF-8 names")
    for given in (raw, os.fsdecode(raw)):
        outcome = None
        try:
            load_file(given)
        except ReadError as exc:
            outcome = exc
        assert outcome is not None
        assert outcome.reason == "the file name is not valid UTF-8 text; rename the file to open it"
        assert outcome.path.endswith("caf\ufffd.txt")
        str(outcome).encode("utf-8")  # printable and showable


# -- anything unexpected still comes back as ReadError ---------------------------------


def test_unexpected_library_failure_is_wrapped(tmp_path, monkeypatch):
    from desktop.core.ingest import readers

    def explode(path, data):
        raise KeyError("internal table")

    monkeypatch.setitem(readers.READERS, "txt", explode)
    reason = reason_for(write(tmp_path, "note.txt", TEXT.encode()))
    assert reason == "could not be read: the file is damaged or in a form Diptych does not know"
    assert "KeyError" not in reason and "internal table" not in reason


def test_markdown_full_of_unmatched_markers_reads_in_linear_time(tmp_path):
    # Lazy emphasis and link patterns rescan to the end from every marker: hours for this file.
    path = write(tmp_path, "markers.md", ("*a _b [c <d `e ~~f " * 40_000).encode())
    done: dict[str, object] = {}
    worker = threading.Thread(target=lambda: done.setdefault("articles", load_file(path)), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "reading a hostile Markdown file did not finish"
    (article,) = done["articles"]
    assert article.text.startswith("a b [c")


def test_html_with_too_many_elements(tmp_path):
    page = "<html><body>" + f"<p>{TEXT}</p>" * 70_000 + "</body></html>"
    reason = reason_for(write(tmp_path, "endless.html", page.encode()))
    assert reason == "the page has 70,002 HTML elements, more than the 25,000 one article can hold"


def test_book_length_pdf(tmp_path, monkeypatch):
    from desktop.core.ingest.readers import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    reason = reason_for(write(tmp_path, "book.pdf", make_pdf([[TEXT]] * 4)))
    assert reason == "a PDF of 4 pages, more than the 3 an article can have"


def test_json_dump_of_too_many_articles(tmp_path):
    records = [{"title": f"Story {i}", "text": TEXT} for i in range(1001)]
    reason = reason_for(write(tmp_path, "dump.json", json.dumps(records).encode()))
    assert reason == "holds 1,001 articles, more than the 1,000 Diptych opens from one file"
