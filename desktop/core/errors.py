"""The one error a reader raises: which file, and why, in plain words."""

from __future__ import annotations


class ReadError(Exception):
    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
