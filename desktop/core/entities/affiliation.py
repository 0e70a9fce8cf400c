"""Whom a person speaks for: the organisation, party or person the text ties them to.

A reader weighing a quote wants to know the side it comes from: "Lis Smith, a spokeswoman for the
Obama campaign", "Rep. Elijah Cummings, D-Md.", "NAACP President Ben Jealous". Three places in the
sentence say it, tried in this order at each mention of the person:

- a party code right after the name: "(R-Minn.)", ", D-Md.,";
- an apposition after it: ", a spokesman for Mr. Reid", ", Democrat of Massachusetts",
  ", president of the Kansas City, Mo., branch of the NAACP";
- role words before it, led by the body: "Tea Party organizer", "Obama campaign spokeswoman",
  "Nebraska Attorney General", "Japanese Foreign Minister" (a place or nationality only with a title:
  the state or country the official serves);
- an organisation after "of": "Rev. John Paul Hopping of Our Lady of Guadalupe".

Only bodies the extraction found (or a party) count, so a stray capitalised word is never one.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from desktop.core import regexes
from desktop.core.entities import lexicon as lx
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.mentions import MentionIndex
from desktop.core.entities.model import Entity, EntityType
from desktop.core.entities.quotes import is_break

_PARTY_CODE = regexes.compile(r"\s?[(,]\s?(?P<p>[DRI])-[A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*)?[),]")
_CODES = {"D": "Democratic Party", "R": "Republican Party", "I": "independent"}
_PARTY_WORDS = {**lx.PARTY_MEMBERS, **lx.PARTY_ADJECTIVES, "Labour": "Labour Party"}
_WORD = regexes.compile(r"[A-Za-z][\w.'\u2019-]*")

# Where an apposition ends: a comma (but not the one of "Kansas City, Mo., branch"), a quote mark,
# or a sentence end (not the dot of "St." or "Mo.", which follows a capital and at most one
# lower-case letter). A verb of saying right after it, with no comma, makes it a subject instead:
# "Sen. Arlen Specter, the Obama administration said".
_APPOS_END = regexes.compile(
    r"(?<![A-Z]\.)(?<![A-Z][a-z]\.)(?<![A-Z][a-z]{2}\.)(?<![A-Z][a-z]{3}\.)(?<![A-Z][a-z]{4}\.),\s(?![A-Z][a-z]{0,4}\.,)|[\u201c\u201d\"]|(?<![A-Z][a-z])(?<![A-Z])[.;:?!](?:\s|$)|(?P<verb>\s(?:said|says|told|wrote|added))\b"
)
# A person's name followed by one of these names a body of theirs: "the Obama campaign".
_PERSON_BODIES = frozenset(("campaign", "administration"))
_APPOS_OPENERS = frozenset("a an the his her its their".split())
# Lower-case words that may stand between a body and the name it introduces: "campaign press secretary".
_ROLE_WORDS = lx.ROLE_NOUNS | lx.TITLE_HEADS | lx.TITLE_MODIFIERS | frozenset(
    """organizer organiser founder cofounder co-founder member worker employee press communications campaign
    policy current top board advisory national regional local spokesperson strategist pollster treasurer
    counsel consultant volunteer activist head representative staff staffer editor researcher fellow government
    office team""".split()
) | _PERSON_BODIES


def affiliations(text: str, entities: list[Entity], gaz: Gazetteer) -> dict[str, str]:
    """Each person's affiliation by canonical name, where the text gives one."""
    index = MentionIndex(entities, (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE))
    out: dict[str, str] = {}
    for e in entities:
        if e.type != EntityType.PERSON:
            continue
        found = _from_role(e.role)
        for m in e.mentions:
            if found:
                break
            found = (_party_code(text, m.end) or _apposition(text, m.end, index) or _of_body(text, m.end, index)
                     or _before(text, m.start, index, gaz))
        if found and found != e.name:
            out[e.name] = found
    return out


def _from_role(role: str) -> str:
    """ "NAACP President", "Democratic Rep.": a body or party before the title, inside the role."""
    words = role.split()
    lead = []
    for w in words:
        if w.lower() in lx.TITLE_HEADS or w.lower() in lx.TITLE_MODIFIERS:
            break
        lead.append(w)
    if not lead or len(lead) == len(words):
        return ""
    name = " ".join(lead)
    if name in _PARTY_WORDS:
        return _PARTY_WORDS[name]  # "Democratic Rep."
    if (name.isupper() and len(name) >= 2) or lead[-1].lower() in lx.ORG_HEADS:
        return name  # "NAACP President"; not "Senate Majority" of "Senate Majority Leader"
    return ""


def _party_code(text: str, end: int) -> str:
    m = _PARTY_CODE.match(text, end, end + 16)
    return _CODES[m.group("p")] if m else ""


def _apposition(text: str, end: int, index: MentionIndex) -> str:
    if not text.startswith(", ", end):
        return ""
    start = end + 2
    # The first word first: one match, where finding the apposition's end tries a pattern at each of
    # up to 160 characters, and most words after a name and a comma open no description.
    first = _WORD.match(text, start)
    if first is None:
        return ""
    word = first.group()
    if word not in _PARTY_WORDS and word not in _APPOS_OPENERS and word not in _ROLE_WORDS:
        return ""  # ", Tuesday", ", in Lincoln", ", hailed the plan": not a description of the person
    stop = _APPOS_END.search(text, start, start + 160)
    if stop is None or stop.start() == start or stop.group("verb"):
        return ""
    return _body_in(text, start, stop.start(), index)


def _body_in(text: str, start: int, end: int, index: MentionIndex) -> str:
    """The first organisation, party, or person spoken for, in a description. None in a family
    tie ("the younger sister of Liz Cheney"); no body sought for office ("candidate for the United
    States Senate") or left ("a former F.B.I. agent")."""
    if _KIN.search(text, start, end):
        return ""
    best_at, best = end, ""
    for m in _WORD.finditer(text, start, end):
        if m.group() in _PARTY_WORDS:
            best_at, best = m.start(), _PARTY_WORDS[m.group()]
            break
    for s, e, ent in index.inside(start, end):
        if s >= best_at:
            break
        if ent.type == EntityType.ORGANIZATION:
            if _SOUGHT_OR_LEFT.search(text[max(start, s - 30) : s]) or text.startswith(" candidate", e):
                continue
            return ent.name
        if ent.type == EntityType.PERSON:
            body = _person_body(text, e)
            if body:
                return f"{text[s:e]} {body}"
            if _FOR_OR_TO.search(text[max(start, s - 40) : s]):
                return ent.name  # "a spokesman for Mr. Reid", "an aide to Speaker John Boehner"
    return best


_FOR_OR_TO = regexes.compile(r"\b(?:for|to)\s(?:the\s)?(?:[A-Z][\w.]*\s){0,3}$")
_WORD_AFTER = regexes.compile(r"(?:'s|\u2019s)?\s(\w+)")
_KIN = regexes.compile(r"\b(?:sister|brother|daughter|son|wife|husband|mother|father|widow|widower|cousin|niece|nephew"
                  r"|grandson|granddaughter|grandmother|grandfather|uncle|aunt|parents?|child|children)\b")
_SOUGHT_OR_LEFT = regexes.compile(r"\b(?:former|ex-|(?:candidate|nominee|running|race|bid|seat)\s(?:for|in)(?:\sthe)?\s)")


def _person_body(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end : end + 20])
    return m.group(1) if m and m.group(1) in _PERSON_BODIES else ""


def _before(text: str, start: int, index: MentionIndex, gaz: Gazetteer) -> str:
    """Role words right before the name, led by a body: "St. Louis Tea Party organizer Bill Hennessy",
    "Obama's current campaign press secretary, Ben LaBolt", "Democratic Rep. Elijah Cummings"."""
    prev = _word_before(text, max(0, start - 40), start)
    if prev is None or prev[0].lower() not in _ROLE_WORDS and not prev[1]:
        return ""  # most names follow no role word: skip the walk
    # The walk reads the last 120 characters, tokenised first from 48 back: every token but the
    # first of the shorter span is the same as in the longer (the first may be a word cut short),
    # so only a walk that reaches that first token is made again over the 120.
    far = max(0, start - 120)
    near = max(far, start - 48)
    words, lead_tok, i = _role_walk(text, near, start)
    if i <= 0 and near > far:
        words, lead_tok, i = _role_walk(text, far, start)
    if not words or lead_tok is None or _KIN.search(" ".join(words)):
        return ""  # "William Cowan's wife Stacey" speaks for no one
    lead = lead_tok.group()
    if lead.endswith(".") and is_break(text, lead_tok.end() - 1):
        return ""  # "... the Senate. Speaker John Boehner": the sentence before
    if lead in _PARTY_WORDS:
        return _PARTY_WORDS[lead]
    titled = any(w in lx.TITLE_HEADS or w == "counterpart" for w in words)
    if lead in gaz.demonyms and titled:
        return gaz.country_name(gaz.demonyms[lead])  # "Japanese Foreign Minister", "her Japanese counterpart"
    end = lead_tok.end()
    if lead.endswith(("'s", "\u2019s")):
        end -= 2
    row = index.ending_at(end)
    if row is None:
        return ""
    s, e, ent = row
    if ent.type == EntityType.ORGANIZATION:
        return ent.name
    body = next((w for w in words if w in _PERSON_BODIES), "")
    if body:
        return f"{text[s:e]} {body}"  # "Obama campaign spokeswoman"
    if ent.type == EntityType.PERSON:
        return ent.name
    if titled:
        return ent.name  # "Nebraska Attorney General", "Iran's Foreign Minister": the place they serve
    return ""


def _role_walk(text: str, lo: int, end: int) -> tuple[list[str], re.Match[str] | None, int]:
    """Back from `end` over text[lo:end]: the role words (a comma before the name skipped), the token
    that leads them, and its index among the span's tokens (-1 when the span runs out first)."""
    toks = list(_BACK_TOKEN.finditer(text, lo, end))
    i = len(toks) - 1
    if i >= 0 and toks[i].group() == ",":
        i -= 1  # "press secretary, Ben LaBolt"
    words: list[str] = []
    while i >= 0 and toks[i].group().lower() in _ROLE_WORDS:
        words.append(toks[i].group().lower())
        i -= 1
    return words, toks[i] if i >= 0 else None, i


def _of_body(text: str, end: int, index: MentionIndex) -> str:
    """ "Rev. John Paul Hopping of Our Lady of Guadalupe": an organisation right after "of"."""
    m = _OF.match(text, end, end + 8)
    if m is None:
        return ""
    row = next(index.inside(m.end(), m.end() + 120), None)
    return row[2].name if row is not None and row[0] == m.end() and row[2].type == EntityType.ORGANIZATION else ""


def _word_before(text: str, lo: int, end: int) -> tuple[str, bool] | None:
    """The word that the space before `end` follows, no earlier than `lo`, and whether a comma
    comes between: what re.search(r"([\\w.'\u2019-]+),?\\s+$") over text[lo:end] finds, read
    backwards from `end` (the pattern was tried from each of the 40 characters; this walks one word)."""
    k = end
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == end:
        return None
    comma = k > lo and text[k - 1] == ","
    if comma:
        k -= 1
    j = k
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in _WORD_MARKS):
        j -= 1
    return (text[j:k], comma) if j < k else None


_WORD_MARKS = "_.'\u2019-"  # with letters and digits, \\w.'\u2019- of the pattern above
# Words (with the dot of "Gov."), commas, and any other mark, which ends the walk: "BOSTON — Gov. X".
_BACK_TOKEN = regexes.compile(r"[\w.'\u2019-]+|[^\w\s]")
_OF = regexes.compile(r" of (?:the )?")
