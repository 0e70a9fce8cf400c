"""The hand rules: capitalised name spans in sentences, each judged a person, place or organisation.

Their verdict is one of the learned tagger's features (tagger.py), and their reading of a name
lends it its title, owner and party (tagged.py); the tagger has the last word on spans and types."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

from desktop.core import regexes
from desktop.core.entities import lexicon as lx
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.name_rules import LONGER_RULES, ORG, PERSON, PLACE, Run, one_word_rules
from desktop.core.entities.orgs import is_org_run
from desktop.core.entities.tokens import Tok

_OPENERS = frozenset("\"'\u201c\u2018([:\u2014\u2013-")
_WORD_KINDS = ("W", "A")  # a word; an abbreviation or acronym with dots
_NEVER_IN_A_NAME = ("P", "N", "S")  # punctuation, a number, a possessive: _can_continue is False
_SCORE_WORDS = frozenset({"v", "v.", "vs", "vs.", "beat", "beats", "drew", "lost", "won"})
_TEXT = itemgetter(2)  # a Tok's text
_FIRST = itemgetter(0)  # a text's first character


@dataclass(slots=True)
class Raw:
    """A mention before grouping: what was found, and how sure the rules are of its type."""

    type: str
    start: int
    end: int
    text: str
    role: str = ""
    detail: str = ""
    owner: str = ""  # "Japan" in "Japan's Foreign Ministry"
    gender: str = ""
    sure: bool = True  # False: a guess that document evidence may overturn
    ntok: int = 1
    canon: str = ""  # the entity's name when the mention does not spell it ("Republicans" -> Republican Party)


class NameFinder:
    """Runs over the sentences of one document; call `add_sentence` for each, then `finish`."""

    def __init__(self, text: str, gaz: Gazetteer, lower_words: set[str]):
        self.text = text
        self.gaz = gaz
        self.lower_words = lower_words  # words seen in lower case in this document
        self.found: list[Raw] = []
        self.headlines: list[list[Tok]] = []
        self.sports_orgs: set[str] = set()
        self.fired: list[tuple[int, int, str]] = []  # (start, end, rule) for each run typed

    # ---- spans -------------------------------------------------------------------------------

    def add_sentence(self, toks: list[Tok], texts: list[str] | None = None) -> None:
        """`texts`, the tokens' texts, when the caller has them already."""
        if texts is None:
            texts = list(map(_TEXT, toks))
        # A headline has two words in capitals at least: most sentences have not, which a count in
        # C tells before the search of the text.
        if sum(map(str.isupper, texts)) >= 2 and _CAPS_WORD.search(self.text, toks[0].start, toks[-1].end):
            words = [t[2] for t in toks if t[3] == "W" and len(t[2]) > 1]
            n_words = len(words)
            n_upper = sum(map(str.isupper, words))
            if n_words >= 2 and n_upper >= 0.6 * n_words:
                self.headlines.append(toks)
                return
        n = len(toks)
        i = 0  # the next token not yet looked at: runs start at or after it
        # A run starts only at a word or abbreviation with a capital (or a month's name, which has
        # one): visit only those, found in C. Most tokens are lower-case words or punctuation.
        for k in [k for k in compress(range(n), map(str.isupper, map(_FIRST, texts))) if toks[k][3] in _WORD_KINDS]:
            if k < i:
                continue  # inside a run already taken
            if not self._can_start(toks[k]) and not _name_month(toks, k):
                continue
            j = k + 1
            while j < n:
                u = toks[j]
                if u.text not in lx.CONNECTORS and (
                        u.kind in _NEVER_IN_A_NAME or u.kind == "W" and not u.text[0].isupper() and "-" not in u.text):
                    break  # what ends most runs ("said", ",", "'s"), told without the calls below
                if self._can_continue(u) or _name_month(toks, j):
                    j += 1
                elif (u.kind in "WP" and u.text in lx.CONNECTORS and j + 1 < n and self._can_continue(toks[j + 1])
                      and toks[j + 1].text.lower() not in lx.FUNCTION_WORDS):
                    j += 2
                else:
                    break
            run = toks[k:j]
            if _initial(toks, k, i):
                run = self._drop_initial(run)
            while run and run[0].text in ("The", "THE"):
                run = run[1:]
            if run:
                self._classify(run, toks, k + (j - k - len(run)), j)
            i = j

    def _can_start(self, t: Tok) -> bool:
        if t.kind == "A":
            return t.text[0].isupper()
        if t.kind != "W" or not t.text[0].isupper() or t.text == "I" or t.text.startswith(("I'", "I\u2019")):
            return False  # "I", "I'll", "I’m"
        low = t.text.lower()
        return low not in lx.DATE_WORDS

    def _can_continue(self, t: Tok) -> bool:
        if t.kind == "A":
            return t.text[0].isupper()
        if t.kind != "W":
            return False
        if t.text[0].isupper():
            return t.text.lower() not in lx.DATE_WORDS
        particle, dash, rest = t.text.partition("-")  # "Moqtada al-Sadr", "Ahmed al-Hassan"
        return bool(dash) and particle in lx.CONNECTORS and rest[:1].isupper()

    def _drop_initial(self, run: list[Tok]) -> list[Tok]:
        """Sentence-initial capitals say nothing: drop a first word seen in lower case in the document."""
        first = run[0]
        low = first.text.lower()
        gaz = self.gaz
        if len(run) == 1:
            if low in lx.FUNCTION_WORDS:
                return []
            place = self.gaz.place(first.text)
            if low in self.lower_words and (place is None or place.kind == "city" and place.population < 100000) \
                    and first.text not in gaz.given_names:
                return []  # "Port inspectors ...": a word the text also writes in lower case
            return run
        if low in lx.NUMBER_WORDS:
            if len(run) > 2 and run[1].text == "of":
                return run[2:]  # "One of Ryan's best lines": Ryan
            return run  # "Five Eyes"
        if low in lx.FUNCTION_WORDS or low in lx.SPEECH_VERBS:  # "Added Okonkwo: ..."
            return run[1:]
        if low not in self.lower_words or low in lx.TITLE_HEADS or low in lx.TITLE_MODIFIERS:
            return run
        if first.text in gaz.given_names or first.text in gaz.demonyms:
            return run
        for k in range(min(len(run), 4), 0, -1):
            if self.gaz.place(self._span_text(run[:k])) is not None:
                return run
        if is_org_run([t.text for t in run]) and len(run) == 2:
            return run  # "Defense Ministry"
        return run[1:]

    # ---- typing ------------------------------------------------------------------------------

    def _span_text(self, run: list[Tok]) -> str:
        return self.text[run[0].start : run[-1].end]

    def _add(self, typ: str, run: list[Tok], **kw) -> None:
        self.found.append(Raw(typ, run[0].start, run[-1].end, self._span_text(run), ntok=len(run), **kw))

    def _classify(self, run: list[Tok], toks: list[Tok], i: int, j: int) -> None:
        """Type one run by the first of `name_rules.RULES` that decides it (of those that can decide
        a run of its length and, for one word, of its word)."""
        r = Run(self, run, toks, i, j)
        for rule in one_word_rules(run[0][2], run[0][3], self.gaz) if len(run) == 1 else LONGER_RULES:
            if rule(self, r):
                self.fired.append((run[0].start, run[-1].end, rule.__name__))
                return

    def _classify_prefix(self, run: list[Tok]) -> None:
        name = self._span_text(run)
        if self.gaz.place(name) is not None:
            self._add(PLACE, run, detail=self.gaz.place(name).kind)
        elif is_org_run([t.text for t in run]):
            self._add(ORG, run)

    def _run_start_before(self, toks: list[Tok], s_index: int) -> int:
        k = s_index - 1
        while k > 0 and toks[k - 1].cap:
            k -= 1
        return toks[k].start

    def _role_before(self, toks: list[Tok], i: int) -> str:
        k = i - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        if k >= 0 and toks[k].kind == "W" and toks[k].text in lx.ROLE_NOUNS:
            return toks[k].text
        return ""

    def _score_context(self, toks: list[Tok], i: int, j: int) -> bool:
        """A city or county followed by a score or set against another side: a team ("Bolton 3")."""
        nxt = toks[j] if j < len(toks) else None
        if nxt is not None and (nxt.kind == "N" and "." not in nxt.text and len(nxt.text) <= 3 or nxt.text in _SCORE_WORDS):
            after = toks[j + 1] if j + 1 < len(toks) else None
            if after is None or after.kind != "W" or after.text[0].isupper() or after.text in _SCORE_WORDS or nxt.kind != "N":
                return True
            return after.text in ("points", "pts", "goals", "runs", "wickets")
        prev = toks[i - 1] if i > 0 else None
        return prev is not None and prev.text in ("v", "v.", "vs", "vs.", "beat", "against")

    # ---- headlines and document evidence ------------------------------------------------------

    def finish(self) -> list[Raw]:
        # A guessed person (two or three capitalised words, no given name, no title) with a word
        # the text also writes in lower case is a headline or a title ("Civil Rights", "Beck
        # Wows CPAC Crowd"), not a name.
        for r in self.found:
            if r.type == PERSON and not r.sure and r.ntok >= 2 and not r.role \
                    and r.text.split()[0] not in self.gaz.given_names \
                    and any(w.lower() in self.lower_words for w in r.text.split()):
                r.type = ""
        persons_last = {}
        known: dict[str, str] = {}
        for r in self.found:
            if r.type == PERSON and r.ntok >= 2 and (r.sure or r.text not in persons_last):
                parts = r.text.split()
                persons_last[parts[-1]] = r
                if parts[0] not in self.gaz.given_names and parts[0].lower() not in lx.HONORIFICS and r.sure:
                    persons_last.setdefault(parts[0], r)  # "Wang" after "Wang Donghai"
            if r.type and r.sure:
                known.setdefault(r.text, r.type)
        for r in self.found:
            if r.type == PERSON and r.ntok >= 2:
                known[r.text] = PERSON
        for r in self.found:
            if r.ntok == 1 and r.text in persons_last and r.type != PERSON:
                if r.type == PLACE and (r.detail in ("country", "region", "continent") or not persons_last[r.text].sure
                                        and not self._small_town(r.text)):
                    continue  # "Washington" after "Denzel Washington" stays the city; "Pinto" after "Yosef Pinto" is him
                r.type = PERSON
                r.sure = True
            elif not r.type or not r.sure:
                hint = known.get(r.text)
                if r.text in self.sports_orgs:
                    r.type = ORG
                elif hint:
                    r.type = hint
        # A capitalised word the rules could not type, named again and again mid-sentence, is most
        # often a company, a newspaper or a team ("Newsweek", "Pirelli").
        unknown = Counter(r.text for r in self.found if not r.type)
        for r in self.found:
            if not r.type and unknown[r.text] >= 2 and _org_like(r.text, self.lower_words):
                r.type = ORG
        out = [r for r in self.found if r.type]
        upper_known = {k.upper(): (k, v) for k, v in known.items() if len(k) > 2}
        for name in self.sports_orgs:
            upper_known[name.upper()] = (name, ORG)
        for toks in self.headlines:
            out.extend(self._headline(toks, upper_known))
        out.sort(key=lambda r: r.start)
        return out

    def _small_town(self, name: str) -> bool:
        place = self.gaz.place(name)
        return place is not None and place.kind == "city" and place.population < 100_000

    def _headline(self, toks: list[Tok], upper_known: dict[str, tuple[str, str]]) -> list[Raw]:
        out = []
        i, n = 0, len(toks)
        while i < n:
            if toks[i].kind not in "WA":
                i += 1
                continue
            hit = None
            canon = ""
            for j in range(min(n, i + 4), i, -1):
                if toks[j - 1].kind not in "WA":
                    continue
                span = self.text[toks[i].start : toks[j - 1].end]
                key = span.upper()
                if key in upper_known:
                    hit = (j, upper_known[key][1])
                    canon = lx.PARTY_MEMBERS.get(upper_known[key][0], "")
                    break
                if len(span) > 3 and key in self.gaz.upper_places and key not in _HEADLINE_STOP:
                    hit = (j, PLACE)
                    break
            if hit is None:
                i += 1
                continue
            j, typ = hit
            run = toks[i:j]
            if typ == ORG and j < n and toks[j].kind == "N" and len(toks[j].text) == 4:
                typ = PLACE  # "DETROIT 1996-08-30": a dateline, not the team
            out.append(Raw(typ, run[0].start, run[-1].end, self._span_text(run), ntok=len(run), canon=canon))
            i = j
        return out


def _initial(toks: list[Tok], k: int, floor: int) -> bool:
    """Does the run at toks[k] open its sentence, or follow an opening quote, bracket or colon
    ("initial" capitals say nothing)? Only punctuation may come between, back to such an opener or
    to the sentence's start; `floor` is where the last run ended (0 before the first), and what a
    run took does not count as the start."""
    x = k - 1
    while x >= floor:
        t = toks[x]
        if t.kind != "P":
            return False  # a word, number or possessive came between
        if t.text in _OPENERS:
            return True
        x -= 1
    return floor == 0


def _org_like(word: str, lower_words: set[str]) -> bool:
    """Could an untyped capitalised word be an organisation? Not a plural, a nationality-like
    adjective ("Kurdish", "Zairean"), an initial, or a word the text also uses in lower case."""
    if len(word) < 3 or word.lower() in lower_words or word.lower() in lx.FUNCTION_WORDS:
        return False
    return not word.endswith(("s", "an", "ish", "ic", "ese", "ian", "i"))


# One possessive run, then the boundary: `[A-Z]*[^\W\da-z]*` split a long run of capitals
# every possible way before failing (20 KB of capitals ending in "b" took 13 s). The boundary
# before is looked behind for after the first capital, as `\b[A-Z]{2}...` would be tried at every
# character: a pattern that opens with a class is scanned in C (the same matches).
_CAPS_WORD = regexes.compile(r"[A-Z](?<=\b[A-Z])[A-Z][^\W\da-z]*+\b")
_GIVEN_MONTHS = frozenset({"Jan", "April", "June", "August"})


def _name_month(toks: list[Tok], k: int) -> bool:
    """ "Gov. Jan Brewer", "June Carter": a month name that is a given name before a surname."""
    if toks[k].text not in _GIVEN_MONTHS or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return nxt.kind == "W" and nxt.text[0].isupper() and nxt.text.lower() not in lx.DATE_WORDS



# All-caps words that are place names somewhere but rarely in a headline.
_HEADLINE_STOP = frozenset(
    "THE AND FOR WITH FROM OVER AFTER INTO WILL SAYS SAID HOME WEST EAST NORTH SOUTH MAIN BEST FIRST GOOD "
    "UNION VICTORY LEAD WINS BEAT TOP".split()
)
