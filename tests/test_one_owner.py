"""The session is the one owner of what the window shows: no widget or controller keeps a copy."""

import re
from pathlib import Path

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
