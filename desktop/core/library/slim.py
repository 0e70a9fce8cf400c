"""Slim articles for big folders: drop the token index while listed, rebuild it when one is shown.

Tokens are most of an article's memory (a small tuple per word); ten thousand listed
articles keep only text, blocks and metadata, and the index is rebuilt in a couple of
milliseconds, exactly as `build_article` made it, when an article is read or compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from desktop.core.article import Article
from desktop.core.ingest.text import TOKEN_PATTERN, is_word, normalize


def slim(article: Article) -> Article:
    return replace(article, tokens=(), sentences=(), sentence_token_starts=())


def is_slim(article: Article) -> bool:
    return not article.tokens and bool(article.text)


def full(article: Article) -> Article:
    """The article with its sentences and tokens (the same ones `build_article` computes)."""
    from desktop.core.ingest.build import with_index

    return with_index(article) if is_slim(article) else article


@dataclass(frozen=True, slots=True)
class Listed:
    """What a folder load keeps of an article, made in the worker process (`load_many(prepare=...)`)."""

    article: Article  # slim
    words: int
    profile: object  # desktop.core.library.related.Profile


_WORDS_PATTERN, _PUNCT = TOKEN_PATTERN.rsplit("|", 1)
assert _PUNCT == r"[^\w\s]"  # the tokenizer's last alternative: one mark, never a word in ASCII
# The tokenizer without its one-mark alternative: a mark never starts a word token, so
# these are exactly the tokenizer's letter-and-digit tokens.
_WORD_TOKEN_RE = re.compile(_WORDS_PATTERN)
_WIDE_MARK_RE = re.compile(r"[^\w\s\x00-\x7f]")  # a non-ASCII mark (one NFKC may make a word of: "℃")
# The same word tokens as they read ASCII text, where a letter is [A-Za-z] and a word character
# [A-Za-z0-9] and the kana and Han alternatives never match: plain classes sre tests by bitmap,
# against the Unicode categories of the general pattern, count an ASCII block in half the time
# (tests/test_lean_load.py checks both agree on random ASCII text).
_ASCII_WORD_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,12}+(?![A-Za-z0-9])"
    r"|[A-Za-z0-9]+(?:(?:'|[.,](?=\d)|(?<=\d):(?=\d)|-(?:[ \t]*\n[ \t]*)?)[A-Za-z0-9]+)*"
)


def word_count(article: Article) -> int:
    """`Article.word_count` without the tokens (a block's tokens never cross its edges: blocks
    are stripped and joined by blank lines), counted in C where the text allows."""
    if article.tokens:
        return article.word_count
    text = article.text
    count = 0
    for block in article.body_blocks:
        lo, hi = block.start, block.end
        if text[lo:hi].isascii():
            count += len(_ASCII_WORD_TOKEN_RE.findall(text, lo, hi))
            continue
        count += sum(1 for g in _WORD_TOKEN_RE.findall(text, lo, hi) if g.isascii() or is_word(normalize(g)))
        count += sum(1 for ch in _WIDE_MARK_RE.findall(text, lo, hi) if is_word(normalize(ch)))
    return count


def prepare_for_list(article: Article) -> Listed:
    from desktop.core.library.related import profile

    return Listed(slim(article), word_count(article), profile(article))
