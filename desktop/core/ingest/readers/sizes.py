"""File sizes in the words a reader uses: 50 MB, 1.2 GB."""

from __future__ import annotations


def human_size(n: int) -> str:
    """Decimal-free for whole units, one decimal otherwise; binary multiples named as people do."""
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            if unit == "bytes":
                return f"{n:,} bytes" if n != 1 else "1 byte"
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")
