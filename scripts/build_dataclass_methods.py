"""Store the code of the methods dataclasses writes for the value types of desktop/core
(resources/dataclasses/methods.marshal; desktop/core/dataclass_methods.py says why), for the
Python running this script.

Run it after adding or changing a dataclass in desktop/core (tests/test_dataclass_methods.py
fails until then), and with the Python the app is frozen with: another bytecode version
compiles the methods as usual, only slower.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_regexes import import_core  # noqa: E402 - this script's own folder


def main() -> None:
    from desktop.core import dataclass_methods

    import_core()
    out = ROOT / "resources" / Path(*dataclass_methods.STORE_FILE)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(dataclass_methods.stored_bytes(dataclass_methods.WRITTEN))
    print(f"{out}: {len(dataclass_methods.WRITTEN)} methods, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
