"""Store what desktop/core would otherwise compile in every process, for the Python running this
script: the programs of the regular expressions compiled through desktop.core.regexes
(resources/regexes/programs.marshal.zz) and the code of the methods dataclasses writes for the
core's value types (resources/dataclasses/methods.marshal). regexes.py and dataclass_methods.py
say why; both fall back to compiling, only slower, for anything not stored.

Run it after editing such a pattern or a dataclass in desktop/core (tests/test_regexes.py and
tests/test_dataclass_methods.py fail until then), and with the Python the app is frozen with:
another version of sre or of the bytecode compiles as usual. After a merge, run it rather than
taking either side of the binary files.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def import_core() -> None:
    """Every module of desktop.core, so that every pattern and dataclass made at import is asked for."""
    import desktop.core

    for info in pkgutil.walk_packages(desktop.core.__path__, "desktop.core."):
        importlib.import_module(info.name)


def _write(parts: tuple[str, ...], data: bytes) -> Path:
    out = ROOT / "resources" / Path(*parts)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out


def main() -> None:
    from desktop.core import dataclass_methods, regexes

    import_core()
    out = _write(regexes.PROGRAMS_FILE, regexes.stored_bytes(regexes.ASKED))
    print(f"{out}: {len(regexes.ASKED)} patterns for {regexes.sre_version()}, {out.stat().st_size:,} bytes")
    out = _write(dataclass_methods.STORE_FILE, dataclass_methods.stored_bytes(dataclass_methods.WRITTEN))
    print(f"{out}: {len(dataclass_methods.WRITTEN)} methods, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
