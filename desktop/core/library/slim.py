"""Slim articles for big folders: drop the token index while listed, rebuild it when one is shown.

Tokens are most of an article's memory (a small tuple per word); ten thousand listed
articles keep only text, blocks and metadata, and the index is rebuilt in a couple of
milliseconds, exactly as `build_article` made it, when an article is read or compared.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.core import regexes
from desktop.core.article import Article
from desktop.core.ingest.text import NOT_PLAIN_RE, TOKEN_PATTERN, is_word, normalize


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
# these are exactly the tokenizer's letter-and-digit tokens. All three patterns come from the
# stored programs (core/regexes.py): compiled afresh they cost every `diptych extract` 6-7 ms.
_WORD_TOKEN_RE = regexes.compile(_WORDS_PATTERN)
_WIDE_MARK_RE = regexes.compile(r"[^\w\s\x00-\x7f]")  # a non-ASCII mark (one NFKC may make a word of: "℃")
# The same word tokens as they read plain text (text.py's PLAIN_MARKS says what that is), where a letter is [A-Za-z] and a word character
# [A-Za-z0-9] and the kana and Han alternatives never match: plain classes sre tests by bitmap,
# against the Unicode categories of the general pattern. Written, as text.py's tokenizer is, to
# open on one class (sre skips to the next letter or digit in C, where two alternatives were
# tried at every character), then with the dotted alternative checking its dot first; runs are
# possessive, which changes no match (what follows a run of letters is never a letter).
# Counts a block in a third of the time of the plain alternation, and under half the general
# pattern's (tests/test_lean_load.py checks they agree on random text).
_PLAIN_WORD_TOKEN_RE = regexes.compile(
    r"[A-Za-z0-9](?:\.(?<=[A-Za-z]\.)(?:[A-Za-z]\.){1,11}+(?![A-Za-z0-9])"
    r"|[A-Za-z0-9]*+(?:(?:['\u2019]|[.,](?=[0-9])|(?<=[0-9]):(?=[0-9])|[-\u2010\u2011](?:[ \t]*\n[ \t]*)?)[A-Za-z0-9]++)*+)"
)


def word_count(article: Article) -> int:
    """`Article.word_count` without the tokens (a block's tokens never cross its edges: blocks
    are stripped and joined by blank lines), counted in C where the text allows."""
    if article.tokens:
        return article.word_count
    text = article.text
    plain = text.isascii() or NOT_PLAIN_RE.search(text) is None  # then every block is: asked once
    count = 0
    for block in article.body_blocks:
        lo, hi = block.start, block.end
        if plain or NOT_PLAIN_RE.search(text, lo, hi) is None:
            count += len(_PLAIN_WORD_TOKEN_RE.findall(text, lo, hi))
            continue
        count += sum(1 for g in _WORD_TOKEN_RE.findall(text, lo, hi) if g.isascii() or is_word(normalize(g)))
        count += sum(1 for ch in _WIDE_MARK_RE.findall(text, lo, hi) if is_word(normalize(ch)))
    return count


def prepare_for_list(article: Article) -> Listed:
    from desktop.core.library.related import profile

    return Listed(slim(article), word_count(article), profile(article))
