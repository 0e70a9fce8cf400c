"""The ordered rules that type one capitalised run: person, place, organisation, or nothing.

`NameFinder._classify` tries `RULES` in order; the first that returns True has decided (it
added a mention, split the run and classified the parts, or set the run aside). A rule that
only trims the run (`strip_nationality`) returns False and lets the later ones see the rest.
The order is the knowledge: a place of origin is split off before the gazetteer is asked, an
organisation's shape is tried before a title, a title before a given name. Each rule is
named, so a test can say which one decided a run (`NameFinder.fired`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

from desktop.core import regexes
from desktop.core.entities import lexicon as lx
from desktop.core.entities.orgs import is_org_run, org_noun_before, org_noun_follows
from desktop.core.entities.people import NOT_NAME_SUFFIXES, split_title
from desktop.core.entities.tokens import Tok

if TYPE_CHECKING:
    from desktop.core.entities.gazetteer import Gazetteer
    from desktop.core.entities.names import NameFinder

PERSON, PLACE, ORG = "person", "place", "organization"


class Run:
    """One capitalised run `toks[i:j]` and what surrounds it; `strip_nationality` may trim it."""

    __slots__ = ("run", "toks", "i", "j", "words", "name", "nxt", "prev")

    def __init__(self, f: NameFinder, run: list[Tok], toks: list[Tok], i: int, j: int):
        self.run, self.toks, self.i, self.j = run, toks, i, j
        self.words = list(map(_TEXT, run))  # (in C: one Run per capitalised run of every sentence)
        self.name = f.text[run[0].start : run[-1].end]  # f._span_text(run)
        self.nxt = toks[j] if j < len(toks) else None
        self.prev = toks[i - 1] if i > 0 else None

    def trim_front(self, f: NameFinder, k: int) -> None:
        self.run = self.run[k:]
        self.words = self.words[k:]
        self.name = f._span_text(self.run)

    def place(self, f: NameFinder):
        """The gazetteer's place of this name (Gazetteer.place remembers each name asked about)."""
        return f.gaz.place(self.name)

    @property
    def speech_follows(self) -> bool:
        nxt = self.nxt
        return nxt is not None and nxt.kind == "W" and nxt.text in lx.SPEECH_VERBS


Rule = Callable[["NameFinder", Run], bool]


def place_of_origin(f: NameFinder, r: Run) -> bool:
    """ "Senator Mitch McConnell of Kentucky": a name, then the place it comes from (not
    "Children's Medical Center of Dallas", which is one organisation)."""
    if "of" not in r.words:
        return False  # most runs (a test in C)
    run = r.run
    cut = next((x for x, t in enumerate(run) if t.text == "of" and x >= 2), None)
    if cut is None or cut + 1 >= len(run) or f.gaz.place(f._span_text(run[cut + 1 :])) is None \
            or is_org_run(r.words[:cut]):
        return False
    f._classify(run[:cut], r.toks, r.i, r.i + cut)
    f._classify(run[cut + 1 :], r.toks, r.i + cut + 1, r.j)
    return True


def place_based(f: NameFinder, r: Run) -> bool:
    """ "Bloomfield Hills-based Taubman Centers Inc.": a place, then the name it describes."""
    if "-" not in r.name:
        return False  # most runs: no hyphen in any word (a test in C)
    run = r.run
    based = next((x for x, t in enumerate(run) if t.text.endswith(("-based", "-born", "-led", "-backed"))), None)
    if based is None:
        return False
    tok = run[based]
    stem_end = tok.start + tok.text.rindex("-")
    where = f.text[run[0].start : stem_end]
    place = f.gaz.place(where)
    if place is not None:
        from desktop.core.entities.names import Raw

        f.found.append(Raw(PLACE, run[0].start, stem_end, where, ntok=based + 1, detail=place.kind))
    if based + 1 < len(run):
        f._classify(run[based + 1 :], r.toks, r.i + based + 1, r.j)
    return True


def party(f: NameFinder, r: Run) -> bool:
    """ "Republicans", "Senate Democrats": the party is involved."""
    words = r.words
    found = lx.PARTY_MEMBERS.get(words[-1]) or (
        lx.PARTY_ADJECTIVES.get(words[-1]) if len(words) == 1 or words[0] in ("House", "Senate") else None)
    if found is None:
        return False
    if len(r.run) > 1:
        f._classify(r.run[:-1], r.toks, r.i, r.j - 1)
    f._add(ORG, r.run[-1:], canon=found)
    return True


def small_town_person(f: NameFinder, r: Run) -> bool:
    """ "Obama said", "Obama's war", "spokesman Pinto": a small town's name used the way
    people's names are is a person."""
    if len(r.run) != 1:
        return False
    if not _small_city(r.place(f)):  # as f._small_town(r.name)
        return False
    role = f._role_before(r.toks, r.i)
    nxt = r.nxt
    if role or (nxt is not None and (nxt.kind == "S" or nxt.kind == "W" and (
            nxt.text in lx.SPEECH_VERBS or nxt.text in lx.PERSON_MODIFIED_NOUNS))):
        f._add(PERSON, r.run, sure=False, role=role)
        return True
    return False


def gazetteer_place(f: NameFinder, r: Run) -> bool:
    """A name the gazetteer knows as a place; a city facing a score is a team."""
    place = r.place(f)
    if place is None:
        return False
    if place.kind in ("city", "region") and f._score_context(r.toks, r.i, r.j):
        f.sports_orgs.add(r.name)
        f._add("", r.run, sure=False)
    elif len(r.run) == 1 and place.kind != "country":
        f._add(PLACE, r.run, sure=False, detail=place.kind)
    else:
        f._add(PLACE, r.run, detail=place.kind)
    return True


def nationality_word(f: NameFinder, r: Run) -> bool:
    """ "French", "Iraqi" alone: a nationality word, not a name."""
    return len(r.run) == 1 and r.words[0] in f.gaz.demonyms


def time_zone_or_party_code(f: NameFinder, r: Run) -> bool:
    """ "EST"; the "D-N" of "Rep. Jerrold Nadler, D-N.Y." is a party and a state."""
    return len(r.run) == 1 and (r.words[0] in _TIME_ZONES or _PARTY_CODE.match(r.words[0]) is not None)


def organisation(f: NameFinder, r: Run) -> bool:
    """An organisation's shape ("... Ministry", "... & Co", "Transport Canada"), or a name after
    "at the"/an organisation noun. Not after a courtesy title: "Mr. Emanuel picked ..." is a man."""
    words, toks, i, j = r.words, r.toks, r.i, r.j
    courtesy = words[0].lower() in lx.HONORIFICS
    if not (is_org_run(words) or not courtesy and (
            _org_noun_follows(toks, j) or "&" in words or len(words) == 2 and _org_country(f, words)
            or _org_noun_before(toks, i, j) and (words[0] not in f.gaz.given_names or toks[i - 1].text == "at"))):
        return False
    owner = ""
    prev = r.prev
    if prev is not None and prev.kind == "S" and i >= 2:
        owner = f.text[f._run_start_before(toks, i - 1) : toks[i - 2].end]  # "Japan's Foreign Ministry"
    run = r.run
    if words[0] in f.gaz.demonyms and len(run) > 1 and is_org_run(words[1:]) is False:
        run = run[1:]
    f._add(ORG, run, owner=owner)
    return True


def titled_person(f: NameFinder, r: Run) -> bool:
    """ "Foreign Minister Yoshimasa Hayashi", "Dr. Ama Owusu": a title, then the person."""
    words, run = r.words, r.run
    if lx.TITLE_HEADS.isdisjoint(map(str.lower, words)):
        return False  # no title head, so no title (split_title would say None): most runs
    split = split_title(words, f.gaz)
    if split is None:
        return False
    k, e, gender = split
    if k > 0:
        f._classify_prefix(run[:k])
    if e < len(run):
        person = run[e:]
        if is_org_run([t.text for t in person]):
            f._add(ORG, person)
            return True
        if person[0].text.islower():
            return True  # "Our Lady of Guadalupe": no name after the title
        cut = next((x for x, t in enumerate(person) if t.text == "of" and x > 0), None)
        if cut is not None:  # "Martin Oyelaran of Keel & Compass Shipping"
            f._classify(person[cut + 1 :], r.toks, r.j - (len(person) - cut - 1), r.j)
            person = person[:cut]
        title = " ".join(words[k:e]) if words[e - 1].lower() not in lx.HONORIFICS or e - k > 1 else ""
        nation = words[0] if k > 0 and words[0] in f.gaz.demonyms else (f._span_text(run[:k]) if k else "")
        f._add(PERSON, person, role=title, detail=nation, gender=gender)
    return True


def committee(f: NameFinder, r: Run) -> bool:
    """ "House Foreign Affairs", "Senate Armed Services": a committee."""
    if r.words[0] in ("House", "Senate") and len(r.run) > 1:
        f._add(ORG, r.run, sure=False)
        return True
    return False


def vessel(f: NameFinder, r: Run) -> bool:
    """ "MV Saltmarsh Dawn": a ship, neither person nor place."""
    return r.words[0] in _VESSEL_PREFIXES and len(r.run) > 1


def event_or_initials(f: NameFinder, r: Run) -> bool:
    """ "World Cup", "Harry Potter Prize": an event or a title of something; or stray initials ("F G")."""
    words = r.words
    return (words[-1].lower() in lx.MISC_HEADS or words[0] not in f.gaz.given_names and not lx.MISC_HEADS.isdisjoint(
        map(str.lower, words))) or all(len(w.rstrip(".")) == 1 for w in words)


def nationality_plural(f: NameFinder, r: Run) -> bool:
    """ "Seven Iraqis", "Former Italian": people by nationality, no name."""
    last = r.words[-1]
    return len(r.run) > 1 and (last in f.gaz.demonyms or (last.endswith("s") and last[:-1] in f.gaz.demonyms))


def named_place(f: NameFinder, r: Run) -> bool:
    """ "Tahrir Square", "Sinai Peninsula": a place head word at the end."""
    if r.words[-1].lower() in lx.PLACE_HEADS and len(r.run) > 1:
        f._add(PLACE, r.run, detail="named place")
        return True
    return False


def strip_nationality(f: NameFinder, r: Run) -> bool:
    """ "Italian Mario Draghi", "Republican Mitt Romney": the adjective goes, the rest is judged."""
    if (r.words[0] in f.gaz.demonyms or r.words[0] in lx.PARTY_ADJECTIVES) and len(r.run) > 1:
        r.trim_front(f, 1)
    return False


def acronym(f: NameFinder, r: Run) -> bool:
    """ "NATO", "U.N." (places such as "U.S." were found above); a lone abbreviation is nothing."""
    run = r.run
    if len(run) == 1 and (run[0].kind == "A" or (run[0].text.isupper() and 2 <= len(run[0].text) <= 6)):
        if not run[0].text.endswith(".") or _DOTTED.match(run[0].text):
            f._add(ORG, run, sure=False)
        return True
    return False


def trailing_abbreviation(f: NameFinder, r: Run) -> bool:
    """A run ending in an abbreviation other than Jr./Sr. ("Acme Gen.") is left alone."""
    return r.run[-1].kind == "A" and r.run[-1].text.lower() not in ("jr.", "sr.")


def team_line(f: NameFinder, r: Run) -> bool:
    """ "Ruch Chorzow 2 Widzew Lodz 1": teams in a results line."""
    if f._role_before(r.toks, r.i) or not _team_line(r.toks, r.i, r.j):
        return False
    f._add(ORG, r.run, sure=False)
    f.sports_orgs.add(r.name)
    return True


def region_noun(f: NameFinder, r: Run) -> bool:
    """ "Guangdong province", "South Kyongsang province": a region."""
    nxt = r.nxt
    if nxt is not None and nxt.kind == "W" and nxt.text in _PLACE_NOUNS and len(r.run) <= 3 \
            and not f._role_before(r.toks, r.i) and r.words[0] not in f.gaz.given_names:
        f._add(PLACE, r.run, detail="region")
        return True
    return False


def role_or_speaker(f: NameFinder, r: Run) -> bool:
    """ "spokesman Pinto", "Okonkwo said": a person (not "the Organization said": too long or
    with an institution's suffix)."""
    role = f._role_before(r.toks, r.i)
    if role or (r.speech_follows and len(r.run) <= 4 and _looks_like_name(f, r.words)):
        f._add(PERSON, r.run, role=role)
        return True
    return False


def given_name(f: NameFinder, r: Run) -> bool:
    """ "Amira Rasheed": a given name, then up to three more words."""
    if 2 <= len(r.run) <= 4 and r.words[0] in f.gaz.given_names and _looks_like_name(f, r.words):
        f._add(PERSON, r.run)
        return True
    return False


def unknown_pair(f: NameFinder, r: Run) -> bool:
    """Two or three capitalised words with no place in them: most likely a person, not sure."""
    if 2 <= len(r.run) <= 3 and _looks_like_name(f, r.words) and not _known_place(f, r.words):
        f._add(PERSON, r.run, sure=False)
        return True
    return False


def leftover(f: NameFinder, r: Run) -> bool:
    """One word: untyped, for document evidence to decide. Three or more with a place inside
    ("Secure America Now"): an organisation, not a person."""
    words = r.words
    if len(r.run) == 1:
        f._add("", r.run, sure=False)
    elif len(r.run) >= 3 and _known_place(f, words) and f.gaz.place(words[-1]) is None and not words[-1].isupper():
        f._add(ORG, r.run, sure=False)
    return True


RULES: tuple[Rule, ...] = (
    place_of_origin, place_based, party, small_town_person, gazetteer_place, nationality_word,
    time_zone_or_party_code, organisation, titled_person, committee, vessel, event_or_initials,
    nationality_plural, named_place, strip_nationality, acronym, trailing_abbreviation, team_line,
    region_noun, role_or_speaker, given_name, unknown_pair, leftover,
)
# The rules that never decide a one-word run (each asks for two words or more first, and does
# nothing else): left out of the chain for one-word runs, which are most runs and most often go
# down it to `leftover`, so that they are not called for nothing.
_TWO_WORDS_OR_MORE = (place_of_origin, committee, vessel, nationality_plural, named_place, strip_nationality,
                      given_name, unknown_pair)
ONE_WORD_RULES: tuple[Rule, ...] = tuple(rule for rule in RULES if rule not in _TWO_WORDS_OR_MORE)
# And those that decide only a one-word run, left out for longer ones: each comes before
# strip_nationality, the one rule that shortens a run, so a run is as long as it was when they
# would see it (tests/test_name_rules.py checks the order).
ONE_WORD_ONLY = (small_town_person, nationality_word, time_zone_or_party_code)
LONGER_RULES: tuple[Rule, ...] = tuple(rule for rule in RULES if rule not in ONE_WORD_ONLY)


# The first test of each rule of ONE_WORD_RULES that asks only the word (with its kind of token and
# the gazetteer) about a one-word run: where it fails, the rule returns False having done nothing.
# Each mirrors its rule's opening lines (tests/test_name_rules.py holds the two to each other).
_ONE_WORD_TESTS: dict[Rule, Callable[[str, str, Gazetteer], bool]] = {
    place_based: lambda word, kind, gaz: "-" in word,
    party: lambda word, kind, gaz: (lx.PARTY_MEMBERS.get(word) or lx.PARTY_ADJECTIVES.get(word)) is not None,
    small_town_person: lambda word, kind, gaz: _small_city(gaz.place(word)),
    gazetteer_place: lambda word, kind, gaz: gaz.place(word) is not None,
    nationality_word: lambda word, kind, gaz: word in gaz.demonyms,
    time_zone_or_party_code: lambda word, kind, gaz: word in _TIME_ZONES or _PARTY_CODE.match(word) is not None,
    titled_person: lambda word, kind, gaz: word.lower() in lx.TITLE_HEADS,
    event_or_initials: lambda word, kind, gaz: (word.lower() in lx.MISC_HEADS or len(word.rstrip(".")) == 1),
    acronym: lambda word, kind, gaz: kind == "A" or (word.isupper() and 2 <= len(word) <= 6),
    trailing_abbreviation: lambda word, kind, gaz: kind == "A" and word.lower() not in ("jr.", "sr."),
}


# ONE_WORD_RULES in order, each with its test or None (looked up once, not for every new word).
_ONE_WORD_CHAIN = tuple((rule, _ONE_WORD_TESTS.get(rule)) for rule in ONE_WORD_RULES)


@lru_cache(maxsize=65536)
def one_word_rules(word: str, kind: str, gaz: Gazetteer) -> tuple[Rule, ...]:
    """ONE_WORD_RULES but those that the word alone says cannot decide a one-word run of it. Most
    one-word runs are names no rule types ("Smith", "Pirelli"), which went down the whole chain to
    `leftover`, fifteen calls each; most of them repeat a word seen before (memos.py bounds this)."""
    return tuple(rule for rule, test in _ONE_WORD_CHAIN if test is None or test(word, kind, gaz))


def _looks_like_name(f: NameFinder, words: list[str]) -> bool:
    return not any(w.lower().endswith(NOT_NAME_SUFFIXES) and w not in f.gaz.given_names for w in words)


def _known_place(f: NameFinder, words: list[str]) -> bool:
    return words[0] in f.gaz.demonyms or any(_big_place(f.gaz.place(w)) for w in words)


def _org_noun_follows(toks: list[Tok], j: int) -> bool:
    """orgs.org_noun_follows, asked only with an organisation noun among the next three tokens
    (a test in C: most runs have none, and it holds for no other)."""
    return not lx.ORG_NOUNS.isdisjoint(map(_TEXT, toks[j : j + 3])) and org_noun_follows(toks, j)


def _org_noun_before(toks: list[Tok], i: int, j: int) -> bool:
    """orgs.org_noun_before, asked only after an organisation noun, "for" or "at" (it holds after
    no other word)."""
    return i > 0 and (toks[i - 1].text in lx.ORG_NOUNS or toks[i - 1].text in _FOR_AT) and org_noun_before(toks, i, j)


def _org_country(f: NameFinder, words: list[str]) -> bool:
    """ "Transport Canada", "Air France": a common noun before a country names a body, not a place."""
    if len(words) != 2:
        return False
    gaz = f.gaz
    place = f.gaz.place(words[1])
    first = words[0]
    return place is not None and place.kind == "country" and f.gaz.place(first) is None \
        and first not in gaz.given_names and first not in gaz.demonyms \
        and first.lower() not in lx.TITLE_HEADS and first.lower() not in lx.TITLE_MODIFIERS \
        and first.lower() not in _COMPASS


def _team_line(toks: list[Tok], i: int, j: int) -> bool:
    """ "Ruch Chorzow 2 Widzew Lodz 1", "Celtic v Rangers": a name facing another with a score."""
    n = len(toks)
    if i > 0 and toks[i - 1].text in ("v", "v.", "vs", "vs."):
        return True
    if j + 1 < n and toks[j].text in ("v", "v.", "vs", "vs.") and toks[j + 1].cap:
        return True
    if j + 1 < n and toks[j].kind == "N" and len(toks[j].text) <= 2 and toks[j + 1].cap:
        return True
    return i >= 2 and toks[i - 1].kind == "N" and len(toks[i - 1].text) <= 2 and toks[i - 2].cap


def _big_place(place) -> bool:
    return place is not None and (place.kind != "city" or place.population >= 100000)


def _small_city(place) -> bool:
    return place is not None and place.kind == "city" and place.population < 100_000


_TEXT = itemgetter(2)  # a Tok's text
_FOR_AT = ("for", "at")
_VESSEL_PREFIXES = frozenset("MV M/V SS USS HMS RMS HMCS HMAS MS MT FV RV USNS".split())
_PLACE_NOUNS = frozenset("province state region county district prefecture oblast island city town village".split())
_DOTTED = regexes.compile(r"^(?:[A-Z]\.){2,}$")
_PARTY_CODE = regexes.compile(r"[DRI]-[A-Z][A-Za-z]{0,4}$")
_TIME_ZONES = frozenset("AST ADT EST EDT CST CDT MST MDT PST PDT GMT UTC BST CET CEST JST IST AEST AEDT".split())
_COMPASS = frozenset("north south east west northern southern eastern western central upper lower new greater".split())
