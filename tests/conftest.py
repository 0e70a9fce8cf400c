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
