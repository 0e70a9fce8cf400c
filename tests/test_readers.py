"""Each reader on real files written in tmp_path: text, hints, metadata, sniffing."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from file_fixtures import make_pdf

from desktop.core.article import BlockKind
from desktop.core.errors import ReadError
from desktop.core.ingest.load import load_file, load_text
from desktop.core.ingest.readers import read_documents, sniff

LEAD = (
    "Harbour crews worked through the night to contain a fuel spill that spread along the "
    "eastern shore, the port authority said on Wednesday, as shellfish growers counted losses."
)
SECOND = (
    "The bulk carrier ran aground on Tuesday evening after its steering failed near the harbour "
    "mouth, according to a preliminary report from the transport safety board."
)
QUOTE = "We will not reopen the leases until every sample comes back clean, said the chief inspector."


def write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def paragraphs(path) -> list[tuple[str, str]]:
    data = path.read_bytes()
    (doc,) = read_documents(str(path), data)
    return [(p.text, p.hint) for p in doc.paragraphs]


# -- plain text ------------------------------------------------------------------------


def test_txt_joins_hard_wrapped_lines_and_keeps_one_line_paragraphs(tmp_path):
    wrapped = (
        "Harbour crews worked through the night to contain\n"
        "a fuel spill that spread along the eastern shore,\n"
        "the port authority said on Wednesday.\n\n"
        "Shellfish growers counted their losses as the slick\n"
        "reached the outer leases before dawn.\n"
    )
    path = write(tmp_path, "wrapped.txt", wrapped)
    assert [t for t, _ in paragraphs(path)] == [
        "Harbour crews worked through the night to contain a fuel spill that spread along the "
        "eastern shore, the port authority said on Wednesday.",
        "Shellfish growers counted their losses as the slick reached the outer leases before dawn.",
    ]
    scraped = f"Categories: World\n\nFuel spill closes shellfish beds\n\nclose Video\n\n{LEAD}\n\n{SECOND}\n"
    path = write(tmp_path, "scraped.txt", scraped)
    assert [t for t, _ in paragraphs(path)] == [
        "Categories: World", "Fuel spill closes shellfish beds", "close Video", LEAD, SECOND,
    ]


def test_txt_one_paragraph_per_line_without_blank_lines(tmp_path):
    path = write(tmp_path, "lines.txt", f"Fuel spill closes shellfish beds\n{LEAD}\n{SECOND}\n")
    assert [t for t, _ in paragraphs(path)] == ["Fuel spill closes shellfish beds", LEAD, SECOND]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8-sig", b""), ("utf-16", b""), ("cp1252", b""), ("latin-1", b"")],
)
def test_txt_encodings(tmp_path, encoding, prefix):
    text = (
        "Le café de la gare à Zürich a rouvert lundi, a déclaré la mairie.\n\n"
        "Les habitués sont revenus dès l'aube pour un crème et un croissant."
    )
    if encoding == "cp1252":
        text += "\n\n\u201cC\u2019est la f\u00eate,\u201d a dit le patron \u2014 5 \u20ac le caf\u00e9."
    path = write(tmp_path, "note.txt", prefix + text.encode(encoding))
    (article,) = load_file(path)
    assert article.text == text
    assert article.format == "txt"


def test_sha256_is_of_the_file_bytes_and_ids_are_stable(tmp_path):
    data = f"{LEAD}\n\n{SECOND}\n".encode()
    path = write(tmp_path, "a.txt", data)
    (first,) = load_file(path)
    (again,) = load_file(path)
    assert first.sha256 == hashlib.sha256(data).hexdigest()
    assert first.id == again.id


def test_load_text_for_pasted_text():
    article = load_text(f"Fuel spill closes shellfish beds\n{LEAD}\n\n{SECOND}", "Pasted 1")
    assert article.path == "Pasted 1"
    assert article.text.split("\n\n")[1:] == [LEAD, SECOND]
    with pytest.raises(ReadError, match="no text"):
        load_text(" \n\n ", "Pasted 2")


# -- Markdown --------------------------------------------------------------------------


def test_markdown_syntax_is_stripped_and_structure_kept(tmp_path):
    md = (
        "---\nauthor: Priya Natarajan\ndate: 2025-03-05\n---\n\n"
        "# Fuel spill closes *shellfish* beds\n\n"
        "Harbour crews worked **through the night** to contain a fuel spill, the\n"
        "[port authority](https://example.org/port) said on `Wednesday`.\n\n"
        "## What happens next\n\n"
        "> We will not reopen the leases until every sample\n> comes back clean.\n\n"
        "- Salvage teams pump the fuel\n- Divers check the _hull_\n\n"
        "![a photo](photo.jpg)\n\n"
        "***\n\n"
        "Subtitle in setext\n------------------\n\n"
        "Escaped \\*stars\\* stay.\n"
    )
    path = write(tmp_path, "story.md", md)
    (doc,) = read_documents(str(path), path.read_bytes())
    assert doc.format == "md"
    assert doc.author == "Priya Natarajan" and doc.published == "2025-03-05"
    assert [(p.text, p.hint) for p in doc.paragraphs] == [
        ("Fuel spill closes shellfish beds", "title"),
        ("Harbour crews worked through the night to contain a fuel spill, the port authority said on Wednesday.", ""),
        ("What happens next", "heading"),
        ("We will not reopen the leases until every sample comes back clean.", "quote"),
        ("Salvage teams pump the fuel", ""),
        ("Divers check the hull", ""),
        ("Subtitle in setext", "heading"),
        ("Escaped *stars* stay.", ""),
    ]
    (article,) = load_file(path)
    assert article.title == "Fuel spill closes shellfish beds"
    assert [b.kind for b in article.blocks][:3] == [BlockKind.TITLE, BlockKind.BODY, BlockKind.HEADING]


# -- HTML ------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Fuel spill closes shellfish beds | The Harbour Gazette</title>
<meta property="og:title" content="Fuel spill closes shellfish beds">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="author" content="Priya Natarajan">
<meta property="article:published_time" content="2025-03-05T07:40:00Z">
<link rel="canonical" href="https://gazette.example/news/fuel-spill">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Fuel spill closes shellfish beds</h1>
<p>{LEAD}</p>
<p>{SECOND}</p>
<h2>What the inspectors found</h2>
<p>Samples taken at six leases showed diesel residue above the safe limit, and two more
leases further north are being tested this week, the inspection agency said.</p>
<blockquote><p>{QUOTE}</p></blockquote>
<p>Growers said the closure could last the whole spring season, costing the small
cooperative most of its yearly income and putting seasonal jobs at risk.</p>
<p><strong>WHAT COMES NEXT</strong></p>
<p>Divers will inspect the hull on Friday before salvage crews try to refloat the ship on the
evening high tide, weather permitting, the harbour master told reporters.</p>
</article>
<footer>Copyright 2025 The Harbour Gazette. All rights reserved.</footer>
</body></html>"""


def test_html_main_text_hints_and_metadata(tmp_path):
    path = write(tmp_path, "page.html", PAGE)
    (doc,) = read_documents(str(path), path.read_bytes())
    assert doc.format == "html"
    assert doc.title == "Fuel spill closes shellfish beds"
    assert doc.author == "Priya Natarajan"
    assert doc.published.startswith("2025-03-05")
    assert doc.source == "The Harbour Gazette"
    assert doc.url == "https://gazette.example/news/fuel-spill"
    texts = [(p.text, p.hint) for p in doc.paragraphs]
    assert texts[0] == ("Fuel spill closes shellfish beds", "title")
    assert (LEAD, "") in texts and (SECOND, "") in texts
    assert ("What the inspectors found", "heading") in texts
    assert (QUOTE, "quote") in texts
    assert ("WHAT COMES NEXT", "heading") in texts  # a bold-only line is a subheading
    assert not any("Copyright" in t or "Sport" in t for t, _ in texts)
    (article,) = load_file(path)
    assert LEAD in article.body_text and QUOTE in article.body_text
    assert article.published is not None and article.published.value.startswith("2025-03-05")


def test_html_fragment_saved_on_its_own(tmp_path):
    path = write(tmp_path, "snippet.htm", f"<p>{LEAD}</p>\n<p>{SECOND}</p>")
    (article,) = load_file(path)
    assert article.format == "html"
    assert article.body_text.split("\n\n") == [LEAD, SECOND]


# -- Word ------------------------------------------------------------------------------


def make_docx(tmp_path, name="story.docx", *, title_style="Title"):
    import docx

    document = docx.Document()
    document.add_paragraph("Fuel spill closes shellfish beds", style=title_style)
    document.add_paragraph("Growers count their losses", style="Subtitle")
    document.add_paragraph(LEAD)
    document.add_heading("What the inspectors found", level=2)
    document.add_paragraph(SECOND)
    document.add_paragraph(QUOTE, style="Quote")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Lease", "Status"
    table.cell(1, 0).text, table.cell(1, 1).text = "North Arm", "closed"
    document.core_properties.title = "Fuel spill closes shellfish beds"
    document.core_properties.author = "Priya Natarajan"
    document.core_properties.category = "Environment"
    path = tmp_path / name
    document.save(path)
    return path


def test_docx_styles_become_hints_and_core_properties_metadata(tmp_path):
    path = make_docx(tmp_path)
    (doc,) = read_documents(str(path), path.read_bytes())
    assert doc.format == "docx"
    assert (doc.title, doc.author, doc.category) == (
        "Fuel spill closes shellfish beds", "Priya Natarajan", "Environment",
    )
    assert [(p.text, p.hint) for p in doc.paragraphs] == [
        ("Fuel spill closes shellfish beds", "title"),
        ("Growers count their losses", "dek"),
        (LEAD, ""),
        ("What the inspectors found", "heading"),
        (SECOND, ""),
        (QUOTE, "quote"),
        ("Lease | Status", ""),
        ("North Arm | closed", ""),
    ]


def test_docx_heading_1_headline_is_the_title(tmp_path):
    path = make_docx(tmp_path, title_style="Heading 1")
    (doc,) = read_documents(str(path), path.read_bytes())
    assert doc.paragraphs[0].hint == "title"
    assert doc.paragraphs[3].hint == "heading"


# -- PDF -------------------------------------------------------------------------------

PDF_PAGES = [
    [
        "The Harbour Gazette - Thursday edition",
        "Harbour crews worked through the night to contain a fuel spill",
        "that spread along the eastern shore, the port authority said on",
        "Wednesday, as growers counted their losses.",
        "The bulk carrier ran aground on Tuesday evening after its steer-",
        "ing failed near the harbour mouth, according to a preliminary re-",
        "port from the transport safety board, which sent two investigators",
        "1",
    ],
    [
        "The Harbour Gazette - Thursday edition",
        "to the scene on Wednesday morning to interview the ship's crew.",
        "What the inspectors found",
        "Samples taken at six leases showed diesel residue above the limit",
        "and two more leases are being tested.",
        "Page 2",
    ],
    [
        "The Harbour Gazette - Thursday edition",
        "Growers said the closure could last the whole spring season and",
        "cost the cooperative most of its yearly income.",
        "3",
    ],
]


def test_pdf_paragraphs_hyphenation_and_running_heads(tmp_path):
    path = write(tmp_path, "story.pdf", make_pdf(PDF_PAGES, title="Fuel spill closes shellfish beds", author="P. N."))
    (doc,) = read_documents(str(path), path.read_bytes())
    assert (doc.format, doc.title, doc.author) == ("pdf", "Fuel spill closes shellfish beds", "P. N.")
    assert [p.text for p in doc.paragraphs] == [
        "Harbour crews worked through the night to contain a fuel spill that spread along the eastern "
        "shore, the port authority said on Wednesday, as growers counted their losses.",
        "The bulk carrier ran aground on Tuesday evening after its steering failed near the harbour mouth, "
        "according to a preliminary report from the transport safety board, which sent two investigators "
        "to the scene on Wednesday morning to interview the ship's crew.",
        "What the inspectors found",
        "Samples taken at six leases showed diesel residue above the limit and two more leases are being tested.",
        "Growers said the closure could last the whole spring season and cost the cooperative most of "
        "its yearly income.",
    ]


def test_pdf_encrypted_only_against_changes_opens_with_empty_password(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(PDF_PAGES))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = write(tmp_path, "restricted.pdf", buffer.getvalue())
    (article,) = load_file(path)
    assert "transport safety board" in article.text


# -- JSON ------------------------------------------------------------------------------


def test_json_basil_shape_sentence_lists(tmp_path):
    record = {
        "title": "Fuel spill closes shellfish beds",
        "date": "2025-03-05",
        "url": "https://gazette.example/news/fuel-spill",
        "source": "gazette",
        "body-paragraphs": [[LEAD], ["First sentence of two.", "Second sentence of two."]],
    }
    path = write(tmp_path, "one.json", json.dumps(record))
    (article,) = load_file(path)
    assert (article.format, article.title, article.source, article.url) == (
        "json", "Fuel spill closes shellfish beds", "gazette", "https://gazette.example/news/fuel-spill",
    )
    assert article.published is not None and article.published.value == "2025-03-05"
    assert article.body_text.split("\n\n") == [LEAD, "First sentence of two. Second sentence of two."]


def test_json_list_yields_several_articles_with_distinct_ids(tmp_path):
    records = [
        {"title": "First", "text": f"{LEAD}\n\n{SECOND}", "authors": ["Ana Ruiz", "Tom Berg"],
         "publish_date": "2025-03-05T08:00:00Z"},
        {"title": "Second", "body": SECOND, "author": {"name": "Lee Chan"}, "source": {"id": "x", "name": "Wire"}},
        {"unrelated": True},
    ]
    path = write(tmp_path, "many.json", json.dumps(records))
    first, second = load_file(path)
    assert (first.title, first.author, second.title, second.author, second.source) == (
        "First", "Ana Ruiz, Tom Berg", "Second", "Lee Chan", "Wire",
    )
    assert first.id != second.id and first.sha256 == second.sha256
    assert first.body_text.split("\n\n") == [LEAD, SECOND]


def test_json_html_body_and_container_key(tmp_path):
    payload = {"articles": [{"headline": "Spill", "content": f"<p>{LEAD}</p><p>{SECOND} &amp; more</p>"}]}
    path = write(tmp_path, "feed.json", json.dumps(payload))
    (article,) = load_file(path)
    assert article.body_text.split("\n\n") == [LEAD, f"{SECOND} & more"]


# -- sniffing --------------------------------------------------------------------------


def test_content_decides_over_extension(tmp_path):
    assert sniff("x.txt", PAGE.encode()) == "html"
    assert sniff("x.txt", make_docx(tmp_path).read_bytes()) == "docx"
    assert sniff("x.html", make_pdf(PDF_PAGES)) == "pdf"
    assert sniff("x.txt", b'{"title": "t", "text": "x"}') == "json"
    assert sniff("x.txt", b"[1] A footnote-style first line, not JSON.") == "txt"
    assert sniff("x.md", b"# Heading\n\ntext") == "md"
    assert sniff("x.htm", b"<p>fragment</p>") == "html"
    # A .txt that is really a Word file still reads as one.
    renamed = tmp_path / "renamed.txt"
    renamed.write_bytes(make_docx(tmp_path).read_bytes())
    (article,) = load_file(renamed)
    assert article.format == "docx" and LEAD in article.body_text


@pytest.mark.parametrize("creator", ["python-docx", "Microsoft Office Word", "Microsoft Office User", "LibreOffice"])
def test_docx_written_by_a_program_has_no_author(tmp_path, creator):
    """python-docx's own template says "python-docx": that is not who wrote the story."""
    import docx

    from desktop.core.ingest.load import load_file

    document = docx.Document()
    document.add_paragraph("Ferry back after the storm", style="Title")
    document.add_paragraph(LEAD)
    document.core_properties.author = creator
    path = tmp_path / "story.docx"
    document.save(path)
    (article,) = load_file(str(path))
    assert article.author == "" and creator not in (article.source or "")
    assert creator not in article.text
