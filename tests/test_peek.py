"""Quick titles from the first kilobytes of a file."""

import json

from desktop.core.ingest.peek import MAX_TITLE, peek_title


def test_text_first_non_empty_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("\n\n   Ferry service resumes  after storm \n\nBody text.", encoding="utf-8")
    assert peek_title(f) == "Ferry service resumes after storm"


def test_markdown_heading_and_front_matter(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# Harbour reopens\n\nText", encoding="utf-8")
    assert peek_title(f) == "Harbour reopens"
    g = tmp_path / "b.md"
    g.write_text('---\ndate: 2024-01-02\ntitle: "Front matter title"\n---\n# Heading\n', encoding="utf-8")
    assert peek_title(g) == "Front matter title"


def test_html_title_entities_and_h1_fallback(tmp_path):
    f = tmp_path / "a.html"
    f.write_text("<html><head><TITLE>Storm &amp; ferry\n news</TITLE></head><body>x</body></html>", encoding="utf-8")
    assert peek_title(f) == "Storm & ferry news"
    g = tmp_path / "b.htm"
    g.write_text("<html><body><h1 class='x'>Only a <em>heading</em></h1></body></html>", encoding="utf-8")
    assert peek_title(g) == "Only a heading"


def test_json_title_with_escapes(tmp_path):
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"body": "x", "title": 'Say "hi" — caf\u00e9'}), encoding="utf-8")
    assert peek_title(f) == 'Say "hi" — café'


def test_file_name_when_nothing_better(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert peek_title(empty) == "empty.txt"
    assert peek_title(tmp_path / "missing.html") == "missing.html"
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"PK\x03\x04 not really")
    assert peek_title(doc) == "report.docx"
    no_title = tmp_path / "n.json"
    no_title.write_text("[1, 2, 3]", encoding="utf-8")
    assert peek_title(no_title) == "n.json"


def test_long_titles_are_capped_and_bad_bytes_do_not_raise(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text("word " * 400, encoding="utf-8")
    title = peek_title(f)
    assert len(title) <= MAX_TITLE + 1 and title.endswith("…")
    g = tmp_path / "latin.txt"
    g.write_bytes("Caf\u00e9 headline\n".encode("cp1252"))
    assert peek_title(g) == "Café headline"
    h = tmp_path / "cut.txt"
    h.write_bytes(("é" * 20000).encode("utf-8"))  # the 16 KB peek splits a character
    assert peek_title(h).startswith("éé")


def test_slim_article_rebuilds_exactly(samples_dir):
    from desktop.core.ingest.load import load_file
    from desktop.core.library.slim import full, is_slim, slim

    for name in ("harbour-wire.txt", "harbour-herald.html", "harbour-release.md"):
        article = load_file(samples_dir / name)[0]
        thin = slim(article)
        assert is_slim(thin) and not thin.tokens
        assert full(thin) == article


def test_profiles_made_in_another_process_compare(samples_dir):
    """Folder loads profile articles in worker processes: their hashes must not be per process."""
    import json
    import os
    import subprocess
    import sys

    from desktop.core.ingest.load import load_file
    from desktop.core.library.related import profile

    path = samples_dir / "harbour-herald.html"
    here = profile(load_file(path)[0])
    code = (
        "import json, sys; from desktop.core.ingest.load import load_file; from desktop.core.library.related import profile; "
        f"p = profile(load_file({str(path)!r})[0]); print(json.dumps([list(p.shingles), p.body_hash]))"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
                         cwd=str(samples_dir.parent.parent)).stdout
    shingles, body_hash = json.loads(out)
    assert shingles == list(here.shingles) and body_hash == here.body_hash
