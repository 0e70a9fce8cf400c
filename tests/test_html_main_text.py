"""The HTML reader's main text: what it keeps of a saved page and what it sets aside.

Every page here is written for these tests; the rules are about the shape of pages in
any language, not about one site.
"""

from __future__ import annotations

from desktop.core.article import BlockKind
from desktop.core.ingest.load import load_file

LEAD = (
    "Harbour crews worked through the night to contain a fuel spill that spread along the "
    "eastern shore, the port authority said on Wednesday, as shellfish growers counted losses."
)
SECOND = (
    "The bulk carrier ran aground on Tuesday evening after its steering failed near the harbour "
    "mouth, according to a preliminary report from the transport safety board."
)
THIRD = (
    "Growers along the bay said the closure would cost them most of the spring harvest, and the "
    "council promised an emergency fund before the end of the month."
)


def page(body: str, title: str = "Fuel spill closes shellfish beds") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{body}</article></body></html>"
    )


def load(tmp_path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    (article,) = load_file(path)
    return article


def kinds(article) -> list[tuple[str, str]]:
    return [(b.kind.value, article.text[b.start : b.end]) for b in article.blocks]


def test_soft_hyphens_go_and_decomposed_accents_are_composed(tmp_path):
    # A site that hyphenates every long word for narrow screens, and one that saved its text
    # with accents as separate combining marks: the words must read (and match) as written.
    hyphenated = "Die Fi\u00adscher am Ha\u00adfen z\u00e4hl\u00adten am Mitt\u00adwoch ihre Ver\u00adluste."
    decomposed = "Les p\u0065\u0302cheurs du port ont compte\u0301 leurs pertes mercredi soir."
    article = load(tmp_path, page(f"<p>{LEAD}</p><p>{hyphenated}</p><p>{decomposed}</p><p>{SECOND}</p>"))
    assert "Die Fischer am Hafen zählten am Mittwoch ihre Verluste." in article.body_text
    assert "Les pêcheurs du port ont compté leurs pertes mercredi soir." in article.body_text
    assert not {"\u00ad", "\u0301", "\u0302"} & set(article.text)


def test_headline_repeated_label_above_it_and_standfirst_set_as_heading(tmp_path):
    # The page's <h1> sits under a section label, repeats the <title>, and a long <h2>
    # standfirst follows: only the article's paragraphs are its main text.
    html = (
        "<html><head><title>Fuel spill closes shellfish beds</title></head><body><article>"
        "<p><a href='/environment'>Environment</a></p><h1>Fuel spill closes shellfish beds</h1>"
        "<h2>A bulk carrier ran aground near the harbour mouth, and the growers along the bay "
        "fear for the spring harvest.</h2>"
        f"<p>{LEAD}</p><p>{SECOND}</p><h2>What comes next</h2><p>{THIRD}</p></article></body></html>"
    )
    article = load(tmp_path, html)
    blocks = kinds(article)
    assert ("title", "Fuel spill closes shellfish beds") in blocks
    assert [k for k, t in blocks if t.startswith("A bulk carrier")] == ["dek"]
    assert ("heading", "What comes next") in blocks  # a short section heading stays
    assert article.body_text.split("\n\n") == [LEAD, SECOND, "What comes next", THIRD]


TEASERS = [
    "Council votes to dredge the eastern channel",
    "Oyster growers count the cost of a wet spring",
    "Ferry timetable changes from Monday",
]


def test_heading_of_links_in_german_and_its_linked_teasers_are_set_aside(tmp_path):
    links = "".join(f"<p><a href='/story/{i}'>{t}</a></p>" for i, t in enumerate(TEASERS))
    own_link = "Den Bericht der Behörde gibt es <a href='/bericht.pdf'>hier als PDF</a>."
    article = load(tmp_path, page(f"<p>{LEAD}</p><p>{SECOND}</p><p>{own_link}</p><p>Auch interessant:</p>{links}<p>{THIRD}</p>"))
    reasons = {article.text[b.start : b.end]: b.reason for b in article.blocks}
    assert reasons["Auch interessant:"] == "heading of links to other stories"
    assert all(reasons[t] == "list of links to other stories" for t in TEASERS)
    assert "Den Bericht der Behörde gibt es hier als PDF." in article.body_text
    assert THIRD in article.body_text  # the list ends where the links end


def test_run_of_linked_headlines_with_teasers_is_a_list_of_other_stories(tmp_path):
    teasers = "".join(
        f"<h3><a href='/story/{i}'>{t}</a></h3><h4>A short line about story number {i} for the reader</h4>"
        for i, t in enumerate(TEASERS)
    )
    article = load(tmp_path, page(f"<p>{LEAD}</p><p>{SECOND}</p>{teasers}<p>{THIRD}</p>"))
    assert article.body_text.split("\n\n") == [LEAD, SECOND, THIRD]
    assert {b.reason for b in article.blocks if article.text[b.start : b.end] in TEASERS} == {
        "list of links to other stories"
    }


def test_one_linked_section_heading_stays(tmp_path):
    # A blog links a section heading to the product it is about: a heading, not a teaser list.
    html = page(f"<p>{LEAD}</p><h2><a href='/shop/bag'>The straw bag for every beach</a></h2><p>{SECOND}</p>")
    article = load(tmp_path, html)
    assert ("heading", "The straw bag for every beach") in kinds(article)


def test_readers_comments_after_the_article_are_set_aside(tmp_path):
    comments = (
        "<h3>3 Kommentare</h3><p>Anna: Danke für den Bericht, sehr hilfreich!</p>"
        "<p>Ben: Ich wohne am Hafen, es riecht seit Tagen nach Diesel.</p>"
    )
    article = load(tmp_path, page(f"<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p>{comments}"))
    assert article.body_text.split("\n\n") == [LEAD, SECOND, THIRD]
    reasons = [b.reason for b in article.blocks if b.kind == BlockKind.BOILERPLATE]
    assert reasons[0] == "heading of readers' comments" and set(reasons[1:]) == {"readers' comments"}


def test_comments_heading_before_the_article_is_only_a_label(tmp_path):
    article = load(tmp_path, page(f"<p>Kommentare</p><p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p>"))
    assert article.body_text.split("\n\n") == [LEAD, SECOND, THIRD]


def test_labels_plugs_and_credits_in_other_languages(tmp_path):
    lines = {
        "Anzeige": "advertisement label",
        "Publicité": "advertisement label",
        "Lire aussi : Le port rouvre ses quais aux pêcheurs": "link to another story",
        "Lesen Sie auch: Der Hafen öffnet wieder": "link to another story",
        "Leer más: El puerto vuelve a abrir": "link to another story",
        "Mit unserem Newsletter erhalten Sie jeden Freitag die Nachrichten aus dem Hafen.": "app or newsletter plug",
        "Foto: Hafenbehörde": "photo credit",
        "Beitragsbild: Der Hafen am Abend, eigene Aufnahme": "photo credit",
    }
    body = "".join(f"<p>{line}</p><p>{text}</p>" for line, text in zip(lines, [LEAD, SECOND, THIRD] * 3))
    article = load(tmp_path, page(body))
    reasons = {article.text[b.start : b.end]: b.reason for b in article.blocks}
    assert {line: reasons[line] for line in lines} == lines
    assert article.body_text.split("\n\n") == [t for _, t in zip(lines, [LEAD, SECOND, THIRD] * 3)]


def test_a_short_linked_line_of_the_article_stays(tmp_path):
    # trafilatura's favor_precision drops a paragraph that is all link; an article that
    # points to its petition or source that way says something the reader needs.
    url = "https://petition.example.org/hafen"
    article = load(tmp_path, page(f"<p>{LEAD}</p><p>{SECOND}</p><p><a href='{url}'>{url}</a></p><p>{THIRD}</p>"))
    assert article.body_text.split("\n\n") == [LEAD, SECOND, url, THIRD]


def test_phrase_table_loads_every_kind_and_ships_with_the_app():
    from pathlib import Path

    from desktop.core.ingest import boilerplate

    table = boilerplate.phrases()
    assert all(table[kind] for kind in boilerplate.KINDS)
    spec = (Path(__file__).resolve().parent.parent / "packaging" / "diptych.spec").read_text()
    assert '"boilerplate" / "phrases.txt"' in spec


def test_a_sentence_ending_in_a_bracket_with_a_slash_is_not_a_photo_credit(tmp_path):
    ordinary = [
        "The port's new tracking service is written on top of a small open library (harbour/tides).",
        "The backup drives write slowly but read fast enough for the archive (up to 100 MB/s).",
    ]
    caption = "Crews lay a boom across the harbour mouth on Wednesday (Port Authority/Lee Grant)"
    body = f"<p>{LEAD}</p><p>{ordinary[0]}</p><p>{caption}</p><p>{ordinary[1]}</p><p>{SECOND}</p>"
    article = load(tmp_path, page(body))
    assert article.body_text.split("\n\n") == [LEAD, ordinary[0], ordinary[1], SECOND]
    assert ("caption", caption) in kinds(article)
