"""match(): pair two articles' entities and report what disagrees: figures, dates, names and quotes."""

from __future__ import annotations

import re
from bisect import bisect_right

from rapidfuzz import fuzz

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
from desktop.core.entities.people import name_tokens, same_person
from desktop.core.entities.quote_pairs import ALTERED, QuotePair, pair_quotes

_NUM_RE = re.compile(r"[$\u20ac\u00a3]?\d[\d,.]*%?")
CONTEXT_MIN = 55  # how alike two sentences must be (token_set_ratio, numbers removed) to be about one thing
_RELATIVE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight"
    r"|last|next|this|ago|earlier|later|coming|past)\b", re.I)
BARE_CONTEXT_MIN = 80  # a number with no unit ("Durousseau, 30,") needs closer sentences
# Dates differ between sentences that tell the same thing, not between two events of one story
# ("pressed him on Sunday" / "reacted on Friday" score 55 on BASIL; a changed day in one sentence, 100).
DATE_CONTEXT_MIN = 65
_WEEKDAY_NAME = re.compile(r"^(?:(?:last|next|this|on)\s)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


def _weekday(name: str) -> bool:
    return _WEEKDAY_NAME.match(name) is not None
_STAMP = re.compile(r"\s*(?:published|updated|posted|last updated|first published|modified)\b", re.I)


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
        return org_key(re.sub(r"^.*?['\u2019]s ", "", e.name))
    if e.type in (EntityType.DATE, EntityType.FIGURE):
        return e.value or e.name.lower()
    return e.name.lower().removeprefix("the ")


def _related(typ: EntityType, a: Entity, b: Entity) -> MatchStatus | None:
    ka, kb = _key(a), _key(b)
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
        if min(len(ka), len(kb)) >= 6 and fuzz.ratio(ka, kb) >= 90:
            return MatchStatus.VARIANT
        if typ == EntityType.PLACE and _same_place(a, b):
            return MatchStatus.BOTH
    return None


def _same_place(a: Entity, b: Entity) -> bool:
    from desktop.core.entities.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    pa, pb = gaz.place(a.name), gaz.place(b.name)
    return pa is not None and pb is not None and pa.kind == pb.kind == "country" and pa.country == pb.country


def _pair(typ: EntityType, ls: list[Entity], rs: list[Entity]):
    pairs = []
    free_r = list(rs)
    pending = []
    for a in ls:
        hit = next((b for b in free_r if _key(a) == _key(b)), None)
        if hit is None:
            pending.append(a)
            continue
        free_r.remove(hit)
        pairs.append((a, hit, MatchStatus.BOTH))
    only_l = []
    for want in (MatchStatus.BOTH, MatchStatus.VARIANT):
        still = []
        for a in pending:
            hit = next((b for b in free_r if _related(typ, a, b) == want), None)
            if hit is None:
                still.append(a)
                continue
            free_r.remove(hit)
            pairs.append((a, hit, want))
        pending = still
    only_l = pending
    return pairs, only_l, free_r


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
    cands = []
    for a in ls:
        for b in rs:
            if typ == EntityType.FIGURE:
                fa, fb = _figure_base(a), _figure_base(b)
                if fa is None or fb is None or fa[1] != fb[1]:
                    continue
                tolerance = 0.05 if fa[2] != fb[2] else 0.0  # "52 km" and "32 miles" agree
                if abs(fa[0] - fb[0]) <= tolerance * max(abs(fa[0]), abs(fb[0])):
                    continue
                ha, hb = ctx_l.hedge(a), ctx_r.hedge(b)
                if ha != hb and _overlap(_interval(fa[0], ha), _interval(fb[0], hb)):
                    continue  # "more than $1 million" and "$1.1 million" agree; "at least 23" and "at least 26" do not
                need = CONTEXT_MIN if fa[1] else BARE_CONTEXT_MIN
            else:
                if a.name.casefold() == b.name.casefold():
                    continue  # both wrote "Tuesday": a different day is our reading of tense, not theirs
                if _STAMP.match(ctx_l.around(a)) or _STAMP.match(ctx_r.around(b)):
                    continue  # "Published March 3, 2025": when each was published, not what happened
                if _weekday(a.name) and _weekday(b.name):
                    continue  # compared mention by mention (_changed_weekdays)
                if not a.value or a.precision != b.precision or a.value == b.value:
                    continue
                elif not same_reference and (_RELATIVE.search(a.name) or _RELATIVE.search(b.name)):
                    continue
                need = DATE_CONTEXT_MIN
            score = fuzz.token_set_ratio(ctx_l.around(a, strip=True), ctx_r.around(b, strip=True))
            if score >= need:
                cands.append((score, a, b))
    cands.sort(key=lambda t: -t[0])
    out, used_a, used_b = [], set(), set()
    for _, a, b in cands:
        if id(a) in used_a or id(b) in used_b:
            continue
        used_a.add(id(a))
        used_b.add(id(b))
        out.append((a, b))
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

    def alike(ma: Mention, mb: Mention) -> float:
        return fuzz.token_set_ratio(sent_l[ma.start].replace(ma.text, " "), sent_r[mb.start].replace(mb.text, " "))

    cands = []
    for ma, va in left:
        for mb, vb in right:
            if ma.text.casefold() == mb.text.casefold() or (va and vb and va == vb):
                continue
            if _names_day(sent_l[ma.start], mb.text) or _names_day(sent_r[mb.start], ma.text):
                continue  # "from Monday to Tuesday"
            score = alike(ma, mb)
            if score >= DATE_CONTEXT_MIN and fuzz.ratio(_around(ctx_l, ma), _around(ctx_r, mb)) >= _EVENT_MIN:
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


# ---- quotes --------------------------------------------------------------------------------------


def _quote_discrepancies(pairs: tuple[QuotePair, ...], ctx_l, ctx_r) -> list[Discrepancy]:
    """Of the quote pairs the sidebar and the report list (quote_pairs.pair_quotes): those whose
    words were changed inside the stretch both quote, by the same speaker (or one side
    unattributed); and the same words given to different speakers."""
    out = []
    for p in pairs:
        a, b = p.left, p.right
        if a is None or b is None:
            continue
        if p.wording == ALTERED:
            if p.reattributed:
                continue  # different people using similar words
            diff = p.words
        elif p.reattributed:
            diff = ()
        else:
            continue  # the same words, or one article quoting more of them
        out.append(Discrepancy(
            DiscrepancyKind.QUOTE, a.text, b.text, Span(a.start, a.end), Span(b.start, b.end),
            subject=a.speaker or b.speaker, left_context=ctx_l.sentence(a.start), right_context=ctx_r.sentence(b.start),
            word_diff=diff,
        ))
    return out


# ---- contexts --------------------------------------------------------------------------------------


# Words before a figure that make it a bound or an estimate rather than an exact value, by kind.
_HEDGES = {
    **dict.fromkeys(("more than", "over", "above", "at least", "upwards of"), "least"),
    **dict.fromkeys(("less than", "fewer than", "under", "below", "up to", "at most"), "most"),
    **dict.fromkeys(("nearly", "almost", "close to"), "nearly"),
    **dict.fromkeys(("about", "around", "roughly", "some", "approximately", "an estimated"), "about"),
}
_HEDGE = re.compile(r"\b(?P<w>" + "|".join(sorted(_HEDGES, key=len, reverse=True)) + r")\s+$", re.I)


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

    def hedge(self, e: Entity) -> str:
        """ "least", "most", "nearly", "about", or "" for a figure written as an exact value."""
        if not e.mentions:
            return ""
        start = e.mentions[0].start
        m = _HEDGE.search(self.article.text, max(0, start - 24), start)
        return _HEDGES[m.group("w").lower()] if m else ""

    def sentence(self, offset: int) -> str:
        sents = self.article.sentences
        i = bisect_right(self.starts, offset) - 1
        if 0 <= i < len(sents) and sents[i].start <= offset <= sents[i].end:
            return self.article.text[sents[i].start : sents[i].end]
        block = self.article.block_at(offset)
        return self.article.text[block.start : block.end] if block else ""

    def around(self, e: Entity, *, strip: bool = False) -> str:
        s = self.sentence(e.mentions[0].start) if e.mentions else ""
        if strip and e.mentions:
            s = s.replace(e.mentions[0].text, " ")
            s = _NUM_RE.sub(" ", s)
        return s


def _disc(kind: DiscrepancyKind, a: Entity, b: Entity, ctx_l: _Context, ctx_r: _Context, subject: str) -> Discrepancy:
    return _mention_disc(kind, a.mentions[0], b.mentions[0], ctx_l, ctx_r, subject)


def _mention_disc(kind: DiscrepancyKind, ma: Mention, mb: Mention, ctx_l: _Context, ctx_r: _Context,
                  subject: str) -> Discrepancy:
    return Discrepancy(
        kind, ma.text, mb.text, Span(ma.start, ma.end), Span(mb.start, mb.end), subject=subject,
        left_context=ctx_l.sentence(ma.start), right_context=ctx_r.sentence(mb.start),
    )
