"""Scraper output in JSON: one article object, a list of them, or a list under `articles`."""

from __future__ import annotations

import html as html_entities
import json
import re
from collections.abc import Iterable

from desktop.core.article import BlockKind, Document, Paragraph
from desktop.core.errors import ReadError
from desktop.core.ingest.readers.decoding import decode_text
from desktop.core.ingest.readers.txt import split_paragraphs

# Field names seen in scrapers' output (news-please, newspaper, BASIL, NewsAPI, schema.org).
BODY_KEYS = ("body-paragraphs", "body_paragraphs", "paragraphs", "text", "body", "content",
             "articleBody", "article_body", "maintext", "full_text", "fulltext", "story")
TITLE_KEYS = ("title", "headline", "title_page")
DEK_KEYS = ("description", "dek", "subtitle", "summary", "alternativeHeadline")
DATE_KEYS = ("date", "publish_date", "published", "date_publish", "datePublished", "pubDate",
             "published_at", "publishedAt", "publication_date", "date_published", "created_at")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")
URL_KEYS = ("url", "link", "canonical_url", "source_url")
SOURCE_KEYS = ("source", "source_domain", "site_name", "sitename", "publisher", "outlet", "domain")
CATEGORY_KEYS = ("category", "section", "categories")
# Every article is cleaned and indexed; a dump of a whole site is not something to compare.
MAX_ARTICLES = 1000
CONTAINER_KEYS = ("articles", "items", "data", "results", "documents", "posts", "entries", "stories")

# [^<>] rather than [^>]: a scan stops at the next tag, so unclosed tags cost linear time.
_BLOCK_TAG = re.compile(r"<\s*(?:/?(?:p|div|h[1-6]|li|blockquote|tr|section|article|figcaption)\b[^<>]*|br\s*/?)>", re.I)
_ANY_TAG = re.compile(r"<[^<>]+>")


def read(path: str, data: bytes) -> list[Document]:
    text = decode_text(path, data)
    value = parse(path, text)
    records = _records(value)
    if len(records) > MAX_ARTICLES:
        raise ReadError(path, f"holds {len(records):,} articles, more than the {MAX_ARTICLES:,} Diptych opens from one file")
    docs = [doc for doc in (_document(path, r) for r in records) if doc.paragraphs]
    if not docs:
        raise ReadError(path, "JSON without article text (expected a field such as text, body or content)")
    return docs


def parse(path: str, text: str):
    try:
        return json.loads(text)
    except RecursionError:
        raise ReadError(path, "JSON nested too deeply to read") from None
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (line {line})" if line else ""
        raise ReadError(path, f"not valid JSON{where}") from None


def _records(value) -> list[dict]:
    if isinstance(value, dict):
        for key in CONTAINER_KEYS:
            inner = value.get(key)
            if isinstance(inner, list) and any(_is_article(x) for x in inner) and not _is_article(value):
                return [x for x in inner if _is_article(x)]
        return [value] if _is_article(value) else []
    if isinstance(value, list):
        articles = [x for x in value if _is_article(x)]
        if articles:
            return articles
        if value and all(isinstance(x, str) for x in value):
            return [{"paragraphs": value}]  # a bare list of paragraphs
    return []


def _is_article(value) -> bool:
    return isinstance(value, dict) and any(_first(value, (key,)) is not None for key in BODY_KEYS)


def _document(path: str, record: dict) -> Document:
    paragraphs: list[Paragraph] = []
    title = _flat(_first(record, TITLE_KEYS))
    if title:
        paragraphs.append(Paragraph(title, BlockKind.TITLE.value))
    dek = _flat(_first(record, DEK_KEYS))
    body = list(_body(_first(record, BODY_KEYS)))
    if dek and (not body or _norm(dek) not in _norm(body[0])):
        paragraphs.append(Paragraph(dek, BlockKind.DEK.value))
    paragraphs.extend(Paragraph(p) for p in body)
    return Document(
        path=path,
        format="json",
        paragraphs=tuple(paragraphs),
        title=title,
        author=_names(_first(record, AUTHOR_KEYS)),
        published=_flat(_first(record, DATE_KEYS)),
        source=_names(_first(record, SOURCE_KEYS)),
        url=_flat(_first(record, URL_KEYS)),
        category=_names(_first(record, CATEGORY_KEYS)),
    )


def _first(record: dict, keys: Iterable[str]):
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _body(value) -> Iterable[str]:
    """Paragraph texts from a body field: a string, a list of paragraphs, or a list of
    sentence lists (BASIL keeps each paragraph as a list of sentences)."""
    if isinstance(value, str):
        yield from _string_paragraphs(value)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                yield from _string_paragraphs(item)
            elif isinstance(item, list):
                joined = " ".join(_flat(x) for x in item if _flat(x))
                if joined:
                    yield joined
            elif isinstance(item, dict):
                text = _flat(_first(item, ("text", "content", "body")))
                if text:
                    yield text
    elif isinstance(value, dict):
        yield from _body(_first(value, ("text", "content", "body", "paragraphs")))


def _string_paragraphs(text: str) -> list[str]:
    if _BLOCK_TAG.search(text):
        # Some scrapers keep the article's HTML: block tags are paragraph breaks.
        parts = (_ANY_TAG.sub("", part) for part in _BLOCK_TAG.split(text))
        return [" ".join(html_entities.unescape(p).split()) for p in parts if p.strip()]
    return split_paragraphs(text.replace("\r\n", "\n"))


def _flat(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return " ".join(str(value).split())
    if isinstance(value, dict):
        return _flat(_first(value, ("name", "title", "text", "value", "@value")))
    if isinstance(value, list):
        return " ".join(_flat(x) for x in value if _flat(x))
    return ""


def _names(value) -> str:
    """Authors, sources or categories as one line: a string, or names joined with commas."""
    if isinstance(value, list):
        return ", ".join(n for n in (_flat(x) for x in value) if n)
    return _flat(value)


def _norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())
