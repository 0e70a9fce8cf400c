"""Diptych: compare news articles side by side."""

import time as _time

# The earliest moment the app's own code runs: start-up timing falls back on it where the
# process start time cannot be read (DIPTYCH_TIMING, desktop.ui.app).
IMPORTED_AT = _time.perf_counter()

__version__ = "0.1.0"
APP_ID = "org.diptych.Diptych"
