"""The coverage report (three or more articles) as one self-contained HTML page, every article word escaped.

Same renderers and base stylesheet as the pair report (`html.py`): QTextDocument for PDF and
print, a browser for the HTML export. Three parts, as in the window: facts × articles,
passages × articles, who took from whom; then the sentences the facts were read from, so every
cell's "s12" can be looked up.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from datetime import date
from html import escape

from desktop.core.coverage.model import CellState, Coverage, Fact, FactKind, Presence, Reading, Standing
from desktop.core.report.html import _palette, stylesheet

# Long values are clipped inside the grid (the whole quote is under "Where they disagree" and in
# the cited sentences); the narrower the columns, the shorter the clip.
GRID_CLIP_WIDE = 90  # up to four articles
GRID_CLIP_NARROW = 48
PASSAGE_CLIP = 240
ADDITION_CLIP = 320
_STANDING_HEAD = {
    Standing.DISAGREE: "Where they disagree",
    Standing.SOME: "Reported by some only",
    Standing.ALL: "Reported by all",
}
_KIND_LABEL = {FactKind.PERSON: "Person", FactKind.ORGANIZATION: "Organisation", FactKind.PLACE: "Place",
               FactKind.DATE: "Date", FactKind.FIGURE: "Figure", FactKind.QUOTE: "Quote"}
_READING = {Reading.KEPT: ("kept", "r-kept"), Reading.REWRITTEN: ("rewritten", "r-rew"),
            Reading.DROPPED: ("dropped", "r-drop"), Reading.BASE: ("base", "r-base")}
_READING_SHORT = {Reading.KEPT: ("kept", "r-kept"), Reading.REWRITTEN: ("rew.", "r-rew"),
                  Reading.DROPPED: ("–", "r-drop"), Reading.BASE: ("base", "r-base")}
_PRESENCE = {Presence.SHARED: "h-shared", Presence.REWRITTEN: "h-rew", Presence.ALONE: "h-alone"}
_BLOCK = "\u2588"


def _esc(text: str) -> str:
    return escape(text, quote=True)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def coverage_stylesheet(target: str = "browser", palette: Mapping[str, str] | None = None) -> str:
    p = _palette(palette)
    return stylesheet(target, palette) + f"""
.cell {{ font-size: 8pt; }}
.narrow {{ font-size: 7pt; }}
.ref {{ font-size: 6.5pt; color: {p['muted_text']}; }}
.differs {{ font-weight: 700; color: {p['discrepancy']}; }}
.lacks {{ color: {p['muted_text']}; }}
.r-kept {{ font-size: 7.5pt; background-color: {p['inserted']}; }}
.r-rew {{ font-size: 7.5pt; background-color: {p['changed']}; }}
.r-drop {{ font-size: 7.5pt; background-color: {p['deleted']}; }}
.r-base {{ font-size: 7.5pt; color: {p['muted_text']}; }}
.strip {{ font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 10pt; }}
.h-shared {{ color: {p['inserted_line']}; }}
.h-rew {{ color: {p['changed_line']}; }}
.h-alone {{ color: {p['deleted_line']}; }}
.matrix td {{ font-family: 'Helvetica Neue', 'Arial', 'DejaVu Sans', sans-serif; font-size: 8.5pt; text-align: center; }}
"""


def coverage_html(c: Coverage, *, target: str = "browser", palette: Mapping[str, str] | None = None,
                  today: date | None = None) -> str:
    """The whole coverage report as one HTML page. `target` is "browser" (export) or "qt" (PDF, print)."""
    generated = (today or date.today()).isoformat()
    title = f"Coverage: {c.articles[c.base].display_title}"
    cited = _cited(c)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="generator" content="Diptych">',
        f"<title>{_esc(title)}</title>",
        f"<style>{coverage_stylesheet(target, palette)}</style></head><body>",
        f'<p class="kicker">COVERAGE REPORT · {len(c.articles)} ARTICLES · {_esc(generated)}</p>',
        f'<p class="title">{_esc(c.articles[c.base].display_title)}</p>',
        _articles(c),
        _summary(c),
        _facts(c, cited),
        _disagreements(c),
        _passages(c),
        _reuse(c),
        _cited_sentences(c, cited),
        '<p class="note"><br>Prepared with Diptych. Letters A, B, … are the articles listed at the top; '
        "“s12” is sentence 12 of that article, listed under “Sentences the facts come from”.</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def running_title(c: Coverage) -> str:
    return f"{len(c.articles)} articles: " + " · ".join(f"{c.letters[i]} {lab}" for i, lab in enumerate(c.labels))


def _badge(c: Coverage, i: int) -> str:
    return f'<span class="side">&nbsp;{c.letters[i]}&nbsp;</span>'


def _articles(c: Coverage) -> str:
    rows = []
    for i, a in enumerate(c.articles):
        date_ = a.published.value[:10] if a.published else "no date"
        base = ' <span class="note">(base of the collation)</span>' if i == c.base else ""
        rows.append(
            f'<tr><td width="5%">{_badge(c, i)}</td><td width="55%"><b>{_esc(a.display_title)}</b>{base}<br>'
            f'<span class="note">{_esc(os.path.basename(a.path))} · {_esc(a.sha256[:16])}</span></td>'
            f'<td width="18%" class="small">{_esc(c.labels[i])}</td><td width="12%" class="small">{_esc(date_)}</td>'
            f'<td width="10%" class="small">{a.word_count:,} words</td></tr>'
        )
    return '<table class="grid" width="100%" cellspacing="0" cellpadding="3">' + "".join(rows) + "</table>"


def _summary(c: Coverage) -> str:
    standing = Counter(f.standing for f in c.facts)
    alone = Counter(a.article for a in c.additions)
    top = max(c.reuse, key=lambda r: r.passage_words, default=None)
    lines = [
        f"{len(c.facts):,} facts: <b>{standing[Standing.DISAGREE]:,}</b> on which articles disagree, "
        f"{standing[Standing.SOME]:,} reported by some only, {standing[Standing.ALL]:,} reported by all.",
        f"Collated against {_badge(c, c.base)} {_esc(c.labels[c.base])}: "
        + "; ".join(
            f"{c.letters[j]} keeps {sum(r.readings[j] == Reading.KEPT for r in c.collation)}, rewrites "
            f"{sum(r.readings[j] == Reading.REWRITTEN for r in c.collation)}, drops "
            f"{sum(r.readings[j] == Reading.DROPPED for r in c.collation)}"
            for j in range(len(c.articles)) if j != c.base) + f" of its {len(c.collation)} sentences.",
        "Passages only one article has: " + ", ".join(
            f"{c.letters[i]} {alone[i]}" for i in range(len(c.articles))) + ".",
    ]
    if top is not None and top.passages:
        src = (f"; likely source {c.letters[top.likely_source]}" if top.likely_source is not None else "")
        lines.append(f"Most text shared: {c.letters[top.left]} and {c.letters[top.right]}, "
                     f"{top.passage_words:,} words in {len(top.passages)} passages of 8 words or more{src}.")
    return "<h2>Summary</h2>" + "".join(f"<p>{line}</p>" for line in lines)


def _cited(c: Coverage) -> list[set[int]]:
    cited: list[set[int]] = [set() for _ in c.articles]
    for f in c.facts:
        for cell in f.cells:
            if cell.sentence is not None:
                cited[cell.article].add(cell.sentence)
    return cited


def _cell(c: Coverage, f: Fact, k: int, clip: int) -> str:
    cell = f.cells[k]
    if cell.state == CellState.LACKS:
        return '<span class="lacks">—</span>'
    value = _clip(cell.value, clip)
    if f.kind == FactKind.QUOTE:
        value = f"“{value}”"
    cls = "differs" if cell.state == CellState.DIFFERS else ""
    out = f'<span class="{cls}">{_esc(value)}</span>' if cls else _esc(value)
    if cell.detail and f.kind != FactKind.QUOTE and not _said(cell.detail, cell.value):
        out += f'<br><span class="note">{_esc(_clip(cell.detail, clip))}</span>'
    ref = f"s{cell.sentence + 1}" if cell.sentence is not None else ""
    if cell.differs_from:
        ref += " ≠ " + ",".join(c.letters[j] for j in cell.differs_from)
    if ref:
        out += f'<br><span class="ref">{_esc(ref)}</span>'
    return out


def _said(detail: str, value: str) -> bool:
    """Whether the detail only repeats the value's words ("health law" under "2010 health law")."""
    return detail.casefold() in value.casefold()


def _facts(c: Coverage, cited) -> str:
    n = len(c.articles)
    label_w = 24 if n <= 4 else (20 if n <= 6 else 16)
    size = "cell" if n <= 5 else "cell narrow"
    col_w = (100 - label_w) // n
    clip = GRID_CLIP_WIDE if n <= 4 else GRID_CLIP_NARROW
    out = ['<h2>Facts × articles</h2>',
           '<p class="note">The story’s people, organisations, places, dates, figures and quotes, matched across '
           "all articles. Disagreements first (in bold red, with the letters of the articles each differs from), "
           "then facts only some report, then facts all share. “—”: the article does not have it.</p>"]
    head = "".join(f'<th width="{col_w}%">{_badge(c, i)} {_esc(c.labels[i])}</th>' for i in range(n))
    for standing in Standing:
        rows = [f for f in c.facts if f.standing == standing]
        if not rows:
            continue
        out.append(f"<h3>{_STANDING_HEAD[standing]} ({len(rows):,})</h3>")
        out.append(f'<table class="grid" width="100%" cellspacing="0" cellpadding="3"><thead><tr>'
                   f'<th width="{label_w}%">Fact</th>{head}</tr></thead>')
        for f in rows:
            diff = (' <span class="st-conflict">' + _esc(", ".join(str(d) for d in f.differences)) + "</span>"
                    if f.differences else "")
            cells = "".join(f'<td class="{size}">{_cell(c, f, k, clip)}</td>' for k in range(n))
            out.append(f'<tr><td class="{size}"><b>{_esc(_clip(f.label, 60))}</b><br>'
                       f'<span class="label">{_KIND_LABEL[f.kind]}</span>{diff}</td>{cells}</tr>')
        out.append("</table>")
    if not c.facts:
        out.append('<p class="note">No people, places, dates, figures or quotes found.</p>')
    return "".join(out)


def _disagreements(c: Coverage) -> str:
    rows = [f for f in c.facts if f.standing == Standing.DISAGREE]
    if not rows:
        return ""
    out = ['<h3>Each disagreement in its sentences</h3><table class="grid" width="100%" cellspacing="0" cellpadding="3">']
    for f in rows:
        out.append(f'<tr><td colspan="2"><b>{_esc(f.label)}</b> <span class="label">{_KIND_LABEL[f.kind]} · '
                   f'{_esc(", ".join(str(d) for d in f.differences))}</span></td></tr>')
        for cell in f.cells:
            if cell.state == CellState.LACKS or cell.sentence is None:
                continue
            sentence = c.sentence_text(cell.article, cell.sentence)
            out.append(f'<tr><td width="7%">{_badge(c, cell.article)}<br><span class="ref">s{cell.sentence + 1}</span>'
                       f'</td><td class="small">{_marked(sentence, c, cell)}</td></tr>')
    out.append("</table>")
    return "".join(out)


def _marked(sentence: str, c: Coverage, cell) -> str:
    """The sentence with the fact's words marked."""
    s = c.articles[cell.article].sentences[cell.sentence]
    if cell.span is None or not (s.start <= cell.span.start and cell.span.end <= s.end):
        return _esc(sentence)
    a, b = cell.span.start - s.start, cell.span.end - s.start
    return f'{_esc(sentence[:a])}<span class="val">{_esc(sentence[a:b])}</span>{_esc(sentence[b:])}'


def _passages(c: Coverage) -> str:
    n = len(c.articles)
    base = c.base
    out = ['<h2>Passages × articles</h2>',
           '<h3>Heat strips</h3><p class="note">One mark per sentence, in reading order: '
           '<span class="h-shared">█</span> another article has it word for word, '
           '<span class="h-rew">█</span> others have it reworded, '
           '<span class="h-alone">█</span> no other article has it.</p>',
           '<table width="100%" cellspacing="0" cellpadding="2">']
    for i, strip in enumerate(c.strips):
        marks = "".join(f'<span class="{_PRESENCE[h.presence]}">{_BLOCK}</span>' for h in strip)
        alone = sum(h.presence == Presence.ALONE for h in strip)
        out.append(f'<tr><td width="22%" class="small">{_badge(c, i)} {_esc(c.labels[i])}<br>'
                   f'<span class="note">{alone} of {len(strip)} alone</span></td>'
                   f'<td class="strip">{marks}</td></tr>')
    out.append("</table>")
    out.append(f"<h3>The base, {_badge(c, base)} {_esc(c.labels[base])}, sentence by sentence</h3>")
    out.append('<p class="note">What each other article did with each of the base’s sentences: kept word for word, '
               "rewritten (“rew.” where the columns are narrow), or dropped (“–”).</p>")
    others = [j for j in range(n) if j != base]
    col_w = max(6, min(12, 40 // max(1, len(others))))
    text_w = 100 - 5 - col_w * len(others)
    head = "".join(f'<th width="{col_w}%">{_badge(c, j)}</th>' for j in others)
    out.append(f'<table class="grid" width="100%" cellspacing="0" cellpadding="2"><thead><tr><th width="5%">#</th>'
               f'<th width="{text_w}%">Sentence</th>{head}</tr></thead>')
    # Past four other articles the columns are too narrow for "rewritten": short marks, same colours.
    words = _READING if len(others) <= 4 else _READING_SHORT
    for row in c.collation:
        text = c.articles[base].text[row.span.start : row.span.end]
        marks = "".join(
            f'<td class="{words[row.readings[j]][1]}">{words[row.readings[j]][0]}</td>' for j in others)
        out.append(f'<tr><td class="ref">s{row.sentence + 1}</td><td class="small">{_esc(text)}</td>{marks}</tr>')
    if not c.collation:
        out.append(f'<tr><td colspan="{2 + len(others)}" class="gap">The base has no body text.</td></tr>')
    out.append("</table>")
    out.append("<h3>What each article adds that no other has</h3>")
    for i in range(n):
        adds = [a for a in c.additions if a.article == i]
        if not adds:
            out.append(f'<p class="small">{_badge(c, i)} {_esc(c.labels[i])}: nothing of its own.</p>')
            continue
        words = sum(a.words for a in adds)
        out.append(f'<p class="small">{_badge(c, i)} <b>Only in {_esc(c.labels[i])}</b> '
                   f'<span class="note">({len(adds)} passage{"s" if len(adds) != 1 else ""}, {words:,} words)</span></p>')
        out.append('<table class="grid" width="100%" cellspacing="0" cellpadding="2">')
        for a in adds:
            text = c.articles[i].text[a.span.start : a.span.end]
            ref = f"s{a.sentences[0] + 1}" + (f"–{a.sentences[-1] + 1}" if len(a.sentences) > 1 else "")
            out.append(f'<tr><td width="8%" class="ref">{ref}</td><td class="small">{_esc(_clip(text, ADDITION_CLIP))}</td></tr>')
        out.append("</table>")
    return "".join(out)


def _reuse(c: Coverage) -> str:
    n = len(c.articles)
    out = ['<h2>Who took from whom</h2>',
           '<p class="note">Share of the row article’s words found in the column article (runs of three words, '
           "wherever they stand). A high share one way and a low one the other is what copying looks like.</p>"]
    w = max(8, min(14, 80 // (n + 1)))
    head = "".join(f'<th width="{w}%">{_badge(c, j)}</th>' for j in range(n))
    out.append(f'<table class="grid matrix" width="{min(100, w * (n + 1) + 4)}%" cellspacing="0" cellpadding="3">'
               f'<thead><tr><th width="{w}%"></th>{head}</tr></thead>')
    for i in range(n):
        cells = "".join('<td class="muted">—</td>' if i == j else f"<td>{c.containment(i, j):.0%}</td>" for j in range(n))
        out.append(f"<tr><td>{_badge(c, i)}</td>{cells}</tr>")
    out.append("</table>")
    out.append("<h3>Shared passages of 8 words or more</h3>")
    shown = False
    for r in sorted(c.reuse, key=lambda r: -r.passage_words):
        if not r.passages:
            continue
        shown = True
        a, b = c.letters[r.left], c.letters[r.right]
        why = []
        if r.earlier is not None:
            why.append(f"{c.letters[r.earlier]} was published first")
        if r.passages_from is not None:
            why.append(f"the passages are a smaller share of {c.letters[r.passages_from]}")
        source = (f" Likely source: <b>{c.letters[r.likely_source]}</b> ({'; '.join(why)})."
                  if r.likely_source is not None else " No likely source: same day and no clear direction.")
        out.append(f'<p class="small">{_badge(c, r.left)} {_badge(c, r.right)} <b>{a} and {b}</b>: '
                   f"{len(r.passages)} passage{'s' if len(r.passages) != 1 else ''}, {r.passage_words:,} words; "
                   f"{a} in {b} {r.left_in_right:.0%}, {b} in {a} {r.right_in_left:.0%}.{source}</p>")
        out.append('<table class="grid" width="100%" cellspacing="0" cellpadding="2">')
        for p in r.passages:
            text = c.articles[r.left].text[p.left.start : p.left.end]
            out.append(f'<tr><td width="10%" class="ref">{p.words} words</td>'
                       f'<td class="small">“{_esc(_clip(text, PASSAGE_CLIP))}”</td></tr>')
        out.append("</table>")
    if not shown:
        out.append('<p class="note">No two articles share a passage of 8 words or more.</p>')
    return "".join(out)


def _cited_sentences(c: Coverage, cited: list[set[int]]) -> str:
    out = ['<h2 class="newpage">Sentences the facts come from</h2>',
           '<p class="note">Every sentence a fact above was read from, by article and number.</p>']
    for i, sentences in enumerate(cited):
        if not sentences:
            continue
        out.append(f'<h3>{_badge(c, i)} {_esc(c.labels[i])} · {_esc(c.articles[i].display_title)}</h3>')
        out.append('<table class="grid" width="100%" cellspacing="0" cellpadding="2">')
        for k in sorted(sentences):
            out.append(f'<tr><td width="6%" class="ref">s{k + 1}</td>'
                       f'<td class="small">{_esc(c.sentence_text(i, k))}</td></tr>')
        out.append("</table>")
    return "".join(out)
