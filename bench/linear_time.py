"""The patterns issue 17 found quadratic, before and after, on the inputs that showed it (CPU time).

The "before" patterns are the ones the project used to ship; tests/test_linear_time.py holds
every pattern in desktop/core to linear time. Run: .venv/bin/python bench/linear_time.py
"""

from __future__ import annotations

import re
import time


def cpu(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


CASES = [
    ("clean.py e-mail, one 40 KB word", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
     r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+", "harbour" * 5800, "search"),
    ("names.py capitals, 20 KB of capitals then 'b'", r"\b[A-Z]{2}[A-Z]*[^\W\da-z]*\b",
     r"\b[A-Z]{2}[^\W\da-z]*+\b", "A" * 20000 + "b", "search"),
    ("text.py sentence end, 10,000 dots", r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)",
     r"(?<![.!?\u2026])[.!?\u2026]++[\"'\u201d\u2019)\]]*+(?=\s)", "." * 10000, "finditer"),
    ("text.py dotted letters, 'a.' x 5,000 then 'b'", r"(?:[^\W\d_]\.){2,}(?![^\W_])|[^\W_]+|[^\w\s]",
     r"(?:[^\W\d_]\.){2,12}+(?![^\W_])|[^\W_]+|[^\w\s]", "a." * 5000 + "b", "finditer"),
]


def main() -> int:
    for label, old, new, text, how in CASES:
        before, after = re.compile(old), re.compile(new)

        def run(pattern):
            return pattern.search(text) if how == "search" else sum(1 for _ in pattern.finditer(text))

        print(f"{label}: before {cpu(lambda: run(before)):.2f} s, after {cpu(lambda: run(after)) * 1000:.1f} ms (CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
