"""The HTML reader's main text: what it keeps of a saved page and what it sets aside.

Every page here is written for these tests; the rules are about the shape of pages in
any language, not about one site.
"""

from __future__ import annotations

from desktop.core.article import BlockKind
from desktop.core.load import load_file

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
