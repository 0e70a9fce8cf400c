"""The session is the one owner of what the window shows: no widget or controller keeps a copy."""

import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parent.parent / "desktop" / "ui"
COPY = re.compile(r"self\._(left|right|single|comparison|complete|wanted)\b")


def test_no_copy_of_the_pair_outside_the_session():
    found = []
    for path in UI.rglob("*.py"):
        if path.name == "session.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if COPY.search(line):
                found.append(f"{path.relative_to(UI)}:{n}: {line.strip()}")
    assert not found, "state the Session owns, kept elsewhere:\n" + "\n".join(found)


def test_one_task_runner_no_raw_threads_or_nested_loops():
    found = []
    for path in UI.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in ("threading.Thread(", "QEventLoop(", "QThreadPool("):
            if pattern in text and not (path.name == "workers.py" and pattern == "QThreadPool("):
                found.append(f"{path.relative_to(UI)}: {pattern}")
    # A screenshot or smoke run waits for its one picture in app.py; nothing else may.
    assert found == ["app.py: QEventLoop("], found


# --- controllers get the session, the task runner and the action registry, never the window ---

CONTROLLERS = ("folders", "matrix", "workspace", "coverage")
REACHES_FOR_THE_WINDOW = re.compile(
    r"main_window|MainWindow|\bself\.window\b|\bwindow\.|def __init__\(self, window\b|\._action\(|\._show_ids\("
)


def test_no_controller_imports_or_reaches_for_the_main_window():
    found = []
    for folder in CONTROLLERS:
        for path in (UI / folder).glob("*.py"):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if REACHES_FOR_THE_WINDOW.search(code):
                    found.append(f"{path.relative_to(UI)}:{n}: {line.strip()}")
    assert not found, "a controller reaching into the main window:\n" + "\n".join(found)


def test_the_check_above_sees_a_controller_that_takes_the_window():
    for line in ("        self.window = window", "    def __init__(self, window, coverage):",
                 "        self.window._show_ids(ids)", "from desktop.ui.main_window import MainWindow",
                 "        act = window._action"):
        assert REACHES_FOR_THE_WINDOW.search(line), line


@pytest.mark.gui
def test_no_live_controller_holds_the_window(qtbot, tmp_path, no_real_settings):
    """What the controllers keep, walked two levels deep: never the window or a method bound to it."""
    from PySide6.QtCore import QSettings

    from desktop.ui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    try:
        controllers = {name: getattr(window, name) for name in ("folders", "matrix", "coverage", "workspace", "watcher")}

        def holds_window(value, depth: int) -> bool:
            if value is window or getattr(value, "__self__", None) is window:
                return True
            if depth == 0 or value in controllers.values():
                return False
            inner = list(value.values()) if isinstance(value, dict) else list(value) if isinstance(value, (list, tuple, set)) else []
            if hasattr(value, "__dict__") and not isinstance(value, type):
                inner += list(vars(value).values())
            return any(holds_window(v, depth - 1) for v in inner)

        held = [f"{name}.{attr}" for name, c in controllers.items() for attr, v in vars(c).items() if holds_window(v, 2)]
        assert not held, held
        # The registry holds every controller's actions by name, so the window's menus find them.
        for name in ("open_folder", "best_match", "related_only", "matrix", "coverage", "open_workspace", "save_workspace", "notes"):
            assert name in window.actions
        assert window.folders.related_only_action is window.actions["related_only"]
        assert window.actions["notes"] in window.actions.all()
    finally:
        window.close()
        window.tasks.wait(5000)
