"""Shared fixtures. Qt runs offscreen unless the caller chose a platform."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def no_real_settings(tmp_path, monkeypatch):
    """Anything that reaches for default QSettings or the data folder lands in the temp folder,
    never in the user's."""
    from PySide6.QtCore import QCoreApplication, QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setattr(QCoreApplication, "organizationName", lambda: "DiptychTest")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
