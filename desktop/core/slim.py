"""Slim articles for big folders: drop the token index while listed, rebuild it when one is shown.

Tokens are most of an article's memory (a small tuple per word); ten thousand listed
articles keep only text, blocks and metadata, and the index is rebuilt in a couple of
milliseconds, exactly as `build_article` made it, when an article is read or compared.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.core.article import Article, Span
from desktop.core.text import split_sentences, tokenize


def slim(article: Article) -> Article:
    return replace(article, tokens=(), sentences=(), sentence_token_starts=())


def is_slim(article: Article) -> bool:
    return not article.tokens and bool(article.text)


def full(article: Article) -> Article:
    """The article with its sentences and tokens (the same ones `build_article` computes)."""
    if not is_slim(article):
        return article
    text = article.text
    sentences: list[Span] = []
    for block in article.blocks:
        sentences.extend(split_sentences(text, block.start, block.end))
    tokens = tokenize(text)
    starts: list[int] = []
    ti = 0
    for sent in sentences:
        while ti < len(tokens) and tokens[ti].start < sent.start:
            ti += 1
        starts.append(ti)
    starts.append(len(tokens))
    return replace(article, sentences=tuple(sentences), tokens=tuple(tokens), sentence_token_starts=tuple(starts))


@dataclass(frozen=True, slots=True)
class Listed:
    """What a folder load keeps of an article, made in the worker process (`load_many(prepare=...)`)."""

    article: Article  # slim
    words: int
    profile: object  # desktop.core.related.Profile


def prepare_for_list(article: Article) -> Listed:
    from desktop.core.related import profile

    return Listed(slim(article), article.word_count, profile(article))
