"""Group one article's mentions into entities: one person however often named, the fullest name canonical."""

from __future__ import annotations

from operator import attrgetter

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from desktop.core.entities.dates import DateHit
from desktop.core.entities.figures import FigureHit, fmt_number
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.model import Entity, EntityType, Mention
from desktop.core.entities.names import ORG, PERSON, PLACE, Raw
from desktop.core.entities.orgs import initials, org_key
from desktop.core.entities.people import _skeleton, fold, name_tokens, same_person


class _Cluster:
    __slots__ = ("raws", "names", "first", "variants", "roles", "details", "best", "_order")

    def __init__(self, raw: Raw):
        self.raws = [raw]
        self.names = {raw.text: 1}  # a name's count; a plain dict, cheaper to make than a Counter
        self.first = raw.start
        self.variants: list[str] = []
        self.roles: list[str] = [raw.role] if raw.role else []
        self.details: list[str] = [raw.detail] if raw.detail else []
        # names.most_common(1), kept as names are added rather than recounted on every question
        # (it was asked once per cluster pair: 840k times in a 10k-word article of distinct names).
        self.best = raw.text
        self._order = {raw.text: 0}

    def add(self, raw: Raw) -> None:
        self.raws.append(raw)
        text = raw.text
        self.names[text] = self.names.get(text, 0) + 1
        order = self._order.setdefault(text, len(self._order))
        count, best = self.names[text], self.names[self.best]
        if count > best or (count == best and order < self._order[self.best]):
            self.best = text  # as Counter.most_common, ties broken by first insertion
        if raw.role:
            self.roles.append(raw.role)
        if raw.detail:
            self.details.append(raw.detail)

    def full_names(self) -> list[str]:
        return [n for n in self.names if len(n.split()) >= 2]


def _mentions(raws: list[Raw]) -> tuple[Mention, ...]:
    return tuple(Mention(r.start, r.end, r.text) for r in sorted(raws, key=_start))


_start = attrgetter("start")


def group_people(raws: list[Raw], aux: list[Raw]) -> list[Entity]:
    full: list[_Cluster] = []
    by_key: dict[tuple[str, ...], _Cluster] = {}
    singles: list[Raw] = []
    for r in raws:
        toks = tuple(name_tokens(r.text))
        if not toks:
            continue
        if len(toks) >= 2:
            c = by_key.get(toks)
            if c is None:
                c = by_key[toks] = _Cluster(r)
                full.append(c)
            else:
                c.add(r)
        else:
            singles.append(r)
    # Spellings of one name inside the article: merge, keep the other spelling as a variant.
    # Two full names are spellings of one only when their given names are equal or one edit apart,
    # their tokens are the same set, or they join to the same letters (people.same_person): the
    # index holds every merged cluster under those keys, so each name meets only its candidates.
    merged: list[_Cluster] = []
    index: dict[tuple, list[int]] = {}

    def enter(k: int, keys: list[tuple]) -> None:
        for key in keys:
            index.setdefault(key, []).append(k)

    for c in full:
        name = c.best
        keys = _spelling_keys(name)
        cands = sorted({k for key in keys for k in index.get(key, ())})
        at = next((k for k in cands if same_person(merged[k].best, name) in ("variant", "swapped")), None)
        if at is None:
            merged.append(c)
            enter(len(merged) - 1, keys)
            continue
        target = merged[at]
        before = target.best
        for r in c.raws:
            target.add(r)
        target.variants.append(name)
        if target.best != before:
            enter(at, _spelling_keys(target.best))
    clusters = merged
    ends = []
    for c in clusters:
        toks_of = [name_tokens(n) for n in c.full_names()]
        ends.append(({t[-1] for t in toks_of}, {t[0] for t in toks_of}))
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    near_last = _NearIndex()
    for k, (lasts, firsts) in enumerate(ends):
        for w in lasts:
            by_last.setdefault(w, []).append(k)
            near_last.add(w, k)
        for w in firsts:
            by_first.setdefault(w, []).append(k)
    for r in singles:
        tok = fold(r.text)
        cands = [clusters[k] for k in dict.fromkeys(by_last.get(tok, ()))]
        if not cands:
            cands = [clusters[k] for k in dict.fromkeys(by_first.get(tok, ()))]
        if not cands:  # "Whitcomb" after "Dana Whitcombe": the same person, spelled another way
            cands = [clusters[k] for k in near_last.candidates(tok, len(clusters))
                     if any(same_person("x " + last, "x " + tok) == "variant" for last in ends[k][0])]
            if len(cands) == 1:
                cands[0].variants.append(r.text)
        if not cands:
            c = _Cluster(r)
            clusters.append(c)
            ends.append(({tok}, set()))  # later bare mentions of the same word join it
            by_last.setdefault(tok, []).append(len(clusters) - 1)
            near_last.add(tok, len(clusters) - 1)
            continue
        before = [c for c in cands if c.first <= r.start]
        (max(before, key=lambda c: c.first) if before else cands[0]).add(r)
    mains = [max(c.names, key=lambda n: (len(n.split()), c.names[n])) for c in clusters] if aux else []
    for a in aux:  # titles and captions: roles, fuller names and other spellings, no mentions
        for c, main in zip(clusters, mains):
            rel = same_person(main, a.text) if len(a.text.split()) >= 2 and len(main.split()) >= 2 else (
                "same" if name_tokens(a.text)[-1:] == name_tokens(main)[-1:] else "")
            if rel == "variant" and a.text not in c.variants and a.text not in c.names:
                c.variants.append(a.text)
            if rel and a.role:
                c.roles.append(a.role)
    out = []
    for c in clusters:
        name = c.best if len(c.names) == 1 else _canonical(c)  # one name, most clusters: nothing to rank
        roles = [r for r in c.roles if r[0].isupper()] or c.roles
        out.append(Entity(EntityType.PERSON, name, _mentions(c.raws), role=roles[0] if roles else "",
                          variants=tuple(v for v in dict.fromkeys(c.variants) if v != name),
                          detail=c.details[0] if c.details else ""))
    return out


def _canonical(c: _Cluster) -> str:
    """The fullest name, then the most frequent, then the first in the text."""
    first: dict[str, int] = {}
    for r in c.raws:
        if r.start < first.get(r.text, r.start + 1):
            first[r.text] = r.start
    return max(c.names, key=lambda n: (len(n.split()), c.names[n], -first[n]))


def _deletions(word: str) -> list[str]:
    """The word and every form of it with one letter left out: two words one edit apart
    (substitution, insertion, deletion or swap of neighbours) always share one of these."""
    return [word] + [word[:i] + word[i + 1 :] for i in range(len(word))]


def _spelling_keys(name: str) -> list[tuple]:
    """Keys under which two full names that same_person() calls "variant" or "swapped" meet:
    the given name within one edit, the same set of tokens, or the same letters joined."""
    toks = name_tokens(name)
    if not toks:
        return []
    given = toks[0]
    # Given names shorter than five letters must be equal (people._close): no deletion keys,
    # which for "a" or "al" would be keys that half the names share.
    near = [("d", d) for d in _deletions(given)] if len(given) >= 5 else [("g", given)]
    return near + [("s", tuple(sorted(toks))), ("j", "".join(toks))]


# Below people._close's 0.93, so that rounding in the batch call can only add a candidate,
# never lose one: same_person() asks the exact question afterwards.
_JW_NEAR = 0.92


class _NearIndex:
    """Surnames by the keys under which same_person("x " + a, "x " + b) can call two bare
    surnames "variant": the same word (short ones), one edit apart (deletion keys), the same
    consonant skeleton, or the same letters once joined. What no key finds is Jaro-Winkler
    closeness, asked of every long surname at once in rapidfuzz's C loop. same_person() still
    decides; this only narrows whom it is asked about, so that each bare name meets its few
    candidates instead of every cluster in turn (that scan was most of group_people).

    Beyond _EXACT_UP_TO clusters Jaro-Winkler and joined letters are not asked, as before:
    a surname only they call close may then be missed (output kept as it was for long texts)."""

    _EXACT_UP_TO = 400

    def __init__(self) -> None:
        self.keys: dict[str, list[int]] = {}
        self.long: list[str] = []  # surnames of six letters or more, for Jaro-Winkler
        self.long_at: list[int] = []
        # Keys are made only once a bare name finds no cluster by its exact word: most
        # articles have few such names, and some have none.
        self.pending: list[tuple[str, int]] = []

    @staticmethod
    def _keys(toks: tuple[str, ...], joined: bool) -> list[str]:
        word = toks[-1] if len(toks) >= 2 else ""
        if len(word) < 5:  # one edit apart counts only from five letters (people._close)
            keys = ["\0=" + word]
        else:
            keys = _deletions(word)
            if len(word) >= 6:  # the skeleton counts only from six letters
                keys.append("\0s" + word[:1] + _skeleton(word))
        if joined:  # "Van Dyke" / "Vandyke" (people.same_person compares the letters joined)
            keys.append("\0j" + "".join(toks))
        return keys

    @staticmethod
    def _tokens(word: str) -> tuple[str, ...]:
        return tuple(name_tokens("x " + word))  # as same_person("x " + last, "x " + tok) reads it

    def add(self, word: str, k: int) -> None:
        self.pending.append((word, k))

    def candidates(self, word: str, total: int) -> list[int]:
        exact = total <= self._EXACT_UP_TO
        for w, k in self.pending:
            toks = self._tokens(w)
            for key in self._keys(toks, True):
                self.keys.setdefault(key, []).append(k)
            if len(toks) >= 2 and len(toks[-1]) >= 6:
                self.long.append(toks[-1])
                self.long_at.append(k)
        self.pending.clear()
        toks = self._tokens(word)
        found = {k for key in self._keys(toks, exact) for k in self.keys.get(key, ())}
        if exact and len(toks) >= 2 and len(toks[-1]) >= 6:
            found.update(self.long_at[i] for _, _, i in
                         process.extract(toks[-1], self.long, scorer=JaroWinkler.similarity,
                                         score_cutoff=_JW_NEAR, limit=None))
        return sorted(found)


def group_orgs(raws: list[Raw]) -> list[Entity]:
    clusters: dict[str, _Cluster] = {}
    owners: dict[str, str] = {}
    canon: dict[str, str] = {}
    for r in raws:
        key = org_key(r.canon or r.text)
        if r.canon:
            canon[key] = r.canon
        c = clusters.get(key)
        if c is None:
            clusters[key] = _Cluster(r)
        else:
            c.add(r)
        if r.owner and key not in owners:
            owners[key] = r.owner
    # An acronym joins the organisation whose initials it spells ("NPD" and "National Public Data").
    spelled: dict[str, list[str]] = {}
    for k in clusters:
        if " " in k:
            spelled.setdefault(initials(k), []).append(k)
    for key in [k for k in clusters if " " not in k]:
        initials_of = spelled.get(key, [])
        if len(initials_of) == 1:
            for r in clusters.pop(key).raws:
                clusters[initials_of[0]].add(r)
    out = []
    for key, c in clusters.items():
        name = max(c.names, key=lambda n: (len(n), c.names[n]))
        if key in canon:
            name = canon[key]
        if name.lower().startswith("the "):
            name = name[4:]
        if key in owners:
            name = f"{owners[key]}\u2019s {name}" if "\u2019" in owners[key] + name else f"{owners[key]}'s {name}"
        out.append(Entity(EntityType.ORGANIZATION, name, _mentions(c.raws)))
    return out


def group_places(raws: list[Raw], gaz: Gazetteer) -> list[Entity]:
    clusters: dict[str, _Cluster] = {}
    for r in raws:
        place = gaz.place(r.text)
        key = ("country:" + place.country) if place is not None and place.kind == "country" and place.country else r.text.lower()
        c = clusters.get(key)
        if c is None:
            clusters[key] = _Cluster(r)
        else:
            c.add(r)
    out = []
    for key, c in clusters.items():
        # A dateline's "HALIFAX" is Halifax: a name seen only in capitals takes the gazetteer's spelling.
        names = [n for n in c.names if not n.isupper() or len(n) <= 3] or [_title(n, gaz) for n in c.names]
        name = max(names, key=lambda n: (len(n), c.names.get(n, 0)))  # a gazetteer spelling may be no name seen
        kind = c.details[0] if c.details else ""
        out.append(Entity(EntityType.PLACE, name, _mentions(c.raws), detail=kind))
    return out


def _title(name: str, gaz: Gazetteer) -> str:
    place = gaz.place(name)
    return place.name if place is not None else name.title()


def group_dates(hits: list[DateHit]) -> list[Entity]:
    groups: dict[tuple[str, str], list[DateHit]] = {}
    for h in hits:
        groups.setdefault((h.value, h.precision) if h.value else (h.text, ""), []).append(h)
    out = []
    for (value, prec), hs in groups.items():
        out.append(Entity(EntityType.DATE, hs[0].text, tuple(Mention(h.start, h.end, h.text) for h in hs),
                          value=value if prec else "", precision=prec, detail=hs[0].detail))
    return out


def group_figures(hits: list[FigureHit]) -> list[Entity]:
    groups: dict[tuple[float, str], list[FigureHit]] = {}
    for h in hits:
        groups.setdefault((h.number, h.unit.lower()), []).append(h)
    out = []
    for (num, _), hs in groups.items():
        unit = hs[0].unit
        what = next((h.what for h in hs if h.what), "")
        out.append(Entity(EntityType.FIGURE, hs[0].text, tuple(Mention(h.start, h.end, h.text) for h in hs),
                          value=f"{fmt_number(num)} {unit}".strip(), unit=f"{unit} of {what}" if what else unit))
    return out


def by_type(raws: list[Raw], typ: str) -> list[Raw]:
    return [r for r in raws if r.type == typ]


__all__ = ["group_people", "group_orgs", "group_places", "group_dates", "group_figures", "by_type", "PERSON", "ORG", "PLACE"]
