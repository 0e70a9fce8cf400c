"""Facts matched across all articles: the pairwise entity matches and quote links joined into rows.

Nothing is matched here that the pair view would not match: two articles' entities are one fact
when `match()` paired them, two quotes when the pair's `Comparison.quotes` pairs them, and a fact of three or
more articles is what those pairwise links join (union-find). A disagreement is a pair the
pairwise machinery flagged (values differ, spelled differently, words altered, another speaker).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from desktop.core.article import Article, Span
from desktop.core.compare.model import Comparison
from desktop.core.coverage.model import Cell, CellState, Difference, Fact, FactKind, Standing
from desktop.core.entities.model import Entity, EntityType, Extraction, MatchStatus, Quote
from desktop.core.entities.quote_pairs import ALTERED

Node = tuple[int, int]  # (article, position in that article's entities, or quotes offset by _QUOTE)
_QUOTE = 1 << 20

# Rows of one standing are listed by kind, the kinds readers check first on top.
KIND_ORDER = (FactKind.FIGURE, FactKind.DATE, FactKind.QUOTE, FactKind.PERSON, FactKind.ORGANIZATION, FactKind.PLACE)
_STATUS_DIFFERENCE = {MatchStatus.CONFLICT: Difference.VALUE, MatchStatus.VARIANT: Difference.SPELLING}


class _Union:
    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, x: Node) -> Node:
        root = x
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def join(self, a: Node, b: Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_facts(articles: Sequence[Article], extractions: Sequence[Extraction],
                comparisons: dict[tuple[int, int], Comparison]) -> tuple[Fact, ...]:
    """Rows of the fact table: disagreements, then facts only some report, then facts all share.
    `comparisons` holds the pairwise comparison of every (i, j), i < j, made with `extractions`."""
    position = [{id(e): k for k, e in enumerate(x.entities)} for x in extractions]
    union = _Union()
    for i, x in enumerate(extractions):
        for k in range(len(x.entities)):
            union.find((i, k))
        for k in range(len(x.quotes)):
            union.find((i, _QUOTE + k))
    differs: dict[tuple[Node, Node], Difference] = {}
    for (i, j), comp in comparisons.items():
        for m in comp.entities:
            if m.left is None or m.right is None:
                continue
            a, b = (i, position[i][id(m.left)]), (j, position[j][id(m.right)])
            union.join(a, b)
            if m.status in _STATUS_DIFFERENCE:
                differs[a, b] = differs[b, a] = _STATUS_DIFFERENCE[m.status]
        # The quote pairs the pair view lists (Comparison.quotes, quote_pairs.pair_quotes): one pairing
        at_l = {id(q): k for k, q in enumerate(extractions[i].quotes)}
        at_r = {id(q): k for k, q in enumerate(extractions[j].quotes)}
        for p in comp.quotes:
            if p.left is None or p.right is None or id(p.left) not in at_l or id(p.right) not in at_r:
                continue
            a, b = (i, _QUOTE + at_l[id(p.left)]), (j, _QUOTE + at_r[id(p.right)])
            union.join(a, b)
            if p.reattributed:
                differs[a, b] = differs[b, a] = Difference.SPEAKER
            elif p.wording == ALTERED:
                differs[a, b] = differs[b, a] = Difference.WORDING
    groups: dict[Node, list[Node]] = defaultdict(list)
    for node in list(union.parent):
        groups[union.find(node)].append(node)
    starts = [[s.start for s in a.sentences] for a in articles]
    facts = [_fact(sorted(nodes), articles, extractions, differs, starts) for nodes in groups.values()]
    facts.sort(key=_order)
    return tuple(facts)


def _order(f: Fact):
    standing = list(Standing).index(f.standing)
    return (standing, KIND_ORDER.index(f.kind), -len(f.reported_by),
            -sum(c.mentions for c in f.cells), f.label.casefold())


def _fact(nodes: list[Node], articles, extractions, differs, starts) -> Fact:
    by_article: dict[int, list[Node]] = defaultdict(list)
    for node in nodes:
        by_article[node[0]].append(node)
    n = len(articles)
    kind = _kind(nodes[0], extractions)
    cells = []
    found: set[Difference] = set()
    for i in range(n):
        mine = by_article.get(i)
        if not mine:
            cells.append(Cell(i, CellState.LACKS))
            continue
        against = sorted({other[0] for node in mine for other in nodes
                          if other[0] != i and (node, other) in differs})
        found.update(differs[node, other] for node in mine for other in nodes if (node, other) in differs)
        cells.append(_cell(i, mine, articles[i], extractions, starts[i], tuple(against)))
    cells = _outliers(cells)
    reporters = sum(c.state != CellState.LACKS for c in cells)
    standing = Standing.DISAGREE if found else (Standing.ALL if reporters == n else Standing.SOME)
    return Fact(kind, _label(kind, nodes, extractions), standing, tuple(cells),
                tuple(d for d in Difference if d in found))


def _outliers(cells: list[Cell]) -> list[Cell]:
    """Of the articles that disagree, those on the side more articles agree with keep HAS: with
    $2.4 million in two articles and $3.1 million in one, only the one is marked as differing."""
    having = [c for c in cells if c.state != CellState.LACKS]
    agree = {c.article: 1 + sum(1 for d in having if d.article != c.article and d.article not in c.differs_from)
             for c in having}
    out = []
    for c in cells:
        if c.differs_from and all(agree[c.article] > agree[j] for j in c.differs_from):
            c = replace(c, state=CellState.HAS)
        out.append(c)
    return out


def _kind(node: Node, extractions) -> FactKind:
    i, k = node
    if k >= _QUOTE:
        return FactKind.QUOTE
    return FactKind(str(extractions[i].entities[k].type))


def _item(node: Node, extractions) -> Entity | Quote:
    i, k = node
    return extractions[i].quotes[k - _QUOTE] if k >= _QUOTE else extractions[i].entities[k]


def _cell(i: int, mine: list[Node], article: Article, extractions, starts, against) -> Cell:
    items = [_item(node, extractions) for node in mine]
    state = CellState.DIFFERS if against else CellState.HAS
    first = items[0]
    if isinstance(first, Quote):
        span = Span(first.start, first.end)
        detail = first.speaker + (f" ({first.speaker_for})" if first.speaker_for else "")
        return Cell(i, state, first.text, detail, span, _sentence(article, starts, span.start), len(items), against)
    # Of one article's entities joined into one fact, the most mentioned speaks for it.
    best = max(items, key=lambda e: len(e.mentions))
    mentions = sum(len(e.mentions) for e in items)
    m = best.mentions[0] if best.mentions else None
    span = Span(m.start, m.end) if m else None
    value = m.text if m and best.type in (EntityType.FIGURE, EntityType.DATE) else best.name
    return Cell(i, state, value, _detail(best), span, _sentence(article, starts, span.start) if span else None,
                mentions, against)


def _detail(e: Entity) -> str:
    if e.type == EntityType.PERSON:
        return ", ".join(x for x in (e.role, e.affiliation) if x)
    if e.type == EntityType.FIGURE:
        return e.unit
    if e.type == EntityType.DATE:
        return e.value
    return ""


def _sentence(article: Article, starts: list[int], offset: int) -> int | None:
    k = bisect_right(starts, offset) - 1
    if 0 <= k < len(article.sentences) and article.sentences[k].start <= offset < max(article.sentences[k].end, offset + 1):
        return k
    return None


def _label(kind: FactKind, nodes: list[Node], extractions) -> str:
    items = [_item(node, extractions) for node in nodes]
    if kind == FactKind.QUOTE:
        speakers = [q.speaker for q in items if q.speaker]
        return max(sorted(set(speakers)), key=speakers.count) if speakers else "not attributed"
    if kind == FactKind.FIGURE:
        units = [e.unit for e in items if e.unit]
        return max(sorted(set(units)), key=units.count) if units else "number (no unit)"
    if kind == FactKind.DATE:
        # The day most articles name: "2010-07-02" tells a reader more than "Friday" or "date".
        values = [e.value for e in items if e.value]
        return max(sorted(set(values)), key=values.count) if values else items[0].name
    return max((e.name for e in items), key=lambda s: (len(s), s))
