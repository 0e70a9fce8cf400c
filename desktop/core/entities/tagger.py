"""A learned name tagger: people, places and organisations as IOB tags, by an averaged perceptron and Viterbi.

Only "islands" are tagged: runs of capitalised tokens and the few words that join them ("Bank of
England"). Every other token is outside any name, which is what keeps the tagger cheap: most words
of news text are lower-case and cost nothing here. Features are hashed into a fixed table, so the
shipped weights hold numbers only, no word list; `scripts/train_tagger.py` rebuilds them.
"""

from __future__ import annotations

import json
import re
import sys
from array import array
from itertools import compress, groupby
from operator import add, itemgetter, ne
from zlib import crc32

from desktop.core.entities import lexicon as lx
from desktop.core.entities.gazetteer import Gazetteer, load_gazetteer
from desktop.core.entities.tokens import Tok
from desktop.core.resources import resource_path

WEIGHTS_FILE = "names.weights"
TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
N_TAGS = len(TAGS)
# Which tag may follow which: I-X only after B-X or I-X (IOB2).
_ALLOWED = tuple(tuple(not TAGS[t].startswith("I-") or TAGS[p][2:] == TAGS[t][2:] for p in range(N_TAGS))
                 for t in range(N_TAGS))
# Lower-case words that join capitalised ones inside a name ("Bank of England", "Procter & Gamble").
JOINERS = lx.CONNECTORS | frozenset({"and", "for", "-", ".", "'", "/"})
# Words that are no name on their own, whatever their case.
_NEVER_ALONE = lx.FUNCTION_WORDS | lx.DATE_WORDS | frozenset({"may", "mr.", "mrs.", "ms.", "dr."})
# Score vectors cached per process, at most: each costs about 400 bytes, so the caches stay under
# 40 MB however much text a worker reads (the 150 BASIL articles, 0.56 MB, fill 29,000).
_CACHE_LIMIT = 100_000
_HASH_BITS = 20
_MASK = (1 << _HASH_BITS) - 1


def bucket(feature: str) -> int:
    return crc32(feature.encode("utf-8", "surrogatepass")) & _MASK


def candidate(t: Tok) -> bool:
    """Could this token be part of a name? Words and acronyms with a capital: "Peter", "U.S.", "al-Sadr", "eBay"."""
    return (t.kind == "W" or t.kind == "A") and t.text.lower() != t.text


def islands(toks: list[Tok]) -> list[tuple[int, int]]:
    """[start, end) token ranges the tagger decides: candidates, numbers after them ("Schalke 04"),
    and a joiner between two candidates."""
    texts = list(map(_TEXT_OF, toks))
    return _islands(toks, texts, list(map(str.lower, texts)))


def _islands(toks: list[Tok], texts: list[str], lows: list[str]) -> list[tuple[int, int]]:
    # The tokens with a capital are found in C (a word whose lower case differs); only those few
    # are looked at in Python (a possessive "'S" has a capital too, but no name is made of it).
    cands = [k for k in compress(range(len(texts)), map(ne, texts, lows)) if toks[k][3] in _NAME_KINDS]
    if not cands:
        return []
    is_cand = set(cands)
    out = []
    n = len(toks)
    end = 0
    for i in cands:
        if i < end:
            continue
        j = i + 1
        while j < n:
            if j in is_cand or (toks[j][3] == "N" and j > i):
                j += 1
            elif j + 1 in is_cand and texts[j] in JOINERS:
                j += 2
            else:
                break
        while j > i + 1 and j - 1 not in is_cand and toks[j - 1][3] != "N":
            j -= 1
        end = j
        if j == i + 1 and lows[i] in _NEVER_ALONE:
            continue  # "The", "But", "He", "Monday" on their own: a third of all islands, never a name
        out.append((i, j))
    return out


_NAME_KINDS = frozenset("WA")
_TEXT_OF = itemgetter(2)


# ---- features ------------------------------------------------------------------------------------


def shape(word: str) -> str:
    """ "Peter" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d", "McDonald" -> "XxXx"."""
    if word.isascii():
        # Most tokens are letters in one case or capitalised, digits or a mark, told by a test or
        # two in C (a third of the time of the translation and collapse of runs below, which every
        # new word of a process pays for once)
        if word.isalpha():
            if word.islower():
                return "x"
            if word.isupper():
                return "X"
            if word[0].isupper() and word[1:].islower():
                return "Xx"
        elif word.isdigit():
            return "d"
        elif len(word) == 1:
            return word  # a mark is its own shape
        return "".join(map(_FIRST_OF, groupby(word.translate(_ASCII_SHAPE))))  # one translation, one collapse, in C
    out = []
    last = ""
    for c in word:
        k = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if k != last:
            out.append(k)
            last = k
    return "".join(out)


_ASCII_SHAPE = str.maketrans({**dict.fromkeys(map(chr, range(65, 91)), "X"), **dict.fromkeys(map(chr, range(97, 123)), "x"),
                              **dict.fromkeys("0123456789", "d")})
_FIRST_OF = itemgetter(0)  # of groupby's (character, run) pairs: the collapsed runs


def word_class(word: str, gaz: Gazetteer) -> list[str]:
    """What the project's own lists say of one word: gazetteer, given names, title and organisation words."""
    low = word.lower()
    out = []
    place = gaz.place(word)
    if place is not None:
        out.append("P" + place.kind[:3] + ("b" if place.kind != "city" or place.population >= 100_000 else "s"))
    if word in gaz.given_names or (word.isupper() and len(word) > 2 and word.capitalize() in gaz.given_names):
        out.append("G" + gaz.given_gender.get(word.capitalize(), ""))
    if word in gaz.demonyms:
        out.append("D")
    out.extend(_CLASS_OF.get(low, ()))
    return out


_CLASSES = (
    ("th", lx.TITLE_HEADS), ("tm", lx.TITLE_MODIFIERS), ("ho", lx.HONORIFICS), ("rn", lx.ROLE_NOUNS),
    ("oh", lx.ORG_HEADS), ("on", lx.ORG_NOUNS), ("mh", lx.MISC_HEADS), ("sv", lx.SPEECH_VERBS),
    ("fw", lx.FUNCTION_WORDS), ("dw", lx.DATE_WORDS), ("ph", lx.PLACE_HEADS), ("pm", lx.PERSON_MODIFIED_NOUNS),
    ("cn", lx.CONNECTORS),
)
# The same, by word: its classes in the order above (one lookup, not thirteen). Built class by
# class, a word's tuple growing in that order: asking every class about every word took 0.4 ms
# of each process's import.
_CLASS_OF: dict[str, tuple[str, ...]] = {}
for _name, _words in _CLASSES:
    for _w in _words:
        _CLASS_OF[_w] = (*_CLASS_OF.get(_w, ()), _name)
del _name, _words, _w


_OFFSETS = {k: str(k) for k in (-2, -1, 1, 2)}


class Features:
    """Feature strings for a token, split into groups that depend on one word only, so that a
    decoder can cache each group's score per word."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        # by word: its lower case, shape and word classes, which a word's own features and those
        # of its neighbours all ask for (Tagger.forget empties it with its own caches)
        self.words: dict[str, tuple[str, str, list[str]]] = {}

    def word(self, word: str) -> tuple[str, str, list[str]]:
        hit = self.words.get(word)
        if hit is None:
            hit = self.words[word] = (word.lower(), shape(word), word_class(word, self.gaz))
        return hit

    # Of own()'s features, those that name the word itself ("w=", "l="); the others (bias, shape,
    # affixes, length, classes) are shared by many words. near()'s first names the word too.
    OWN_WORD = slice(1, 3)

    def own(self, word: str, headline: bool) -> list[str]:
        low, sh, classes = self.word(word)
        h = "H" if headline else ""
        feats = ["b", h + "w=" + word, "l=" + low, h + "s=" + sh, "p3=" + low[:3], "x3=" + low[-3:],
                 "x2=" + low[-2:], "n=" + str(min(len(word), 6))]
        for c in classes:
            feats.append(h + "c=" + c)
            feats.append("cs=" + c + sh)
        return feats

    def near(self, word: str, offset: int) -> list[str]:
        """Features of the word `offset` tokens away (sentence edges are "<" and ">")."""
        o = _OFFSETS[offset]
        if word in ("<", ">"):
            return [o + "e"]
        low, sh, classes = self.word(word)
        feats = [o + "l=" + low, o + "s=" + sh]
        if offset == -1 or offset == 1:
            for c in classes:
                feats.append(o + "c=" + c)
        return feats

    @staticmethod
    def context(lenpos: str, rule: str, sh: str, first: bool, dl: bool, headline: bool, gaz_tag: str) -> list[str]:
        """Features of a token's place in its island, sentence and document, the rules' verdict among them."""
        feats = ["len=" + lenpos, "r=" + rule, "rs=" + rule + sh]
        if first:
            feats.append("first" + sh)
        if dl:  # the document also writes the word in lower case
            feats.append("dl" + ("f" if first else "") + ("H" if headline else ""))
        if gaz_tag:
            feats.append("gz=" + gaz_tag)
        return feats


def gazetteer_tags(text: str, toks: list[Tok], lo: int, hi: int, gaz: Gazetteer,
                   kinds: dict[str, str] | None = None) -> list[str]:
    """Longest place name of the gazetteer starting at each token of an island: B-kind / I-kind.
    `kinds` caches each span's kind ("" for none) across calls."""
    out = [""] * (hi - lo)
    if kinds is None:
        kinds = {}
    i = lo
    while i < hi:
        for j in range(min(hi, i + 4), i, -1):
            if j - i == 1:
                _, _, span, kind = toks[i]  # a token's text is text[start:end]
                if not (kind == "W" or kind == "A") or span.lower() == span:
                    break  # as candidate(toks[i])
            else:
                span = text[toks[i][0] : toks[j - 1][1]]
            kind = kinds.get(span)
            if kind is None:
                place = gaz.place(span)
                kind = kinds[span] = place.kind[:3] if place is not None else ""
            if kind:
                out[i - lo] = "B" + kind
                for k in range(i + 1, j):
                    out[k - lo] = "I" + kind
                i = j - 1
                break
        i += 1
    return out


def headline_sentence(text: str, toks: list[Tok]) -> bool:
    """Most words in capitals: a headline or a dateline, where capitals say nothing of names."""
    if not toks or not _CAPS_WORD.search(text, toks[0].start, toks[-1].end):
        return False  # no word in capitals at all: most sentences
    n_words = n_upper = 0
    for t in toks:
        if t.kind == "W" and len(t.text) > 1:
            n_words += 1
            if t.text.isupper():
                n_upper += 1
            elif n_words - n_upper > 0.4 * len(toks) + 1:
                return False  # decided early: most sentences have few words in capitals
    return n_words >= 2 and n_upper >= 0.6 * n_words


# As in names.py: one possessive run, then the boundary (the old `[A-Z]*[^\W\da-z]*` split a
# long run of capitals every possible way before failing: 20 KB took 13 s).
_CAPS_WORD = re.compile(r"\b[A-Z]{2}[^\W\da-z]*+\b")
_OPENERS = frozenset("\"'\u201c\u2018([:\u2014\u2013-")


def token_features(text: str, toks: list[Tok], lo: int, hi: int, feats: Features, headline: bool,
                   lower_words: set[str], rule_starts: dict[int, tuple[str, int]]) -> list[list[list[str]]]:
    """Every feature group of every island token, as Tagger.tag sums them: own, near -2, -1, +1, +2,
    context, the two word pairs."""
    gz = gazetteer_tags(text, toks, lo, hi, feats.gaz)
    rules = rule_tags(toks, lo, hi, rule_starts)
    out = []
    n = len(toks)
    for i in range(lo, hi):
        word = toks[i].text
        low = word.lower()
        first = i == 0 or toks[i - 1].text in _OPENERS
        groups = [feats.own(word, headline)]
        for off in (-2, -1, 1, 2):
            k = i + off
            groups.append(feats.near(toks[k].text if 0 <= k < n else ("<" if k < 0 else ">"), off))
        groups.append(feats.context(_lenpos(lo, hi, i), rules[i - lo], shape(word), first, low in lower_words, headline,
                                    gz[i - lo]))
        prev = toks[i - 1].text.lower() if i > 0 else "<"
        nxt = toks[i + 1].text.lower() if i + 1 < n else ">"
        groups.append(["bl=" + prev + "|" + low, "bn=" + low + "|" + nxt])
        out.append(groups)
    return out


def _lenpos(lo: int, hi: int, i: int) -> str:
    return _LENPOS[min(hi - lo, 5)][min(i - lo, 3)]


_LENPOS = [[f"{n}/{k}" for k in range(4)] for n in range(6)]  # island length, place in it


# ---- decoding ------------------------------------------------------------------------------------

_FIRST = tuple(t for t in range(N_TAGS) if _ALLOWED[t][0])  # O and B-X: they may follow any tag


def viterbi(scores: list[list[int]], trans: list[list[int]], single: list[int] | None = None,
            entry: list[int] | None = None, steps: tuple | None = None) -> list[int]:
    """Best tag sequence for one island, entered from O and left to O; on a tie, the lowest tag
    last, then the lowest before it. `single`, `entry` and `steps` are alone(trans),
    entering(trans) and predecessors(trans), when the caller keeps them."""
    if len(scores) == 1:  # most islands are one word: in from O, out to O
        vals = list(map(add, scores[0], single or alone(trans)))
        return [vals.index(max(vals))]
    prev = list(map(add, scores[0], entry or entering(trans)))
    back = []
    first, later = steps or predecessors(trans)
    for s in scores[1:]:
        cur = []
        ptr = []
        # only the allowed transitions, lowest predecessor first so that it keeps a tie: a loop
        # over them is faster than a max over all nine in C for each tag
        for t, froms in first if not back else later:
            best = None
            for p, c in froms:
                v = prev[p] + c
                if best is None or v > best:
                    best, arg = v, p
            cur.append(best + s[t])
            ptr.append(arg)
        prev = cur
        back.append(ptr)
    vals = list(map(add, prev, [row[0] for row in trans]))  # out to O
    last = vals.index(max(vals))
    path = [last]
    for ptr in reversed(back):
        last = ptr[last]
        path.append(last)
    path.reverse()
    return path


def predecessors(trans: list[list[int]]) -> tuple[list, list]:
    """Per tag t, the tags p that may come before it, with the transition: [(t, ((p, trans[p][t]), ...)), ...],
    t and p in order. Twice: for the second token of an island, where only O and B-X can come
    before (the first was entered from O), and for any later token."""
    def allowed(before):
        return [(t, tuple((p, trans[p][t]) for p in before if _ALLOWED[t][p])) for t in range(N_TAGS)]
    return allowed(_FIRST), allowed(range(N_TAGS))


def entering(trans: list[list[int]]) -> list[int]:
    """Per tag, the transition into the first token of an island (from O; I-X cannot start one)."""
    return [trans[0][t] if t in _FIRST else -(1 << 60) for t in range(N_TAGS)]


def pairs(trans: list[list[int]]) -> list[tuple[int, int, int]]:
    """The tag pairs a two-token island may take, in from O and out to O, as (transitions, first
    tag, second tag), ordered by the second tag, then the first: the order in which viterbi breaks ties."""
    return [(trans[0][t1] + trans[t1][t2] + trans[t2][0], t1, t2)
            for t2 in range(N_TAGS) for t1 in _FIRST if _ALLOWED[t2][t1]]


def two_tokens(a: list[int], b: list[int], tag_pairs: list[tuple[int, int, int]]) -> tuple[int, int]:
    """viterbi([a, b]) by trying the 29 pairs: a third of all islands are two tokens, and this
    takes half of viterbi's time."""
    best = None
    for c, t1, t2 in tag_pairs:
        v = c + a[t1] + b[t2]
        if best is None or v > best:  # the first best on a tie, as viterbi
            best, path = v, (t1, t2)
    return path


def alone(trans: list[list[int]]) -> list[int]:
    """Per tag, the transitions of a one-token name: from O and back to O (I-X cannot be alone)."""
    return [trans[0][t] + trans[t][0] if t in _FIRST else -(1 << 60) for t in range(N_TAGS)]


def rule_tags(toks: list[Tok], lo: int, hi: int, rule_starts: dict[int, tuple[str, int]]) -> list[str]:
    """What the hand rules made of each token of an island: "BPER", "ILOC", "BU" (a name they could
    not type), "-" (no name)."""
    out = []
    open_end, typ = -1, ""
    for i in range(lo, hi):
        t = toks[i]
        hit = rule_starts.get(t.start)
        if hit is not None:
            typ, open_end = hit
            out.append("B" + typ)
        elif t.start < open_end:
            out.append("I" + typ)
        else:
            out.append("-")
    return out


# ---- packed scores ---------------------------------------------------------------------------------
# A score vector is one Python int, N_TAGS lanes of 32 bits, lane t tag t's score: a token's cached
# vectors then sum in three int additions, not lists. Each weight is stored biased by
# 2^15 so that every lane stays non-negative and no sum borrows from the next lane; a vector of
# k weights thus holds its scores plus k * 2^15 in every lane, the same in all of a token's lanes,
# which changes neither the best tag of a token nor Viterbi's path, ties included (each path takes
# one tag per token). A token sums at most about 120 features, under 2^23 per lane.
_LANE_BYTES = 4
_VEC_BYTES = _LANE_BYTES * N_TAGS
_BIG_ENDIAN = sys.byteorder == "big"
if array("I").itemsize != _LANE_BYTES:
    raise ImportError("the tagger's packed scores need 4-byte unsigned ints")


def packed_rows(values: array) -> bytes:
    """The weights as 32-bit little-endian lanes, biased by 2^15 (int.from_bytes of a row's 36 bytes
    is its packed vector): flipping the sign bit of a 16-bit two's complement number adds 2^15.
    Each process does this once, on 0.9 MB, with no copy it does not need: the low bytes go
    straight in, the high ones flipped on the way. (The result is bytes, as a slice of bytes makes
    an int 0.1 us sooner than a slice of a bytearray.)"""
    if _BIG_ENDIAN:
        values = array("h", values)
        values.byteswap()
    narrow = values.tobytes()
    wide = bytearray(2 * len(narrow))
    wide[0::4] = narrow[0::2]
    wide[1::4] = narrow[1::2].translate(_FLIP_SIGN)
    return bytes(wide)


_FLIP_SIGN = bytes(b ^ 0x80 for b in range(256))


def lanes(vec: int) -> array:
    """A packed vector's N_TAGS scores."""
    out = array("I", vec.to_bytes(_VEC_BYTES, "little"))
    if _BIG_ENDIAN:
        out.byteswap()
    return out


def pack(scores: list[int]) -> int:
    """N_TAGS non-negative scores, each under 2^32, as one packed vector."""
    return sum(v << (8 * _LANE_BYTES * t) for t, v in enumerate(scores))


def lifted_alone(trans: list[list[int]]) -> int:
    """alone(trans) packed, to add to a one-token island's packed score: lifted by 2^30 so that O
    and B-X always outscore I-X, which cannot stand alone and gets 0 (a token's lanes stay under 2^23)."""
    single = alone(trans)
    if any(abs(single[t]) >= 1 << 28 for t in _FIRST):
        raise ValueError("transition weights out of range for packed scores; run scripts/train_tagger.py")
    return pack([single[t] + (1 << 30) if t in _FIRST else 0 for t in range(N_TAGS)])


def one_token(vec: int, lifted: int) -> int:
    """viterbi([lanes(vec)])[0] for a packed score, `lifted` from lifted_alone: the lowest tag on a tie."""
    best = lanes(vec + lifted)
    return best.index(max(best))


class Tagger:
    """Weights (a hashed table, N_TAGS numbers per bucket) and per-word score caches."""

    def __init__(self, table: Rows, trans: list[list[int]], gaz: Gazetteer):
        self.table = table
        self.trans = trans
        self._alone = alone(trans)
        self._entry = entering(trans)
        self._steps = predecessors(trans)
        self._pairs2 = pairs(trans)
        self._lifted = lifted_alone(trans)
        self._packed = packed_rows(table.values)
        self.features = Features(gaz)
        # by word, in headlines and elsewhere: the packed score, and the word's shape and lower case
        self._own: tuple[dict[str, tuple[int, str, str]], ...] = ({}, {})
        self._near: tuple[dict[str, int], ...] = ({}, {}, {}, {})  # the word 2 and 1 before, 1 and 2 after
        # by the word before, the word and the word after, in headlines and elsewhere: the scores
        # of the word, of those two neighbours and of the two word pairs, summed, and the word's
        # shape and lower case (a name comes back with the same neighbours: "Mr. Obama said")
        self._trios: tuple[dict[tuple[str, str, str], tuple[int, str, str]], ...] = ({}, {})
        self._ctx: dict[tuple, int] = {}
        self._kinds: dict[str, str] = {}  # place kind of a span of text, "" for none
        # the packed row of each feature that many words share (Features.OWN_WORD): a new word's
        # shape, affixes and classes were most often hashed for another word already
        self._shared: dict[str, int] = {}
        self._calls = 0

    def memo_size(self) -> int:
        """Entries in the per-word caches (desktop/core/entities/memos.py keeps them bounded)."""
        return (sum(map(len, self._own)) + sum(map(len, self._near)) + sum(map(len, self._trios)) + len(self._ctx)
                + len(self._kinds) + len(self.features.words) + len(self._shared))

    def forget(self) -> None:
        """Empty the per-word caches; they fill again from the next sentence tagged."""
        for cache in (*self._own, *self._near, *self._trios, self._ctx, self._kinds, self.features.words, self._shared):
            cache.clear()

    def _score(self, feats: list[str]) -> int:
        """The packed sum of the features' rows."""
        slots = self.table.slots
        packed = self._packed
        s = 0
        for f in feats:
            r = slots[crc32(f.encode("utf-8", "surrogatepass")) & _MASK]
            if r:  # a feature never seen in training hashes to an empty row, as a quarter do
                o = (r - 1) * _VEC_BYTES
                s += int.from_bytes(packed[o : o + _VEC_BYTES], "little")
        return s

    def _score_shared(self, feats: list[str]) -> int:
        """_score of features that many words share, each row remembered."""
        shared = self._shared
        s = 0
        for f in feats:
            v = shared.get(f)
            if v is None:
                v = shared[f] = self._score((f,))
            s += v
        return s

    def _score_own(self, word: str, headline: bool) -> int:
        feats = self.features.own(word, headline)
        word_only = Features.OWN_WORD
        return self._score(feats[word_only]) + self._score_shared(feats[: word_only.start] + feats[word_only.stop :])

    def _score_near(self, word: str, offset: int) -> int:
        feats = self.features.near(word, offset)
        return self._score(feats[:1]) + self._score_shared(feats[1:])

    def tag(self, text: str, toks: list[Tok], lower_words: set[str], rule_starts: dict[int, tuple[str, int]],
            texts: list[str] | None = None, lows: list[str] | None = None) -> list[tuple[str, int, int]]:
        """(type, first token, end token) of every PER/LOC/ORG/MISC name in one sentence;
        `rule_starts` says where the hand rules found names (rule_tags). `texts` and `lows`, the
        tokens' texts and their lower case, when the caller has them already.

        Each token's score is the sum of a few vectors, each cached by what it depends on (the word
        with its two neighbours and their word pairs, a neighbour two away and its offset, the
        token's context): a word's features are hashed and summed once per process, not once per
        occurrence."""
        spans = []
        if texts is None or lows is None:
            texts = list(map(_TEXT_OF, toks))
            lows = list(map(str.lower, texts))
        found = _islands(toks, texts, lows)
        if not found:
            return spans
        # A headline has two words in capitals at least: most sentences have not, which a count in
        # C tells before headline_sentence's search of the text.
        headline = sum(map(str.isupper, texts)) >= 2 and headline_sentence(text, toks)
        feats = self.features
        own, trios, ctx, kinds = self._own[headline], self._trios[headline], self._ctx, self._kinds
        near_m2, near_m1, near_p1, near_p2 = self._near
        self._calls += 1
        if not self._calls % 64 and self.memo_size() > _CACHE_LIMIT:  # a bound, not a count: checked now and then
            self.forget()
        score = self._score
        near = self._score_near
        words = ["<", "<", *texts, ">", ">"]  # words[i + 2] is token i's
        for lo, hi in found:
            if hi - lo == 1:  # as gazetteer_tags and rule_tags would say of one token
                kind = kinds.get(texts[lo])
                if kind is None:
                    kind = gazetteer_tags(text, toks, lo, hi, feats.gaz, kinds)[0][1:]
                gz = ("B" + kind if kind else "",)
                hit = rule_starts.get(toks[lo][0])
                rules = ("-" if hit is None else "B" + hit[0],)
            else:
                gz = gazetteer_tags(text, toks, lo, hi, feats.gaz, kinds)
                rules = rule_tags(toks, lo, hi, rule_starts)
            sums = []
            lenpos = _LENPOS[min(hi - lo, 5)]
            for i in range(lo, hi):
                word = words[i + 2]
                key = (words[i + 1], word, words[i + 3])  # as written: "the" and "The" each hold a copy
                hit = trios.get(key)
                if hit is None:  # the word, its neighbours and the two word pairs
                    mine = own.get(word)
                    if mine is None:  # the word's lower case and shape, as its features made them
                        mine = own[word] = (self._score_own(word, headline), *feats.word(word)[1::-1])
                    vec, sh, low = mine
                    w = words[i + 1]
                    b = near_m1.get(w)
                    if b is None:
                        b = near_m1[w] = near(w, -1)
                    w = words[i + 3]
                    c = near_p1.get(w)
                    if c is None:
                        c = near_p1[w] = near(w, 1)
                    pair = score(["bl=" + key[0].lower() + "|" + low, "bn=" + low + "|" + key[2].lower()])
                    hit = trios[key] = (vec + b + c + pair, sh, low)
                vec, sh, low = hit
                w = words[i]
                a = near_m2.get(w)
                if a is None:
                    a = near_m2[w] = near(w, -2)
                w = words[i + 4]
                d = near_p2.get(w)
                if d is None:
                    d = near_p2[w] = near(w, 2)
                k = i - lo
                key = (lenpos[k if k < 3 else 3], rules[k], sh, i == 0 or words[i + 1] in _OPENERS, low in lower_words,
                       headline, gz[k])
                e = ctx.get(key)
                if e is None:
                    e = ctx[key] = score(feats.context(*key))
                sums.append(vec + a + d + e)
            if hi - lo == 1:  # most islands: the best tag in from O and out to O, lowest tag on a tie
                t = one_token(sums[0], self._lifted)
                if t:
                    spans.append((_TYPE_OF[t], lo, hi))
            elif hi - lo == 2:  # scores as lists: indexing an array makes an int each time
                for typ, a, b in _PAIR_SPANS[two_tokens(lanes(sums[0]).tolist(), lanes(sums[1]).tolist(), self._pairs2)]:
                    spans.append((typ, lo + a, lo + b))
            else:
                spans.extend(_spans(viterbi([lanes(v).tolist() for v in sums], self.trans, self._alone, self._entry,
                                            self._steps), lo))
        return spans


_TYPE_OF = tuple(tag[2:] for tag in TAGS)


def _spans(path: list[int], lo: int) -> list[tuple[str, int, int]]:
    out = []
    cur = None
    for k, t in enumerate(path):
        tag = TAGS[t]
        if tag == "O" or tag.startswith("B-") or (cur is not None and cur[0] != tag[2:]):
            if cur is not None:
                out.append(cur)
            cur = [tag[2:], lo + k, lo + k + 1] if tag != "O" else None
        elif cur is None:
            cur = [tag[2:], lo + k, lo + k + 1]
        else:
            cur[2] = lo + k + 1
    if cur is not None:
        out.append(cur)
    return [tuple(c) for c in out]


# The names each tag pair of a two-token island makes, from its first token.
_PAIR_SPANS = {(t1, t2): _spans([t1, t2], 0) for t1 in range(N_TAGS) for t2 in range(N_TAGS)}


# ---- the shipped weights ---------------------------------------------------------------------------
# Only the rows of the hashed table that hold a weight (about one bucket in twenty), N_TAGS int16
# weights each, and a dense slot per bucket saying which row is its (0: none). The dense weight table
# (2^20 x 9 int16, 19 MB) took 0.1-0.2 s of CPU to decompress in every process that extracts; the rows
# with a dict of bucket -> row built at load took 20 ms (gunzip, then 48,000 ints made and hashed).
# The slots load as they lie in the file, two arrays read in C, and a lookup is one index into them.
# The file is not compressed: 2-4 MB of slots, 1 MB of weights, read in under 2 ms.
# Scores stay integers: Viterbi's choice does not change when every weight is scaled alike.


class Rows:
    """The table's non-empty rows: `slots[bucket]` is 1 + the row's index, or 0 for an empty bucket;
    row r's N_TAGS weights are values[r * N_TAGS : (r + 1) * N_TAGS]."""

    __slots__ = ("slots", "values")

    def __init__(self, slots: array, values: array):
        self.slots = slots
        self.values = values

    def __getitem__(self, i: int) -> int:
        """Weight i of the dense table (bucket i // N_TAGS, tag i % N_TAGS)."""
        r = self.slots[i // N_TAGS]
        return self.values[(r - 1) * N_TAGS + i % N_TAGS] if r else 0


def save_weights(path, table, trans, scale: float) -> None:
    quant = array("h", (max(-32767, min(32767, round(w * scale))) for w in table))
    ids = [b for b in range(len(quant) // N_TAGS) if any(quant[b * N_TAGS : (b + 1) * N_TAGS])]
    values = array("h")
    for b in ids:
        values.extend(quant[b * N_TAGS : (b + 1) * N_TAGS])
    slot_type = "H" if len(ids) < 0xFFFF else "I"  # 2 bytes a bucket while the rows fit
    slots = array(slot_type, bytes(array(slot_type).itemsize << _HASH_BITS))
    for r, b in enumerate(ids):
        slots[b] = r + 1
    header = json.dumps({"tags": TAGS, "bits": _HASH_BITS, "rows": len(ids), "byteorder": sys.byteorder,
                         "slot_type": slot_type,
                         "trans": [[round(w * scale) for w in row] for row in trans]}).encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(len(header).to_bytes(4, "little"))
        fh.write(header)
        fh.write(slots.tobytes())
        fh.write(values.tobytes())


def read_weights(path) -> tuple[Rows, list[list[int]]]:
    with open(path, "rb") as fh:
        data = fh.read()
    size = int.from_bytes(data[:4], "little")
    header = json.loads(data[4 : 4 + size].decode("utf-8"))
    if tuple(header["tags"]) != TAGS or header["bits"] != _HASH_BITS or header.get("slot_type") not in ("H", "I"):
        raise ValueError(f"{path}: weights for another tag set, table size or layout; run scripts/train_tagger.py")
    n = header["rows"]
    slots, values = array(header["slot_type"]), array("h")
    start = 4 + size
    end = start + (slots.itemsize << _HASH_BITS)
    view = memoryview(data)  # each array copied once from the file's bytes, not first into a slice
    slots.frombytes(view[start:end])
    values.frombytes(view[end:])
    if len(slots) != 1 << _HASH_BITS or len(values) != n * N_TAGS:
        raise ValueError(f"{path}: truncated weights; run scripts/train_tagger.py")
    if header["byteorder"] != sys.byteorder:
        slots.byteswap()
        values.byteswap()
    return Rows(slots, values), header["trans"]


_LOADED: list[Tagger] = []


def load_tagger() -> Tagger:
    """The shipped tagger, read once per process."""
    if not _LOADED:
        path = resource_path("tagger", WEIGHTS_FILE)
        try:
            table, trans = read_weights(path)
        except (OSError, ValueError) as exc:
            raise RuntimeError(f"{path}: cannot read the name tagger's weights ({exc}); run scripts/train_tagger.py") from exc
        _LOADED.append(Tagger(table, trans, load_gazetteer()))
    return _LOADED[0]
