"""cover(): three or more articles on one story, fact by fact, built from their pairwise comparisons.

Each article is read for entities once; each pair goes through `compare()` once, with those
extractions, and everything here (facts, collation, heat strips, reuse) is read off those
comparisons. There is no second matching engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import PurePath

from desktop.core.article import Article
from desktop.core.compare import compare
from desktop.core.compare.model import Comparison, Options
from desktop.core.coverage.collation import additions, collate, heat_strip, side_readings
from desktop.core.coverage.facts import build_facts
from desktop.core.coverage.model import Coverage, letter
from desktop.core.coverage.reuse import reuse

LABEL_CHARS = 28


def cover(articles: Sequence[Article], base: int | str | None = None, options: Options = Options(), *,
          progress: Callable[[int, int], None] | None = None) -> Coverage:
    """The coverage of one story by `articles` (two or more).

    `base` is the article the others are collated against: an index or an article id; by default
    the earliest published, else the longest. `progress(done, total)` is called after each
    article is read and each pair compared; an exception raised there stops the work.
    """
    arts = tuple(articles)
    n = len(arts)
    if n < 2:
        raise ValueError("coverage needs two or more articles")
    from desktop.core.entities.extract import extract

    total = n + n * (n - 1) // 2
    done = 0
    extractions = []
    for a in arts:
        extractions.append(extract(a))
        done += 1
        if progress:
            progress(done, total)
    comparisons: dict[tuple[int, int], Comparison] = {}
    readings = {}
    for i in range(n):
        for j in range(i + 1, n):
            comp = compare(arts[i], arts[j], options, extractions=(extractions[i], extractions[j]))
            comparisons[i, j] = comp
            readings[i, j] = side_readings(comp, True)
            readings[j, i] = side_readings(comp, False)
            done += 1
            if progress:
                progress(done, total)
    chosen = choose_base(arts, base)
    strips = tuple(heat_strip(arts, i, readings) for i in range(n))
    pairs = sorted(comparisons)
    return Coverage(
        articles=arts,
        labels=labels(arts),
        letters=tuple(letter(i) for i in range(n)),
        options=options,
        base=chosen,
        facts=build_facts(arts, extractions, comparisons),
        collation=collate(arts, chosen, readings),
        strips=strips,
        additions=additions(arts, strips),
        reuse=tuple(reuse(i, j, comparisons[i, j]) for i, j in pairs),
        extractions=tuple(extractions),
        comparisons=tuple(comparisons[p] for p in pairs),
    )


def rebase(coverage: Coverage, base: int | str) -> Coverage:
    """The same coverage collated against another base: read off the pairwise comparisons it holds."""
    arts = coverage.articles
    chosen = choose_base(arts, base)
    readings = {}
    for j in range(len(arts)):
        if j != chosen:
            comp = coverage.comparison(chosen, j)
            readings[chosen, j] = side_readings(comp, chosen < j)
    return replace(coverage, base=chosen, collation=collate(arts, chosen, readings))


def choose_base(articles: Sequence[Article], base: int | str | None = None) -> int:
    """The base of the collation: the one asked for, else the earliest published (the longest of
    those published that day), else the longest."""
    if isinstance(base, int):
        if not 0 <= base < len(articles):
            raise ValueError(f"base {base} is not one of the {len(articles)} articles")
        return base
    if isinstance(base, str):
        for k, a in enumerate(articles):
            if base in (a.id, a.path):
                return k
        raise ValueError(f"base {base!r} is not one of the articles")
    dated = [k for k, a in enumerate(articles) if a.published is not None]
    pool = range(len(articles))
    if dated:
        first = min(articles[k].published.value[:10] for k in dated)
        pool = [k for k in dated if articles[k].published.value[:10] == first]
    return max(pool, key=lambda k: (articles[k].word_count, -k))


def labels(articles: Sequence[Article]) -> tuple[str, ...]:
    """A short name per article for column heads: its outlet, else its title, else its file name;
    a second article of one outlet is "nyt #2"."""
    def short(a: Article) -> str:
        name = a.source or a.title or PurePath(a.path).stem or "untitled"
        return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"

    names = [short(a) for a in articles]
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        # The letter already tells them apart; the number says "another from the same outlet".
        out.append(name if seen[name] == 1 else f"{name} #{seen[name]}")
    return tuple(out)
