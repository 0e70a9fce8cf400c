"""A learned name tagger: people, places and organisations as IOB tags, by an averaged perceptron and Viterbi.

Only "islands" are tagged: runs of capitalised tokens and the few words that join them ("Bank of
England"). Every other token is outside any name, which is what keeps the tagger cheap: most words
of news text are lower-case and cost nothing here. Features are hashed into a fixed table, so the
shipped weights hold numbers only, no word list; `scripts/train_tagger.py` rebuilds them.
"""

from __future__ import annotations

import gzip
import json
from array import array
from zlib import crc32

from desktop.core.entities import lexicon as lx
from desktop.core.entities.gazetteer import Gazetteer, load_gazetteer
from desktop.core.entities.tokens import Tok
from desktop.core.resources import resource_path

WEIGHTS_FILE = "names.weights.gz"
TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
N_TAGS = len(TAGS)
# Which tag may follow which: I-X only after B-X or I-X (IOB2).
_ALLOWED = tuple(tuple(not TAGS[t].startswith("I-") or TAGS[p][2:] == TAGS[t][2:] for p in range(N_TAGS))
                 for t in range(N_TAGS))
# Lower-case words that join capitalised ones inside a name ("Bank of England", "Procter & Gamble").
JOINERS = lx.CONNECTORS | frozenset({"and", "for", "the", "on", "upon", "am", "-", ".", "'", "/"})
_HASH_BITS = 20
_MASK = (1 << _HASH_BITS) - 1


def bucket(feature: str) -> int:
    return crc32(feature.encode("utf-8", "surrogatepass")) & _MASK


def candidate(t: Tok) -> bool:
    """Could this token be part of a name? Capitalised words and acronyms, "al-Sadr", "eBay"."""
    if t.kind == "W" or t.kind == "A":
        text = t.text
        return text[0].isupper() or (not text.islower() and any(c.isupper() for c in text))
    return False


def islands(toks: list[Tok]) -> list[tuple[int, int]]:
    """[start, end) token ranges the tagger decides; a joiner counts only between two candidates."""
    out = []
    n = len(toks)
    i = 0
    while i < n:
        if not candidate(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            if candidate(toks[j]) or (toks[j].kind == "N" and j > i):
                j += 1
            elif toks[j].text in JOINERS and j + 1 < n and candidate(toks[j + 1]):
                j += 2
            else:
                break
        while j > i + 1 and not candidate(toks[j - 1]) and toks[j - 1].kind != "N":
            j -= 1
        out.append((i, j))
        i = j
    return out


# ---- features ------------------------------------------------------------------------------------


def shape(word: str) -> str:
    """ "Peter" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d", "McDonald" -> "XxXx"."""
    out = []
    last = ""
    for c in word:
        k = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if k != last:
            out.append(k)
            last = k
    return "".join(out)


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
    for name, words in _CLASSES:
        if low in words:
            out.append(name)
    return out


_CLASSES = (
    ("th", lx.TITLE_HEADS), ("tm", lx.TITLE_MODIFIERS), ("ho", lx.HONORIFICS), ("rn", lx.ROLE_NOUNS),
    ("oh", lx.ORG_HEADS), ("on", lx.ORG_NOUNS), ("mh", lx.MISC_HEADS), ("sv", lx.SPEECH_VERBS),
    ("fw", lx.FUNCTION_WORDS), ("dw", lx.DATE_WORDS), ("ph", lx.PLACE_HEADS), ("pm", lx.PERSON_MODIFIED_NOUNS),
    ("cn", lx.CONNECTORS),
)


class Features:
    """Feature strings for a token, split into groups that depend on one word only, so that a
    decoder can cache each group's score per word."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def own(self, word: str, headline: bool) -> list[str]:
        low = word.lower()
        sh = shape(word)
        h = "H" if headline else ""
        feats = ["b", h + "w=" + word, "l=" + low, h + "s=" + sh, "p3=" + low[:3], "x3=" + low[-3:],
                 "x2=" + low[-2:], "n=" + str(min(len(word), 6))]
        for c in word_class(word, self.gaz):
            feats.append(h + "c=" + c)
            feats.append("cs=" + c + sh)
        return feats

    def near(self, word: str, offset: int) -> list[str]:
        """Features of the word `offset` tokens away (sentence edges are "<" and ">")."""
        o = str(offset)
        if word in ("<", ">"):
            return [o + "e"]
        low = word.lower()
        feats = [o + "l=" + low, o + "s=" + shape(word)]
        if offset in (-1, 1):
            feats.extend(o + "c=" + c for c in word_class(word, self.gaz))
        return feats

    def extra(self, toks: list[Tok], i: int, lo: int, hi: int, first: bool, headline: bool,
              lower_words: set[str], gaz_tag: str) -> list[str]:
        """Features of a token in its island and document: not cached."""
        t = toks[i]
        low = t.text.lower()
        feats = ["len=" + str(min(hi - lo, 5)) + "/" + str(min(i - lo, 3))]
        if first:
            feats.append("first" + shape(t.text))
        if low in lower_words:
            feats.append("dl" + ("f" if first else "") + ("H" if headline else ""))
        if gaz_tag:
            feats.append("gz=" + gaz_tag)
        prev = toks[i - 1].text.lower() if i > 0 else "<"
        nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ">"
        feats.append("bl=" + prev + "|" + low)
        feats.append("bn=" + low + "|" + nxt)
        return feats


def gazetteer_tags(text: str, toks: list[Tok], lo: int, hi: int, gaz: Gazetteer) -> list[str]:
    """Longest place name of the gazetteer starting at each token of an island: B-kind / I-kind."""
    out = [""] * (hi - lo)
    i = lo
    while i < hi:
        for j in range(min(hi, i + 4), i, -1):
            if j - i == 1 and not candidate(toks[i]):
                break
            place = gaz.place(text[toks[i].start : toks[j - 1].end])
            if place is not None:
                out[i - lo] = "B" + place.kind[:3]
                for k in range(i + 1, j):
                    out[k - lo] = "I" + place.kind[:3]
                i = j - 1
                break
        i += 1
    return out


def headline_sentence(toks: list[Tok]) -> bool:
    """Most words in capitals: a headline or a dateline, where capitals say nothing of names."""
    n_words = n_upper = 0
    for t in toks:
        if t.kind == "W" and len(t.text) > 1:
            n_words += 1
            n_upper += t.text.isupper()
    return n_words >= 2 and n_upper >= 0.6 * n_words


_OPENERS = frozenset("\"'\u201c\u2018([:\u2014\u2013-")


def token_features(text: str, toks: list[Tok], lo: int, hi: int, feats: Features, headline: bool,
                   lower_words: set[str]) -> list[list[list[str]]]:
    """Every feature group of every island token: [own, near(-2), near(-1), near(1), near(2), extra]."""
    gz = gazetteer_tags(text, toks, lo, hi, feats.gaz)
    out = []
    n = len(toks)
    for i in range(lo, hi):
        first = i == 0 or toks[i - 1].text in _OPENERS
        groups = [feats.own(toks[i].text, headline)]
        for off in (-2, -1, 1, 2):
            k = i + off
            groups.append(feats.near(toks[k].text if 0 <= k < n else ("<" if k < 0 else ">"), off))
        groups.append(feats.extra(toks, i, lo, hi, first, headline, lower_words, gz[i - lo]))
        out.append(groups)
    return out


# ---- decoding ------------------------------------------------------------------------------------


def viterbi(scores: list[list[float]], trans: list[list[float]]) -> list[int]:
    """Best tag sequence for one island, entered from O and left to O."""
    n = len(scores)
    rng = range(N_TAGS)
    prev = [trans[0][t] + scores[0][t] if _ALLOWED[t][0] else -1e18 for t in rng]
    back = []
    for i in range(1, n):
        s = scores[i]
        cur = []
        ptr = []
        for t in rng:
            allowed = _ALLOWED[t]
            best_p, best = 0, -1e18
            for p in rng:
                if allowed[p]:
                    v = prev[p] + trans[p][t]
                    if v > best:
                        best, best_p = v, p
            cur.append(best + s[t])
            ptr.append(best_p)
        prev = cur
        back.append(ptr)
    last = max(rng, key=lambda t: prev[t] + trans[t][0])
    path = [last]
    for ptr in reversed(back):
        last = ptr[last]
        path.append(last)
    path.reverse()
    return path


class Tagger:
    """Weights (a hashed table, N_TAGS numbers per bucket) and the per-word score caches."""

    def __init__(self, table: array, trans: list[list[int]], gaz: Gazetteer):
        self.table = table
        self.trans = trans
        self.features = Features(gaz)
        self._own: dict[tuple[str, bool], list[float]] = {}
        self._near: dict[tuple[str, int], list[float]] = {}

    def _score(self, feats: list[str]) -> list[int]:
        table = self.table
        s = [0] * N_TAGS
        for f in feats:
            b = (crc32(f.encode("utf-8", "surrogatepass")) & _MASK) * N_TAGS
            for t in range(N_TAGS):
                s[t] += table[b + t]
        return s

    def tag(self, text: str, toks: list[Tok], lower_words: set[str]) -> list[tuple[str, int, int]]:
        """(type, first token, end token) of every PER/LOC/ORG/MISC name in one sentence."""
        spans = []
        if not toks:
            return spans
        headline = headline_sentence(toks)
        feats = self.features
        own, near = self._own, self._near
        if len(own) > 200_000:
            own.clear()
            near.clear()
        n = len(toks)
        for lo, hi in islands(toks):
            gz = gazetteer_tags(text, toks, lo, hi, feats.gaz)
            scores = []
            for i in range(lo, hi):
                word = toks[i].text
                key = (word, headline)
                v = own.get(key)
                if v is None:
                    v = own[key] = self._score(feats.own(word, headline))
                vecs = [v]
                for off in (-2, -1, 1, 2):
                    k = i + off
                    w = toks[k].text if 0 <= k < n else ("<" if k < 0 else ">")
                    nk = (w, off)
                    u = near.get(nk)
                    if u is None:
                        u = near[nk] = self._score(feats.near(w, off))
                    vecs.append(u)
                first = i == 0 or toks[i - 1].text in _OPENERS
                vecs.append(self._score(feats.extra(toks, i, lo, hi, first, headline, lower_words, gz[i - lo])))
                scores.append([a + b + c + d + e + f for a, b, c, d, e, f in zip(*vecs)])
            path = viterbi(scores, self.trans)
            spans.extend(_spans(path, lo))
        return spans


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


# ---- the shipped weights ---------------------------------------------------------------------------
# One dense table of int16, N_TAGS numbers per hashed bucket: mostly zeros, so it compresses well,
# and it loads with one frombytes (a sparse form would need a Python loop over every bucket).
# Scores stay integers: Viterbi's choice does not change when every weight is scaled alike.


def save_weights(path, table, trans, scale: float) -> None:
    quant = array("h", (max(-32767, min(32767, round(w * scale))) for w in table))
    header = json.dumps({"tags": TAGS, "bits": _HASH_BITS,
                         "trans": [[round(w * scale) for w in row] for row in trans]}).encode("utf-8")
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(len(header).to_bytes(4, "little"))
        fh.write(header)
        fh.write(quant.tobytes())


def read_weights(path) -> tuple[array, list[list[int]]]:
    with gzip.open(path, "rb") as fh:
        data = fh.read()
    size = int.from_bytes(data[:4], "little")
    header = json.loads(data[4 : 4 + size].decode("utf-8"))
    if tuple(header["tags"]) != TAGS or header["bits"] != _HASH_BITS:
        raise ValueError(f"{path}: weights for another tag set or table size; run scripts/train_tagger.py")
    table = array("h")
    table.frombytes(data[4 + size :])
    if len(table) != N_TAGS << _HASH_BITS:
        raise ValueError(f"{path}: truncated weights; run scripts/train_tagger.py")
    return table, header["trans"]


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
