"""Start the window: QApplication set-up, command-line files, samples, screenshots, smoke test."""

from __future__ import annotations

import os
import sys
import tempfile

SCREENSHOT_TIMEOUT_MS = 60_000
SMOKE_TEST_MS = 300


def _parse_size(size: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in size.lower().split("x", 1))
    except ValueError:
        raise SystemExit(f"diptych: --size must look like 1280x800, not {size!r}") from None
    if w < 200 or h < 150:
        raise SystemExit(f"diptych: --size {size} is too small")
    return w, h


def _needs_offscreen(screenshot: str | None, smoke_test: bool) -> bool:
    if screenshot:
        return True  # the picture must not depend on the desktop it was taken on
    if smoke_test and sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def seconds_since_start() -> float:
    """Seconds since this process started (Linux: from /proc), else since `desktop` was imported."""
    import time

    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        # Field 22 of stat (the 20th after the command name) is the start in clock ticks since boot.
        return max(0.0, uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        import desktop

        return time.perf_counter() - desktop.IMPORTED_AT


def _report_first_paint(window) -> None:
    """DIPTYCH_TIMING=1: print `painted <seconds since process start>` once the window has painted."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:  # Override QObject
            if event.type() == QEvent.Type.Paint:
                print(f"painted {seconds_since_start():.3f}", flush=True)
                window.removeEventFilter(self)
            return False

    window._first_paint_spy = FirstPaint(window)  # kept alive by its parent
    window.installEventFilter(window._first_paint_spy)


def make_application(argv: list[str], dark: bool = False):
    from PySide6.QtWidgets import QApplication

    import desktop
    from desktop.ui.icons import app_icon

    # Workers run Python too: by default a thread waits up to 5 ms for the GIL each time it
    # asks, and the GUI thread asks on every return from Qt. 1 ms keeps the event loop
    # fluid while files load (500 files: longest stall 570 ms at 5 ms, 90 ms at 1 ms).
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Diptych")
    app.setApplicationDisplayName("Diptych")
    app.setOrganizationName("Diptych")
    app.setOrganizationDomain("diptych.org")
    app.setApplicationVersion(desktop.__version__)
    app.setDesktopFileName(desktop.APP_ID)
    app.setWindowIcon(app_icon())
    if dark:
        from desktop.ui.theme import dark_palette

        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    return app


def run(
    files: list[str] | None = None,
    samples: bool = False,
    screenshot: str | None = None,
    size: str = "1280x800",
    dark: bool = False,
    smoke_test: bool = False,
) -> int:
    if _needs_offscreen(screenshot, smoke_test):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    width, height = _parse_size(size)

    from PySide6.QtCore import QSettings, QTimer

    from desktop.core.resources import resource_path
    from desktop.ui import crash
    from desktop.ui.articles.problems import Problem
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import open_store

    app = make_application(sys.argv[:1], dark=dark)
    one_off = bool(screenshot or smoke_test)
    scratch = tempfile.TemporaryDirectory(prefix="diptych-") if one_off else None
    # One-off runs use throwaway settings: they neither read nor change the user's.
    # A damaged settings file is set aside and its last good copy used (settings.open_store).
    store, damage = (QSettings(os.path.join(scratch.name, "settings.ini"), QSettings.Format.IniFormat), None) if scratch else open_store()
    window = MainWindow(store)
    crash.install(window)  # unhandled errors: a dialog with the details, crash.log, and the app runs on
    if damage:
        window.add_problem(Problem(store.fileName(), damage))
    if screenshot:
        window.resize(width, height)

    paths = list(files or [])
    if samples:
        paths = [str(resource_path("samples", "harbour-wire.txt")), str(resource_path("samples", "harbour-herald.html"))] + paths
    if os.environ.get("DIPTYCH_TIMING") == "1":
        _report_first_paint(window)
    window.show()
    if not one_off:  # screenshots and smoke tests stay deterministic: no autosave, no reopening
        from PySide6.QtCore import QStandardPaths

        crash.install_native()  # a segfault or SIGTERM leaves every thread's stack in crash.log
        data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        unclean = crash.mark_running(data)
        app.aboutToQuit.connect(lambda: crash.mark_closed(data))
        window.workspace.start(restore=not paths, unclean=unclean)
    if paths:
        window.open_files(paths)

    exit_code = 0
    if screenshot:
        exit_code = _take_screenshot(app, window, screenshot, expect_comparison=len(paths) >= 2)
    elif smoke_test:
        QTimer.singleShot(SMOKE_TEST_MS, app.quit)
        app.exec()
        window.close()
    else:
        exit_code = app.exec()
    window.tasks.wait(5000)
    if scratch is not None:
        store.sync()
        del store
        scratch.cleanup()
    return exit_code


def _take_screenshot(app, window, out: str, expect_comparison: bool) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    outcome = {"code": 1}

    def grab() -> None:
        pixmap = window.grab()
        if pixmap.save(out):
            outcome["code"] = 0
        else:
            print(f"diptych: {out}: could not write the screenshot", file=sys.stderr)
        loop.quit()

    def painted(*_args) -> None:
        # The whole pair in the panes (a long one is shown in steps), then a couple of
        # event-loop turns so they lay out and paint the new content.
        window.diff_view.finish_building()
        QTimer.singleShot(150, grab)

    def failed(reason: str) -> None:
        print(f"diptych: no screenshot: {reason}", file=sys.stderr)
        loop.quit()

    def timed_out() -> None:
        print("diptych: the comparison did not finish in time for the screenshot", file=sys.stderr)
        loop.quit()

    if expect_comparison:
        window.comparison_shown.connect(painted)
        window.comparison_failed.connect(failed)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timed_out)
    else:
        QTimer.singleShot(300, grab)
    loop.exec()
    window.close()
    return outcome["code"]
