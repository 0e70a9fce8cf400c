"""A native crash or a kill leaves every thread's Python stack in the crash log."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from desktop.ui import crash
crash.install_native({log!r})
def deep_in_the_window():
    {action}
deep_in_the_window()
"""


def _run(tmp_path, action: str, kill_after: float | None = None) -> tuple[int, str]:
    log = tmp_path / "crash.log"
    code = CHILD.format(root=str(ROOT), log=str(log), action=action)
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE)
    if kill_after is not None:
        deadline = time.monotonic() + 10
        while not log.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(kill_after)
        proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    return proc.returncode, log.read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_segfault_leaves_its_python_stack(tmp_path):
    code, text = _run(tmp_path, "import ctypes; ctypes.string_at(0)")
    assert code == -signal.SIGSEGV
    assert "Segmentation fault" in text
    assert "deep_in_the_window" in text  # the Python frame that was running


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_kill_leaves_its_python_stack(tmp_path):
    code, text = _run(tmp_path, "time.sleep(30)", kill_after=0.3)
    assert code == -signal.SIGTERM
    assert "deep_in_the_window" in text and "pid" in text
