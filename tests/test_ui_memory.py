"""The heap is trimmed once the task runner has been idle a moment, never while it works."""

import sys

import pytest

from desktop.ui.memory import IDLE_MS, IdleTrim
from desktop.ui.workers import TaskRunner

pytestmark = pytest.mark.gui


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_trims_after_the_runner_goes_idle_and_not_while_busy(qtbot):
    tasks = TaskRunner()
    trimmer = IdleTrim(tasks)
    assert trimmer.available()
    done = []
    tasks.submit(lambda: sum(range(10_000)), on_result=done.append)
    qtbot.wait_until(lambda: bool(done), timeout=5000)
    assert trimmer.trims == 0  # not at once: a second job may follow
    qtbot.wait_until(lambda: trimmer.trims == 1, timeout=IDLE_MS + 3000)
    qtbot.wait(int(IDLE_MS * 1.5))
    assert trimmer.trims == 1  # the trim's own job ending is no new idle moment: no loop
    # Busy again before the moment has passed: no trim.
    tasks.submit(lambda: None, on_result=done.append)
    qtbot.wait_until(lambda: len(done) == 2, timeout=5000)
    tasks.submit(lambda: __import__("time").sleep(IDLE_MS / 1000 * 1.5))
    qtbot.wait(IDLE_MS + 200)
    assert trimmer.trims == 1
    tasks.wait(5000)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_the_idle_job_empties_entity_memos_past_their_bound(qtbot, monkeypatch):
    from desktop.core.entities import extract, memos
    from desktop.core.ingest.build import article_from_text

    tasks = TaskRunner()
    trimmer = IdleTrim(tasks)
    done = []
    text = "Councillor Mireille Okafor said on Friday that Lanchester Rail would close 3 stations."
    tasks.submit(lambda: extract(article_from_text(text)), on_result=done.append)
    qtbot.wait_until(lambda: bool(done), timeout=10_000)
    assert memos.size() > 0
    monkeypatch.setattr(memos, "LIMIT", 0)
    qtbot.wait_until(lambda: trimmer.trims == 1, timeout=IDLE_MS + 5000)
    assert memos.size() == 0
