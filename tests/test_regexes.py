"""The stored regex programs (desktop/core/regexes.py): current, and the same Patterns as re.compile's."""

from __future__ import annotations

import marshal
import re
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from build_stores import import_core  # noqa: E402

from desktop.core import regexes  # noqa: E402
from desktop.core.resources import resource_path  # noqa: E402


def _stored():
    return marshal.loads(zlib.decompress(resource_path(*regexes.PROGRAMS_FILE).read_bytes()))


def test_every_pattern_compiled_through_it_is_stored_for_this_python():
    version, programs = _stored()
    if version != regexes.sre_version():
        pytest.skip(f"programs stored for {version}, not this Python's {regexes.sre_version()}")
    import_core()
    missing = regexes.ASKED - programs.keys()
    assert not missing, f"run scripts/build_stores.py: {len(missing)} patterns not stored, e.g. {next(iter(missing))[0][:80]!r}"


def test_stored_programs_make_the_patterns_re_compile_makes():
    version, programs = _stored()
    if version != regexes.sre_version():
        pytest.skip("programs stored for another Python")
    assert programs
    for (pattern, flags), program in programs.items():
        kept = regexes._sre.compile(pattern, *program)
        fresh = re.compile(pattern, flags)
        # Equal Patterns have the same pattern, flags and program; the group names are checked besides.
        assert kept == fresh and kept.groupindex == fresh.groupindex and kept.groups == fresh.groups


def test_a_stored_pattern_is_not_compiled_again(monkeypatch):
    from desktop.core.entities import quotes

    version, programs = _stored()
    if version != regexes.sre_version():
        pytest.skip("programs stored for another Python")
    assert (quotes._LATER_SV.pattern, 0) in programs

    def refuse(*args):
        raise AssertionError("compiled again")

    monkeypatch.setattr(re._compiler, "compile", refuse)
    re.purge()
    assert regexes.compile(quotes._LATER_SV.pattern) == quotes._LATER_SV


def test_a_pattern_not_stored_or_a_refused_program_compiles_as_usual(monkeypatch):
    monkeypatch.setattr(regexes, "_stored", {("a+b", 0): (32, [0], 0, {}, (None,))})  # not a valid program
    assert regexes.compile("a+b") == re.compile("a+b")
    assert regexes.compile(r"(?P<x>\d+)", re.I) == re.compile(r"(?P<x>\d+)", re.I)
