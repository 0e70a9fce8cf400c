"""Names from the tagger, turned into the mentions extraction reads: the rules that correct it, then each name's fields.

The tagger (tagger.py) decides spans and types, with the hand rules (names.py) among its features.
A few things it cannot learn from CoNLL, or learns the Reuters way, are settled after it by the
small rules of `_RULES`, in order, each with a test in tests/test_entities_tagged.py. The title,
nationality, owner and party of each name come from the rules where they found the same name.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from operator import itemgetter

from desktop.core import regexes
from desktop.core.entities import lexicon as lx
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.names import ORG, PERSON, PLACE, NameFinder, Raw
from desktop.core.entities.tagger import load_tagger
from desktop.core.entities.tokens import Tok

_TAG_TYPES = {"PER": PERSON, "LOC": PLACE, "ORG": ORG, "MISC": ""}
_SHORT = {PERSON: "PER", PLACE: "LOC", ORG: "ORG", "": "U"}


class RuleNames:
    """The hand rules' names of a document, looked up by span and by position."""

    def __init__(self, found: list[Raw]):
        self.by_span = {(r.start, r.end): r for r in found}
        self.sorted = sorted(found, key=lambda r: r.start)
        self.starts = [r.start for r in self.sorted]
        # the party words ("Republicans", the "GOP"): few, and most names have none inside
        self.canon = [r for r in self.sorted if r.canon]
        self.canon_starts = [r.start for r in self.canon]
        self.by_end: dict[int, list[Raw]] = {}  # in the order of `sorted`
        for r in self.sorted:
            self.by_end.setdefault(r.end, []).append(r)

    def get(self, span: tuple[int, int]) -> Raw | None:
        return self.by_span.get(span)

    def inside(self, start: int, end: int) -> list[Raw]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.sorted) and self.sorted[i].start < end:
            if self.sorted[i].end <= end:
                out.append(self.sorted[i])
            i += 1
        return out

    def canon_inside(self, start: int, end: int) -> bool:
        """Is a party word among the names inside (any r.canon of inside(start, end))?"""
        canon = self.canon
        i = bisect_left(self.canon_starts, start)
        while i < len(canon) and canon[i].start < end:
            if canon[i].end <= end:
                return True
            i += 1
        return False

    def ending_at(self, start: int, end: int, typ: str) -> Raw | None:
        """A name of that type the rules found ending where this one ends and starting no later
        (and no more than 200 characters earlier)."""
        for r in self.by_end.get(end, ()):
            if start - 200 <= r.start <= start and r.type == typ:
                return r
        return None


class Sentence:
    """One sentence's tokens (and their lower case) and the names found in it so far, as
    [type, first token, end token, role]."""

    __slots__ = ("toks", "lows", "names", "rules")

    def __init__(self, toks: list[Tok], lows: list[str], names: list[list], rules: RuleNames):
        self.toks = toks
        self.lows = lows
        self.names = names
        self.rules = rules


def find_names(text: str, sentences: list[list[Tok]], gaz: Gazetteer, lower_words: set[str]) -> list[Raw]:
    """People, places and organisations of one document (MISC names are found, then left out)."""
    all_texts = [list(map(_TEXT_OF, toks)) for toks in sentences]  # the hand rules', the tagger's
    found = rule_names(text, sentences, gaz, lower_words, all_texts)
    starts = rule_starts(found)
    by_span = RuleNames(found)
    tagger = load_tagger()
    sents = []
    for toks, texts in zip(sentences, all_texts):
        lows = list(map(str.lower, texts))  # the tagger's and the rules'
        names = [[_TAG_TYPES[typ], a, b, ""] for typ, a, b in tagger.tag(text, toks, lower_words, starts, texts, lows)]
        sents.append(Sentence(toks, lows, names, by_span))
    out: list[Raw] = []
    for rule in _RULES:
        rule(sents, text, gaz, out)
    for s in sents:
        for n in s.names:
            if n[0]:
                out.append(_raw(s, n, text, gaz))
    _one_name_one_type(out, gaz)
    out.sort(key=lambda r: r.start)
    return out


def rule_names(text: str, sentences: list[list[Tok]], gaz: Gazetteer, lower_words: set[str],
               texts: list[list[str]] | None = None) -> list[Raw]:
    """The hand rules' names of one document (NameFinder); `texts`, each sentence's token texts,
    when the caller has them."""
    rules = NameFinder(text, gaz, lower_words)
    for toks, words in zip(sentences, texts or [None] * len(sentences)):
        rules.add_sentence(toks, words)
    return rules.finish()


def rule_starts(found: list[Raw]) -> dict[int, tuple[str, int]]:
    """Where each rule name starts: its type as the tagger's features spell it ("?" when the rules
    only guessed), and where it ends."""
    return {r.start: (_SHORT.get(r.type, "U") + ("" if r.sure else "?"), r.end) for r in found}


# ---- the rules, in the order they run --------------------------------------------------------------


def time_zones_and_party_codes(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "6 a.m. AST", the "D-N" of "Rep. Jerrold Nadler, D-N.Y.": not names."""
    for s in sents:
        toks = s.toks
        for n in s.names:
            first = toks[n[1]].text
            if first in _TIME_ZONES or first[1:2] == "-":  # few names: then look closer
                s.names = [n for n in s.names if not _zone_or_code(toks, n, text)]
                break


def _zone_or_code(toks: list[Tok], n: list, text: str) -> bool:
    first = toks[n[1]].text
    if n[2] - n[1] == 1 and first in _TIME_ZONES:
        return True
    return first[1:2] == "-" and _PARTY_CODE.match(text, toks[n[1]].start, toks[n[2] - 1].end) is not None


def party_words_name_the_party(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "Republicans", "Senate Democrats", "the GOP": the party is involved. CoNLL calls such words
    MISC; where the rules read a party word inside or as a name, their reading of that name stands."""
    if not sents or not sents[0].rules.canon:
        return  # the rules read no party word in this document
    for s in sents:
        if not s.names:
            continue
        keep = []
        for n in s.names:
            start, end = s.toks[n[1]].start, s.toks[n[2] - 1].end
            if s.rules.canon_inside(start, end):
                out.extend(r for r in s.rules.inside(start, end) if r.type)
            else:
                keep.append(n)
        s.names = keep
    # a party word the tagger left alone ("one Democrat called", CoNLL's MISC)
    taken = {id(r) for r in out}
    starts = {s.toks[n[1]].start for s in sents for n in s.names}
    for r in sents[0].rules.sorted:
        if r.canon and r.type and id(r) not in taken and r.start not in starts:
            out.append(r)


def located_prefix(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "Indianapolis-based Simon Property Group", "Puerto Rican-born Raul Labrador": the place is
    named for itself, and the name starts after it."""
    for s in sents:
        for n in s.names:
            for x in range(n[1], n[2]):
                if s.toks[x].text.endswith(_LOCATED):
                    break
            else:
                continue
            tok = s.toks[x]
            stem_end = tok.start + tok.text.rindex("-")
            start = s.toks[n[1]].start
            place = gaz.place(text[start:stem_end])
            if place is not None:
                out.append(Raw(PLACE, start, stem_end, text[start:stem_end], ntok=x - n[1] + 1, detail=place.kind))
            if x + 1 < n[2]:
                n[1] = x + 1
            else:
                n[0] = ""


def titles_are_not_names(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "Ms. Vale", "Chairman Michael Steele", "Weekly Standard Editor Bill Kristol": the title is
    the person's role, and what comes before it is where they work."""
    for s in sents:
        if not s.names:
            continue
        extra = []
        for n in s.names:
            toks = s.toks
            low = s.lows[n[1] : n[2]]
            if _TITLE_WORDS.isdisjoint(low):
                continue  # most names
            k = next(x for x, w in enumerate(low) if w in _TITLE_WORDS)
            if k + 1 >= len(low):
                continue
            e = k + 1
            while e < len(low) and (low[e] in lx.TITLE_HEADS or low[e] in lx.TITLE_MODIFIERS or low[e] in lx.HONORIFICS):
                e += 1
            b = k
            while b > 0 and low[b - 1] in lx.TITLE_MODIFIERS:
                b -= 1
            if e >= len(low) or not toks[n[1] + e].text[:1].isupper():
                continue
            if n[0] != PERSON and not (toks[n[1] + e].text in gaz.given_names or low[k] in lx.HONORIFICS):
                continue  # "Federal Reserve Chairman" alone, "Justice Department": no person named
            if b > 0:  # "Weekly Standard Editor": the body the person works for, or a place
                before = text[toks[n[1]].start : toks[n[1] + b - 1].end]
                typ = PLACE if gaz.place(before) is not None else ORG
                if before not in gaz.demonyms and before not in lx.PARTY_ADJECTIVES:
                    extra.append([typ, n[1], n[1] + b, ""])
            n[3] = " ".join(t.text for t in toks[n[1] + b : n[1] + e])
            n[0] = PERSON
            n[1] = n[1] + e
        s.names.extend(extra)


def sentence_openers_are_not_names(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "Speaking on Sunday, ...", "Ultimately I think ...": a capitalised adverb or participle that
    opens a sentence, unknown to the gazetteer and the given names, is not a name. Nor is the
    reporting verb of "Said Dana Poe, who ..." part of the name after it."""
    for s in sents:
        if not s.names:
            continue
        keep = []
        for n in s.names:
            if n[2] - n[1] > 1 and s.toks[n[1]].text in lx.OPENING_SPEECH_VERBS \
                    and (n[1] == 0 or s.toks[n[1] - 1].text in _OPENERS):
                n[1] += 1
            elif n[2] - n[1] == 1:
                t = s.toks[n[1]]
                if t.text.lower().endswith(("ly", "ing")) and (n[1] == 0 or s.toks[n[1] - 1].text in _OPENERS) \
                        and not t.text.isupper() and t.text not in gaz.given_names and gaz.place(t.text) is None:
                    continue
            keep.append(n)
        s.names = keep


def number_words_end_no_persons_name(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "Ground Zero", "Air Force One": no one's surname is a number word."""
    for s in sents:
        if s.names:
            s.names = [n for n in s.names if not (n[0] == PERSON and s.toks[n[2] - 1].text.lower() in _NUMBER_WORDS)]


def plural_titles_name_people(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "Presidents Bush and Obama", "Sens. Vale and Ortiz": each name after a plural title is a person."""
    for s in sents:
        toks = s.toks
        if _PLURAL_TITLE_FORMS.isdisjoint(s.lows):
            continue  # most sentences: no word could be one (a test per token in C)
        for x, t in enumerate(toks):
            if t.text[-1] != "s" or not t.text[0].isupper():
                continue
            low = t.text.lower()
            if not (t.cap and low.endswith("s") and low not in lx.TITLE_HEADS  # "Mrs." is one woman
                    and (low[:-1] in lx.TITLE_HEADS or low in _PLURAL_TITLES)):
                continue
            people = []
            k = x + 2 if x + 1 < len(toks) and toks[x + 1].text == "." else x + 1  # "Sens. Vale"
            while k < len(toks) and toks[k].cap:
                e = k
                while e < len(toks) and toks[e].cap:
                    e += 1
                people.append((k, e))
                if e + 1 < len(toks) and toks[e].text in (",", "and") and toks[e + 1].cap:
                    k = e + 1
                elif e + 2 < len(toks) and toks[e].text == "," and toks[e + 1].text == "and" and toks[e + 2].cap:
                    k = e + 2
                else:
                    break
            if not people:
                continue
            lo, hi = x, people[-1][1]
            dotted = x + 1 < len(toks) and toks[x + 1].text == "."
            title = t.text[:-1] + ("." if dotted else "")  # "Sens." -> "Sen.", "Presidents" -> "President"
            s.names = [n for n in s.names if n[2] <= lo or n[1] >= hi] + [[PERSON, a, b, title] for a, b in people]


def party_adjective_before_a_body(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "the Republican House", "Democratic leadership": the party, then the body it holds; not a place."""
    for s in sents:
        if not s.names:
            continue
        extra = []
        for n in s.names:
            first = s.toks[n[1]]
            party = lx.PARTY_ADJECTIVES.get(first.text)
            if party is None or n[0] == PERSON:
                continue
            if n[2] - n[1] >= 2 and s.toks[n[1] + 1].text in _CHAMBERS:
                out.append(Raw(ORG, first.start, first.end, first.text, canon=party))
                n[1] += 1
                n[0] = ORG
            elif n[2] - n[1] >= 2:
                n[0] = ORG  # "Republican National Committee": a body named for the party, not a place
            elif n[2] < len(s.toks) and s.toks[n[2]].text in _CHAMBERS:  # "a Democratic Senate": two names
                out.append(Raw(ORG, first.start, first.end, first.text, canon=party))
                n[0] = ""
        s.names.extend(extra)


def party_members_lead_no_name(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "ranking Democrat Elsa Marek", "fellow Republican John Brandl": the party word says what the
    person is, as a title does; the name starts after it. A given name after the word makes a person
    of what the tagger may have read as a body ("Republican National Committee" is one)."""
    for s in sents:
        for n in s.names:
            if n[2] - n[1] >= 3 and s.toks[n[1]].text in _PARTY_MEMBER_WORDS \
                    and (n[0] == PERSON or s.toks[n[1] + 1].text in gaz.given_names):
                n[0] = PERSON
                n[1] += 1


def datelines_name_places(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "TIGNES 1996-12-05", "OSLO, Norway, March 1": a line that is a word in capitals, perhaps a
    region, then a date, is a dateline, and the word the place it was filed from."""
    for s in sents:
        toks = s.toks
        if not s.names or s.names[0][1] != 0 or not toks[0].text.isupper():
            continue
        end = toks[s.names[0][2] - 1].end
        if _DATELINE_REST.match(text, end, toks[-1].end) is not None:
            s.names[0][0] = PLACE


def people_named_by_what_they_lead(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "the Obama administration", "Trump aides": one word before a noun that follows people's
    names, which the rules read as a person, is that person (not the town of Obama, Japan)."""
    for s in sents:
        toks = s.toks
        for n in s.names:
            if n[0] == PERSON or n[2] - n[1] != 1 or n[2] >= len(toks) or toks[n[2]].text not in lx.PERSON_MODIFIED_NOUNS:
                continue
            r = s.rules.get((toks[n[1]].start, toks[n[1]].end))
            if r is not None and r.type == PERSON:
                n[0] = PERSON


def tickers_are_not_part_of_the_name(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "Hewlett-Packard Co. HPQ", "Inspire Pharmaceuticals Inc. ISPH.O": the stock symbol after a
    company's legal ending is not part of its name."""
    for s in sents:
        toks = s.toks
        for n in s.names:
            for x in range(n[1] + 1, n[2]):
                if toks[x - 1].text.lower().rstrip(".") in _LEGAL_ENDINGS and toks[x].text.isupper() \
                        and toks[x].text[0] != "&":
                    n[2] = x
                    break


def organisations_the_rules_are_sure_of(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """A name CoNLL would call MISC ("Civic League": its leagues are sports competitions) that the rules
    read as an organisation by its head word or a cue around it is the organisation."""
    for s in sents:
        for n in s.names:
            if n[0] != "":
                continue
            start, end = s.toks[n[1]].start, s.toks[n[2] - 1].end
            r = s.rules.get((start, end))
            if r is not None and r.type == ORG and r.sure and not r.canon:
                n[0] = ORG


_RULES: tuple[Callable[[list[Sentence], str, Gazetteer, list[Raw]], None], ...] = (
    time_zones_and_party_codes,
    sentence_openers_are_not_names,
    datelines_name_places,
    party_words_name_the_party,
    located_prefix,
    plural_titles_name_people,
    number_words_end_no_persons_name,
    party_members_lead_no_name,
    party_adjective_before_a_body,
    titles_are_not_names,
    people_named_by_what_they_lead,
    tickers_are_not_part_of_the_name,
    organisations_the_rules_are_sure_of,
)


# ---- fields and the whole document --------------------------------------------------------------------


def _raw(s: Sentence, n: list, text: str, gaz: Gazetteer) -> Raw:
    typ, a, b, role = n
    toks = s.toks
    start, end = toks[a].start, toks[b - 1].end
    raw = Raw(typ, start, end, text[start:end], ntok=b - a, role=role)
    rule = s.rules.get((start, end))
    if (rule is None or rule.type != typ) and typ == PERSON:
        rule = s.rules.ending_at(start, end, typ)  # "Senator Mitch McConnell": the rules' title
    if rule is not None:
        raw.role = raw.role or rule.role
        raw.detail, raw.owner, raw.gender, raw.canon = rule.detail, rule.owner, rule.gender, rule.canon
    elif typ == PLACE:
        place = gaz.place(raw.text)
        raw.detail = place.kind if place is not None else "named place"
    elif typ == PERSON and not raw.role:
        raw.role = _role_noun_before(toks, a)
    if typ == PERSON and raw.role and not raw.gender:
        low = raw.role.lower().split()
        raw.gender = "f" if any(w in lx.FEMALE for w in low) else "m" if any(w in lx.MALE for w in low) else ""
    return raw


def _role_noun_before(toks: list[Tok], i: int) -> str:
    k = i - 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    if k >= 0 and toks[k].kind == "W" and toks[k].text in lx.ROLE_NOUNS:
        return toks[k].text
    return ""


def _one_name_one_type(out: list[Raw], gaz: Gazetteer) -> None:
    """One spelling, one type within a document: a one-word name that is the surname of a person
    named in full is that person ("Blackburn" after "Peter Blackburn"), unless it is a country or
    region; otherwise a one-word name takes the type it has most often."""
    surnames = {r.text.split()[-1] for r in out if r.type == PERSON and r.ntok >= 2}
    votes: dict[str, dict[str, int]] = {}
    for r in out:
        if r.ntok == 1:
            counts = votes.setdefault(r.text, {})
            counts[r.type] = counts.get(r.type, 0) + 1
    # the type each spelling has most often, the first counted on a tie (as Counter.most_common)
    majority = {text: max(counts.items(), key=_COUNT) for text, counts in votes.items()}
    for r in out:
        if r.ntok != 1 or r.canon:
            continue
        if r.text in surnames and r.type != PERSON:
            place = gaz.place(r.text)
            if place is None or place.kind == "city":
                r.type, r.detail = PERSON, ""
                continue
        best, count = majority[r.text]
        if best != r.type and count > votes[r.text].get(r.type, 0):
            r.type = best
            r.detail = gaz.place(r.text).kind if best == PLACE and gaz.place(r.text) is not None else ""


_PARTY_MEMBER_WORDS = frozenset(w for w in (*lx.PARTY_MEMBERS, *lx.PARTY_ADJECTIVES) if not w.endswith("s"))
_OPENERS = frozenset("\"'\u201c\u2018([:\u2014\u2013-")
_CHAMBERS = frozenset({"House", "Senate", "Congress", "Assembly", "Legislature"})
_LEGAL_ENDINGS = frozenset({"inc", "co", "corp", "ltd", "llc", "llp", "plc", "ag", "sa", "nv", "lp"})
_NUMBER_WORDS = lx.NUMBER_WORDS | frozenset({"zero", "hundred", "thousand", "million"})
_PLURAL_TITLES = frozenset({"sens", "reps", "govs", "gens", "drs", "messrs"})
# Every lower-case form plural_titles_name_people takes: a title head and "s", or one of the above.
_PLURAL_TITLE_FORMS = frozenset({h + "s" for h in lx.TITLE_HEADS} | _PLURAL_TITLES) - lx.TITLE_HEADS
_TEXT_OF = itemgetter(2)
_COUNT = itemgetter(1)
_TITLE_WORDS = lx.TITLE_HEADS | lx.HONORIFICS
_DATELINE_REST = regexes.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,?)?\s*(?:\d{4}-\d\d-\d\d|(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*$")
_LOCATED = ("-based", "-born", "-led", "-backed")
_PARTY_CODE = regexes.compile(r"[DRI]-[A-Z][A-Za-z.]{0,5}$")  # "D-Ohio", "R-N.Y."
_TIME_ZONES = frozenset("AST ADT EST EDT CST CDT MST MDT PST PDT GMT UTC BST CET CEST JST IST AEST AEDT".split())
