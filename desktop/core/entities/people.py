"""People: titles cut from names, and the token-by-token rules that tell spellings from other people."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from desktop.core.entities import lexicon as lx
from desktop.core.entities.gazetteer import Gazetteer

# Word endings that names of people rarely have ("Security", "Strategy", "National").
NOT_NAME_SUFFIXES = (
    "tion", "sion", "ment", "ity", "ness", "ing", "ics", "ogy", "ism", "ure", "ance", "ence", "ship", "ward",
    "ary", "ory", "ive", "ial", "ional", "ists", "ians", "ans", "ers", "ies",
)


def split_title(words: list[str], gaz: Gazetteer) -> tuple[int, int, str] | None:
    """Where a title starts and ends inside a capitalised run, and the gender it implies.

    "New Zealand Foreign Minister Nanaia Mahuta" -> (2, 4, ""): words 2..3 are the title.
    """
    n = len(words)
    low = [w.lower() for w in words]
    k = 0
    while k < n:
        if low[k] in lx.TITLE_HEADS:
            break
        if low[k] in lx.TITLE_MODIFIERS:
            e = k
            while e < n and low[e] in lx.TITLE_MODIFIERS:
                e += 1
            if e < n and low[e] in lx.TITLE_HEADS:
                break
        k += 1
    if k >= n:
        return None
    e = k
    while e < n and (low[e] in lx.TITLE_HEADS or low[e] in lx.TITLE_MODIFIERS):
        e += 1
        if e + 1 < n and low[e] == "of" and n - e > 2:
            # "Secretary of State Hillary Clinton", "Director of National Intelligence James Clapper":
            # the office runs on to the first given name, or one word when none is known.
            given = next((x for x in range(e + 2, n - 1) if words[x] in gaz.given_names), None)
            e = given if given is not None and not any(w in gaz.given_names for w in words[e + 1 : given]) else e + 2
    if e >= n and low[-1] not in lx.TITLE_HEADS:
        return None
    gender = "f" if any(w in lx.FEMALE for w in low[k:e]) else "m" if any(w in lx.MALE for w in low[k:e]) else ""
    if k > 0 and not _prefix_ok(words[:k], gaz):
        k = 0  # "Harbour Commissioner", "Police Chief": the capitalised words before belong to the title
    return k, e, gender


def _prefix_ok(prefix: list[str], gaz: Gazetteer) -> bool:
    name = " ".join(prefix)
    return name in gaz.demonyms or gaz.place(name) is not None or prefix[-1].lower() in lx.ORG_HEADS \
        or all(p in gaz.demonyms or gaz.place(p) is not None for p in prefix)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case- and accent-folded, without dots, hyphens or a possessive."""
    word = unicodedata.normalize("NFKD", word)
    word = "".join(ch for ch in word if not unicodedata.combining(ch))
    word = word.lower().replace(".", "").replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.replace("-", "").replace("'", "")


def name_tokens(name: str) -> list[str]:
    return list(_name_tokens(name))


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    parts = [fold(p) for p in name.replace("-", " ").split()]
    return tuple(p for p in parts if p and p not in lx.HONORIFICS)


def _close(a: str, b: str, min_len: int) -> bool:
    """One edit apart, and long enough that one edit is a spelling slip rather than another name."""
    if a == b:
        return True
    if min(len(a), len(b)) < min_len:
        return False
    if DamerauLevenshtein.distance(a, b) <= 1 or (min_len >= 6 and JaroWinkler.similarity(a, b) >= 0.93):
        return True
    # Transliterations that only move vowels: "Rasheed" / "Rashid" share the consonants r-s-h-d.
    return min_len >= 6 and a[0] == b[0] and _skeleton(a) == _skeleton(b)


def _skeleton(word: str) -> str:
    out = []
    for ch in word:
        if ch in "aeiouy":
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def same_person(a: str, b: str) -> str:
    """"same", "variant" (one person spelled two ways), "swapped" (name order) or "" (different)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return ""
    if ta == tb:
        return "same"
    if len(ta) >= 2 and sorted(ta) == sorted(tb):
        return "swapped"
    if len(ta) == 1 or len(tb) == 1:
        return ""
    sur_a, sur_b = ta[-1], tb[-1]
    if ta[0] == tb[0] and sur_a == sur_b and (len(ta) == 2 or len(tb) == 2):
        return "same"  # "Helen Sharkey" and "Helen Christine Sharkey": a fuller form, not another spelling
    # With the same given name a shorter surname may be a slip too ("Domecq" / "Domeq").
    if not (_close(sur_a, sur_b, 6) or ta[0] == tb[0] and _close(sur_a, sur_b, 5)):
        # "Kim Jong Un" / "Kim Jong-un": compare with hyphens joined
        if "".join(ta) == "".join(tb):
            return "variant"
        return ""
    giv_a, giv_b = ta[0], tb[0]
    if not _close(giv_a, giv_b, 5):
        return ""
    mid_a, mid_b = ta[1:-1], tb[1:-1]
    if mid_a and mid_b and [m[0] for m in mid_a] != [m[0] for m in mid_b]:
        return ""
    return "variant"
