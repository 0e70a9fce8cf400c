"""Folder loads give every file the budget of a single read: a hostile file among good ones is
refused with its reason, in plain words, and the good ones still load (desktop/core/library/batch.py)."""

from __future__ import annotations

import re
import time

from desktop.core.library.batch import BATCH, load_all

STORY = "Ferry {n} returns\n\nThe harbour ferry number {n} resumed service on Monday after a storm, the operator said.\n"
STALL = "STALL-IN-C"


def hang_on_marker(article):
    """A `prepare` that, for the marked file only, runs a backtracking pattern that never ends
    in one C call (as the old e-mail pattern did on a long word): only killing the worker stops it."""
    if STALL in article.text:
        re.match(r"(a+)+$", "a" * 64 + "!")
    return article.title


def folder(tmp_path, count: int, extra: dict[str, bytes]):
    for n in range(count):
        (tmp_path / f"story{n:03}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    for name, data in extra.items():
        (tmp_path / name).write_bytes(data)
    return sorted(str(p) for p in tmp_path.iterdir())


def test_a_file_past_its_budget_is_refused_and_the_rest_load(tmp_path):
    # The stalled file sits inside a batch, so files after it in the same request must load too.
    paths = folder(tmp_path, BATCH + 4, {"story005b.txt": f"Stalled\n\nThis one says {STALL}.\n".encode()})
    started = time.monotonic()
    results = {r.path: r for r in load_all(paths, prepare=hang_on_marker, seconds=1.0, workers=2)}
    assert time.monotonic() - started < 60  # a stuck worker would hang the load for ever
    assert set(results) == set(paths)
    bad = results[str(tmp_path / "story005b.txt")]
    assert bad.error == "took longer than 1 s to read, so it was set aside"
    good = [r for p, r in results.items() if not p.endswith("005b.txt")]
    assert all(not r.error for r in good)
    assert sorted(r.articles[0] for r in good) == sorted(f"Ferry {n} returns" for n in range(BATCH + 4))


def test_hostile_pages_and_words_are_refused_or_read_with_a_plain_reason(tmp_path):
    paths = folder(tmp_path, 3, {
        "many.html": b"<html><body>" + b"<p>x</p>" * 40_000 + b"</body></html>",
        "word.txt": b"a" * 1_000_000,
    })
    results = {r.path.rsplit("/", 1)[-1]: r for r in load_all(paths, seconds=5.0)}
    assert all(not results[f"story{n:03}.txt"].error for n in range(3))
    assert "40,002 HTML elements" in results["many.html"].error
    word = results["word.txt"]
    assert word.error or word.articles  # read, or refused: either way within the budget
    for r in results.values():
        assert not re.search(r"Error|Exception|Traceback|\w+\.\w+\(", r.error)


def test_cancel_stops_a_folder_load_even_inside_a_stalled_file(tmp_path):
    import threading

    from desktop.core.library.batch import load_many

    paths = folder(tmp_path, 2, {"a-stall.txt": f"Stalled\n\n{STALL} here.\n".encode()})
    cancel = threading.Event()
    started = time.monotonic()
    threading.Timer(0.5, cancel.set).start()
    list(load_many(paths, prepare=hang_on_marker, seconds=60.0, workers=1, cancel=cancel))
    assert time.monotonic() - started < 15  # not the 60 s budget
