"""Store the compiled programs of the regular expressions that desktop/core compiles through
desktop.core.regexes (resources/regexes/programs.marshal.zz), for the Python running this script.

Run it after editing such a pattern (tests/test_regexes.py fails until then), and with the Python
the app is frozen with: another version of sre compiles the patterns as usual, only slower.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def import_core() -> None:
    """Every module of desktop.core, so that every pattern compiled at import is asked for."""
    import desktop.core

    for info in pkgutil.walk_packages(desktop.core.__path__, "desktop.core."):
        importlib.import_module(info.name)


def main() -> None:
    from desktop.core import regexes

    import_core()
    out = ROOT / "resources" / Path(*regexes.PROGRAMS_FILE)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(regexes.stored_bytes(regexes.ASKED))
    print(f"{out}: {len(regexes.ASKED)} patterns for {regexes.sre_version()}, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
