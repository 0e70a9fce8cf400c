"""extract() for German, French, Spanish, Italian and Portuguese articles: the same Extraction as for
English, from the rules of european_dates, european_figures, european_quotes and european_names.

The learned tagger (tagger.py) is trained on English news only, so it is not run here: in German
every noun has a capital and the tagger's English features read them as names."""

from __future__ import annotations

import re

from desktop.core.article import Article, Span
from desktop.core.entities.european_dates import find_dates
from desktop.core.entities.european_figures import find_figures
from desktop.core.entities.european_names import find_names
from desktop.core.entities.european_quotes import PRONOUNS, find_quotes
from desktop.core.entities.gazetteer import load_gazetteer
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
from desktop.core.entities.model import Entity, EntityType, Extraction, Quote


_NEAR = 48
# Words after which marks hold a name or a title, not words someone said: an article right before the mark
# ("der „Henning-Kaufmann-Stiftung …“"), or a noun that introduces a name.
_NAMING = re.compile(r"(?i:\b(?:der|die|das|den|dem|des|titel|thema|motto|keynote|buch|roman|film|blog|überschrift|"
                     r"namen|schlagzeile|intitulé|intitulée|titre|livre|ouvrage|revue|film|émission|titulado|titulada|"
                     r"libro|película|intitolato|intitolata|titolo|intitulado|livro))\W{0,3}$")
_DATIVE = re.compile(r"(?:\bder|\bdem|\bden|\bau|\bà|\bal|\bao)\s$")


def extract_european(article: Article, blocks, sentences: list[Span], lang: str, ref) -> Extraction:
    gaz = load_gazetteer()
    text = article.text
    raws = find_names(text, sentences, lang, gaz)
    date_hits, figure_hits = [], []
    # Paragraph by paragraph: the sentence splitter ends a sentence at "4." in "am Montag, 4. Dezember".
    for s in blocks:
        hits = find_dates(text, s.start, s.end, lang, ref)
        date_hits.extend(hits)
        taken = [(h.start, h.end) for h in hits] + [(r.start, r.end) for r in raws]
        figure_hits.extend(find_figures(text, s.start, s.end, lang, taken))
    entities: list[Entity] = []
    entities += group_people(by_type(raws, PERSON), [])
    entities += group_orgs(by_type(raws, ORG))
    entities += group_places(by_type(raws, PLACE), gaz)
    entities += group_dates(date_hits)
    entities += group_figures(figure_hits)
    entities.sort(key=lambda e: (e.mentions[0].start if e.mentions else 0))
    return Extraction(tuple(entities), tuple(_quotes(text, blocks, entities, lang)))


def _quotes(text: str, blocks, entities: list[Entity], lang: str) -> list[Quote]:
    speakers = sorted(((m.start, m.end, e) for e in entities if e.type in (EntityType.PERSON, EntityType.ORGANIZATION)
                       for m in e.mentions), key=lambda t: t[0])
    people = [t for t in speakers if t[2].type == EntityType.PERSON]
    pronouns = PRONOUNS[lang]
    out = []
    for b in blocks:
        for q in find_quotes(text, b.start, b.end, lang):
            speaker = None
            for stretch in (q.verb_after, q.verb_before):
                if stretch is None or speaker is not None:
                    continue
                a, z = stretch
                after = stretch is q.verb_after
                # The speaker is named next to the quote: ", sagte Vollmer", ", a déclaré la directrice
                # Claire Fontaine" (within _NEAR characters), not a name further on in the sentence
                # ("schreibt ein Anwalt ... im Auftrag von Keith"); a body after an article is whom the
                # words were said to ("sagte Allendorf der Frankfurter Allgemeinen").
                inside = [t for t in speakers if a <= t[0] and t[1] <= z and not (q.start <= t[0] < q.end)
                          and (t[0] - a <= _NEAR if after else z - t[1] <= _NEAR)
                          and not (after and t[2].type == EntityType.ORGANIZATION and _DATIVE.search(text, max(0, t[0] - 5), t[0]))]
                if inside:
                    # after the quote the nearest name speaks; before it, the last one
                    speaker = (inside[0] if after else inside[-1])[2]
                elif any(w in pronouns for w in text[a:z].lower().replace(",", " ").split()):
                    # "er sagte": the last person named before the quote in the same paragraph
                    before = [t for t in people if b.start <= t[0] and t[1] <= q.start - 1]
                    speaker = before[-1][2] if before else None
            if speaker is None and not _spoken(text, q):
                continue  # "à la mode", a title, a name in marks: a phrase set off, not words someone said
            out.append(Quote(q.text, q.start, q.end, speaker.name if speaker else "",
                             str(speaker.type) if speaker else ""))
    return out


def _spoken(text: str, q) -> bool:
    """Do words in marks with no speaker read as speech or writing quoted? A sentence of their own
    (ending in . ! ? inside the marks), a clause the sentence goes on from (", ..."), or long enough
    (eight words) not to be a title, a slogan or a name."""
    if q.words < 4:
        return False
    if _NAMING.search(text, max(0, q.start - 24), q.start):
        return False  # "unter dem Titel „…“", "in der „Verordnung über …“", "l'ouvrage intitulé « … »": a name
    if q.words >= 8 or q.text.rstrip()[-1:] in ".!?\u2026":
        return True
    k = q.end
    while k < len(text) and text[k] in " \u00a0\u202f":
        k += 1
    return text[k + 1:k + 2] in (",", ":") if k < len(text) else False
