"""Mutation fuzzing from seeds the project writes: every reader and the workspace loader, a few
thousand inputs, each within its time and memory budget (tests/fuzz_budget.py).

Mutations are the ones that found issue 17's hangs: a slice repeated into a long run (one long
word, a run of capitals, of dots, of brackets), bytes flipped, format words spliced in, the
file cut short. The generator is seeded, so a failure names an input that can be rebuilt.
"""

from __future__ import annotations

import json
import random
from functools import cache

import pytest
from file_fixtures import TEXT, docx_bytes, make_pdf
from test_fuzz_readers import INTERNALS, check_articles, outcome

from desktop.core.errors import ReadError

# About 2,300 mutants (and 225 hypothesis inputs in test_fuzz_readers.py): the slow parsers get
# fewer, so the whole sweep stays under a minute of CPU.
MUTANTS = {".txt": 400, ".md": 250, ".html": 150, ".json": 400, ".docx": 400, ".pdf": 100, ".diptych": 600}

_BODY = (
    "HARBOUR ROAD CLOSES AFTER SPILL\n\n"
    "By Ines Dal, staff writer\n\n"
    f"{TEXT}\n\n"
    '"We will reopen it by March," Mayor Ines Dal said on Monday. The cost is 1,200 dollars, '
    "or $1.2 million over five years, according to the U.S. Coast Guard.\n\n"
    "Contact: desk@harbour-news.example.org\n\n"
    "Related: Ferry timetable changes (13 hours ago)\n"
)


@cache
def seeds() -> dict[str, bytes]:
    paragraphs = _BODY.split("\n\n")
    html = "<!doctype html><html><head><title>Harbour road closes</title><meta name='author' content='Ines Dal'>" \
           "</head><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    return {
        ".txt": _BODY.encode(),
        ".md": ("# Harbour road closes\n\n" + "\n\n".join(f"*{p}*" if i % 2 else p for i, p in enumerate(paragraphs))
                + "\n\n| Tonnes | Cost |\n|---|---|\n| 1,200 | $1.2m |\n").encode(),
        ".html": html.encode(),
        ".json": json.dumps({"title": "Harbour road closes", "author": "Ines Dal", "date": "2025-03-05",
                             "body-paragraphs": paragraphs}).encode(),
        ".docx": docx_bytes(),
        ".pdf": make_pdf([paragraphs[:3], paragraphs[3:]], title="Harbour", author="Desk"),
    }


TOKENS = {
    ".txt": [b"A", b".", b"@", b"AB", b"\xe2\x80\x9c", b'"', b"Mr. ", b"1,", b"a.", b"(", b"[", b"-", b" ", b"\n"],
    ".md": [b"*", b"_", b"[", b"](", b"`", b"#", b"> ", b"|", b"---", b"<", b"\\", b"~~"],
    ".html": [b"<p>", b"</p>", b"<div>", b"<", b"&", b"<script>", b"<!--", b"<meta charset='utf-16'>", b"\x00"],
    ".json": [b"[", b"{", b'"', b"\\u0000", b"\\ud800", b"1e999", b"9" * 40, b",", b":", b"null"],
    ".docx": [b"PK", b"\x00", b"\xff", b"<!DOCTYPE", b"<w:p>", b"word/"],
    ".pdf": [b"<<", b">>", b"obj", b"stream", b"/Length 9999", b"/Filter /FlateDecode", b"0 R", b"xref", b"-1"],
}


def mutate(data: bytes, suffix: str, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        if kind < 0.3 and out:  # a slice repeated into a long run
            i = rng.randrange(len(out))
            piece = bytes(out[i : i + rng.randint(1, 4)]) or b"A"
            out[i:i] = piece * rng.choice((200, 2_000, 8_000))
        elif kind < 0.5:  # a format word repeated
            i = rng.randrange(len(out) + 1)
            out[i:i] = rng.choice(TOKENS[suffix]) * rng.choice((1, 3, 500))
        elif kind < 0.7 and out:  # bytes flipped
            for _ in range(rng.randint(1, 8)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif kind < 0.85 and out:  # cut short
            del out[rng.randrange(len(out)) :]
        elif out:  # a chunk duplicated elsewhere
            i, j = rng.randrange(len(out)), rng.randrange(len(out))
            out[j:j] = out[i : i + rng.randint(1, 400)]
    return bytes(out)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json", ".docx", ".pdf"])
def test_mutants_of_each_reader(suffix):
    rng = random.Random(f"diptych-{suffix}")
    assert not isinstance(outcome(seeds()[suffix], suffix), ReadError), "the seed itself must read"
    for _ in range(MUTANTS[suffix]):
        data = mutate(seeds()[suffix], suffix, rng)
        result = outcome(data, suffix)  # asserts the budget, the error's words, the articles' shape
        if not isinstance(result, ReadError):
            check_articles(result)


def test_mutants_of_a_workspace(tmp_path):
    from desktop.core.library.workspace import Workspace, WorkspaceError, read_workspace, to_json
    from fuzz_budget import within_budget

    seed = json.dumps(to_json(Workspace(articles=("/news/a.txt", "/news/b.txt"), pasted=(("clip", TEXT),),
                                        left="/news/a.txt", right="clip", options={"ignore_case": True},
                                        notes="check the cost"))).encode()
    rng = random.Random("diptych-workspace")
    path = tmp_path / "w.diptych"
    read = 0
    for _ in range(MUTANTS[".diptych"]):
        path.write_bytes(mutate(seed, ".json", rng))
        try:
            with within_budget("workspace mutant"):
                ws = read_workspace(path)
        except WorkspaceError as exc:
            assert exc.reason and not INTERNALS.search(exc.reason), exc.reason
            continue
        assert isinstance(ws, Workspace) and all(isinstance(a, str) for a in ws.articles)
        read += 1
    assert read > 0  # some mutants stay valid: the loader is not refusing everything
