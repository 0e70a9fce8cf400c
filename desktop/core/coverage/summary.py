"""The plain-text coverage summary `diptych coverage` prints without --json."""

from __future__ import annotations

from collections import Counter

from desktop.core.coverage.model import CellState, Coverage, Presence, Standing

CLIP = 70


def _clip(text: str, limit: int = CLIP) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def coverage_summary(c: Coverage, *, rows: int = 12) -> str:
    letters = c.letters
    out = [f"Coverage of {len(c.articles)} articles (base {letters[c.base]}):"]
    for i, a in enumerate(c.articles):
        date = a.published.value[:10] if a.published else "no date"
        out.append(f"  {letters[i]}  {c.labels[i]:<20} {date:<10} {a.word_count:>6,} words  {_clip(a.display_title, 50)}")
    standing = Counter(f.standing for f in c.facts)
    out.append(f"Facts: {len(c.facts)} — {standing[Standing.DISAGREE]} disagree, {standing[Standing.SOME]} reported by "
               f"some only, {standing[Standing.ALL]} shared by all")
    for f in [f for f in c.facts if f.standing == Standing.DISAGREE][:rows]:
        cells = "; ".join(f"{letters[x.article]}: {_clip(x.value, 30)}" for x in f.cells if x.state != CellState.LACKS)
        out.append(f"  ≠ {f.kind:<12} {_clip(f.label, 28):<28} {cells}")
    out.append("Collated against the base, sentences kept / rewritten / dropped:")
    for j in range(len(c.articles)):
        if j == c.base:
            continue
        marks = Counter(row.readings[j] for row in c.collation)
        out.append(f"  {letters[j]}: {marks['kept']} / {marks['rewritten']} / {marks['dropped']} of {len(c.collation)}")
    out.append("Heat strips (= shared word for word, ~ reworded, ! in no other article):")
    symbol = {Presence.SHARED: "=", Presence.REWRITTEN: "~", Presence.ALONE: "!"}
    for i, strip in enumerate(c.strips):
        out.append(f"  {letters[i]}  {''.join(symbol[h.presence] for h in strip)}")
    out.append("Containment (share of the row's words found in the column):")
    out.append("      " + "".join(f"{x:>6}" for x in letters))
    for i in range(len(c.articles)):
        out.append(f"  {letters[i]:<4}" + "".join(
            f"{'—' if i == j else f'{c.containment(i, j):.0%}':>6}" for j in range(len(c.articles))))
    for r in c.reuse:
        if r.passages:
            src = f"; likely source {letters[r.likely_source]}" if r.likely_source is not None else ""
            out.append(f"  {letters[r.left]}–{letters[r.right]}: {len(r.passages)} shared passage"
                       f"{'s' if len(r.passages) != 1 else ''}, {r.passage_words} words{src}")
    return "\n".join(out)
