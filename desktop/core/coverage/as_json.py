"""The `diptych coverage --json` object (documented in the README and docs/COVERAGE.md)."""

from __future__ import annotations

from desktop.core.article import Span, article_json
from desktop.core.coverage.model import Coverage, Reading

_META_SKIP = ("text", "blocks", "sentences")


def _span(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span is not None else None


def coverage_json(c: Coverage) -> dict:
    def text(i: int, span: Span | None) -> str | None:
        return c.articles[i].text[span.start : span.end] if span is not None else None

    articles = []
    for i, a in enumerate(c.articles):
        meta = {k: v for k, v in article_json(a).items() if k not in _META_SKIP}
        articles.append({"index": i, "letter": c.letters[i], "label": c.labels[i], "id": a.id, **meta})
    facts = []
    for f in c.facts:
        cells = []
        for cell in f.cells:
            out = {"article": cell.article, "state": str(cell.state)}
            if cell.state != "lacks":
                out.update(value=cell.value, detail=cell.detail, mentions=cell.mentions, span=_span(cell.span),
                           sentence=cell.sentence,
                           sentence_text=c.sentence_text(cell.article, cell.sentence) if cell.sentence is not None else None)
            out["differs_from"] = list(cell.differs_from)
            out["open_against"] = f.partner(cell.article)
            cells.append(out)
        facts.append({"kind": str(f.kind), "label": f.label, "standing": str(f.standing),
                      "differences": [str(d) for d in f.differences], "reported_by": list(f.reported_by),
                      "cells": cells})
    collation = [
        {"sentence": row.sentence, "span": _span(row.span), "text": text(c.base, row.span),
         "readings": [{"article": j, "reading": str(r), "span": _span(s)}
                      for j, (r, s) in enumerate(zip(row.readings, row.counterparts)) if r != Reading.BASE]}
        for row in c.collation
    ]
    strips = [
        {"article": i, "cells": [{"sentence": h.sentence, "span": _span(h.span), "presence": str(h.presence),
                                  "carried_by": h.carried_by} for h in strip]}
        for i, strip in enumerate(c.strips)
    ]
    additions = [{"article": a.article, "span": _span(a.span), "sentences": list(a.sentences), "words": a.words,
                  "text": text(a.article, a.span)} for a in c.additions]
    n = len(c.articles)
    pairs = []
    for r in c.reuse:
        pairs.append({
            "left": r.left, "right": r.right, "left_in_right": round(r.left_in_right, 4),
            "right_in_left": round(r.right_in_left, 4), "similarity": round(r.similarity, 4),
            "earlier": r.earlier, "passages_from": r.passages_from, "likely_source": r.likely_source,
            "passages": [{"left": _span(p.left), "right": _span(p.right), "words": p.words,
                          "text": text(r.left, p.left)} for p in r.passages],
        })
    return {
        "articles": articles,
        "base": c.base,
        "facts": facts,
        "collation": collation,
        "heat_strips": strips,
        "additions": additions,
        "containment": [[round(c.containment(i, j), 4) for j in range(n)] for i in range(n)],
        "pairs": pairs,
    }
