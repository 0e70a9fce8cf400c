"""Who said each quote: the words quotes.py found next to it, resolved to a person or organisation.

"Mr. Perry" and "Perry" are the person named Rick Perry; "he" is the subject of the latest sentence
naming a man; "the ministry" is the ministry named before; "the president" is the person whose
role is President; "the spokesperson" after "a spokesperson for Google" speaks for Google.
Paragraph rules then lend a speaker to the quotes around it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from desktop.core import regexes
from desktop.core.entities import lexicon as lx
from desktop.core.entities.mentions import MentionIndex
from desktop.core.entities.model import Entity, EntityType, Mention, Quote
from desktop.core.entities.quotes import QuoteHit, find_quotes, sentence_start


class Speaker(NamedTuple):
    name: str = ""
    type: str = ""  # "person", "organization" or "" when not resolved to an entity
    speaks_for: str = ""  # for an unnamed speaker: whom the text says they speak for ("Google")


NOBODY = Speaker()


class _Named(MentionIndex):
    """A mention index that also finds entities by the last word of their name or of their role."""

    def __init__(self, entities: list[Entity], typ: EntityType) -> None:
        super().__init__(entities, (typ,))
        self.last_named: dict[str, str] = {}  # last word of a name -> the entity mentioned last with it
        self.heads: dict[str, tuple[list[int], list[str]]] = {}  # last word -> mention starts, names
        self.roles: dict[str, tuple[list[int], list[str]]] = {}  # role key -> mention starts, names
        # An entity's last word and the two tables' rows for its keys, worked out once for all its mentions.
        found: dict[int, tuple[str, str, tuple[list[int], list[str]] | None, tuple[list[int], list[str]] | None]] = {}
        for s, _, e in self.rows:
            row = found.get(id(e))
            if row is None:
                word = e.name.lower().split()[-1] if e.name else ""
                role = role_key(e.role.split()) if e.role else ""
                row = found[id(e)] = (word, e.name, self.heads.setdefault(word, ([], [])) if word else None,
                                      self.roles.setdefault(role, ([], [])) if role else None)
            word, name, by_head, by_role = row
            self.last_named[word] = name
            if by_head is not None:
                by_head[0].append(s)
                by_head[1].append(name)
            if by_role is not None:
                by_role[0].append(s)
                by_role[1].append(name)

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


def role_key(words: list[str]) -> str:
    """ "President" and "the president" share a key, as do "Gov." and "the governor"; "Vice
    President" has its own: the head title, with a rank word before it kept."""
    low = [_TITLE_WORDS.get(w.lower().rstrip("."), w.lower().rstrip(".")) for w in words]
    if not low:
        return ""
    if len(low) > 1 and low[-2] in _RANKS:
        return f"{low[-2]} {low[-1]}"
    return low[-1]


_RANKS = frozenset("vice deputy assistant associate lieutenant under acting".split())
_TITLE_WORDS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                "pres": "president", "sec": "secretary", "supt": "superintendent", "insp": "inspector",
                "congressman": "representative", "congresswoman": "representative"}


def attribute_quotes(text: str, blocks, entities: list[Entity], gaz, affiliations: dict[str, str]
                     ) -> tuple[list[Quote], list[tuple[str, Mention]]]:
    """The quotes of the body blocks, each with its speaker and whom the speaker speaks for; and the
    words that named a speaker without its name ("the mayor said", a transcript's "KEEL:"), as
    mentions of the entity they were resolved to."""
    said_as: list[tuple[str, Mention]] = []
    people = _Named(entities, EntityType.PERSON)
    orgs = _Named(entities, EntityType.ORGANIZATION)
    genders = _Genders(gaz)
    out: list[Quote] = []
    prev_speaker = NOBODY
    prev_open = False
    for b in blocks:
        first = len(out)
        marks = text.find('"', b.start, b.end) >= 0 or text.find("\u201c", b.start, b.end) >= 0
        hits = find_quotes(text, b.start, b.end) if marks else []
        for i, h in enumerate(hits):
            speaker = _resolve(h, people, orgs, b.start, text, out, genders)
            # (A transcript's "KEEL:" may have been read as an acronym: the label still marks the person.)
            if speaker.type and _names_without_name(h) and not people.overlapping(h.s_start, h.s_end) \
                    and (h.how == "transcript" or not orgs.overlapping(h.s_start, h.s_end)):
                said_as.append((speaker.name, Mention(h.s_start, h.s_end, text[h.s_start:h.s_end])))
            if not speaker.name and i == 0 and (prev_open or _starts_with_quote(text, b.start)) and prev_speaker.name:
                speaker = prev_speaker  # a quote that runs on from the paragraph before
            out.append(_quote(h.text, h.start, h.end, speaker))
        # Unattributed quotes in a paragraph take the speaker found for another quote there.
        para = out[first:]
        donor = next((q for q in para if q.speaker), None)
        if donor is not None:
            for k in range(first, len(out)):
                if not out[k].speaker:
                    out[k] = _quote(out[k].text, out[k].start, out[k].end, _speaker_of(donor))
        if para and prev_open and prev_speaker == NOBODY and out[first - 1].speaker == "" and para[0].speaker:
            k = first - 1  # a quote that ran on into this paragraph takes its speaker
            out[k] = _quote(out[k].text, out[k].start, out[k].end, _speaker_of(para[0]))
        if para:
            prev_speaker = _speaker_of(para[-1])
            prev_open = hits[-1].open_end if hits else False
        elif hits == []:
            prev_open = False
    # A person speaks for what the text ties them to (affiliation.py).
    return [Quote(q.text, q.start, q.end, q.speaker, q.speaker_type, affiliations.get(q.speaker, ""))
            if q.speaker_type == "person" else q for q in out], said_as


def _names_without_name(h: QuoteHit) -> bool:
    """Words that stand for a named speaker: a transcript label, or a noun ("the mayor") the text
    ties to someone named before. Pronouns are left out: "he" is not shown as a mention."""
    if h.how == "transcript":
        return True
    first = h.speaker.split()[0].lower() if h.speaker.split() else ""
    return first in ("the", "a", "an", "one", "another")


def _quote(text: str, start: int, end: int, speaker: Speaker) -> Quote:
    return Quote(text, start, end, speaker.name, speaker.type, speaker.speaks_for)


def _speaker_of(q: Quote) -> Speaker:
    return Speaker(q.speaker, q.speaker_type, q.speaker_for)


def _starts_with_quote(text: str, start: int) -> bool:
    return text[start : start + 1] in ("\u201c", '"')


def _resolve(h: QuoteHit, people: _Named, orgs: _Named, para_start: int, text: str, done: list[Quote],
             genders: _Genders) -> Speaker:
    if h.s_start < 0:
        return NOBODY
    words = h.speaker.rstrip(".,").split()
    low = words[0].lower() if words else ""
    # "the spokesman", and "Obama's former campaign strategist": a noun for someone, not the name it leads with
    nominal = low in ("the", "a", "an", "one", "another") or (low.endswith(("'s", "\u2019s")) and len(words) > 1)
    if h.how == "transcript" and words and words[-1].lower() in people.last_named:
        return Speaker(people.last_named[words[-1].lower()], "person")  # "KEEL:" is Alma Keel, not an acronym
    # A name before the colon that opens a quote speaks only if it is a person's ("on Twitter: “...”")
    for pool, typ in ((people, "person"),) if h.how == "S: quote" else ((people, "person"), (orgs, "organization")):
        over = pool.overlapping(h.s_start, h.s_end)
        # The head: the first person ("Rev. John Paul Hopping of Our Lady of Guadalupe"), the organisation
        # that ends last ("House Democrats" is the party, not the House).
        hit = (over[0] if typ == "person" else max(over, key=lambda x: x[1])) if over else None
        if hit is not None and nominal and low.endswith(("'s", "\u2019s")) and hit[0] == h.s_start:
            break  # the possessor names whose strategist or lawyer speaks, not the speaker
        if hit is not None:
            if nominal and typ == "person" and _modifier(text, hit[1]):
                return Speaker(" ".join(words[1:]), "organization")  # "the Obama campaign said"
            return Speaker(hit[2].name, typ)
    if h.how in ("subject", "S: quote") and low not in ("he", "she"):
        return NOBODY  # a guess from sentence shape: only a person or organisation named in the text, or he/she
    if h.how == "possessor" and low in ("his", "her"):
        low = "he" if low == "his" else "she"  # "his claim that ... “...”": the man named before
    if low == "it":  # "it said": the organisation named last, or nobody
        org = orgs.last_ending_before(h.s_start)
        return Speaker(org.name, "organization") if org is not None else NOBODY
    if low in lx.PRONOUNS:
        return _antecedent(h, people, para_start, text, done, genders, lx.PRONOUNS[low])
    if nominal:
        last = words[-1].lower()
        named = orgs.last_with_head_before(last, h.s_start)
        if named:
            return Speaker(named, "organization")  # "the ministry said" after "the Foreign Ministry"
        named = people.last_with_role_before(role_key(words[1:]), h.s_start)
        if named and len(words) <= 3:
            return Speaker(named, "person")  # "the president said" after "President Barack Obama"
        owner = _owner(text, h.s_start, last, orgs)
        if owner:  # "A spokesperson for Google says ... “...,” the spokesperson said"
            return Speaker(f"{owner} {last}", "", owner)
        return Speaker(h.speaker.rstrip(".,"))
    surname = words[-1].lower() if words else ""
    if surname in people.last_named:
        return Speaker(people.last_named[surname], "person")
    return Speaker(h.speaker.rstrip(".,"))


def _owner(text: str, pos: int, head: str, orgs: MentionIndex) -> str:
    """The organisation an earlier "a spokesperson for Google" or "a Microsoft spokesperson" names,
    nearest first, within the last few paragraphs."""
    for s, e, ent in orgs.before(pos, pos - 1500):
        if text.startswith(" " + head, e) or re.search(
                r"\b" + re.escape(head) + r"\s(?:for|of|at|from)\s(?:the\s)?$", text[max(0, s - 40) : s], re.I):
            return ent.name
    return ""


def _antecedent(h: QuoteHit, people: MentionIndex, para_start: int, text: str, done: list[Quote],
                genders: _Genders, want: str) -> Speaker:
    """ "he said": the subject of the latest sentence that names a person of that gender (the first
    person named in it, as a subject comes first), outside quotes and not used as a modifier. A
    name after a verb or preposition ("met Governor Thomas Price") is taken only when no subject
    of that gender is near."""
    floor = para_start - 2000
    for objects in (False, True):
        def fits(x) -> bool:
            # (nor inside the quote itself: "“Chairman Steele must apologize,” he said" is not Steele)
            return x[1] <= h.s_start and (not want or genders.of(x[2]) in ("", want)) and not h.start <= x[0] < h.end \
                and not _modifier(text, x[1]) and not _inside_quote(done, x[0]) and (objects or not _object(text, x[0]))

        earlier = people.before(h.s_start, floor)
        best = next((x for x in earlier if fits(x)), None)
        if best is None:
            continue
        s_start = sentence_start(text, max(0, best[0] - 400), best[0])
        for x in earlier:  # earlier people in that sentence
            if x[0] < s_start:
                break
            if fits(x):
                best = x
        return Speaker(best[2].name, "person")
    for q in reversed(done):
        if q.end < para_start - 600:
            break
        if q.speaker_type == "person":
            return Speaker(q.speaker, "person")
    return NOBODY


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
        if first in lx.FEMALE:
            return "f"
        if first in lx.MALE:
            return "m"
    role = e.role.lower().split()
    if any(w in lx.FEMALE for w in role):
        return "f"
    if any(w in lx.MALE for w in role):
        return "m"
    return gaz.given_gender.get(e.name.split()[0], "")


_MODIFIED = regexes.compile(r"(?:'s|\u2019s)|\s(?:" + "|".join(sorted(lx.PERSON_MODIFIED_NOUNS)) + r"|government|White House)\b")


def _modifier(text: str, end: int) -> bool:
    """ "Obama's", "the Obama administration": a name used as a modifier is not the one speaking."""
    return _MODIFIED.match(text, end, end + 24) is not None


_WORDS_BEFORE = regexes.compile(r"((?:[\w.'\u2019-]+[ \t]+){1,4})$")
# The same, tried only after a character no word holds. The first match of _WORDS_BEFORE in a window
# starts at the window's start or after such a character (one starting inside a word would match one
# character earlier too), so _object tries the start, then searches with this: the same match, without
# trying the words' run at every letter of the 48 characters.
_WORDS_AFTER_GAP = regexes.compile(r"(?<![\w.'\u2019-])" + _WORDS_BEFORE.pattern)
# Lower-case words after which a name can still be a subject: "and Trump said", "when Obama spoke".
_SUBJECT_OPENERS = frozenset("""and but or nor while when as because since although though after before until if
    so then also where once""".split())


def _object(text: str, start: int) -> bool:
    """ "Of Obama, he said", "He said Obama doesn't", "said Governor Tom Ebert has": a name right
    after a preposition or a verb (titles aside) is an object, not the one a following "he" names.
    A conjunction, punctuation or the start of a sentence before it leaves it a subject."""
    floor = max(0, start - 48)
    m = _WORDS_BEFORE.match(text, floor, start) or _WORDS_AFTER_GAP.search(text, floor + 1, start)
    if m is None:
        return False
    words = m.group(1).split()
    while words and (words[-1].lower() in lx.TITLE_HEADS or words[-1].lower() in lx.TITLE_MODIFIERS
                     or words[-1].lower() in lx.ROLE_NOUNS or words[-1].lower() in ("the", "a", "an", "his", "her")):
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

