"""extract(): people, organisations, places, dates, figures and quotes in one article's body."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from desktop.core.article import BODY_KINDS, Article, BlockKind, Span
from desktop.core.entities.affiliation import affiliations
from desktop.core.entities.dates import DATE_HINTS, Reference, find_dates, full_dates
from desktop.core.entities.figures import find_figures
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
from desktop.core.entities.lexicon import FEMALE, MALE, PRONOUNS, ROLE_NOUNS, TITLE_HEADS, TITLE_MODIFIERS
from desktop.core.entities.model import Entity, EntityType, Extraction, Quote
from desktop.core.entities.names import NameFinder, Raw
from desktop.core.entities.quotes import QuoteHit, find_quotes, sentence_bounds as _sentence_bounds
from desktop.core.entities.tokens import tokenize
from desktop.core.text import split_sentences

_AUX_KINDS = frozenset({BlockKind.TITLE, BlockKind.DEK, BlockKind.CAPTION})
_LOWER_RE = re.compile(r"(?<![\w.])[a-z][a-z'-]*")


def extract(article: Article, *, include_boilerplate: bool = False) -> Extraction:
    gaz = load_gazetteer()
    text = article.text
    blocks = [b for b in article.blocks if include_boilerplate or b.kind in BODY_KINDS]
    sentences = _sentences(article, blocks)
    lower_words = set()
    for b in blocks:
        lower_words.update(_LOWER_RE.findall(text, b.start, b.end))
    finder = NameFinder(text, gaz, lower_words)
    sent_toks = []
    for s in sentences:
        toks = tokenize(text, s.start, s.end)
        sent_toks.append(toks)
        finder.add_sentence(toks)
    raws = finder.finish()
    _counterparts(raws)

    aux_raws: list[Raw] = []
    if not include_boilerplate:
        aux_blocks = [b for b in article.blocks if b.kind in _AUX_KINDS]
        if aux_blocks:
            aux = NameFinder(text, gaz, lower_words)
            for s in _sentences(article, aux_blocks):
                aux.add_sentence(tokenize(text, s.start, s.end))
            aux_raws = [r for r in aux.finish() if r.type == PERSON]

    ref = reference_day(article)
    date_hits = []
    figure_hits = []
    for s, toks in zip(sentences, sent_toks):
        # Most sentences name no date; a set lookup per token is cheaper than a regex of month names.
        hinted = any(t.kind == "N" or t.text in DATE_HINTS for t in toks)
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
    quotes = _quotes(text, blocks, entities, gaz)
    quotes = [replace(q, speaker_for=_speaks_for(q, affs)) if q.speaker else q for q in quotes]
    return Extraction(tuple(entities), tuple(quotes))


_DETERMINERS = frozenset("the a an one another".split())


def _speaks_for(q: Quote, affs: dict[str, str]) -> str:
    if q.speaker_type == "person":
        return affs.get(q.speaker, "")
    first, _, rest = q.speaker.partition(" ")
    if not q.speaker_type and rest and first.lower() not in _DETERMINERS and q.speaker.split()[-1].lower() in ROLE_NOUNS:
        return q.speaker.rsplit(" ", 1)[0]  # "Google spokesperson" speaks for Google
    return ""


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
    """The day relative dates count from: the publication date, else the latest full date in the text."""
    if article.published is not None and article.published.value:
        try:
            day = dt.date.fromisoformat(article.published.value[:10])
            origin = f", {article.published.origin}" if article.published.origin else ""
            return Reference(day, f"the publication date {day.isoformat()}{origin}")
        except ValueError:
            pass
    found = full_dates(article.text)
    if not found:
        return None
    day, words = max(found)
    return Reference(day, f"{day.isoformat()}, the latest full date in the text (\u201c{words}\u201d), as the article has no publication date")


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


class _Pool:
    """Mentions of one type in text order, with the lookups attribution makes for every quote done
    in log time: an article of thousands of quotes must not cost their square."""

    def __init__(self, entities: list[Entity], typ: EntityType) -> None:
        self.rows = sorted(((m.start, m.end, e) for e in entities if e.type == typ for m in e.mentions),
                           key=lambda x: x[0])
        self.starts = [r[0] for r in self.rows]
        self.last_named: dict[str, str] = {}  # last word of a name -> the entity mentioned last with it
        self.heads: dict[str, tuple[list[int], list[str]]] = {}  # last word -> mention starts, names
        self.roles: dict[str, tuple[list[int], list[str]]] = {}  # last word of a role -> mention starts, names
        for s, _, e in self.rows:
            word = e.name.lower().split()[-1] if e.name else ""
            self.last_named[word] = e.name
            for table, key in ((self.heads, word), (self.roles, role_key(e.role.split()) if e.role else "")):
                if key:
                    starts, names = table.setdefault(key, ([], []))
                    starts.append(s)
                    names.append(e.name)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        k = bisect_left(self.starts, end) - 1
        out = []
        while k >= 0 and self.rows[k][0] > start - _LONGEST_MENTION:
            if self.rows[k][1] > start:
                out.append(self.rows[k])
            k -= 1
        return out[::-1]

    def last_ending_before(self, pos: int) -> Entity | None:
        k = bisect_left(self.starts, pos) - 1
        while k >= 0 and self.rows[k][1] > pos:
            k -= 1
        return self.rows[k][2] if k >= 0 else None

    def last_with_head_before(self, head: str, pos: int) -> str:
        return _last_before(self.heads.get(head), pos)

    def last_with_role_before(self, role: str, pos: int) -> str:
        return _last_before(self.roles.get(role), pos)


def _last_before(table: tuple[list[int], list[str]] | None, pos: int) -> str:
    if table is None:
        return ""
    starts, names = table
    k = bisect_left(starts, pos) - 1
    return names[k] if k >= 0 else ""


_LONGEST_MENTION = 300
# "Gov. Rick Perry" ... "the governor said"
def role_key(words: list[str]) -> str:
    """ "President" and "the president" share a key; "Vice President" has its own: the head title,
    with a rank word before it kept."""
    low = [_TITLE_WORDS.get(w.lower().rstrip("."), w.lower().rstrip(".")) for w in words]
    if not low:
        return ""
    if len(low) > 1 and low[-2] in _RANKS:
        return f"{low[-2]} {low[-1]}"
    return low[-1]


_RANKS = frozenset("vice deputy assistant associate lieutenant under acting".split())
_TITLE_WORDS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                "pres": "president", "sec": "secretary", "supt": "superintendent", "insp": "inspector"}


def _quotes(text: str, blocks, entities: list[Entity], gaz) -> list[Quote]:
    people = _Pool(entities, EntityType.PERSON)
    orgs = _Pool(entities, EntityType.ORGANIZATION)
    genders = _Genders(gaz)
    out: list[Quote] = []
    prev_speaker: tuple[str, str] = ("", "")
    prev_open = False
    for b in blocks:
        first = len(out)
        marks = text.find('"', b.start, b.end) >= 0 or text.find("\u201c", b.start, b.end) >= 0
        hits = find_quotes(text, b.start, b.end) if marks else []
        for i, h in enumerate(hits):
            speaker = _resolve(h, people, orgs, b.start, text, out, genders)
            if not speaker[0] and i == 0 and (prev_open or _starts_with_quote(text, b.start)) and prev_speaker[0]:
                speaker = prev_speaker  # a quote that runs on from the paragraph before
            out.append(Quote(h.text, h.start, h.end, speaker[0], speaker[1]))
        # Unattributed quotes in a paragraph take the speaker found for another quote there.
        para = out[first:]
        donor = next((q for q in para if q.speaker), None)
        if donor is not None:
            for k in range(len(out) - len(para), len(out)):
                if not out[k].speaker:
                    out[k] = Quote(out[k].text, out[k].start, out[k].end, donor.speaker, donor.speaker_type)
        if para and prev_open and prev_speaker == ("", "") and out[-len(para) - 1 :][0].speaker == "" and para[0].speaker:
            k = len(out) - len(para) - 1  # a quote that ran on into this paragraph takes its speaker
            out[k] = Quote(out[k].text, out[k].start, out[k].end, para[0].speaker, para[0].speaker_type)
        if para:
            prev_speaker = (para[-1].speaker, para[-1].speaker_type)
            prev_open = hits[-1].open_end if hits else False
        elif hits == []:
            prev_open = False
    return out


def _starts_with_quote(text: str, start: int) -> bool:
    return text[start : start + 1] in ("\u201c", '"')


def _resolve(h: QuoteHit, people: _Pool, orgs: _Pool, para_start: int, text: str = "",
             done: list[Quote] | None = None, genders: _Genders | None = None) -> tuple[str, str]:
    if h.s_start < 0:
        return "", ""
    words = h.speaker.rstrip(".,").split()
    low = words[0].lower() if words else ""
    nominal = low in ("the", "a", "an", "one", "another")
    for pool, typ in ((people, "person"), (orgs, "organization")):
        over = pool.overlapping(h.s_start, h.s_end)
        # The head: the first person ("Rev. John Paul Hopping of Our Lady of Guadalupe"), the organisation
        # that ends last ("House Democrats" is the party, not the House).
        hit = (over[0] if typ == "person" else max(over, key=lambda x: x[1])) if over else None
        if hit is not None:
            if nominal and typ == "person" and _modifier(text, hit[1]):
                return " ".join(words[1:]), "organization"  # "the Obama campaign said"
            return hit[2].name, typ
    if h.how == "subject":  # a guess from sentence shape: only a person or organisation named in the text
        return "", ""
    if low == "it":  # "it said": the organisation named last, or nobody
        org = orgs.last_ending_before(h.s_start)
        return (org.name, "organization") if org is not None else ("", "")
    if low in PRONOUNS:
        return _antecedent(h, people.rows, para_start, text, done or [], genders or _Genders(load_gazetteer()), PRONOUNS[low])
    if nominal:
        last = words[-1].lower()
        named = orgs.last_with_head_before(last, h.s_start)
        if named:
            return named, "organization"  # "the ministry said" after "the Foreign Ministry"
        named = people.last_with_role_before(role_key(words[1:]), h.s_start)
        if named and len(words) <= 3:
            return named, "person"  # "the president said" after "President Barack Obama"
        owner = _owner(text, h.s_start, last, orgs.rows)
        if owner:  # "A spokesperson for Google says ... “...,” the spokesperson said"
            return f"{owner} {last}", ""
        return h.speaker.rstrip(".,"), ""
    surname = words[-1].lower() if words else ""
    if surname in people.last_named:
        return people.last_named[surname], "person"
    return h.speaker.rstrip(".,"), ""


def _owner(text: str, pos: int, head: str, orgs) -> str:
    """The organisation an earlier "a spokesperson for Google" or "a Microsoft spokesperson" names,
    nearest first, within the last few paragraphs."""
    k = bisect_left(orgs, pos, key=lambda x: x[0]) - 1
    while k >= 0 and orgs[k][0] > pos - 1500:
        s, e, ent = orgs[k]
        if text.startswith(" " + head, e) or re.search(
                r"\b" + re.escape(head) + r"\s(?:for|of|at|from)\s(?:the\s)?$", text[max(0, s - 40) : s], re.I):
            return ent.name
        k -= 1
    return ""


def _antecedent(h: QuoteHit, people, para_start: int, text: str, done: list[Quote], genders: _Genders,
                want: str) -> tuple[str, str]:
    """ "he said": the subject of the latest sentence that names a person of that gender (the first
    person named in it, as a subject comes first), outside quotes and not used as a modifier. A
    name after a verb or preposition ("met Governor Thomas Price") is taken only when no subject
    of that gender is near."""
    floor = para_start - 2000
    for objects in (False, True):
        def fits(x) -> bool:
            return x[1] <= h.s_start and (not want or genders.of(x[2]) in ("", want)) \
                and not _modifier(text, x[1]) and not _inside_quote(done, x[0]) and (objects or not _object(text, x[0]))

        k = bisect_left(people, h.s_start, key=lambda x: x[0]) - 1
        while k >= 0 and people[k][0] >= floor and not fits(people[k]):
            k -= 1
        if k < 0 or people[k][0] < floor:
            continue
        best = people[k]
        s_start, _ = _sentence_bounds(text, max(0, best[0] - 400), best[1], best[0])
        for x in reversed(people[max(0, k - 12) : k]):  # earlier people in that sentence
            if x[0] < s_start:
                break
            if fits(x):
                best = x
        return best[2].name, "person"
    for q in reversed(done):
        if q.end < para_start - 600:
            break
        if q.speaker_type == "person":
            return q.speaker, "person"
    return "", ""


class _Genders:
    """Each person's gender, worked out only for those a pronoun may refer to."""

    def __init__(self, gaz):
        self.gaz = gaz
        self.seen: dict[int, str] = {}

    def of(self, e: Entity) -> str:
        g = self.seen.get(id(e))
        if g is None:
            g = self.seen[id(e)] = _gender(e, self.gaz)
        return g


def _gender(e: Entity, gaz) -> str:
    """ "m" or "f" from a courtesy title, a gendered role or a given name the census is clear about."""
    for m in e.mentions:
        first = m.text.split()[0].lower()
        if first in FEMALE:
            return "f"
        if first in MALE:
            return "m"
    role = e.role.lower().split()
    if any(w in FEMALE for w in role):
        return "f"
    if any(w in MALE for w in role):
        return "m"
    return gaz.given_gender.get(e.name.split()[0], "")


def _modifier(text: str, end: int) -> bool:
    """ "Obama's", "the Obama administration": a name used as a modifier is not the one speaking."""
    after = text[end : end + 16]
    return after.startswith(("'s", "\u2019s")) or bool(re.match(r"\s(?:administration|campaign|era|government|White House)\b", after))


_WORDS_BEFORE = re.compile(r"((?:[\w.'\u2019-]+[ \t]+){1,4})$")
# Lower-case words after which a name can still be a subject: "and Trump said", "when Obama spoke".
_SUBJECT_OPENERS = frozenset("""and but or nor while when as because since although though after before until if
    so then also where once""".split())


def _object(text: str, start: int) -> bool:
    """ "Of Obama, he said", "He said Obama doesn't", "said Governor Tom Ebert has": a name right
    after a preposition or a verb (titles aside) is an object, not the one a following "he" names.
    A conjunction, punctuation or the start of a sentence before it leaves it a subject."""
    m = _WORDS_BEFORE.search(text, max(0, start - 48), start)
    if m is None:
        return False
    words = m.group(1).split()
    while words and (words[-1].lower() in TITLE_HEADS or words[-1].lower() in TITLE_MODIFIERS
                     or words[-1].lower() in ROLE_NOUNS or words[-1].lower() in ("the", "a", "an", "his", "her")):
        words.pop()  # "Governor", "the Foreign Minister", "spokesman"
    if not words:
        return False
    word = words[-1]
    low = word.lower()
    if not word.isalpha():
        return False  # "Brennan," or a closing quote mark: a new clause
    if word[0].isupper() and low not in ("of", "to", "with", "about", "for"):
        return False  # a sentence start, another name
    return low not in _SUBJECT_OPENERS


def _inside_quote(quotes: list[Quote], pos: int) -> bool:
    k = bisect_right(quotes, pos, key=lambda q: q.start) - 1  # quotes come in text order, never nested
    return k >= 0 and quotes[k].start <= pos < quotes[k].end
