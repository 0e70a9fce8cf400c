"""Every persisted setting declared once, with its type and default; reads go through it.

The window takes a `QSettings` store so tests (and --screenshot/--smoke-test runs) can use
a temporary INI file and never touch the user's real settings.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from desktop.core.files import write_atomically

T = TypeVar("T")

MAX_RECENT = 10


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T

    def read(self, store: QSettings) -> T:
        if not store.contains(self.key):
            return self._copy_default()
        raw = store.value(self.key)
        try:
            return self._coerce(raw)
        except (TypeError, ValueError):  # a hand-edited or older file: fall back, never crash
            return self._copy_default()

    def write(self, store: QSettings, value: T) -> None:
        store.setValue(self.key, value)

    def _copy_default(self) -> T:
        return list(self.default) if isinstance(self.default, list) else self.default  # type: ignore[return-value]

    def _coerce(self, raw: Any) -> T:
        # INI files give strings back; native stores give typed values. Accept both.
        if self.type is bool:
            if isinstance(raw, str):
                return raw.strip().lower() in ("true", "1", "yes", "on")  # type: ignore[return-value]
            return bool(raw)  # type: ignore[return-value]
        if self.type is int:
            return int(raw)  # type: ignore[return-value]
        if self.type is str:
            return "" if raw is None else str(raw)  # type: ignore[return-value]
        if self.type is list:
            if raw is None:
                return []  # type: ignore[return-value]
            if isinstance(raw, str):  # a one-item list comes back as a plain string
                return [raw] if raw else []  # type: ignore[return-value]
            return [str(x) for x in raw]  # type: ignore[return-value]
        if self.type is QByteArray:
            return raw if isinstance(raw, QByteArray) else QByteArray(raw)  # type: ignore[return-value]
        raise TypeError(f"unsupported setting type {self.type!r}")


GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())  # toolbars and docks
MAIN_SPLITTER = Setting("window/main_splitter", QByteArray, QByteArray())  # list | view | sidebar
SIDEBAR_VISIBLE = Setting("window/sidebar_visible", bool, True)
SIDEBAR_STACKED = Setting("window/sidebar_stacked", bool, False)  # under the article list
# EntitySidebar.save_state() as JSON text (tab, column widths, sort, differences toggle)
SIDEBAR_STATE = Setting("sidebar/state", str, "")
# Change classes the reader unchecked in Go ▸ Show changes (their names); empty shows all.
HIDDEN_CHANGE_CLASSES = Setting("view/hidden_change_classes", list, [])
LIST_HEADER = Setting("articles/header", QByteArray, QByteArray())  # column widths and sort
IGNORE_CASE = Setting("options/ignore_case", bool, False)
IGNORE_PUNCTUATION = Setting("options/ignore_punctuation", bool, False)
SHOW_BOILERPLATE = Setting("options/show_boilerplate", bool, False)
RECENT_FILES = Setting("files/recent", list, [])
LAST_FOLDER = Setting("files/last_folder", str, "")
LAST_WORKSPACE = Setting("files/last_workspace", str, "")  # reopened at start (a .diptych file)

ALL = (
    GEOMETRY,
    WINDOW_STATE,
    MAIN_SPLITTER,
    SIDEBAR_VISIBLE,
    SIDEBAR_STACKED,
    SIDEBAR_STATE,
    HIDDEN_CHANGE_CLASSES,
    LIST_HEADER,
    IGNORE_CASE,
    IGNORE_PUNCTUATION,
    SHOW_BOILERPLATE,
    RECENT_FILES,
    LAST_FOLDER,
    LAST_WORKSPACE,
)


def add_recent(recent: list[str], path: str) -> list[str]:
    """Most recent first, no duplicates, at most MAX_RECENT."""
    return ([path] + [p for p in recent if p != path])[:MAX_RECENT]


def temporary_store(path: str) -> QSettings:
    """An INI store at `path`, for tests and for one-off runs (screenshots, smoke tests)."""
    return QSettings(path, QSettings.Format.IniFormat)


def open_store(path: str | None = None) -> tuple[QSettings, str | None]:
    """The settings store, checked: a damaged file is set aside and the last good copy used.

    Every readable file is copied to NAME.bak when opened: the last good copy. A file Qt
    cannot parse, or one holding bytes but no settings, is renamed NAME.damaged (kept for
    the user to look at) and the .bak put in its place. Returns (store, reason): the reason
    says in plain words what was set aside, or is None when all was well.
    """
    store = QSettings(path, QSettings.Format.IniFormat) if path else QSettings()
    name = store.fileName()
    if not os.path.isfile(name):  # nothing saved yet, or not a file (the Windows registry)
        return store, None
    if _readable(store, name):
        try:
            _copy_atomically(name, name + ".bak")
        except OSError:
            pass  # a read-only folder: the settings still work, there is just no spare copy
        return store, None
    del store
    damaged = name + ".damaged"
    try:
        os.replace(name, damaged)
        restored = os.path.isfile(name + ".bak")
        if restored:
            _copy_atomically(name + ".bak", name)
    except OSError as exc:
        fresh = temporary_store(os.path.join(tempfile.mkdtemp(prefix="diptych-settings-"), "settings.ini"))
        return fresh, f"the settings file is damaged and could not be set aside ({exc.strerror}); using defaults for now"
    store = QSettings(path, QSettings.Format.IniFormat) if path else QSettings()
    store.sync()
    if restored and _readable(store, name):
        return store, f"the settings file was damaged; it was set aside as {os.path.basename(damaged)} and the last good copy was used"
    store.clear()
    return store, f"the settings file was damaged; it was set aside as {os.path.basename(damaged)} and the defaults are used"


def _readable(store: QSettings, name: str) -> bool:
    if store.status() != QSettings.Status.NoError:
        return False
    if store.allKeys():
        return True
    try:
        with open(name, "rb") as stream:
            return not stream.read(4096).strip()  # an empty file is fine; unparsed bytes are not
    except OSError:
        return False


def _copy_atomically(source: str, target: str) -> None:
    write_atomically(target, Path(source).read_bytes())