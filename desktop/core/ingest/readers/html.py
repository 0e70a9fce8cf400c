"""Saved web pages: the article's main text and metadata through trafilatura."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from desktop.core.article import BlockKind, Document, Paragraph
from desktop.core.errors import ReadError
from desktop.core.logs import quiet_libraries

# libxml2's HTML parser stops nesting at this depth and silently drops what lies deeper,
# so a page that reaches it cannot be read faithfully (and trafilatura's recursive
# passes must never see a pathological tree).
PARSER_DEPTH_LIMIT = 255
# Extraction time grows faster than the element count (40,000 paragraphs took 28 s, most of
# it in trafilatura's comparison with readability and htmldate's search of every element for
# a date); saved news pages have a few thousand elements (at most 1,600 in the extraction
# corpus, 4,636 in trafilatura's webpages set). Above LARGE_PAGE the page is read without those
# two (measured on 40,000 <p>: 6.5 s of extraction becomes 2.8 s), and above MAX_ELEMENTS it is
# refused. Cleaning, language and the index have grown since 25,000 was the cap: 24,000 <p> then
# took 4.8 s of the 5 s a file has and was set aside at the budget; at 10,000 reading, cleaning and
# extracting entities stay near half of it, and the cap is twice the largest saved page.
LARGE_PAGE = 5_000
MAX_ELEMENTS = 10_000

# What Diptych asks trafilatura for; bench/extraction.py measures these choices against
# the defaults on the extraction corpus.
EXTRACT_OPTIONS = dict(
    include_comments=False,  # reader comments are not the article
    include_tables=True,
    include_images=False,
    include_links=False,
    include_formatting=True,  # bold-only paragraphs are subheadings (see _is_bold_line)
    # trafilatura's balanced setting, not favor_precision: its link-density pruning also drops
    # short linked lines of the article (measured on the webpages set, bench/extraction.py);
    # the cleaning sets aside teasers, standfirsts and labels itself (desktop/core/ingest/clean.py).
    with_metadata=True,
)

LARGE_PAGE_OPTIONS = dict(
    fast=True,  # no second extraction with readability to compare against
    date_extraction_params={"extensive_search": False, "original_date": True},  # dates from metadata only
)

# libxml2's longest attribute value or text run (XML_MAX_TEXT_LENGTH). Each scan starts at a
# literal `="` or `<` and stops at the next quote or `<`: the scans never overlap, so the
# search is linear in the page (50 MB of ordinary markup: about 0.1 s).
PARSER_TEXT_LIMIT = 10_000_000
_OVERLONG = (re.compile(rb'="[^"]{%d}' % PARSER_TEXT_LIMIT), re.compile(rb"<[^<]{%d}" % PARSER_TEXT_LIMIT))


def _overlong(data: bytes) -> bool:
    """Does the page hold an attribute value or a run without tags longer than libxml2 reads?"""
    head = data[: PARSER_TEXT_LIMIT + 1]
    return (len(head) > PARSER_TEXT_LIMIT and b"<" not in head) or any(p.search(data) for p in _OVERLONG)


_BLOCK_TAGS = {"p", "head", "quote", "list", "item", "table", "row", "code", "div"}


def read(path: str, data: bytes) -> list[Document]:
    quiet_libraries()
    import trafilatura
    from trafilatura.utils import load_html

    if _overlong(data):
        # libxml2 stops parsing at such a value, so the rest of the page would be silently lost.
        raise ReadError(path, "the page holds a single run of more than 10 MB (embedded data?), more than "
                              "its HTML can be read with")
    tree = load_html(data)
    if tree is None:
        # trafilatura refuses a bare fragment ("<p>...</p>" saved on its own); give it a page.
        from desktop.core.ingest.readers.decoding import decode_text

        tree = load_html(f"<html><body>{decode_text(path, data)}</body></html>")
    if tree is None:
        raise ReadError(path, "not a readable web page: the HTML could not be parsed")
    depth, elements = tree_shape(tree)
    if depth >= PARSER_DEPTH_LIMIT:
        raise ReadError(path, f"the page's HTML is nested too deeply to read (over {PARSER_DEPTH_LIMIT} levels)")
    if elements > MAX_ELEMENTS:
        raise ReadError(path, f"the page has {elements:,} HTML elements, more than the {MAX_ELEMENTS:,} one article can hold")
    options = EXTRACT_OPTIONS
    if elements > LARGE_PAGE:
        options = {**EXTRACT_OPTIONS, **LARGE_PAGE_OPTIONS}
    links = link_texts(tree)  # before extraction, which prunes the tree
    result = trafilatura.bare_extraction(tree, **options)
    paragraphs: list[Paragraph] = []
    if result is not None and result.body is not None:
        paragraphs = [Paragraph(p.text, p.hint, True) if p.text in links else p for p in body_paragraphs(result.body)]
    if not paragraphs:
        # Not an article page (a list, a form, a very short note): keep its visible text.
        text = trafilatura.html2txt(tree) or ""
        paragraphs = [Paragraph(line) for line in (_clean(t) for t in text.split("\n")) if line]
    if not paragraphs:
        raise ReadError(path, "no article text found in the page")

    title = author = published = source = url = category = ""
    if result is not None:
        title = _clean(result.title)
        author = _clean(result.author)
        published = _clean(result.date)
        source = _clean(result.sitename) or _clean(result.hostname)
        url = _clean(result.url)
        category = _clean(", ".join(result.categories or []))
    at = headline_index(paragraphs, title) if title else None
    if at is not None:
        paragraphs[at] = Paragraph(paragraphs[at].text, BlockKind.TITLE.value)
    elif title:
        # trafilatura keeps the headline out of the body; the article text should show it.
        paragraphs.insert(0, Paragraph(title, BlockKind.TITLE.value))
    return [
        Document(
            path=path,
            format="html",
            paragraphs=tuple(paragraphs),
            title=title,
            author=author,
            published=published,
            source=source,
            url=url,
            category=category,
        )
    ]


# Lines above the headline are labels (a section, a kicker, a date); a longer paragraph
# means the article has begun and a later copy of the title is something else.
_ABOVE_HEADLINE_WORDS = 12


def headline_index(paragraphs: list[Paragraph], title: str) -> int | None:
    """Where the body repeats the headline, if it does so before the article begins."""
    want = _norm(title)
    for i, para in enumerate(paragraphs[:6]):
        if _norm(para.text) == want:
            return i
        if len(para.text.split()) > _ABOVE_HEADLINE_WORDS:
            return None
    return None


_STRING = etree.XPath("string()")  # an element's text, descendants' too, in one call into libxml2


def link_texts(tree: etree._Element) -> set[str]:
    """The text of every link on the page, cleaned as paragraphs are: a paragraph that is nothing
    but a link is a teaser for another page (trafilatura hands the text on without its links)."""
    return {_clean(text) for text in {_STRING(a) for a in tree.iter("a")}}


def tree_shape(tree: etree._Element) -> tuple[int, int]:
    """How many levels deep the parsed page goes, and how many elements it has (no recursion)."""
    depth = deepest = count = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            count += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest, count


def body_paragraphs(body: etree._Element) -> list[Paragraph]:
    """Paragraphs with hints from trafilatura's XML body (p, head, quote, list, table...)."""
    out: list[Paragraph] = []
    for br in body.iter("lb"):  # a line break inside a paragraph separates words
        br.text = " "
    if body.text and body.text.strip():
        out.append(Paragraph(_clean(body.text)))
    for child in body:
        _emit(child, "", out)
        if child.tail and child.tail.strip():
            out.append(Paragraph(_clean(child.tail)))
    return [p for p in out if p.text]


def _emit(el: etree._Element, hint: str, out: list[Paragraph]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "head":
        out.append(Paragraph(_text(el), BlockKind.HEADING.value))
    elif tag == "quote":
        if any(c.tag in _BLOCK_TAGS for c in el):
            _emit_children(el, BlockKind.QUOTE.value, out)
        else:
            out.append(Paragraph(_text(el), BlockKind.QUOTE.value))
    elif tag in ("list", "table") or (tag in ("item", "div") and any(c.tag in _BLOCK_TAGS for c in el)):
        _emit_children(el, hint, out)
    elif tag == "row":
        cells = [_text(c) for c in el]
        out.append(Paragraph(" | ".join(c for c in cells if c), hint))
    elif tag == "graphic":
        return
    elif tag == "code":
        out.append(Paragraph((el.xpath("string()") or "").strip("\n"), hint))
    elif tag == "p" and not hint and _is_bold_line(el):
        out.append(Paragraph(_text(el), BlockKind.HEADING.value))
    elif tag:
        out.append(Paragraph(_text(el), hint))


def _is_bold_line(el: etree._Element) -> bool:
    """A short paragraph set wholly in bold is a subheading on pages that have no <h2>."""
    children = list(el)
    if len(children) != 1 or (el.text or "").strip() or (children[0].tail or "").strip():
        return False
    only = children[0]
    if only.tag != "hi" or "b" not in (only.get("rend") or "").lstrip("#"):
        return False
    text = _text(el)
    return 0 < len(text) <= 120 and not text.endswith((".", ":", ",", ";"))


def _emit_children(el: etree._Element, hint: str, out: list[Paragraph]) -> None:
    if el.text and el.text.strip():
        out.append(Paragraph(_clean(el.text), hint))
    for child in el:
        _emit(child, hint, out)
        if child.tail and child.tail.strip():
            out.append(Paragraph(_clean(child.tail), hint))


def _text(el: etree._Element) -> str:
    return _clean("".join(el.itertext()))


def _clean(value: str | None) -> str:
    """One line of text as a reader sees it. Soft hyphens are hyphenation hints the browser
    hides (some sites put one in every long word), and decomposed accents ("u" + U+0308) are
    drawn like the composed letter: both would otherwise split words for the tokenizer and
    for search, so the text is handed on without the first and in composed (NFC) form."""
    text = " ".join((value or "").replace("\u00ad", "").split())
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())
