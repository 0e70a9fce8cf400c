"""extract(): people, organisations, places, dates, figures and quotes in one article's body.

Names (names.py) are grouped into entities (grouping.py); people get whom they speak for
(affiliation.py); quotes get their speakers (attribution.py)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import replace
from operator import itemgetter

from desktop.core import regexes
from desktop.core.article import BODY_KINDS, Article, BlockKind, Span
from desktop.core.entities.affiliation import affiliations
from desktop.core.entities.attribution import attribute_quotes
from desktop.core.entities.dates import DATE_HINTS, Reference, find_dates
from desktop.core.entities.figures import find_figures
from desktop.core.entities.gazetteer import load_gazetteer
from desktop.core.entities.languages import EUROPEAN, article_language
from desktop.core.entities.grouping import (
    ORG,
    PERSON,
    PLACE,
    by_type,
    group_dates,
    group_figures,
    group_orgs,
    group_people,
    group_places,
)
from desktop.core.entities.model import Entity, EntityType, Extraction, Mention
from desktop.core.entities.names import Raw
from desktop.core.entities.tagged import find_names
from desktop.core.entities.tokens import Tok, from_index, tokenize
from desktop.core.ingest.text import split_sentences
from desktop.core.language import names_supported

CJK_LANGUAGES = frozenset({"zh", "ja"})  # read with cjk.py's date and figure forms

_AUX_KINDS = frozenset({BlockKind.TITLE, BlockKind.DEK, BlockKind.CAPTION})
# A word in lower case, not inside a word nor after a dot; the first letter is matched before the
# lookbehind, so that re scans for it in C (the same matches as `(?<![\w.])[a-z][a-z'-]*`).
_LOWER_RE = regexes.compile(r"[a-z](?<![\w.][a-z])[a-z'-]*")
_START, _TEXT_OF, _KIND_OF = itemgetter(0), itemgetter(2), itemgetter(3)


def extract(article: Article, *, include_boilerplate: bool = False, language: str | None = None) -> Extraction:
    """`language` (ISO 639-1) overrides the article's own. English is read by the rules and the
    learned tagger below; German, French, Spanish, Italian and Portuguese by european.py; any
    other language gives dates and figures only, and says so (`names_available` False)."""
    lang = article_language(article, language)
    text = article.text
    blocks = [b for b in article.blocks if include_boilerplate or b.kind in BODY_KINDS]
    sentences = _sentences(article, blocks)
    if lang in EUROPEAN:
        from desktop.core.entities.european import extract_european

        return replace(extract_european(article, blocks, sentences, lang, reference_day(article)), language=lang)
    if not names_supported(lang):
        return _dates_and_figures(article, sentences, lang)
    gaz = load_gazetteer()
    lower_words = set()
    for b in blocks:
        lower_words.update(_LOWER_RE.findall(text, b.start, b.end))
    sent_toks = sentence_tokens(article, sentences)
    raws = find_names(text, sent_toks, gaz, lower_words)
    _counterparts(raws)

    aux_raws: list[Raw] = []
    if not include_boilerplate:
        aux_blocks = [b for b in article.blocks if b.kind in _AUX_KINDS]
        if aux_blocks:
            aux_toks = sentence_tokens(article, _sentences(article, aux_blocks))
            aux_raws = [r for r in find_names(text, aux_toks, gaz, lower_words) if r.type == PERSON]

    ref = reference_day(article)
    date_hits = []
    figure_hits = []
    for s, toks in zip(sentences, sent_toks):
        # Most sentences name no date; a set lookup per token (in C) is cheaper than a regex of month names.
        hinted = "N" in map(_KIND_OF, toks) or not DATE_HINTS.isdisjoint(map(_TEXT_OF, toks))
        hits = find_dates(text, s.start, s.end, ref, toks) if hinted else []
        date_hits.extend(hits)
        figure_hits.extend(find_figures(text, s.start, s.end, [(h.start, h.end) for h in hits], toks))

    entities: list[Entity] = []
    entities += group_people(by_type(raws, PERSON), aux_raws)
    entities += group_orgs(by_type(raws, ORG))
    entities += group_places(by_type(raws, PLACE), gaz)
    entities += group_dates(date_hits)
    entities += group_figures(figure_hits)
    entities.sort(key=lambda e: (e.mentions[0].start if e.mentions else 0))
    affs = affiliations(text, entities, gaz)
    if affs:
        entities = [replace(e, affiliation=affs[e.name]) if e.type == EntityType.PERSON and e.name in affs else e
                    for e in entities]
    quotes, said_as = attribute_quotes(text, blocks, entities, gaz, affs)
    if said_as:
        entities = _with_speaker_words(entities, said_as)
    return Extraction(tuple(entities), tuple(quotes), language=lang)


def _dates_and_figures(article: Article, sentences: list[Span], lang: str) -> Extraction:
    """A language whose names are not read: dates and figures only, never guessed names (in
    Japanese, "App Storeおよび" had been a person), and `names_available` False so the sidebar and
    the report say so. Chinese and Japanese have their own date and figure forms (cjk.py)."""
    text = article.text
    ref = reference_day(article)
    cjk = lang in CJK_LANGUAGES
    if cjk:  # imported here: only Chinese and Japanese text needs its patterns compiled
        from desktop.core.entities.cjk import find_cjk_dates, find_cjk_figures
    date_hits, figure_hits = [], []
    for s, toks in zip(sentences, [()] * len(sentences) if cjk else sentence_tokens(article, sentences)):
        if cjk:
            hits = find_cjk_dates(text, s.start, s.end, ref)
            figures = find_cjk_figures(text, s.start, s.end, [(h.start, h.end) for h in hits])
        else:
            hits = find_dates(text, s.start, s.end, ref, toks)
            figures = find_figures(text, s.start, s.end, [(h.start, h.end) for h in hits], toks)
        date_hits.extend(hits)
        figure_hits.extend(figures)
    entities = group_dates(date_hits) + group_figures(figure_hits)
    entities.sort(key=lambda e: (e.mentions[0].start if e.mentions else 0))
    return Extraction(tuple(entities), (), language=lang, names_available=False)


def sentence_tokens(article: Article, sentences: list[Span]) -> list[list[Tok]]:
    """Each sentence's tokens for the rules, read off the article's own (its index: the text is
    tokenised once, tokens.from_index); an article kept without them (library/slim.py) is tokenised here."""
    text = article.text
    index = article.tokens
    if not index:
        return [tokenize(text, s.start, s.end) for s in sentences]
    out = []
    for s in sentences:
        lo = bisect_left(index, s.start, key=_START)
        out.append(from_index(text, index, lo, bisect_left(index, s.end, lo, key=_START), s.start, s.end))
    return out


def _with_speaker_words(entities: list[Entity], said_as: list[tuple[str, Mention]]) -> list[Entity]:
    """ "the mayor said", "KEEL:": the words that named a speaker are mentions of the person or body
    they were resolved to, so the reader sees them marked as that entity."""
    extra: dict[str, list[Mention]] = {}
    for name, mention in said_as:
        extra.setdefault(name, []).append(mention)
    out = []
    for e in entities:
        more = extra.get(e.name) if e.type in (EntityType.PERSON, EntityType.ORGANIZATION) else None
        if more:
            seen = {(m.start, m.end) for m in e.mentions}
            added = [m for m in more if (m.start, m.end) not in seen]
            e = replace(e, mentions=tuple(sorted((*e.mentions, *added), key=lambda m: m.start)))
        out.append(e)
    return out


def _sentences(article: Article, blocks) -> list[Span]:
    spans = []
    sents = article.sentences
    starts = [s.start for s in sents]
    for b in blocks:
        i = bisect_right(starts, b.start - 1)
        inside = []
        while i < len(sents) and sents[i].start < b.end:
            if sents[i].end <= b.end:
                inside.append(sents[i])
            i += 1
        spans.extend(inside or split_sentences(article.text, b.start, b.end))
    return spans


def reference_day(article: Article) -> Reference | None:
    """The day relative dates count from: the publication date, or none.

    Not the latest date the text names when none was published: that is most often an event's
    ("the attacks of Sept. 11, 2001"), and "Friday" counted from it is a day years off. When the
    text itself gives the article's date, `published.py` has already taken it."""
    if article.published is not None and article.published.value:
        try:
            day = dt.date.fromisoformat(article.published.value[:10])
            origin = f", {article.published.origin}" if article.published.origin else ""
            return Reference(day, f"the publication date {day.isoformat()}{origin}")
        except ValueError:
            pass
    return None


def _counterparts(raws: list[Raw]) -> None:
    """ "her Japanese counterpart, X": X holds the same office as the person before."""
    last_role = ""
    for r in raws:
        if r.type != PERSON:
            continue
        if r.role == "counterpart" and last_role:
            r.role = last_role
        elif r.role and r.role[0].isupper():
            last_role = r.role
