"""The methods `dataclasses` writes for the core's value types, compiled ahead of time.

`@dataclass` writes a class's __init__, __repr__, __eq__, __hash__ and (frozen) __setattr__ and
__delattr__ as Python source and compiles each, in every process. Compiling is most of the cost
of making a dataclass: a `diptych compare` makes 31 of them, 186 methods, 15-25 ms of CPU, a
tenth of its start-up. What is compiled depends only on that source and on the interpreter's
bytecode (the version .pyc files are keyed on). scripts/build_stores.py stores the
code of every source the core's dataclasses write; once `install`ed, dataclasses runs the stored
code of a source it has already seen instead of compiling that source again. A source not stored
(a class edited since) or another interpreter compiles as before: only slower.
tests/test_dataclass_methods.py checks the store is current and holds what compile() makes.
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
from importlib.util import MAGIC_NUMBER

from desktop.core.resources import resource_path

STORE_FILE = ("dataclasses", "methods.marshal")
# Every source dataclasses had compiled in this process: what scripts/build_stores.py stores.
WRITTEN: set[str] = set()
_stored: dict | None = None


def compiled(source: str):
    """The code dataclasses' own `exec(source)` runs: compiled without this module's __future__ flags."""
    return compile(source, "<string>", "exec", dont_inherit=True)


def _exec(source, globals=None, locals=None):  # noqa: A002 - exec's own parameter names
    """`exec` as dataclasses calls it, with the stored code of a source it has seen before."""
    if isinstance(source, str):
        WRITTEN.add(source)
        code = _store().get(source)
        source = code if code is not None else compiled(source)
    builtins.exec(source, globals, locals)


def install() -> None:
    """Have dataclasses run stored code: its module's `exec` name, looked up before the builtin's,
    becomes `_exec`. Only the compiling is skipped; every class is made exactly as before."""
    dataclasses.exec = _exec


def stored_bytes(sources) -> bytes:
    """The file scripts/build_stores.py writes: this interpreter's bytecode version and
    the code of every source."""
    return marshal.dumps((MAGIC_NUMBER, {source: compiled(source) for source in sorted(sources)}))


def _store() -> dict:
    global _stored
    if _stored is None:
        try:
            magic, codes = marshal.loads(resource_path(*STORE_FILE).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            magic, codes = None, {}
        _stored = codes if magic == MAGIC_NUMBER else {}
    return _stored
