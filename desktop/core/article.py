"""The values that describe one article: what a reader found, and the cleaned, indexed result.

Every later layer (comparison, entities, views, reports) works from `Article`. Spans are
character offsets into `Article.text`; nothing downstream edits that text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from operator import itemgetter
from typing import NamedTuple


class BlockKind(StrEnum):
    TITLE = "title"
    DEK = "dek"
    BYLINE = "byline"
    DATELINE = "dateline"
    BODY = "body"
    HEADING = "heading"
    QUOTE = "quote"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"


# The blocks that make up the article proper: what is compared and what the entity
# extractor reads by default (titles, captions and boilerplate are set aside).
BODY_KINDS = frozenset({BlockKind.BODY, BlockKind.HEADING, BlockKind.QUOTE, BlockKind.DATELINE})


class Span(NamedTuple):
    start: int
    end: int


class Token(NamedTuple):
    """A word (or a run of punctuation) with its comparison form.

    `norm` is the NFKC form with quotes, dashes and spaces unified; case is kept so that
    options can decide whether case counts. The shown text is always `text[start:end]`.
    """

    start: int
    end: int
    norm: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph as a reader found it, with a hint from the file's own structure.

    `hint` is a BlockKind value when the format said what the paragraph is (an HTML
    heading, a blockquote, a figure caption, a docx Title style), else "". `link` says
    that the whole paragraph is the text of a link on the page (a web page's teasers).
    """

    text: str
    hint: str = ""
    link: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """What a reader got out of one file, before cleaning. Metadata is as found."""

    path: str
    format: str  # txt, md, html, docx, pdf, json
    paragraphs: tuple[Paragraph, ...]
    title: str = ""
    author: str = ""
    published: str = ""  # raw string from the file's metadata, parsed later
    source: str = ""  # site or outlet name
    url: str = ""
    category: str = ""
    sha256: str = ""  # of the file's bytes


@dataclass(frozen=True, slots=True)
class Block:
    """A run of an article's text, as cleaning classed it (body, title, caption, boilerplate...)."""

    kind: BlockKind
    start: int
    end: int
    reason: str = ""  # for boilerplate: why it was set aside, in a reader's words

    def __reduce__(self):
        # Pickled as a call to the class (the reading worker sends every block of an article):
        # the state functions dataclasses writes for frozen slotted classes run in Python, and
        # pickling and unpickling the blocks of a 100k-word pair took 34 ms with them, 9 ms so.
        return Block, (self.kind, self.start, self.end, self.reason)


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date and where it came from (metadata, dateline, text, file)."""

    value: str  # ISO 8601: a date ("2023-02-27") or a date and time
    precision: str  # "day", "month", "year" or "time"
    origin: str


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article: its text, blocks, metadata and (unless kept slim) its sentence and token index."""

    id: str  # stable for the same file content and path
    path: str
    format: str
    text: str
    blocks: tuple[Block, ...]
    sentences: tuple[Span, ...]  # in text order, inside blocks
    tokens: tuple[Token, ...]  # words and punctuation, in text order
    title: str = ""
    source: str = ""
    author: str = ""
    category: str = ""
    url: str = ""
    published: Published | None = None
    sha256: str = ""
    # ISO 639-1 code detected from the cleaned body (desktop/core/language.py), or the reader's
    # override: dataclasses.replace(article, language="ja"). None: too short to tell.
    language: str | None = None
    # Index of the first token of each sentence, parallel to `sentences`, plus len(tokens).
    sentence_token_starts: tuple[int, ...] = field(default=(), repr=False)

    def block_at(self, offset: int) -> Block | None:
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None

    def is_body(self, offset: int) -> bool:
        block = self.block_at(offset)
        return block is not None and block.kind in BODY_KINDS

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind in BODY_KINDS)

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.text[b.start : b.end] for b in self.body_blocks)

    @property
    def word_count(self) -> int:
        """Words in the body (tokens with a letter or digit: a Han or hiragana character is one,
        a katakana run one, as word processors count Chinese and Japanese)."""
        # Each distinct form judged once, and the words counted in C rather than by a Python loop
        # over every token of the article.
        norms = list(map(_NORM, self.tokens))
        is_word = {n: _is_word(n) for n in set(norms)}.__getitem__
        return self.body_words(lambda lo, hi: sum(map(is_word, norms[lo:hi])))

    def body_words(self, words_in: Callable[[int, int], int]) -> int:
        """`word_count`, given `words_in(lo, hi)`: how many of tokens lo..hi-1 are words. The aligner
        answers from the word flags it keeps per token, without judging every form again."""
        tokens, text = self.tokens, self.text
        # With only spaces between blocks (as `build_article` joins them) every token starts inside
        # one: the body's words are then all the words less the other blocks' (a few), counted
        # without the per-block bisections that cost as much again. Else block by block.
        end = 0
        for b in self.blocks:
            if b.start < end or b.start > end and not text[end : b.start].isspace():
                break
            end = b.end
        else:
            if end >= len(text) or text[end:].isspace():
                total = words_in(0, len(tokens))
                for b in self.blocks:
                    if b.kind not in BODY_KINDS:
                        lo = bisect_left(tokens, b.start, key=_START)
                        total -= words_in(lo, bisect_left(tokens, b.end, lo, key=_START))
                return total
        total = 0
        for b in self.body_blocks:
            lo = bisect_left(tokens, b.start, key=_START)
            total += words_in(lo, bisect_left(tokens, b.end, lo, key=_START))
        return total

    @property
    def display_title(self) -> str:
        return self.title or self.path.rsplit("/", 1)[-1] or "Untitled"


_START = itemgetter(0)
_NORM = itemgetter(2)


def _is_word(norm: str) -> bool:
    # Nearly every word starts with a letter or digit: the generator runs only for the rest.
    return norm[:1].isalnum() or any(ch.isalnum() for ch in norm)


def block_json(block: Block) -> dict:
    out = {"kind": str(block.kind), "start": block.start, "end": block.end}
    if block.reason:
        out["reason"] = block.reason
    return out


def article_json(article: Article, words: int | None = None) -> dict:
    """The `diptych extract --json` object for one article (documented in the README); `words`
    stands in for `article.word_count` when the caller counted them without the tokens."""
    return {
        **article_meta_json(article, words),
        "text": article.text,
        "blocks": [block_json(b) for b in article.blocks],
        "sentences": [[s.start, s.end] for s in article.sentences],
    }


def article_meta_json(article: Article, words: int | None = None) -> dict:
    """An article's metadata as `diptych compare --json` gives it: `extract --json` without the text."""
    from desktop.core.language import names_supported

    return {
        "path": article.path,
        "format": article.format,
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "published": article.published.value if article.published else None,
        "published_from": article.published.origin if article.published else None,
        "category": article.category,
        "url": article.url,
        "sha256": article.sha256,
        "word_count": article.word_count if words is None else words,
        "language": article.language,
        "names_available": names_supported(article.language),
    }
