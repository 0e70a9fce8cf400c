"""The stored dataclass methods (desktop/core/dataclass_methods.py): current, the code compile()
makes of each source, and the classes made from them the same as without them."""

from __future__ import annotations

import dataclasses
import marshal
import pickle
import subprocess
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path

import pytest

from desktop.core import dataclass_methods
from desktop.core.resources import resource_path

ROOT = Path(__file__).resolve().parents[1]


def _stored() -> dict:
    magic, codes = marshal.loads(resource_path(*dataclass_methods.STORE_FILE).read_bytes())
    if magic != MAGIC_NUMBER:
        pytest.skip("methods stored for another Python's bytecode")
    return codes


def test_every_method_the_core_writes_is_stored_for_this_python():
    """In a fresh interpreter: this one has made the test suite's and the window's dataclasses too."""
    _stored()
    probe = ("import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
             "from build_stores import import_core\n"
             "from desktop.core import dataclass_methods as d\n"
             "import_core()\n"
             "missing = d.WRITTEN - d._store().keys()\n"
             "print(len(missing), repr(next(iter(missing), ''))[:120])")
    done = subprocess.run([sys.executable, "-c", probe, str(ROOT), str(ROOT / "scripts")], capture_output=True,
                          text=True, check=True)
    missing, example = done.stdout.split(" ", 1)
    assert missing == "0", f"run scripts/build_stores.py: {missing} methods not stored, e.g. {example}"


def test_stored_code_is_what_compile_makes_of_the_source():
    codes = _stored()
    assert codes
    for source, code in codes.items():
        assert code == dataclass_methods.compiled(source), source[:120]


def test_dataclasses_run_the_stored_code_without_compiling(monkeypatch):
    _stored()
    assert dataclasses.exec is dataclass_methods._exec  # installed by importing desktop.core

    def refuse(source):
        raise AssertionError(f"compiled again: {source[:80]!r}")

    monkeypatch.setattr(dataclass_methods, "compiled", refuse)

    # The same fields and options as the core's Mention: the same methods, all stored.
    @dataclasses.dataclass(frozen=True, slots=True)
    class Mention:
        """A test twin of entities.model.Mention."""

        start: int
        end: int
        text: str

    from desktop.core.entities.model import Mention as Core

    m = Mention(3, 8, "Quay")
    assert (m.start, m.end, m.text) == (3, 8, "Quay")
    assert m == Mention(3, 8, "Quay") and m != Mention(3, 9, "Quay")
    assert hash(m) == hash(Mention(3, 8, "Quay"))
    assert repr(m).endswith("Mention(start=3, end=8, text='Quay')")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 4
    assert dataclasses.replace(m, end=9) == Mention(3, 9, "Quay")
    assert pickle.loads(pickle.dumps(Core(3, 8, "Quay"))) == Core(3, 8, "Quay")


def test_a_source_not_stored_compiles_as_before():
    @dataclasses.dataclass(frozen=True)
    class Unusual:
        """Field names no core class has."""

        quux_never_stored: int = 7
        zorp_never_stored: tuple = ()

    assert Unusual() == Unusual(7, ())
    assert Unusual(1).quux_never_stored == 1
    assert any("quux_never_stored" in s for s in dataclass_methods.WRITTEN)
