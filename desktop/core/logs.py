"""Library warnings go to the log, never to the terminal or the window's stderr.

pypdf, trafilatura and htmldate report what they make of a broken file through `logging`
(pypdf's warnings can hold raw bytes of the file). With no handler configured, Python's
last-resort handler prints them on stderr, ahead of Diptych's own one-line reason. A
NullHandler on each library's logger stops that; records still propagate to any handler
the application sets up on the root logger.

Each reader calls `quiet_libraries` before it imports its library (readers/), so a process
that reads only plain text never imports `logging` at all (a few milliseconds of every start).
"""

from __future__ import annotations

import logging

LIBRARY_LOGGERS = ("pypdf", "trafilatura", "htmldate", "courlan", "justext", "charset_normalizer", "docx")


def quiet_libraries() -> None:
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
