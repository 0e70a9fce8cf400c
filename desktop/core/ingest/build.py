"""Turn a reader's Document into an indexed Article: join paragraphs, mark blocks, split.

Cleaning (which paragraph is a title, a caption, boilerplate) is decided by
`desktop.core.ingest.clean.classify`; this module only assembles the result.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import replace

from desktop.core.article import Article, Block, Document, Paragraph
from desktop.core.ingest.controls import one_line, printable
from desktop.core.ingest.text import split_sentences, tokenize

PARAGRAPH_SEPARATOR = "\n\n"
_METADATA = ("title", "author", "published", "source", "url", "category")


def build_article(doc: Document, *, index: bool = True) -> Article:
    """`index=False` leaves out sentences and tokens (the slim form, `desktop.core.library.slim`):
    a folder load lists ten thousand articles and rebuilds the index only for those shown."""
    from desktop.core.ingest.clean import clean  # the cleaning rules
    from desktop.core.ingest.published import find_published

    # No reader's output carries NUL or other C0 controls on (a JSON "\u0000", a PDF's odd font):
    # replaced one for one here, so no view, report or JSON ever does.
    paragraphs = [Paragraph(printable(p.text), p.hint, p.link) for p in doc.paragraphs if p.text.strip()]
    doc = replace(doc, **{f: one_line(getattr(doc, f)) for f in _METADATA if isinstance(getattr(doc, f), str)})
    cleaning = clean(doc, paragraphs)
    kinds = cleaning.kinds
    text_parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for para, (kind, reason) in zip(paragraphs, kinds):
        body = para.text.strip()
        if text_parts:
            offset += len(PARAGRAPH_SEPARATOR)
        blocks.append(Block(kind, offset, offset + len(body), reason))
        text_parts.append(body)
        offset += len(body)
    text = PARAGRAPH_SEPARATOR.join(text_parts)

    # The headline as printed beats a <title> that often carries the site's name too.
    title = cleaning.title or doc.title
    category = doc.category or cleaning.category
    art_id = hashlib.sha256(f"{doc.path}\0{doc.sha256 or text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    draft = Article(
        id=art_id,
        path=doc.path,
        format=doc.format,
        text=text,
        blocks=tuple(blocks),
        sentences=(),
        tokens=(),
        title=" ".join(title.split()),
        source=doc.source,
        author=doc.author or cleaning.author,
        category=category,
        url=doc.url,
        sha256=doc.sha256,
    )
    draft = replace(draft, language=_language(draft))
    if index:
        draft = with_index(draft)
    published = find_published(draft, doc.published)
    return draft if published is None else replace(draft, published=published)


def _language(article: Article) -> str | None:
    """Detected from the start of the body; from all the text when the body is too short to tell."""
    from desktop.core.language import SAMPLE_CHARS, detect

    parts, size = [], 0
    for b in article.body_blocks:
        parts.append(article.text[b.start : min(b.end, b.start + SAMPLE_CHARS)])
        size += len(parts[-1])
        if size >= SAMPLE_CHARS:
            break
    return detect("\n".join(parts)) or detect(article.text[: 2 * SAMPLE_CHARS])


def with_index(article: Article) -> Article:
    """The article with its sentences (inside blocks), tokens, and each sentence's first token."""
    text = article.text
    sentences = [s for block in article.blocks for s in split_sentences(text, block.start, block.end)]
    tokens = tokenize(text)
    # Each sentence's first token, by bisection (a token sorts after the 1-tuple of its start):
    # a walk over every token cost a tenth of indexing. Tokens are at least a character long, so
    # the next sentence's first token lies within as many tokens as characters it starts further on.
    starts: list[int] = []
    ti = 0
    at = 0  # where the sentence whose first token is ti starts
    for sent in sentences:
        ti = bisect_left(tokens, (sent.start,), ti, min(len(tokens), ti + sent.start - at + 1))
        at = sent.start
        starts.append(ti)
    starts.append(len(tokens))
    return replace(article, sentences=tuple(sentences), tokens=tuple(tokens), sentence_token_starts=tuple(starts))


def with_sentences(article: Article) -> Article:
    """The article with its sentences and no tokens: what `diptych extract` prints (the word count
    then comes from `desktop.core.library.slim.word_count`, without the tokens)."""
    text = article.text
    sentences = [s for block in article.blocks for s in split_sentences(text, block.start, block.end)]
    return replace(article, sentences=tuple(sentences), tokens=(), sentence_token_starts=())


def article_from_text(text: str, *, path: str = "<text>", title: str = "", fmt: str = "txt") -> Article:
    """An article from plain text (paragraphs separated by blank lines): pasted text, tests."""
    paragraphs = tuple(Paragraph(p) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip())
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return build_article(Document(path=path, format=fmt, paragraphs=paragraphs, title=title, sha256=digest))
