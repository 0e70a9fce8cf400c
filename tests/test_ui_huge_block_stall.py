"""Showing one enormous block (a 1 MB "word", a 1 MB paragraph) never freezes the window: the
pane cuts it into rows it lays out a few at a time, and counts its words over event-loop turns.
(Opening such files is tests/test_ui_hostile_stall.py; this is what follows: the showing.)"""

import time

import pytest
from PySide6.QtCore import QSettings, QTimer

from desktop.ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.slow, pytest.mark.qt_log_ignore("propagateSizeHints")]

STALL_LIMIT_S = 0.1
PARAGRAPH_WORDS = 150_000
CASES = {
    "word1m.txt": "harbour" * 150_000,  # one 1 MB "word" (the hostile file of issue 17)
    "paragraph1m.txt": "Harbour log\n\n" + " ".join(f"tide{i % 89}" for i in range(PARAGRAPH_WORDS)),
}


@pytest.fixture(autouse=True)
def _no_real_settings(no_real_settings):
    pass


def test_showing_a_one_megabyte_block_keeps_the_event_loop_turning(qtbot, tmp_path):
    worst = {}
    for name, text in CASES.items():
        window = MainWindow(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        # The GUI thread's CPU time between two ticks: wall time on a shared machine measures the
        # neighbours (the protocol of this project), CPU time what the window itself does.
        gaps, last = [0.0], [time.thread_time()]

        def tick() -> None:
            now = time.thread_time()
            gaps[0] = max(gaps[0], now - last[0])
            last[0] = now

        ticker = QTimer(interval=5, timeout=tick)
        ticker.start()
        last[0] = time.thread_time()
        with qtbot.wait_signal(window.article_shown, timeout=60_000) as shown:
            window.open_files([str(path)])
        article = shown.args[0]
        view = window.diff_view
        pane = view.panes["left"]
        qtbot.wait_until(lambda: not view._builders and "counting" not in pane.header.meta.text(), timeout=60_000)
        qtbot.wait(50)
        ticker.stop()
        worst[name] = gaps[0]
        # All of it is shown, in order, and the offsets still map both ways.
        doc = view.pane_document("left")
        shown_text = doc.doc.toPlainText().replace("\u200b", "").replace("\u2029", "").replace("\n", "")
        body = "".join(article.text[b.start : b.end] for b in article.body_blocks)
        assert body.replace(" ", "") in shown_text.replace(" ", "")
        last = article.body_blocks[-1]
        for offset in (last.start, (last.start + last.end) // 2, last.end - 1):
            assert doc.to_offset(doc.to_position(offset)) == offset
        expected = 1 if name == "word1m.txt" else PARAGRAPH_WORDS
        assert f"{expected:,} words" in pane.header.meta.text()
        assert window.stats_label.text().startswith(f"{expected:,} words")
    slow = {k: round(v * 1000) for k, v in worst.items() if v >= STALL_LIMIT_S}
    assert not slow, f"event loop stalled (ms): {slow}; all: { {k: round(v * 1000) for k, v in worst.items()} }"
