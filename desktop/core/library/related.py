"""Related coverage: how likely two articles report the same story.

Two outlets' rewrites of one event share its rare words (names, places, the figures),
its capitalised names and often whole phrases, and were published within days of each
other; a same-topic piece from another week shares the common vocabulary only. The
score combines those signals:

    score = 0.55 · tf-idf cosine of content words
          + 0.25 · overlap of capitalised names (Jaccard)
          + 0.20 · word 3-gram shingle containment (the larger direction)
    then × a date factor (1.0 within three days, falling to 0.5 after a month).

The index is incremental (articles come and go while a folder loads) and a query only
scores the articles that share one of the query's most distinctive terms, so it stays
fast at ten thousand articles.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import partial
from datetime import date

from desktop.core.article import Article
from desktop.core.scripts import SPACELESS, has_spaceless

_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")
_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told according new one two would year years
    mr mrs ms dr people like get got make made last first time week month day may might must us""".split()
)
_SPACELESS_SPLIT_RE = re.compile(f"([{SPACELESS}]+)")
QUERY_TERMS = 40  # the query's most distinctive terms used to find candidates
CANDIDATES = 400  # candidates rescored in full


@dataclass(frozen=True, slots=True)
class Profile:
    """What the related-coverage score needs of one article, computed once."""

    id: str
    counts: dict[str, int]  # content word → count
    names: frozenset[str]
    # Sorted distinct 32-bit hashes of the word 3-grams: 4 bytes each in an array, where a
    # set of Python ints took 76 KB an article (760 MB for a folder of ten thousand).
    shingles: array
    published: date | None
    body_hash: int  # of the normalised body: equal hashes are exact duplicates


def _stable_hash(text: str, size: int = 4) -> int:
    """The same in every process (Python's hash() of a str is seeded per process, and folder
    loads profile articles in several worker processes)."""
    data = text.encode("utf-8", "surrogatepass")
    return zlib.crc32(data) if size == 4 else int.from_bytes(hashlib.blake2b(data, digest_size=size).digest(), "big")


def _with_bigrams(words: list[str]) -> list[str]:
    """Chinese and Japanese, written without spaces, come out of _WORD_RE as whole clauses:
    each run of Han and kana becomes its overlapping character pairs, the usual stand-in for
    words in retrieval (most Chinese and Japanese words are two characters)."""
    out: list[str] = []
    for word in words:
        if not has_spaceless(word):
            out.append(word)
            continue
        for part in _SPACELESS_SPLIT_RE.split(word):
            if not part:
                continue
            if has_spaceless(part[0]):
                out += [part[k : k + 2] for k in range(max(1, len(part) - 1))]
            else:
                out += _WORD_RE.findall(part)
    return out


def profile(article: Article) -> Profile:
    body = article.body_text
    words = _WORD_RE.findall(body)
    if has_spaceless(body):
        words = _with_bigrams(words)
    # Lowered in one C call (words hold no newline; lowering maps each character alone,
    # and a newline is neither cased nor case-ignorable, so final sigmas come out the same).
    lowered = "\n".join(words).lower().replace("’", "'").split("\n") if words else []
    # Counted and filtered per distinct word, not per occurrence (same dict, same order).
    counts = {w: c for w, c in Counter(lowered).items() if w not in _STOPWORDS and len(w) > 1}
    names = frozenset(
        lw for w, lw in set(zip(words, lowered)) if w[0].isupper() and lw not in _STOPWORDS and len(w) > 2
    )
    # _stable_hash(..., 4) of every 3-gram, iterated in C: this set was a tenth of a folder load.
    grams = map(" ".join, zip(lowered, lowered[1:], lowered[2:]))
    encode = str.encode if body.isascii() else partial(str.encode, encoding="utf-8", errors="surrogatepass")
    shingles = array("I", sorted(set(map(zlib.crc32, map(encode, grams)))))
    published = None
    if article.published is not None:
        try:
            published = date.fromisoformat(article.published.value[:10])
        except ValueError:
            published = None
    return Profile(
        id=article.id,
        counts=counts,
        names=names,
        shingles=shingles,
        published=published,
        body_hash=_stable_hash(" ".join(lowered), 8),
    )


_TF = [0.0] + [1 + math.log(c) for c in range(1, 256)]


def _tf(count: int) -> float:
    return _TF[count] if count < 256 else 1 + math.log(count)


def date_factor(a: date | None, b: date | None) -> float:
    if a is None or b is None:
        return 1.0
    days = abs((a - b).days)
    if days <= 3:
        return 1.0
    return max(0.5, 1.0 - 0.5 * (days - 3) / 27)


class RelatedIndex:
    """Profiles of the loaded articles with an inverted index over their content words."""

    def __init__(self) -> None:
        self._profiles: dict[str, Profile] = {}
        self._postings: dict[str, set[str]] = {}
        self._norms: dict[str, float] = {}  # cached tf-idf norms, cleared when document frequencies move
        self._idfs: dict[str, float] = {}  # cached per term, cleared with the norms

    def __len__(self) -> int:
        return len(self._profiles)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._profiles

    def add(self, p: Profile) -> None:
        if p.id in self._profiles:
            self.remove(p.id)
        self._profiles[p.id] = p
        for term in p.counts:
            self._postings.setdefault(term, set()).add(p.id)
        self._norms.clear()
        self._idfs.clear()

    def add_article(self, article: Article) -> None:
        self.add(profile(article))

    def remove(self, article_id: str) -> None:
        p = self._profiles.pop(article_id, None)
        if p is None:
            return
        for term in p.counts:
            ids = self._postings.get(term)
            if ids is not None:
                ids.discard(article_id)
                if not ids:
                    del self._postings[term]
        self._norms.clear()
        self._idfs.clear()

    def _idf(self, term: str) -> float:
        idf = self._idfs.get(term)
        if idf is None:
            idf = self._idfs[term] = math.log((1 + len(self._profiles)) / (1 + len(self._postings.get(term, ()))))
        return idf

    def _weights(self, p: Profile) -> dict[str, float]:
        return {t: (1 + math.log(c)) * self._idf(t) for t, c in p.counts.items()}

    def _norm(self, p: Profile) -> float:
        norm = self._norms.get(p.id)
        if norm is None:
            norm = math.sqrt(sum(w * w for w in self._weights(p).values())) or 1.0
            self._norms[p.id] = norm
        return norm

    def score(self, a: Profile, b: Profile, a_weights: dict[str, float] | None = None) -> float:
        wa = a_weights if a_weights is not None else self._weights(a)
        return self._score(a, b, {t: w * self._idf(t) for t, w in wa.items()}, frozenset(a.shingles))

    def _score(self, a: Profile, b: Profile, a_idf: dict[str, float], a_shingles: frozenset[int]) -> float:
        """`a_idf` (a's weights times idf) and `a_shingles` are made once per query: b's side
        is then one table lookup per shared term, and shared terms and 3-grams are found by
        set intersections in C."""
        counts = b.counts
        dot = sum(a_idf[t] * _tf(counts[t]) for t in a_idf.keys() & counts.keys())
        cosine = dot / (self._norm(a) * self._norm(b))
        names = len(a.names & b.names) / (len(a.names | b.names) or 1)
        common = len(a_shingles.intersection(b.shingles))
        shingles = common / (min(len(a.shingles), len(b.shingles)) or 1)
        return (0.55 * cosine + 0.25 * names + 0.20 * shingles) * date_factor(a.published, b.published)

    def query(self, article_id: str, top: int = 5) -> list[tuple[str, float]]:
        """The `top` articles most likely to cover the same story, best first, with scores."""
        p = self._profiles.get(article_id)
        if p is None:
            return []
        weights = self._weights(p)
        distinctive = sorted(weights, key=lambda t: (-weights[t], t))[:QUERY_TERMS]
        votes: Counter[str] = Counter()
        for term in distinctive:
            for other in self._postings.get(term, ()):
                if other != article_id:
                    votes[other] += weights[term]
        candidates = [oid for oid, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]]
        a_idf = {t: w * self._idf(t) for t, w in weights.items()}
        a_shingles = frozenset(p.shingles)
        scored = [(oid, self._score(p, self._profiles[oid], a_idf, a_shingles)) for oid in candidates]
        scored.sort(key=lambda kv: (-kv[1], kv[0]))
        return scored[:top]

    def duplicates(self) -> dict[str, str]:
        """Exact duplicates (same cleaned body): each later id → the first id with that body."""
        first: dict[int, str] = {}
        out: dict[str, str] = {}
        for pid, p in self._profiles.items():
            if not p.counts:
                continue
            if p.body_hash in first:
                out[pid] = first[p.body_hash]
            else:
                first[p.body_hash] = pid
        return out


def related_main(paths: list[str], *, as_json: bool, top: int, pretty: bool = False) -> int:
    """`diptych related PATH... [--json] [--top N]`."""
    import json
    import sys

    from desktop.core.errors import ReadError
    from desktop.core.library.folder import article_files
    from desktop.core.ingest.load import load_file

    articles: list[Article] = []
    failed = 0
    for path in article_files(paths, on_skip=lambda p, why: print(f"diptych: {p}: {why}", file=sys.stderr)):
        try:
            articles.extend(load_file(path, index=False))  # slim: a profile reads the body text, never its tokens
        except ReadError as exc:
            print(f"diptych: {exc.path}: {exc.reason}", file=sys.stderr)
            failed += 1
    index = RelatedIndex()
    by_id = {}
    for art in articles:
        index.add_article(art)
        by_id[art.id] = art
    results = []
    for art in articles:
        results.append(
            {
                "path": art.path,
                "title": art.title,
                "related": [
                    {"path": by_id[oid].path, "title": by_id[oid].title, "score": round(score, 4)}
                    for oid, score in index.query(art.id, top)
                ],
            }
        )
    if as_json:
        # json.dumps without indent is the C encoder; json.dump always the pure-Python one.
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2 if pretty else None))
        sys.stdout.write("\n")
    else:
        for r in results:
            print(r["path"])
            for rel in r["related"]:
                print(f"  {rel['score']:.3f}  {rel['path']}")
    return 1 if failed else 0
