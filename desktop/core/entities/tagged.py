"""Names from the tagger, turned into the mentions extraction reads: the rules that correct it, then each name's fields.

The tagger (tagger.py) decides spans and types, with the hand rules (names.py) among its features.
A few things it cannot learn from CoNLL, or learns the Reuters way, are settled after it by the
small rules of `_RULES`, in order, each with a test in tests/test_entities_tagged.py. The title,
nationality, owner and party of each name come from the rules where they found the same name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable

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

    def ending_at(self, start: int, end: int, typ: str) -> Raw | None:
        """A name of that type the rules found ending where this one ends and starting no later."""
        return next((r for r in self.inside(start - 200, end) if r.end == end and r.start <= start and r.type == typ), None)


class Sentence:
    """One sentence's tokens and the names found in it so far, as [type, first token, end token, role]."""

    __slots__ = ("toks", "names", "rules")

    def __init__(self, toks: list[Tok], names: list[list], rules: RuleNames):
        self.toks = toks
        self.names = names
        self.rules = rules


def find_names(text: str, sentences: list[list[Tok]], gaz: Gazetteer, lower_words: set[str]) -> list[Raw]:
    """People, places and organisations of one document (MISC names are found, then left out)."""
    found = rule_names(text, sentences, gaz, lower_words)
    starts = rule_starts(found)
    by_span = RuleNames(found)
    tagger = load_tagger()
    sents = []
    for toks in sentences:
        names = [[_TAG_TYPES[typ], a, b, ""] for typ, a, b in tagger.tag(text, toks, lower_words, starts)]
        sents.append(Sentence(toks, names, by_span))
    out: list[Raw] = []
    for rule in _RULES:
        rule(sents, text, gaz, out)
    for s in sents:
        out.extend(_raw(s, n, text, gaz) for n in s.names if n[0])
    _one_name_one_type(out, gaz)
    out.sort(key=lambda r: r.start)
    return out


def rule_names(text: str, sentences: list[list[Tok]], gaz: Gazetteer, lower_words: set[str]) -> list[Raw]:
    """The hand rules' names of one document (NameFinder)."""
    rules = NameFinder(text, gaz, lower_words)
    for toks in sentences:
        rules.add_sentence(toks)
    return rules.finish()


def rule_starts(found: list[Raw]) -> dict[int, tuple[str, int]]:
    """Where each rule name starts: its type as the tagger's features spell it, and where it ends."""
    return {r.start: (_SHORT.get(r.type, "U"), r.end) for r in found}


# ---- the rules, in the order they run --------------------------------------------------------------


def time_zones_and_party_codes(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "6 a.m. AST", the "D-N" of "Rep. Jerrold Nadler, D-N.Y.": not names."""
    for s in sents:
        s.names = [n for n in s.names if not (n[2] - n[1] == 1 and (s.toks[n[1]].text in _TIME_ZONES
                                                                     or _PARTY_CODE.match(s.toks[n[1]].text)))]


def party_words_name_the_party(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "Republicans", "Senate Democrats", "the GOP": the party is involved. CoNLL calls such words
    MISC; where the rules read a party word inside or as a name, their reading of that name stands."""
    for s in sents:
        keep = []
        for n in s.names:
            start, end = s.toks[n[1]].start, s.toks[n[2] - 1].end
            inside = s.rules.inside(start, end)
            if any(r.canon for r in inside):
                out.extend(r for r in inside if r.type)
            else:
                keep.append(n)
        s.names = keep
        # a party word the tagger left alone ("one Democrat called")
        taken = {(s.toks[n[1]].start) for n in s.names}
        for t in s.toks:
            if t.text in lx.PARTY_MEMBERS and t.start not in taken:
                r = s.rules.get((t.start, t.end))
                if r is not None and r.canon and not any(o is r for o in out):
                    out.append(r)


def located_prefix(sents: list[Sentence], text: str, gaz: Gazetteer, out: list[Raw]) -> None:
    """ "Indianapolis-based Simon Property Group", "Puerto Rican-born Raul Labrador": the place is
    named for itself, and the name starts after it."""
    for s in sents:
        for n in s.names:
            x = next((x for x in range(n[1], n[2]) if s.toks[x].text.endswith(_LOCATED)), None)
            if x is None:
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
        extra = []
        for n in s.names:
            toks = s.toks
            low = [t.text.lower() for t in toks[n[1] : n[2]]]
            k = next((x for x, w in enumerate(low) if w in lx.TITLE_HEADS or w in lx.HONORIFICS), None)
            if k is None or k + 1 >= len(low):
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
    party_words_name_the_party,
    located_prefix,
    titles_are_not_names,
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
    votes: dict[str, Counter] = {}
    for r in out:
        if r.ntok == 1:
            votes.setdefault(r.text, Counter())[r.type] += 1
    for r in out:
        if r.ntok != 1 or r.canon:
            continue
        if r.text in surnames and r.type != PERSON:
            place = gaz.place(r.text)
            if place is None or place.kind == "city":
                r.type, r.detail = PERSON, ""
                continue
        (best, count), = votes[r.text].most_common(1)
        if best != r.type and count > votes[r.text][r.type]:
            r.type = best
            r.detail = gaz.place(r.text).kind if best == PLACE and gaz.place(r.text) is not None else ""


_LOCATED = ("-based", "-born", "-led", "-backed")
_PARTY_CODE = re.compile(r"[DRI]-[A-Z][A-Za-z]{0,4}$")
_TIME_ZONES = frozenset("AST ADT EST EDT CST CDT MST MDT PST PDT GMT UTC BST CET CEST JST IST AEST AEDT".split())
