"""Which quotes of two articles are the same quote, and whether their words differ.

One mechanism for the discrepancy list, the sidebar's quote pairs, the report and the JSON:
`pair_quotes` gives every quote of both articles once, paired or on one side, and `Comparison`
carries its result. Words are
compared the way a reader compares them: case, quote style, "I.R.S."/"IRS", "tax-filing"/
"tax filing", "Sen."/"Senator" and an editor's "[that]" or "(local)" do not count; nor does
one article quoting more of the same statement ("in part"). Only words changed inside the
stretch both articles quote make a quote "altered".
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress

from rapidfuzz.distance import Indel

from desktop.core import regexes
from desktop.core.entities.model import UNATTRIBUTED, EntityMatch, EntityType, MatchStatus, Quote, QuotePair
from desktop.core.entities.people import name_tokens, same_person

SAME, IN_PART, ALTERED = "same", "in part", "altered"

# [^\[\]] rather than [^\]]: a scan stops at the next opening bracket, so "[[[[..." is linear.
_EDITORIAL = regexes.compile(r"(\[[^\[\]]*\]|\([^()]*\))")
# Curly quotes to straight ones, dashes and hyphens to spaces. One str.replace each (none of them
# makes a character another replaces): str.translate goes a character at a time through a table,
# a third of reading a long article's quotes.
_MARKS = (("\u2018", "'"), ("\u2019", "'"), ("\u201b", "'"), ("\u201c", '"'), ("\u201d", '"'),
          ("\u2013", " "), ("\u2014", " "))


def _plain_marks(text: str) -> str:
    if not text.isascii():
        for mark, plain in _MARKS:
            text = text.replace(mark, plain)
    return text.replace("-", " ")


# Words, and an ellipsis, which stands for words the writer left out.
_TOKEN = regexes.compile(r"[\w']+(?:\.[\w']+)*|\.\.\.|\u2026")
_ELLIPSIS = "\u2026"
_ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                  "pres": "president", "dept": "department", "govt": "government", "st": "saint"}
# One outlet's "he's" is another's "he is": a transcription choice, not the speaker's words.
# ("'s" after a name is a possessive, and "'d" may be "had" or "would": left as they are.)
_CONTRACTIONS = {
    **{f"{p}'s": (p, "is") for p in "he she it that there what who where here".split()},
    **{f"{p}'re": (p, "are") for p in "we you they".split()},
    **{f"{p}'ll": (p, "will") for p in "i we you he she it they that".split()},
    **{f"{p}'ve": (p, "have") for p in "i we you they".split()},
    "i'm": ("i", "am"), "can't": ("can", "not"), "won't": ("will", "not"), "don't": ("do", "not"),
    "doesn't": ("does", "not"), "didn't": ("did", "not"), "isn't": ("is", "not"), "aren't": ("are", "not"),
    "wasn't": ("was", "not"), "weren't": ("were", "not"), "haven't": ("have", "not"), "hasn't": ("has", "not"),
    "wouldn't": ("would", "not"), "couldn't": ("could", "not"), "shouldn't": ("should", "not"),
}
# Words outlets transcribing one recording drop or add without changing what was said: articles,
# "that" before a clause ("admit that I'm" / "admit I'm"), hesitations. Left out of the comparison
# as an editor's brackets are. (Not "and"/"or": "free and open" is not "free or open".)
_FILLERS = frozenset({"a", "an", "the", "that", "oh", "well", "uh", "um", "ah", "er"})
# A joining word one side has and the other lacks between the same words ("James Bond, the
# president" / "James Bond and the president") is punctuation read aloud, not a change of words.
_JOINERS = frozenset({"and", "but", "so", "then"})
_SHORT = 4  # a shared run of this many words (or a whole shorter quote) makes two quotes one
_OTHER_SPEAKER = 6  # words two quotes credited to different speakers must share to be one quote


def comparable(text: str) -> tuple[str, ...]:
    """The words of a quote as compared across articles."""
    return _tokens(text)[0]


def _folded(text: str) -> str:
    return _plain_marks(unicodedata.normalize("NFKC", text)).casefold()


def _tokens(text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """Compared words, and which of them an editor put in brackets or parentheses."""
    text = _folded(text)
    words: list[str] = []
    editorial: list[bool] = []
    for k, part in enumerate(_EDITORIAL.split(text)):
        if not part:
            continue
        # Each word's compared forms from a cache (the words of quotes recur), joined in C: a
        # loop over every word cost most of pairing the quotes of a long article.
        found = list(chain.from_iterable(map(_word_forms, _TOKEN.findall(part))))
        words += found
        if k % 2 == 1:
            editorial += [True] * len(found)
        elif _ELLIPSIS in found:  # an ellipsis stands for words left out: never the speaker's
            editorial += [w == _ELLIPSIS for w in found]
        else:
            editorial += [False] * len(found)
    return tuple(words), tuple(editorial)


@lru_cache(maxsize=65536)
def _word_forms(word: str) -> tuple[str, ...]:
    """The compared forms of one casefolded word token: "..." is an ellipsis, "u.s." is "us",
    "he's" is "he" "is", "sen" is "senator"; nothing for a lone apostrophe."""
    if word in ("...", _ELLIPSIS):
        return (_ELLIPSIS,)
    word = word.replace(".", "").strip("'")
    parts = _CONTRACTIONS.get(word, (word,)) if "'" in word else (word,)
    return tuple(_ABBREVIATIONS.get(part, part) for part in parts if part)


@lru_cache(maxsize=65536)  # asked once per word of every quote diff: the same words come back
def word_key(word: str) -> str:
    """One display word as compared: "“Yes,”" and "yes" are equal; "--" and "…" are nothing.
    (comparable's words without its split at an editor's brackets, which only says which words
    are the editor's: no word holds a bracket, so the words are the same. A display word is
    seldom seen twice in a process, and the split and its lists were half of its cost.)"""
    return " ".join(chain.from_iterable(map(_word_forms, _TOKEN.findall(_folded(word)))))


@dataclass(frozen=True, slots=True)
class QuoteLink:
    """A left quote paired with a right quote, by index, and how their wording compares."""

    left: int  # index of the quote in the left article's list
    right: int
    wording: str  # SAME, IN_PART or ALTERED
    words: tuple[tuple[str, str, str], ...] = ()  # (op, left words, right words) unless SAME


def link_quotes(left: Sequence[Quote], right: Sequence[Quote],
                same_speaker: Callable[[Quote, Quote], bool] | None = None) -> list[QuoteLink]:
    """Each left quote with at most one right quote: the pairs sharing half the shorter one's
    words and a run of four in a row (or all of a shorter quote), best first; 40% is enough for
    the same speaker, and quotes credited to two different speakers must share six words (or be
    the same four or more). Candidates come from shared word runs, so a transcript of thousands
    of quotes is not compared all against all."""
    same_speaker = same_speaker or (lambda a, b: bool(a.speaker) and a.speaker == b.speaker)
    # Two versions of one story quote the same words: about half of a long pair's quotes on the
    # right are a left quote's text, tokenised once.
    known: dict[str, tuple[tuple[str, ...], tuple[bool, ...]]] = {}
    lt = [known.get(q.text) or known.setdefault(q.text, _tokens(q.text)) for q in left]
    rt = [known.get(q.text) or known.setdefault(q.text, _tokens(q.text)) for q in right]
    lw = [t[0] for t in lt]
    rw = [t[0] for t in rt]
    scored = []
    for i, j in _candidates(lw, rw):
        a, b = lw[i], rw[j]
        shorter = min(len(a), len(b))
        equal, longest = _overlap(a, b)
        same = same_speaker(left[i], right[j])
        bonus = 0.1 if same else 0.0
        if not same and left[i].speaker and right[j].speaker and equal < _OTHER_SPEAKER \
                and not (a == b and len(a) >= _SHORT):
            continue  # "talking points", "well over the line": short phrases recur in other mouths
        if longest >= min(_SHORT, shorter) and equal >= (0.5 - bonus) * shorter:
            scored.append((equal / shorter + bonus, equal, i, j))
    scored.sort(key=lambda t: (-t[0], -t[1], t[2], t[3]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    links = []
    for _, _, i, j in scored:
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        kind = wording(lw[i], rw[j], lt[i][1], rt[j][1])
        if kind == ALTERED and _sentences_left_out(left[i].text, right[j].text):
            kind = IN_PART
        links.append(QuoteLink(i, j, kind, word_diff(left[i].text, right[j].text) if kind != SAME else ()))
    links.sort(key=lambda link: link.left)
    return links


def wording(a: tuple[str, ...], b: tuple[str, ...], a_editorial: tuple[bool, ...] = (),
            b_editorial: tuple[bool, ...] = ()) -> str:
    """SAME; IN_PART when one only runs on before or after the other; else ALTERED. An edit whose
    words on one side are all an editor's ("[that]", "(local)"), words one side leaves out
    with an ellipsis, a filler word ("a", "the", "that", "oh") and a lone "and" between shared
    words are not the speaker's change."""
    if a == b:
        return SAME
    a, a_editorial = _without_fillers(a, a_editorial)
    b, b_editorial = _without_fillers(b, b_editorial)
    if a == b:
        return SAME
    a, a_editorial = _elided_parts_shared(a, a_editorial, b)
    b, b_editorial = _elided_parts_shared(b, b_editorial, a)
    if one_inside(a, b):
        return IN_PART  # "I am not pro-gay marriage" inside "I am strongly pro-life and I am not pro-gay marriage"

    def editors(flags: tuple[bool, ...], start: int, end: int) -> bool:
        return end > start and all(flags[start:end]) if flags else False

    def elided(words: tuple[str, ...], at: int) -> bool:
        return _ELLIPSIS in words[max(0, at - 1) : at + 1]  # words left out where the other has "…"

    def joiner(op, k: int) -> bool:  # one "and" between words both sides share
        words = a[op.src_start : op.src_end] if op.tag == "delete" else b[op.dest_start : op.dest_end]
        return (len(words) == 1 and words[0] in _JOINERS and 0 < k < len(all_ops) - 1
                and all_ops[k - 1].tag == all_ops[k + 1].tag == "equal")

    all_ops = list(Indel.opcodes(a, b))
    ops, omitted = [], False
    for k, op in enumerate(all_ops):
        if op.tag != "equal" and (op.tag == "insert" and elided(a, op.src_start)
                                  or op.tag == "delete" and elided(b, op.dest_start)):
            omitted = True
        elif op.tag == "equal" or not (editors(a_editorial, op.src_start, op.src_end)
                                       or editors(b_editorial, op.dest_start, op.dest_end) or joiner(op, k)):
            ops.append(op)
    if all(op.tag == "equal" for op in ops):
        return IN_PART if omitted else SAME
    # Words before the first shared word, or after the last, on ONE side are that side quoting
    # more; words there on both sides are two versions of the same edge ("what they're finding" /
    # "what they're talking"): altered.
    head, tail = set(), set()
    while ops and ops[0].tag != "equal":
        head.add(ops.pop(0).tag)
    while ops and ops[-1].tag != "equal":
        tail.add(ops.pop().tag)
    if len(head) == 2 or len(tail) == 2:
        return ALTERED
    return ALTERED if not ops or any(op.tag != "equal" for op in ops) else IN_PART


def _elided_parts_shared(words: tuple[str, ...], editorial: tuple[bool, ...], other: tuple[str, ...]
                         ) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """The parts of a quote cut by ellipses that the other quote also has (two words in a row, or
    a one-word part): a part after "..." that the other never quotes is this side quoting more,
    and must not be lined up with the other's words through one common word ("not")."""
    if _ELLIPSIS not in words or len(words) != len(editorial):
        return words, editorial
    pairs = set(zip(other, other[1:]))
    singles = set(other)
    keep: list[int] = []
    part: list[int] = []
    for k, w in enumerate(words + (_ELLIPSIS,)):
        if w != _ELLIPSIS:
            part.append(k)
            continue
        seg = [words[i] for i in part]
        if len(seg) == 1 and seg[0] in singles or any(p in pairs for p in zip(seg, seg[1:])):
            keep += part
        if k < len(words):
            keep.append(k)
        part = []
    if not any(words[k] != _ELLIPSIS for k in keep):
        return words, editorial
    return tuple(words[k] for k in keep), tuple(editorial[k] for k in keep)


def _without_fillers(words: tuple[str, ...], editorial: tuple[bool, ...]) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    keep = [k for k, w in enumerate(words) if w not in _FILLERS]
    if len(keep) == len(words):
        return words, editorial
    return tuple(words[k] for k in keep), tuple(editorial[k] for k in keep) if editorial else ()


_SENTENCE_END = regexes.compile(r"(?<=[.?!])[\"'\u201d\u2019]?\s+")


def _sentences_left_out(a: str, b: str) -> bool:
    """Is the quote with fewer sentences the other's sentences with whole sentences left out
    between them ("A clown show. An idea." / "A clown show. A circus. An idea.")? Its first
    sentence may begin, and its last end, inside one of the other's; every other edge is a
    sentence edge of the other, so no word inside a sentence was dropped."""
    sa = [w for w in (_without_fillers(comparable(x), ())[0] for x in _SENTENCE_END.split(a)) if w]
    sb = [w for w in (_without_fillers(comparable(x), ())[0] for x in _SENTENCE_END.split(b)) if w]
    short, long_ = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if len(short) < 2:
        return False  # one sentence inside another is wording()'s one_inside
    k = 0
    for n, sent in enumerate(short):
        first, last = n == 0, n == len(short) - 1
        while k < len(long_):
            other = long_[k]
            k += 1
            if sent == other or first and other[-len(sent):] == sent or last and other[: len(sent)] == sent:
                break
        else:
            return False
    return True


def one_inside(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Is the shorter word sequence a run of the longer one?"""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return any(long_[k : k + len(short)] == short for k in range(len(long_) - len(short) + 1))


def shared_share(a: str, b: str) -> float:
    """The share of the shorter quote's compared words (fillers aside) that the other has, in order."""
    wa, wb = _without_fillers(comparable(a), ())[0], _without_fillers(comparable(b), ())[0]
    shorter = min(len(wa), len(wb))
    return _overlap(wa, wb)[0] / shorter if shorter else 0.0


def word_diff(left: str, right: str) -> tuple[tuple[str, str, str], ...]:
    """Display words of both quotes with (op, left words, right words): equal, changed, inserted,
    deleted. Words that compare equal (case, marks, abbreviation dots) are equal; a run of edits
    between equal words is one op, struck-out words first."""
    lw, rw = left.split(), right.split()
    lk, rk = [word_key(w) for w in lw], [word_key(w) for w in rw]
    out: list[tuple[str, str, str]] = []
    for op in Indel.opcodes(lk, rk):
        a, b = " ".join(lw[op.src_start : op.src_end]), " ".join(rw[op.dest_start : op.dest_end])
        tag = "equal" if op.tag == "equal" else ("inserted" if op.tag == "insert" else "deleted")
        if tag != "equal" and out and out[-1][0] != "equal":
            _, pa, pb = out.pop()
            a, b = " ".join(x for x in (pa, a) if x), " ".join(x for x in (pb, b) if x)
            tag = "changed" if a and b else tag
        if tag == "changed" and comparable(a) == comparable(b):
            tag = "equal"  # "tax filing" / "tax-filing": one word or two, the same words
        out.append((tag, a, b))
    return tuple(out)


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int]:
    """Words in common in order, and the longest run of them."""
    if a == b:
        return len(a), len(a)  # (the one run the opcodes would give; most pairs of a long pair of versions)
    equal = longest = 0
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            n = op.src_end - op.src_start
            equal += n
            longest = max(longest, n)
    return equal, longest


def _candidates(lw: list[tuple[str, ...]], rw: list[tuple[str, ...]]):
    """Pairs that share a run of four words, or the whole of a quote shorter than that: a
    superset of what link_quotes can accept."""
    # A left quote of four words or more is looked up by its runs of four; a shorter one by itself,
    # so right quotes' shorter runs are kept only where they are a short left quote. Runs are
    # zipped from shifted tuples, equal to slices of the words, and every step over all the runs
    # is a C call: a Python statement per run was most of pairing a long article's quotes.
    short_left = {w for w in lw if 0 < len(w) < _GRAM}
    short_lengths = sorted({len(w) for w in short_left})
    runs: list[tuple[str, ...]] = []
    owners: list[tuple[int]] = []  # the right quote of each run, as a 1-tuple: what a lookup yields
    whole: dict[tuple[str, ...], set[int]] = defaultdict(set)  # right quotes shorter than _GRAM words
    for j, w in enumerate(rw):
        before = len(runs)
        for n in short_lengths:
            runs += filter(short_left.__contains__, zip(*(w[k:] for k in range(n))))
        runs += zip(*(w[k:] for k in range(_GRAM)))
        owners += [(j,)] * (len(runs) - before)
        if 0 < len(w) < _GRAM:
            whole[w].add(j)
    grams: dict[tuple[str, ...], tuple[int] | set[int]] = dict(zip(runs, owners))
    if len(grams) < len(runs):  # runs that recur: every right quote they are in, in quote order
        repeated = {g for g, c in Counter(runs).items() if c > 1}
        for g in repeated:
            grams[g] = set()
        for g, (j,) in compress(zip(runs, owners), map(repeated.__contains__, runs)):
            grams[g].add(j)  # type: ignore[union-attr]
    whole_lengths = {len(w) for w in whole}
    for i, w in enumerate(lw):
        if not w:
            continue
        # Counted in the order the runs are found (ties in most_common go to the first found).
        n = min(_GRAM, len(w))
        found: Counter[int] = Counter(chain.from_iterable(filter(None, map(grams.get, zip(*(w[k:] for k in range(n)))))))
        for m in range(1, min(len(w), _GRAM)):  # right quotes shorter than this one, inside it
            if m in whole_lengths:
                found.update(chain.from_iterable(filter(None, map(whole.get, zip(*(w[k:] for k in range(m)))))))
        # Common phrases ("I don't think") would tie one quote of a long transcript to all others.
        # (Up to _MAX_CANDIDATES found, most_common would keep them all: they are taken in order as they are.)
        for j in sorted(found) if len(found) <= _MAX_CANDIDATES else [j for j, _ in sorted(found.most_common(_MAX_CANDIDATES))]:
            yield i, j


_GRAM = _SHORT
_MAX_CANDIDATES = 200


# ---- every quote of two articles, paired or on one side -------------------------------------------


def speaker_aliases(matches: Sequence[EntityMatch]) -> dict[str, str]:
    """Right-side speaker names mapped to the left-side spelling of the same person or body."""
    aliases: dict[str, str] = {}
    for m in matches:
        if m.left is None or m.right is None or m.type not in (EntityType.PERSON, EntityType.ORGANIZATION):
            continue
        aliases[m.right.name] = m.left.name
        for variant in m.right.variants:
            aliases.setdefault(variant, m.left.name)
    return aliases


def same_speaker(a: str, b: str) -> bool:
    """One person named two ways: "Amira Rasheed" / "Rasheed", or a spelling the names compare as one."""
    if a == b:
        return True
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta and tb and (ta[-1] == tb[-1] or same_person(a, b)))


def pair_quotes(left: Sequence[Quote], right: Sequence[Quote], matches: Sequence[EntityMatch] = ()
                ) -> tuple[QuotePair, ...]:
    """Every quote of both articles once, in the left's reading order (a quote only on the right
    after the paired quote before it): each left quote with at most one right quote (link_quotes),
    the speaker on both sides compared through the entity matches and the names."""
    # The same pairing is asked for twice per comparison (matching's quote discrepancies, then
    # Comparison.quotes, again on every dataclasses.replace of it): the last answer is kept, keyed by
    # the very objects asked about (held, so their ids stay theirs). 1.9 s of a 50k-word pair.
    # One tuple swapped whole, so threads asking at once each see a consistent answer.
    held = (tuple(left), tuple(right), tuple(matches))
    key = tuple(tuple(map(id, part)) for part in held)
    last = _LAST[0]
    if last is not None and last[0] == key:
        return last[2]
    pairs = _pair_quotes(left, right, matches)
    _LAST[0] = (key, held, pairs)
    return pairs


_LAST: list = [None]  # (key: the ids of the quotes and matches, those objects, their pairs)


def _pair_quotes(left: Sequence[Quote], right: Sequence[Quote], matches: Sequence[EntityMatch]) -> tuple[QuotePair, ...]:
    aliases = speaker_aliases(matches)

    def right_speaker(q: Quote) -> str:
        return aliases.get(q.speaker, q.speaker)

    def same(a: Quote, b: Quote) -> bool:
        return bool(a.speaker and b.speaker) and same_speaker(a.speaker, right_speaker(b))

    links = {link.left: link for link in link_quotes(left, right, same)}
    used_r = {link.right for link in links.values()}
    pairs: list[QuotePair] = []
    for i, lq in enumerate(left):
        link = links.get(i)
        if link is None:
            pairs.append(QuotePair(lq.speaker or UNATTRIBUTED, lq, None, MatchStatus.LEFT))
            continue
        rq = right[link.right]
        reattributed = _credited_apart(lq, rq, right_speaker(rq)) and not same(lq, rq)
        notes = (["worded"] if link.wording == ALTERED else []) + (["attributed"] if reattributed else [])
        note = (" and ".join(notes) + " differently") if notes else ("quoted in part" if link.wording == IN_PART else "")
        status = MatchStatus.CONFLICT if notes else MatchStatus.BOTH
        pairs.append(QuotePair(lq.speaker or right_speaker(rq) or UNATTRIBUTED, lq, rq, status, note, link.words,
                               link.wording, reattributed))
    for j, rq in enumerate(right):
        if j not in used_r:
            pairs.append(QuotePair(right_speaker(rq) or UNATTRIBUTED, None, rq, MatchStatus.RIGHT))
    keys = _reading_positions(pairs)
    return tuple(p for _, p in sorted(zip(keys, pairs), key=lambda kp: kp[0]))


def _credited_apart(a: Quote, b: Quote, b_speaker: str) -> bool:
    """Do the two articles credit the words to two different people or bodies? Only when both
    name one the text resolved ("the Texas governor" left unresolved may well be the governor
    named in the other), and neither speaks for the other (a campaign and its spokeswoman)."""
    if not (a.speaker and b.speaker and a.speaker_type and b.speaker_type):
        return False
    return not (a.speaker_for and same_speaker(a.speaker_for, b_speaker)
                or b.speaker_for and same_speaker(b.speaker_for, a.speaker))


def _reading_positions(pairs: list[QuotePair]) -> list[tuple[float, int]]:
    """Left order; a right-only quote goes after the paired quote that precedes it on the right."""
    paired = sorted((p.right.start, p.left.start) for p in pairs if p.left and p.right)
    rights = [r for r, _ in paired]
    best_left: list[int] = []  # the latest left start among pairs up to each right position
    for _, left_start in paired:
        best_left.append(max(left_start, best_left[-1]) if best_left else left_start)
    out = []
    for p in pairs:
        if p.left is not None:
            out.append((float(p.left.start), 0))
            continue
        k = bisect_left(rights, p.right.start) - 1  # type: ignore[union-attr]
        out.append(((best_left[k] + 0.5) if k >= 0 else -1.0, p.right.start))  # type: ignore[union-attr]
    return out
