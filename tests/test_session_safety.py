"""Nothing lost, nothing changed: a whole session leaves every input file as it was, and every file
Diptych writes (reports, workspaces, settings) appears whole or not at all."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from file_fixtures import make_pdf
from PySide6.QtCore import QSettings

from desktop.core.compare import compare
from desktop.core.library.folder import article_files
from desktop.core.ingest.load import load_file
from desktop.core.report import ReportWriteError
from desktop.core import files as core_files
from desktop.core.library.workspace import Workspace, backup_path, read_workspace, write_workspace
from desktop.ui import settings as keys

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
PAST_NS = 1_500_000_000_123_456_789  # July 2017, with nanoseconds a rewrite would lose

WIRE = (
    "Ferry service resumes after storm\n\nHALIFAX — The harbour ferry resumed service on Monday after a storm "
    "closed the crossing for two days.\n\nThe operator said 1,200 passengers had been stranded. \"We are glad to "
    "be back,\" spokeswoman Ines Dal said."
)
HERALD = WIRE.replace("1,200", "1,100").replace("Dal", "Dahl").replace("closed", "shut")


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def inputs(tmp_path) -> Path:
    """A folder with an article in every format, the samples, and a subfolder; all dated in the past."""
    folder = tmp_path / "inputs"
    (folder / "more").mkdir(parents=True)
    for sample in SAMPLES.iterdir():
        if sample.name.startswith("harbour-"):
            shutil.copy(sample, folder / sample.name)
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "herald.md").write_text("# " + HERALD, encoding="utf-8")
    (folder / "more" / "page.html").write_text(f"<html><body><article><p>{WIRE}</p></article></body></html>")
    (folder / "more" / "feed.json").write_text(json.dumps([{"title": "Ferry", "text": WIRE}, {"title": "Ferry 2", "text": HERALD}]))
    (folder / "more" / "memo.docx").write_bytes(_docx(HERALD))
    (folder / "more" / "scan.pdf").write_bytes(make_pdf([[line.replace("\u2014", "-") for line in WIRE.split("\n") if line]]))
    (folder / "notes.xyz").write_text("not an article type: never opened")
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(PAST_NS, PAST_NS))
            path.chmod(0o444)  # read-only, as many archived articles are
    return folder


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under the folder: its bytes' hash, size, modification time and mode."""
    out = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        out[str(path.relative_to(folder))] = (digest, info.st_size, info.st_mtime_ns, info.st_mode)
    return out


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith((".tmp", ".part")) or p.name.startswith(".")]


@pytest.mark.gui
def test_a_whole_session_through_the_core_changes_no_input(qapp, inputs, tmp_path):
    from desktop.ui.report.export import export_report, write_html, write_pdf

    before = snapshot(inputs)
    out = tmp_path / "out"
    out.mkdir()
    paths = list(article_files([inputs]))
    assert len(paths) == 9 and not any(p.endswith(".xyz") for p in paths)
    articles = [a for p in paths for a in load_file(p)]
    assert len(articles) == 10
    comparisons = [compare(a, b) for a, b in zip(articles, articles[1:])]
    assert all(c.sentences for c in comparisons)
    assert write_pdf(comparisons[0], out / "report.pdf") >= 1
    write_html(comparisons[1], out / "report.html")
    assert export_report(comparisons[2], pdf=str(out / "cli.pdf"), html=str(out / "cli.html")) == 0
    ws = Workspace(articles=tuple(paths), left=paths[0], right=paths[1], options={"ignore_case": True}, notes="check")
    write_workspace(out / "session.diptych", ws)
    write_workspace(out / "session.diptych", ws)  # the second save keeps the first as .bak
    assert read_workspace(out / "session.diptych") == ws == read_workspace(backup_path(out / "session.diptych"))

    assert snapshot(inputs) == before
    assert sorted(p.name for p in out.iterdir()) == [
        "cli.html", "cli.pdf", "report.html", "report.pdf", "session.diptych", "session.diptych.bak"
    ]
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF-")
    assert "</html>" in (out / "report.html").read_text(encoding="utf-8")


@pytest.mark.gui
def test_a_whole_session_in_the_window_changes_no_input(qtbot, inputs, tmp_path):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.report.export import write_html, write_pdf

    before = snapshot(inputs)
    out = tmp_path / "out"
    out.mkdir()
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.wait_signals([window.comparison_shown, window.folders.loader.finished], timeout=60_000):
            window.open_files([str(inputs / "wire.txt"), str(inputs / "herald.md"), str(inputs / "more")])
        qtbot.waitUntil(lambda: window.loader.pending == 0 and not window.folders.loader.is_running(), timeout=60_000)
        rows = len(window.model.articles())
        window.ignore_case_action.setChecked(True)  # options re-compare the pair
        with qtbot.wait_signal(window.comparison_shown, timeout=60_000):
            window.swap_sides()
        comparison = window.comparison()
        assert comparison is not None
        write_pdf(comparison, out / "window.pdf")
        write_html(comparison, out / "window.html")
        window.workspace.save_now(str(out / "window.diptych"))
        assert read_workspace(out / "window.diptych").articles
        window.close()
    finally:
        window.tasks.wait(20_000)
    assert rows == 7  # two files, and the folder's html, docx, pdf and two-article json
    assert snapshot(inputs) == before
    assert sorted(p.name for p in out.iterdir()) == ["window.diptych", "window.html", "window.pdf"]


# -- writes are whole or absent --------------------------------------------------------


@pytest.fixture
def comparison():
    from desktop.core.ingest.build import article_from_text

    return compare(article_from_text(WIRE, path="wire.txt"), article_from_text(HERALD, path="herald.txt"))


@pytest.mark.gui
def test_export_to_a_missing_folder_fails_cleanly(qapp, comparison, tmp_path):
    from desktop.ui.report.export import write_html, write_pdf

    for write, name in ((write_pdf, "r.pdf"), (write_html, "r.html")):
        with pytest.raises(ReportWriteError) as caught:
            write(comparison, tmp_path / "missing" / name)
        assert "does not exist" in caught.value.reason
    assert list(tmp_path.iterdir()) == []


@pytest.mark.gui
@pytest.mark.parametrize(
    "failure, reason",
    [
        ("mkstemp", "cannot be written to"),  # a read-only folder refuses the temporary file
        ("fsync", "the disk is full"),  # the disk fills while writing
        ("replace", "cannot be written to"),  # the rename into place is refused
    ],
)
def test_a_failed_export_leaves_the_old_file_and_no_part(qapp, comparison, tmp_path, monkeypatch, failure, reason):
    from desktop.ui.report.export import write_html, write_pdf

    (tmp_path / "r.pdf").write_bytes(b"%PDF- the report from yesterday")
    (tmp_path / "r.html").write_bytes(b"<html>the report from yesterday</html>")
    before = snapshot(tmp_path)

    def refuse(*args, **kwargs):
        code = errno.ENOSPC if failure == "fsync" else errno.EACCES
        raise OSError(code, os.strerror(code))

    # Every write goes through desktop.core.files; patch the calls it makes.
    target = {"mkstemp": (core_files.tempfile, "mkstemp"), "fsync": (core_files.os, "fsync"),
              "replace": (core_files.os, "replace")}[failure]
    monkeypatch.setattr(*target, refuse)
    for write, name in ((write_pdf, "r.pdf"), (write_html, "r.html")):
        with pytest.raises(ReportWriteError) as caught:
            write(comparison, tmp_path / name)
        assert reason in caught.value.reason
    monkeypatch.undo()
    assert snapshot(tmp_path) == before
    assert leftovers(tmp_path) == []


@pytest.mark.gui
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders")
def test_export_into_a_read_only_folder_fails_cleanly(qapp, comparison, tmp_path):
    from desktop.ui.report.export import write_html

    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ReportWriteError, match="cannot be written to"):
            write_html(comparison, folder / "r.html")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_failed_workspace_save_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "story.diptych"
    write_workspace(path, Workspace(notes="v1"))
    before = snapshot(tmp_path)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(core_files.os, "fsync", full)
    with pytest.raises(OSError):
        write_workspace(path, Workspace(notes="v2 that never lands"))
    monkeypatch.undo()
    after = snapshot(tmp_path)
    assert after[path.name] == before[path.name]
    assert read_workspace(path).notes == "v1"
    assert leftovers(tmp_path) == []


@pytest.mark.gui
def test_saving_a_workspace_into_a_missing_folder_is_refused_in_the_window(qtbot, tmp_path):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    with qtbot.wait_signal(window.workspace.refused, timeout=5000) as blocker:
        window.workspace.save_now(str(tmp_path / "missing" / "w.diptych"))
    assert "Could not save the workspace" in blocker.args[0]
    assert not (tmp_path / "missing").exists()


# -- damaged settings ------------------------------------------------------------------


def _good_settings(path: Path) -> None:
    store = QSettings(str(path), QSettings.Format.IniFormat)
    keys.IGNORE_CASE.write(store, True)
    keys.RECENT_FILES.write(store, ["/news/a.txt", "/news/b.html"])
    store.sync()
    del store


@pytest.mark.parametrize(
    "damage",
    [bytes(range(256)) * 8, b"[options\nignore_case=@ByteArray(\n", b"\x00" * 64 + b"\xff\xfe garbage"],
    ids=["binary", "unparsable", "zeros"],
)
def test_damaged_settings_are_set_aside_and_the_last_good_copy_used(qapp, tmp_path, damage):
    path = tmp_path / "settings.ini"
    _good_settings(path)
    store, reason = keys.open_store(str(path))
    assert reason is None and keys.IGNORE_CASE.read(store) is True
    assert (tmp_path / "settings.ini.bak").read_bytes() == path.read_bytes()
    del store

    path.write_bytes(damage)
    store, reason = keys.open_store(str(path))
    assert reason == "the settings file was damaged; it was set aside as settings.ini.damaged and the last good copy was used"
    assert (tmp_path / "settings.ini.damaged").read_bytes() == damage  # kept for the user to look at
    assert keys.IGNORE_CASE.read(store) is True
    assert keys.RECENT_FILES.read(store) == ["/news/a.txt", "/news/b.html"]
    keys.SIDEBAR_VISIBLE.write(store, False)
    store.sync()
    assert store.status() == QSettings.Status.NoError
    assert leftovers(tmp_path) == []


def test_damaged_settings_without_a_good_copy_start_from_the_defaults(qapp, tmp_path):
    path = tmp_path / "settings.ini"
    path.write_bytes(bytes(range(256)) * 8)
    store, reason = keys.open_store(str(path))
    assert reason.endswith("and the defaults are used")
    assert [s.read(store) for s in keys.ALL] == [s.default for s in keys.ALL]
    assert (tmp_path / "settings.ini.damaged").exists()


def test_missing_or_empty_settings_are_not_damage(qapp, tmp_path):
    store, reason = keys.open_store(str(tmp_path / "new.ini"))
    assert reason is None and store.allKeys() == []
    (tmp_path / "empty.ini").write_bytes(b"")
    store, reason = keys.open_store(str(tmp_path / "empty.ini"))
    assert reason is None
    assert not (tmp_path / "empty.ini.damaged").exists()


@pytest.mark.gui
def test_window_opens_on_restored_settings(qtbot, tmp_path):
    from desktop.ui.main_window import MainWindow

    path = tmp_path / "settings.ini"
    _good_settings(path)
    keys.open_store(str(path))
    path.write_bytes(b"\x00garbage\xff" * 100)
    store, reason = keys.open_store(str(path))
    assert "last good copy" in reason
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.ignore_case_action.isChecked()
