"""Regular expressions built from programs compiled ahead of time (resources/regexes/).

Python compiles a regular expression in Python code (re._parser, re._compiler), at about a
microsecond per character of pattern, in every process. The speaker patterns of
entities/quotes.py spell out some 230 describing words twice, the reporting verbs and the
nominal heads: ~4.9k characters and ~10 ms each, on every `diptych` start. The two copies of
the words cannot become one (one decides a token followed by a space, the other looks ahead
for a word followed by any boundary), and sre has no way to share a part between patterns.
What the compiler produces, though, is a list of integers that depends only
on the pattern, its flags and the version of sre; `_sre.compile` builds the Pattern from it
directly, and validates it first, so a damaged program raises rather than crashing.

scripts/build_stores.py stores the program of every pattern compiled through `compile` here,
keyed by pattern and flags, for one version of sre (the interpreter's cache tag and sre's MAGIC).
A pattern that is not stored (edited since), or another Python, compiles as usual: only slower.
tests/test_regexes.py checks that the stored programs are current and make Patterns equal to
re.compile's (Patterns compare equal by pattern, flags and program).
"""

from __future__ import annotations

import marshal
import re
import sys
import zlib

import _sre

from desktop.core.resources import resource_path

PROGRAMS_FILE = ("regexes", "programs.marshal.zz")
# Every (pattern, flags) asked for in this process: what scripts/build_stores.py stores.
ASKED: set[tuple[str | bytes, int]] = set()
_stored: dict | None = None


def sre_version() -> str:
    """The programs of one version of sre run only in that version."""
    return f"{sys.implementation.cache_tag} sre {_sre.MAGIC} codesize {_sre.CODESIZE}"


def compile(pattern: str | bytes, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's name, on purpose
    """re.compile(pattern, flags), from the stored program when there is one."""
    flags = int(flags)
    ASKED.add((pattern, flags))
    program = _programs().get((pattern, flags))
    if program is not None:
        try:
            return _sre.compile(pattern, *program)
        except (RuntimeError, TypeError, ValueError):  # a program this sre refuses: compile it afresh
            pass
    return re.compile(pattern, flags)


def _programs() -> dict:
    global _stored
    if _stored is None:
        try:
            version, programs = marshal.loads(zlib.decompress(resource_path(*PROGRAMS_FILE).read_bytes()))
        except (OSError, ValueError, EOFError, TypeError, zlib.error):
            version, programs = None, {}
        _stored = programs if version == sre_version() else {}
    return _stored


def program(pattern: str | bytes, flags: int = 0) -> tuple:
    """What `_sre.compile` takes after the pattern, as re._compiler.compile makes it (plain ints:
    marshal stores no int subclasses such as sre's opcode constants)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def stored_bytes(keys) -> bytes:
    """The file scripts/build_stores.py writes: this sre's version and the programs of `keys`."""
    programs = {key: program(*key) for key in sorted(keys, key=repr)}  # str and bytes patterns
    return zlib.compress(marshal.dumps((sre_version(), programs)), 9)
