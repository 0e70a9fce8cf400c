"""match(): pair two articles' entities and report what disagrees: figures, dates, names and quotes."""

from __future__ import annotations

import re
from bisect import bisect_right

from rapidfuzz import fuzz, process

from desktop.core import regexes
from desktop.core.article import Article, Span
from desktop.core.entities.extract import reference_day
from desktop.core.entities.figures import CONVERT, MEASURES, singular
from desktop.core.entities.model import (
    Discrepancy,
    DiscrepancyKind,
    Entity,
    EntityMatch,
    EntityType,
    Extraction,
    MatchStatus,
    Mention,
)
from desktop.core.entities.orgs import initials, org_key
from desktop.core.entities.people import _skeleton, name_tokens, same_person
from desktop.core.entities.quote_pairs import ALTERED, QuotePair, pair_quotes, shared_share

_NUM_RE = regexes.compile(r"[$\u20ac\u00a3]?\d[\d,.]*%?")
CONTEXT_MIN = 55  # how alike two sentences must be (token_set_ratio, numbers removed) to be about one thing
_RELATIVE = regexes.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight"
    r"|last|next|this|ago|earlier|later|coming|past)\b", re.I)
BARE_CONTEXT_MIN = 80  # a number with no unit ("Durousseau, 30,") needs closer sentences
# Dates differ between sentences that tell the same thing, not between two events of one story
# ("pressed him on Sunday" / "reacted on Friday" score 55 on BASIL; a changed day in one sentence, 100).
DATE_CONTEXT_MIN = 65
_WEEKDAY_NAME = regexes.compile(r"^(?:(?:last|next|this|on)\s)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


def _weekday(name: str) -> bool:
    return _WEEKDAY_NAME.match(name) is not None
_POSSESSOR = regexes.compile(r"^.*?['\u2019]s ")  # "Obama's campaign": the campaign
_STAMP = regexes.compile(r"\s*(?:published|updated|posted|last updated|first published|modified)\b", re.I)


def match(left: Article, left_ext: Extraction, right: Article, right_ext: Extraction
          ) -> tuple[list[EntityMatch], list[Discrepancy]]:
    matches: list[EntityMatch] = []
    discrepancies: list[Discrepancy] = []
    ctx_l, ctx_r = _Context(left), _Context(right)
    # "Friday" in two articles is one day only if both count from the same day: published on
    # different days (or with no date), relative dates that differ are not a disagreement.
    ref_l, ref_r = reference_day(left), reference_day(right)
    same_reference = ref_l is not None and ref_r is not None and ref_l.day == ref_r.day
    for typ in EntityType:
        ls = [e for e in left_ext.entities if e.type == typ]
        rs = [e for e in right_ext.entities if e.type == typ]
        pairs, only_l, only_r = _pair(typ, ls, rs)
        for a, b, status in pairs:
            name = _fuller(a.name, b.name) if status == MatchStatus.BOTH else a.name
            matches.append(EntityMatch(typ, name, status, a, b))
            if status == MatchStatus.VARIANT:
                discrepancies.append(_disc(DiscrepancyKind.NAME, a, b, ctx_l, ctx_r, a.name))
        if typ in (EntityType.FIGURE, EntityType.DATE):
            conflicts = _conflicts(typ, only_l, only_r, ctx_l, ctx_r, same_reference)
            for a, b in conflicts:
                subject = a.unit or a.precision or a.name
                matches.append(EntityMatch(typ, subject, MatchStatus.CONFLICT, a, b))
                kind = DiscrepancyKind.FIGURE if typ == EntityType.FIGURE else DiscrepancyKind.DATE
                discrepancies.append(_disc(kind, a, b, ctx_l, ctx_r, subject))
            if typ == EntityType.DATE and (same_reference or ref_l is None or ref_r is None):
                # (published on different days, "Friday" in each may be two days: README)
                seen = {(d.left.start, d.right.start) for d in discrepancies}
                for ma, mb in _changed_weekdays(ls, rs, ctx_l, ctx_r):
                    if (ma.start, mb.start) not in seen:
                        discrepancies.append(_mention_disc(DiscrepancyKind.DATE, ma, mb, ctx_l, ctx_r, "day"))
            used_l = {id(a) for a, _ in conflicts}
            used_r = {id(b) for _, b in conflicts}
            only_l = [e for e in only_l if id(e) not in used_l]
            only_r = [e for e in only_r if id(e) not in used_r]
        matches.extend(EntityMatch(typ, e.name, MatchStatus.LEFT, e, None) for e in only_l)
        matches.extend(EntityMatch(typ, e.name, MatchStatus.RIGHT, None, e) for e in only_r)
    discrepancies.extend(_quote_discrepancies(pair_quotes(left_ext.quotes, right_ext.quotes, matches), ctx_l, ctx_r))
    return matches, discrepancies


# ---- pairing ---------------------------------------------------------------------------------------


def _key(e: Entity) -> str:
    if e.type == EntityType.PERSON:
        return " ".join(name_tokens(e.name))
    if e.type == EntityType.ORGANIZATION:
        return org_key(_POSSESSOR.sub("", e.name))
    if e.type in (EntityType.DATE, EntityType.FIGURE):
        return e.value or e.name.lower()
    return e.name.lower().removeprefix("the ")


def _related(typ: EntityType, a: Entity, b: Entity, ka: str | None = None, kb: str | None = None) -> MatchStatus | None:
    ka = _key(a) if ka is None else ka
    kb = _key(b) if kb is None else kb
    if ka == kb:
        return MatchStatus.BOTH
    if typ == EntityType.PERSON:
        rel = same_person(a.name, b.name)
        if rel in ("swapped", "same"):
            return MatchStatus.BOTH
        if rel == "variant":
            return MatchStatus.VARIANT
        ta, tb = name_tokens(a.name), name_tokens(b.name)
        if (len(ta) == 1 or len(tb) == 1) and ta[-1:] == tb[-1:]:
            return MatchStatus.BOTH  # "Hayashi" and "Yoshimasa Hayashi"
        if (len(ta) == 1 or len(tb) == 1) and same_person("x " + ta[-1], "x " + tb[-1]) == "variant":
            return MatchStatus.VARIANT  # "Sundwall" and "Sean Sundwell"
        return None
    if typ in (EntityType.ORGANIZATION, EntityType.PLACE):
        if ka.endswith(" " + kb) or kb.endswith(" " + ka):
            return MatchStatus.BOTH
        if typ == EntityType.ORGANIZATION and len(min(ka, kb, key=len)) >= 2 and (
                " " not in ka and initials(kb) == ka or " " not in kb and initials(ka) == kb):
            return MatchStatus.BOTH  # "FBI" in one article, "Federal Bureau of Investigation" in the other
        wa, wb = ka.split(), kb.split()
        if len(wa) == len(wb) and [singular(w) for w in wa] == [singular(w) for w in wb]:
            return MatchStatus.BOTH  # "Trust Funds" and "Trust Fund": one name in the plural
        if len(wa) != len(wb) and _within(wa, wb):
            return None  # "Wyoming U.S. Senate" is a fuller description, not a respelling
        if min(len(ka), len(kb)) >= 6 and fuzz.ratio(ka, kb) >= 90:
            return MatchStatus.VARIANT
        if typ == EntityType.PLACE and _same_place(a, b):
            return MatchStatus.BOTH
    return None


def _within(a: list[str], b: list[str]) -> bool:
    """Are the words of the shorter list all in the longer one, in order (words added, none changed)?"""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    it = iter(long_)
    return all(w in it for w in short)


def _same_place(a: Entity, b: Entity) -> bool:
    from desktop.core.entities.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    pa, pb = gaz.place(a.name), gaz.place(b.name)
    return pa is not None and pb is not None and pa.kind == pb.kind == "country" and pa.country == pb.country


# Beyond this many (left, right) questions (2,000: 0.02 s of _related), each left entity is asked only about the right
# entities that share a blocking key with it (_block_keys); below it, about every one, in order.
_EXACT_PAIRS = 2_000


def _pair(typ: EntityType, ls: list[Entity], rs: list[Entity]):
    """Entities of one type paired: equal keys first, then related ones (_related), each right
    entity used once, in the order of the right article."""
    pairs = []
    kl, kr = [_key(a) for a in ls], [_key(b) for b in rs]
    by_key: dict[str, list[int]] = {}
    for j, k in enumerate(kr):
        by_key.setdefault(k, []).append(j)
    taken = dict.fromkeys(by_key, 0)
    free = [True] * len(rs)
    pending = []
    for i, a in enumerate(ls):
        same = by_key.get(kl[i], ())
        n = taken.get(kl[i], 0)
        if n >= len(same):
            pending.append(i)
            continue
        taken[kl[i]] = n + 1
        free[same[n]] = False
        pairs.append((a, rs[same[n]], MatchStatus.BOTH))
    # Figures and dates relate only through equal keys (_related has no other rule for them).
    if typ not in (EntityType.FIGURE, EntityType.DATE):
        blocks = None
        if len(pending) * free.count(True) > _EXACT_PAIRS:
            blocks = {}
            for j, b in enumerate(rs):
                if free[j]:
                    for key in _block_keys(typ, b, kr[j]):
                        blocks.setdefault(key, []).append(j)
        for want in (MatchStatus.BOTH, MatchStatus.VARIANT):
            still = []
            for i in pending:
                a = ls[i]
                cands = range(len(rs)) if blocks is None else sorted(
                    {j for key in _block_keys(typ, a, kl[i]) for j in blocks.get(key, ())})
                hit = next((j for j in cands if free[j] and _related(typ, a, rs[j], kl[i], kr[j]) == want), None)
                if hit is None:
                    still.append(i)
                    continue
                free[hit] = False
                pairs.append((a, rs[hit], want))
            pending = still
    return pairs, [ls[i] for i in pending], [b for j, b in enumerate(rs) if free[j]]


def _block_keys(typ: EntityType, e: Entity, key: str) -> list:
    """Keys two related entities share (_related): for people a token, or a surname one edit apart
    (deletion keys) or with the same consonants; for organisations
    and places the last word, the initials, the first or last three letters, the country."""
    if typ == EntityType.PERSON:
        toks = name_tokens(e.name)
        if not toks:
            return []
        sur = toks[-1]
        keys = [("t", t) for t in toks] + [("j", "".join(toks))]
        if len(sur) >= 5:  # shorter surnames must be equal (people._close): the "t" keys hold them
            keys += [("d", sur)] + [("d", sur[:i] + sur[i + 1:]) for i in range(len(sur))]
        if len(sur) >= 6:  # (a surname only Jaro-Winkler calls close has no key: see grouping._NearIndex)
            keys.append(("k", sur[:1] + _skeleton(sur)))
        return keys
    words = key.split()
    out = [("w", words[-1] if words else ""), ("i", initials(key) if " " in key else key), ("p", key[:3]), ("e", key[-3:])]
    if typ == EntityType.PLACE:
        from desktop.core.entities.gazetteer import load_gazetteer

        place = load_gazetteer().place(e.name)
        if place is not None and place.kind == "country":
            out.append(("c", place.country))
    return out


def _fuller(a: str, b: str) -> str:
    return a if len(a) >= len(b) else b


# ---- figures and dates -----------------------------------------------------------------------------


def _figure_base(e: Entity) -> tuple[float, str, bool] | None:
    """The number and the word compared across articles, in a shared unit where one exists
    (and whether it was converted, so rounding in the text is allowed for)."""
    try:
        num = float(e.value.split()[0])
    except (ValueError, IndexError):
        return None
    unit = e.unit
    if " of " in unit and unit.split()[0] in MEASURES:
        unit = unit.split()[0]  # "tonnes of heavy fuel oil": tonnes are compared
    if unit in CONVERT:
        base, factor = CONVERT[unit]
        return num * factor, base, True
    if not unit:
        return num, "", False
    return num, singular(unit.split()[-1].lower()), False


def _conflicts(typ: EntityType, ls: list[Entity], rs: list[Entity], ctx_l, ctx_r,
               same_reference: bool = True) -> list[tuple[Entity, Entity]]:
    # What each entity is compared by, worked out once per entity rather than once per pair.
    if typ == EntityType.FIGURE:
        base_l, base_r = [_figure_base(a) for a in ls], [_figure_base(b) for b in rs]
        hedge_l, hedge_r = [ctx_l.hedge(a) for a in ls], [ctx_r.hedge(b) for b in rs]
        group_l = [f[1] if f is not None else None for f in base_l]
        group_r = [f[1] if f is not None else None for f in base_r]
    else:
        stamp_l = [bool(a.value) and bool(_STAMP.match(ctx_l.opening(a))) for a in ls]
        stamp_r = [bool(_STAMP.match(ctx_r.opening(b))) for b in rs]
        group_l = [a.precision if a.value else None for a in ls]
        group_r = [b.precision for b in rs]
    words_l: dict[int, str] = {}
    words_r: dict[int, str] = {}

    def context(words: dict[int, str], ctx, es: list[Entity], i: int) -> str:
        if i not in words:
            words[i] = ctx.around(es[i], strip=True, window=CONTEXT_WINDOW)
        return words[i]

    cands = []
    for i, j in _candidate_pairs(group_l, group_r, lambda i: context(words_l, ctx_l, ls, i),
                                 lambda j: context(words_r, ctx_r, rs, j)):
        a, b = ls[i], rs[j]
        if typ == EntityType.FIGURE:
            fa, fb = base_l[i], base_r[j]
            tolerance = 0.05 if fa[2] != fb[2] else 0.0  # "52 km" and "32 miles" agree
            if abs(fa[0] - fb[0]) <= tolerance * max(abs(fa[0]), abs(fb[0])):
                continue
            ha, hb = hedge_l[i], hedge_r[j]
            if ha != hb and _overlap(_interval(fa[0], ha), _interval(fb[0], hb)):
                continue  # "more than $1 million" and "$1.1 million" agree; "at least 23" and "at least 26" do not
            need = CONTEXT_MIN if fa[1] else BARE_CONTEXT_MIN
        else:
            if a.value == b.value:
                continue
            if a.name.casefold() == b.name.casefold():
                continue  # both wrote "Tuesday": a different day is our reading of tense, not theirs
            if stamp_l[i] or stamp_r[j]:
                continue  # "Published March 3, 2025": when each was published, not what happened
            if _weekday(a.name) and _weekday(b.name):
                continue  # compared mention by mention (_changed_weekdays)
            if not same_reference and (_RELATIVE.search(a.name) or _RELATIVE.search(b.name)):
                continue
            need = DATE_CONTEXT_MIN
        score = fuzz.token_set_ratio(context(words_l, ctx_l, ls, i), context(words_r, ctx_r, rs, j))
        if score >= need:
            cands.append((score, i, j))
    cands.sort(key=lambda t: (-t[0], t[1], t[2]))  # as a stable sort of the pairs in text order
    out, used_a, used_b = [], set(), set()
    for _, i, j in cands:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((ls[i], rs[j]))
    return out


# More weekday mentions than this on both sides together are not compared one by one (a long
# transcript): the entity-level check above still runs.
_MAX_WEEKDAY_PAIRS = 2500


def _changed_weekdays(ls: list[Entity], rs: list[Entity], ctx_l: _Context, ctx_r: _Context):
    """ "agreed on Monday" / "agreed on Tuesday": a weekday changed in sentences that tell the same
    thing, found mention by mention, since "Monday" may still appear elsewhere in the other article
    (so the entities pair) and "Tuesday" may be grouped with the date it stands for. Not when a
    sentence names both days, nor when the day has a like sentence with the same day in the other
    article."""
    left = [(m, e.value) for e in ls for m in e.mentions if _weekday(m.text)]
    right = [(m, e.value) for e in rs for m in e.mentions if _weekday(m.text)]
    if not left or not right or len(left) * len(right) > _MAX_WEEKDAY_PAIRS:
        return []
    sent_l = {m.start: ctx_l.sentence(m.start) for m, _ in left}
    sent_r = {m.start: ctx_r.sentence(m.start) for m, _ in right}
    # Each mention's sentence without its day, its words around the day, and whether a sentence
    # names a day, found once: the pairs below ask for them once per pair (two thousand pairs in
    # a 10k-word pair of articles), and again for every candidate.
    bare_l = {(m.start, m.text): sent_l[m.start].replace(m.text, " ") for m, _ in left}
    bare_r = {(m.start, m.text): sent_r[m.start].replace(m.text, " ") for m, _ in right}
    around_l = {(m.start, m.text): _around(ctx_l, m) for m, _ in left}
    around_r = {(m.start, m.text): _around(ctx_r, m) for m, _ in right}
    named: dict[tuple[str, str], bool] = {}
    scores: dict[tuple[int, str, int, str], float] = {}

    def names_day(sentence: str, day: str) -> bool:
        key = (sentence, day)
        if key not in named:
            named[key] = _names_day(sentence, day)
        return named[key]

    def alike(ma: Mention, mb: Mention) -> float:
        key = (ma.start, ma.text, mb.start, mb.text)
        if key not in scores:
            scores[key] = fuzz.token_set_ratio(bare_l[ma.start, ma.text], bare_r[mb.start, mb.text])
        return scores[key]

    cands = []
    right_around = [around_r[mb.start, mb.text] for mb, _ in right]
    for ma, va in left:
        # The words right around the days first: a tenth of the cost of comparing the sentences,
        # and they turn away nearly every pair (44 of 1,848 pass in a 10k-word pair). Asked of all
        # the right days at once, in rapidfuzz's C loop rather than a call per pair; its cutoff a
        # point below _EVENT_MIN lets through every day the exact test below keeps.
        near = {j for _, _, j in process.extract(around_l[ma.start, ma.text], right_around, scorer=fuzz.ratio,
                                                 processor=None, score_cutoff=_EVENT_MIN - 1, limit=None)}
        for j, (mb, vb) in enumerate(right):
            if j not in near or ma.text.casefold() == mb.text.casefold() or (va and vb and va == vb):
                continue
            if fuzz.ratio(around_l[ma.start, ma.text], right_around[j]) < _EVENT_MIN:
                continue
            if names_day(sent_l[ma.start], mb.text) or names_day(sent_r[mb.start], ma.text):
                continue  # "from Monday to Tuesday"
            score = alike(ma, mb)
            if score >= DATE_CONTEXT_MIN:
                cands.append((score, ma, mb))
    out = []
    for score, ma, mb in sorted(cands, key=lambda t: -t[0]):
        # Each day keeps its own reading where the other article has the same day in a sentence at
        # least as like: two events of one story, one of them told in both
        if any(m.text.casefold() == ma.text.casefold() and alike(ma, m) >= score for m, _ in right):
            continue
        if any(m.text.casefold() == mb.text.casefold() and alike(m, mb) >= score for m, _ in left):
            continue
        out.append((ma, mb))
    return out


# What happened on the day is told by the words right around it: "agreed on _ to speed up talks"
# in both for one event (77 to 100 when reworded), "pressure on X _ to explain" against "reactions to
# X on _, after" for two (about 50).
_EVENT_MIN = 60
_AROUND = 6  # words each side of the day


def _around(ctx: _Context, m: Mention) -> str:
    sentence = ctx.sentence(m.start)
    at = sentence.find(m.text)
    if at < 0:
        return sentence
    return " ".join(sentence[:at].split()[-_AROUND:] + sentence[at + len(m.text):].split()[:_AROUND])


def _names_day(sentence: str, day: str) -> bool:
    return re.search(r"\b" + re.escape(day.split()[-1]) + r"\b", sentence, re.I) is not None


# A figure or date is compared by the words around it: up to this many characters either side,
# inside its sentence (a paragraph with no full stop is one 300 KB "sentence").
CONTEXT_WINDOW = 600
# Beyond this many pairs in one group (one unit, one precision), pairs are formed only between
# contexts that share one of their rarest words; below it, every pair is scored as before.
_EXACT_CONTEXT_PAIRS = 20_000
_RARE_WORDS = 4  # keys per context
_COMMON_WORD = 64  # a word in more contexts than this does not key a pair


def _candidate_pairs(group_l: list, group_r: list, words_l, words_r):
    """(i, j) in text order whose groups agree (None never agrees): all of them in a small group;
    in a large one, those whose contexts share a rare word (linear, however many figures)."""
    by_group: dict = {}
    for j, g in enumerate(group_r):
        if g is not None:
            by_group.setdefault(g, []).append(j)
    lefts: dict = {}
    for i, g in enumerate(group_l):
        if g is not None and g in by_group:
            lefts.setdefault(g, []).append(i)
    pairs = []
    for g, li in lefts.items():
        rj = by_group[g]
        if len(li) * len(rj) <= _EXACT_CONTEXT_PAIRS:
            pairs += [(i, j) for i in li for j in rj]
            continue
        toks_l = {i: set(_WORD_RE.findall(words_l(i).lower())) for i in li}
        toks_r = {j: set(_WORD_RE.findall(words_r(j).lower())) for j in rj}
        df: dict[str, int] = {}
        for toks in (*toks_l.values(), *toks_r.values()):
            for w in toks:
                df[w] = df.get(w, 0) + 1
        posting: dict[str, list[int]] = {}
        for j, toks in toks_r.items():
            for w in sorted((w for w in toks if df[w] <= _COMMON_WORD), key=lambda w: (df[w], w))[:_RARE_WORDS]:
                posting.setdefault(w, []).append(j)
        for i, toks in toks_l.items():
            keys = sorted((w for w in toks if df[w] <= _COMMON_WORD), key=lambda w: (df[w], w))[:_RARE_WORDS]
            pairs += [(i, j) for j in sorted({j for w in keys for j in posting.get(w, ())})]
    pairs.sort()
    return pairs


_WORD_RE = regexes.compile(r"[^\W\d_]{3,}")


# ---- quotes --------------------------------------------------------------------------------------


def _quote_discrepancies(pairs: tuple[QuotePair, ...], ctx_l, ctx_r) -> list[Discrepancy]:
    """Of the quote pairs the sidebar and the report list (quote_pairs.pair_quotes): those whose
    words were changed inside the stretch both quote, by the same speaker (or one side
    unattributed); and the same words given to different speakers, where each article names its
    speaker in the quote's own sentences (a speaker found through "he said" or a paragraph
    before is our reading, not the article's claim)."""
    out = []
    for p in pairs:
        a, b = p.left, p.right
        if a is None or b is None:
            continue
        apart = p.reattributed and _names_speaker(ctx_l, a) and _names_speaker(ctx_r, b)
        if p.wording == ALTERED:
            if apart or p.reattributed and shared_share(a.text, b.text) < _ONE_QUOTE:
                continue  # different people using similar words
            diff = p.words
        elif apart:
            diff = ()
        else:
            continue  # the same words, or one article quoting more of them
        out.append(Discrepancy(
            DiscrepancyKind.QUOTE, a.text, b.text, Span(a.start, a.end), Span(b.start, b.end),
            subject=a.speaker or b.speaker, left_context=ctx_l.excerpt(a.start, a.end),
            right_context=ctx_r.excerpt(b.start, b.end),
            word_diff=diff,
        ))
    return out


# Share of the shorter quote's words the other has, in order, for two quotes we credit to different
# speakers, the articles not saying so in the quote's sentences, to be read as one quote reworded.
_ONE_QUOTE = 0.8


def _names_speaker(ctx: _Context, q) -> bool:
    """Does the article name the quote's speaker (the last word of the name) in the sentences the
    quote begins and ends in: "..., Smith said", "Jo Smith told reporters: ..."?"""
    words = [w for w in name_tokens(q.speaker)] if q.speaker_type == "person" else \
        [w.lower() for w in _WORD_RE.findall(q.speaker)]
    if not words:
        return False
    word = words[-1].lower()
    if not word.split() == [word]:  # (a space inside, from a folded mark: one search across both sentences)
        text = (ctx.sentence(q.start) + " " + ctx.sentence(max(q.start, q.end - 1))).lower()
        return re.search(r"\b" + re.escape(word) + r"\b", text) is not None
    # Sentence by sentence, which is the same search: a word without spaces cannot match across the
    # space that joined them, and a space, like either end of a sentence, is no part of a word.
    return ctx.names_word(q.start, word) or ctx.names_word(max(q.start, q.end - 1), word)


# ---- contexts --------------------------------------------------------------------------------------


# Words before a figure that make it a bound or an estimate rather than an exact value, by kind.
_HEDGES = {
    **dict.fromkeys(("more than", "over", "above", "at least", "upwards of"), "least"),
    **dict.fromkeys(("less than", "fewer than", "under", "below", "up to", "at most"), "most"),
    **dict.fromkeys(("nearly", "almost", "close to"), "nearly"),
    **dict.fromkeys(("about", "around", "roughly", "some", "approximately", "an estimated"), "about"),
}
_HEDGE = regexes.compile(r"\b(?P<w>" + "|".join(sorted(_HEDGES, key=len, reverse=True)) + r")\s+$", re.I)


def _interval(value: float, hedge: str) -> tuple[float, float]:
    """The values a figure allows, by the kind of word before it ("more than 1,000", "about 40")."""
    if hedge == "least":
        return value, float("inf")
    if hedge == "most":
        return float("-inf"), value
    if hedge == "nearly":
        return value - 0.1 * abs(value), value  # "nearly 20 percent" is under 20
    if hedge == "about":
        return value - 0.05 * abs(value), value + 0.05 * abs(value)
    return value, value


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


class _Context:
    def __init__(self, article: Article):
        self.article = article
        self.starts = [s.start for s in article.sentences]
        self._lowered: dict[tuple[int, int], str] = {}
        self._named: dict[tuple[int, int, str], bool] = {}

    def hedge(self, e: Entity) -> str:
        """ "least", "most", "nearly", "about", or "" for a figure written as an exact value."""
        if not e.mentions:
            return ""
        start = e.mentions[0].start
        m = _HEDGE.search(self.article.text, max(0, start - 24), start)
        return _HEDGES[m.group("w").lower()] if m else ""

    def sentence(self, offset: int) -> str:
        a, b = self._sentence_span(offset)
        return self.article.text[a:b]

    def _sentence_span(self, offset: int) -> tuple[int, int]:
        """Where the sentence around `offset` is (its block when no sentence holds it; empty when nothing does)."""
        sents = self.article.sentences
        i = bisect_right(self.starts, offset) - 1
        if 0 <= i < len(sents) and sents[i].start <= offset <= sents[i].end:
            return sents[i].start, sents[i].end
        block = self.article.block_at(offset)
        return (block.start, block.end) if block else (0, 0)

    def names_word(self, offset: int, word: str) -> bool:
        """Is `word` (lower case) a whole word of the sentence around `offset`, in lower case? Many quotes
        share a sentence (a paragraph with no full stop is one of 300 KB): each sentence is lowered, and
        each word looked for in it, once."""
        span = self._sentence_span(offset)
        key = (*span, word)
        found = self._named.get(key)
        if found is None:
            text = self._lowered.get(span)
            if text is None:
                text = self._lowered[span] = self.article.text[span[0] : span[1]].lower()
            found = self._named[key] = _whole_word(text, word)
        return found

    def opening(self, e: Entity) -> str:
        """The first words of the sentence around e: enough for _STAMP, without copying the sentence."""
        if not e.mentions:
            return ""
        start = e.mentions[0].start
        sents = self.article.sentences
        i = bisect_right(self.starts, start) - 1
        if 0 <= i < len(sents) and sents[i].start <= start <= sents[i].end:
            return self.article.text[sents[i].start : min(sents[i].end, sents[i].start + 80)]
        return self.sentence(start)[:80]

    def excerpt(self, start: int, end: int) -> str:
        """The sentence around text[start:end] as a discrepancy shows it: whole, unless it runs
        past CONTEXT_WINDOW characters either side (a paragraph with no full stop would put
        300 KB into every discrepancy of it)."""
        return self._window(start, end, CONTEXT_WINDOW)

    def _window(self, start: int, end: int, width: int) -> str:
        """The sentence around text[start:end], cut to `width` characters either side."""
        sents = self.article.sentences
        i = bisect_right(self.starts, start) - 1
        if 0 <= i < len(sents) and sents[i].start <= start <= sents[i].end:
            a, b = sents[i]
        else:
            block = self.article.block_at(start)
            if block is None:
                return ""
            a, b = block.start, block.end
        return self.article.text[max(a, start - width) : min(b, end + width)]

    def around(self, e: Entity, *, strip: bool = False, window: int | None = None) -> str:
        if window is not None and e.mentions:
            s = self._window(e.mentions[0].start, e.mentions[0].end, window)
        else:
            s = self.sentence(e.mentions[0].start) if e.mentions else ""
        if strip and e.mentions:
            s = s.replace(e.mentions[0].text, " ")
            s = _NUM_RE.sub(" ", s)
        return s


def _whole_word(text: str, word: str) -> bool:
    r"""re.search(r"\bword\b", text) for a literal word, by str.find and a look at the characters
    either side: a pattern made for each speaker's name was compiled in Python, ~0.1 ms each, for
    every speaker of an article."""
    k = text.find(word)
    while k >= 0:
        if _boundary(text, k) and _boundary(text, k + len(word)):
            return True
        k = text.find(word, k + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    r"""Is there a \b at text[i]: a word character on one side only (re's \w: alphanumeric or "_")?"""
    before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    after = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return before != after


def _disc(kind: DiscrepancyKind, a: Entity, b: Entity, ctx_l: _Context, ctx_r: _Context, subject: str) -> Discrepancy:
    return _mention_disc(kind, a.mentions[0], b.mentions[0], ctx_l, ctx_r, subject)


def _mention_disc(kind: DiscrepancyKind, ma: Mention, mb: Mention, ctx_l: _Context, ctx_r: _Context,
                  subject: str) -> Discrepancy:
    return Discrepancy(
        kind, ma.text, mb.text, Span(ma.start, ma.end), Span(mb.start, mb.end), subject=subject,
        left_context=ctx_l.excerpt(ma.start, ma.end), right_context=ctx_r.excerpt(mb.start, mb.end),
    )
