"""Drive the real MainWindow through a seeded random sequence of user actions, checking
invariants after each one. Used by tests/test_window_soak.py (a few hundred actions) and
bench/soak.py (thousands, offscreen and on a real X display).

Actions go through the same events a person makes: key clicks into the filter box, mouse
clicks (with Ctrl) on list rows and header sections, QDropEvents on the panes and the list,
the window's own actions for menu items and shortcuts.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

FILTER_WORDS = ("harbour", "ferry", "storm", "council", "the", "vote", "2025", "minister", "zz", "a")


@dataclass
class SoakResult:
    actions: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    rss_mb: list[float] = field(default_factory=list)  # after every `sample_every` actions


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as stream:
            return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return 0.0


class WindowSoak:
    """One window, one random generator, the files it may open."""

    def __init__(self, window, files: list[str], folder: str, scratch: Path, seed: int, pause_ms=(0, 5, 30, 120)):
        self.w = window
        self.files = files
        self.folder = folder
        self.scratch = scratch
        self.rng = random.Random(seed)
        self.pause_ms = pause_ms
        self.result = SoakResult()
        self.actions = [
            (self.open_files, 2), (self.open_folder, 1), (self.type_filter, 8), (self.clear_filter, 5),
            (self.click_row, 10), (self.ctrl_click_row, 8), (self.pick_two, 6), (self.sort_column, 3),
            (self.toggle_related, 2), (self.drop_on_pane, 3), (self.drop_on_list, 1), (self.swap, 3),
            (self.next_previous, 4), (self.find, 3), (self.select_entity, 3), (self.delete_row, 1),
            (self.save_and_reopen, 1), (self.export_report, 1), (self.toggle_option, 2), (self.wait, 3),
        ]
        self._names = [a.__name__ for a, _ in self.actions]
        self._weights = [n for _, n in self.actions]

    # --- running -------------------------------------------------------------------------

    def run(self, count: int, sample_every: int = 0, on_step=None) -> SoakResult:
        previous_hook = sys.excepthook
        sys.excepthook = self._excepthook
        start = time.perf_counter()
        try:
            self.open_files(min(len(self.files), 12))
            self.settle(5000)
            for n in range(count):
                action = self.rng.choices(self.actions, self._weights)[0][0]
                self.result.counts[action.__name__] += 1
                action()
                self.pause()
                self.check(action.__name__)
                self.result.actions += 1
                if sample_every and n % sample_every == 0:
                    self.result.rss_mb.append(rss_mb())
                if on_step is not None:
                    on_step(n, self.result)
        finally:
            sys.excepthook = previous_hook
        self.settle(10_000)
        self.check("final")
        self.result.seconds = time.perf_counter() - start
        return self.result

    def _excepthook(self, kind, value, tb) -> None:
        import traceback

        self.result.exceptions.append("".join(traceback.format_exception(kind, value, tb))[-2000:])

    def pause(self) -> None:
        wait(self.rng.choice(self.pause_ms))

    def settle(self, limit_ms: int) -> None:
        """Until nothing is read, compared or built any more (or the limit)."""
        w = self.w
        end = time.monotonic() + limit_ms / 1000
        while time.monotonic() < end:
            wait(5)
            if not w.tasks.pending() and not w.loader.pending and not w.folders.loader.is_running() and not w.diff_view._builders:
                wait(0)
                return

    # --- invariants ------------------------------------------------------------------------

    def check(self, after: str) -> None:
        wait(0)  # a pick is committed on the next event-loop turn
        w, session = self.w, self.w.session
        problems = []
        view = w.diff_view
        if view._built_from != view._source():
            problems.append("the panes were not built from what the session shows")
        left_title = view.panes["left"].header._title_text
        if session.single is not None and left_title != session.single.display_title:
            problems.append(f"left pane shows {left_title!r}, the session {session.single.display_title!r}")
        c = session.comparison
        if c is not None and (c.left.id, c.right.id) != (session.left.id, session.right.id):
            problems.append("the session's comparison is for another pair")
        if c is not None and c.options != session.options:
            problems.append("the session's comparison is for other options")
        if c is not None and view._built_from[1:] == (c.left.id, c.right.id) and left_title != c.left.display_title:
            problems.append(f"left pane shows {left_title!r}, the comparison {c.left.display_title!r}")
        selected = w.article_list.selected_ids()
        picking = w.article_list._commit.isActive() or any(i.startswith("pending:") for i in selected)
        if 1 <= len(selected) <= 2 and not picking:
            listed = [i for i in session.shown_ids() if _visible(w, i)]
            if set(selected) != set(listed):
                problems.append(f"list selection {selected} disagrees with the session {session.shown_ids()} (visible {listed})")
        from desktop.ui.session import Work
        from desktop.ui.toolbars import stats_text

        status = w.stats_label.text()
        if c is not None and session.work != Work.FAILED and status != stats_text(c):
            problems.append(f"status bar says {status!r} for the shown comparison")
        if session.single is not None and not status.startswith(f"{session.single.word_count:,} words"):
            problems.append(f"status bar says {status!r} for the single article")
        for p in problems:
            self.result.failures.append(f"after {after} (action {self.result.actions}): {p}")

    # --- actions -----------------------------------------------------------------------------

    def _proxy_rows(self) -> int:
        return self.w.article_list.proxy.rowCount()

    def _row_point(self, row: int) -> QPoint | None:
        lst = self.w.article_list
        index = lst.proxy.index(row, 1)
        lst.view.scrollTo(index)
        rect = lst.view.visualRect(index)
        return rect.center() if rect.isValid() else None

    def _click(self, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        rows = self._proxy_rows()
        if rows:
            point = self._row_point(self.rng.randrange(rows))
            if point is not None:
                QTest.mouseClick(self.w.article_list.view.viewport(), Qt.MouseButton.LeftButton, modifier, point)

    def open_files(self, count: int = 0) -> None:
        count = count or self.rng.randint(1, 4)
        self.w.open_files(self.rng.sample(self.files, min(count, len(self.files))))

    def open_folder(self) -> None:
        self.w.open_files([self.folder])

    def type_filter(self) -> None:
        box = self.w.article_list.filter_box
        QTest.keyClick(self.w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        word = self.rng.choice(FILTER_WORDS)[: self.rng.randint(1, 6)]
        for ch in word:
            QTest.keyClick(box, ch)
            wait(self.rng.choice((0, 20, 80, 250)))

    def clear_filter(self) -> None:
        box = self.w.article_list.filter_box
        if self.rng.random() < 0.5:
            box.clear()  # what the clear button does
        else:
            box.setFocus()
            QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(box, Qt.Key.Key_Backspace)

    def click_row(self) -> None:
        self._click()

    def ctrl_click_row(self) -> None:
        self._click(Qt.KeyboardModifier.ControlModifier)

    def pick_two(self) -> None:
        self._click()
        wait(self.rng.choice((0, 30, 200)))
        self._click(Qt.KeyboardModifier.ControlModifier)

    def sort_column(self) -> None:
        header = self.w.article_list.view.header()
        visible = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        column = self.rng.choice(visible)
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, header.height() // 2))

    def toggle_related(self) -> None:
        self.w.folders.related_only_action.trigger()

    def _drop(self, widget, paths: list[str]) -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
        pos = QPointF(widget.width() / 2, widget.height() / 2)
        event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)

    def drop_on_pane(self) -> None:
        side = self.rng.choice(("left", "right"))
        self._drop(self.w.diff_view.panes[side].text.viewport(), [self.rng.choice(self.files)])

    def drop_on_list(self) -> None:
        self._drop(self.w, self.rng.sample(self.files, min(2, len(self.files))))

    def swap(self) -> None:
        self.w.swap_action.trigger()

    def next_previous(self) -> None:
        action = self.w.next_action if self.rng.random() < 0.7 else self.w.previous_action
        for _ in range(self.rng.randint(1, 4)):
            if action.isEnabled():
                action.trigger()

    def find(self) -> None:
        self.w.find_action.trigger()
        edit = self.w.find_bar.edit
        edit.setText(self.rng.choice(FILTER_WORDS))
        if self.rng.random() < 0.3:
            edit.clear()

    def select_entity(self) -> None:
        tree = self.w.sidebar.tree
        model = tree.model()
        rows = model.rowCount()
        if rows:
            parent = model.index(self.rng.randrange(rows), 0)
            children = model.rowCount(parent)
            index = model.index(self.rng.randrange(children), 0, parent) if children else parent
            tree.setCurrentIndex(index)

    def delete_row(self) -> None:
        if self._proxy_rows() > 4:
            self._click()
            view = self.w.article_list.view
            view.setFocus()
            QTest.keyClick(view, Qt.Key.Key_Delete)

    def save_and_reopen(self) -> None:
        path = str(self.scratch / f"soak-{self.rng.randrange(3)}.diptych")
        self.w.workspace.save_now(path)
        self.settle(3000)
        if self.rng.random() < 0.5:
            self.w.workspace.open_path(path)
            self.settle(8000)

    def export_report(self) -> None:
        if self.w.session.complete:
            from desktop.ui.report.actions import ReportChoices, run_export
            from desktop.ui.report.export import html_report

            run_export(self.w, self.w.session.comparison, str(self.scratch / "soak.html"), ReportChoices(), "Export HTML", html_report)
            self.settle(5000)

    def toggle_option(self) -> None:
        self.rng.choice((self.w.ignore_case_action, self.w.ignore_punct_action, self.w.boilerplate_action)).trigger()

    def wait(self) -> None:
        self.settle(self.rng.choice((50, 500, 3000)))


def _visible(window, article_id: str) -> bool:
    row = window.model.row_of(article_id)
    return row >= 0 and window.article_list.proxy.mapFromSource(window.model.index(row, 1)).isValid()


def wait(ms: int) -> None:
    """Let the window's event loop run for `ms`, as it runs between a person's actions.

    A real QEventLoop, not processEvents(): only a running loop deletes the objects the window
    hands to deleteLater(), so a processEvents() driver would see memory grow that a user never
    has."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, ms), loop.quit)
    loop.exec()


def write_story_files(folder: Path, count: int, seed: int = 3) -> list[str]:
    """Short same-story articles written for the project: several outlets' versions of a few
    stories, with figures, names, dates and quotes that differ, as .txt, .md and .html."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    towns = ["Halifax", "Lunenburg", "Truro", "Sydney", "Yarmouth"]
    people = [("Ines", "Dal"), ("Marek", "Okafor"), ("Lena", "Brennan"), ("Tomas", "Reyes")]
    topics = [("ferry", "storm", "passengers"), ("council", "vote", "budget"), ("harbour", "fuel", "tonnes"), ("school", "strike", "teachers")]
    paths = []
    for i in range(count):
        topic = topics[i % len(topics)]
        town = rng.choice(towns)
        first, last = rng.choice(people)
        figure = rng.choice([1200, 1100, 350, 48, 2025])
        day = rng.choice(["Monday", "Tuesday", "Friday"])
        paras = [
            f"{topic[0].capitalize()} {topic[1]} in {town}: {figure} {topic[2]} affected",
            f"{town.upper()} — The {topic[0]} {topic[1]} on {day} left {figure:,} {topic[2]} waiting, officials said.",
            f'"We are doing what we can," said {first} {last}, a spokesperson for the {town} council.',
            f"Minister {rng.choice(people)[1]} said the {topic[1]} would be reviewed by March {rng.randint(1, 28)}, 2025.",
        ]
        paras += [
            " ".join(rng.choice(["The", "A", "Every"]) + f" {w} {rng.choice(['rose', 'fell', 'held'])} again." for w in rng.sample(topic * 3, 4))
            for _ in range(rng.randint(1, 4))
        ]
        kind = i % 3
        name = folder / f"story-{i:03}.{['txt', 'md', 'html'][kind]}"
        if kind == 2:
            body = "".join(f"<p>{p}</p>" for p in paras[1:])
            name.write_text(f"<html><head><title>{paras[0]}</title></head><body><article><h1>{paras[0]}</h1>{body}</article></body></html>", encoding="utf-8")
        elif kind == 1:
            name.write_text("# " + "\n\n".join(paras), encoding="utf-8")
        else:
            name.write_text("\n\n".join(paras), encoding="utf-8")
        paths.append(str(name))
    return paths
