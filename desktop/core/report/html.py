"""The report as one self-contained HTML page: fixed markup and stylesheet, every article word escaped.

The same markup serves two renderers: Qt's QTextDocument (a subset of HTML/CSS; used for
PDF and printing) and web browsers (the HTML export). Only the stylesheet differs.
Nothing here refers to anything outside the page: no links, images, fonts or scripts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from desktop.core.ingest.controls import contained, printable
from desktop.core.entities.model import MatchStatus
from desktop.core.report.model import (
    CHANGED,
    DELETED,
    INSERTED,
    MOVED,
    PLAIN,
    SENTENCE_DELETED,
    SENTENCE_INSERTED,
    STRONG,
    VALUE,
    ArticleFacts,
    BodyRow,
    Report,
    Run,
    Sentence,
)

# Print is always light. Role names are those of desktop/ui/theme.py so the window's light
# palette can be passed in unchanged; these are its values, kept here because core has no Qt.
PRINT_PALETTE: dict[str, str] = {
    "inserted": "#dff3e0",
    "deleted": "#fbe1e1",
    "changed": "#fdf1cf",
    "moved": "#e4e8fb",
    "word_insert": "#a9e0ae",
    "word_delete": "#f5b3b3",
    "word_change": "#f7d98a",
    "char_change": "#f0b94f",
    "word_text": "#1a1b1e",  # text on the word marks: the window's light palette marks words dark, with white text
    "discrepancy": "#c62828",
    "quote": "#6a4fb3",
    "inserted_line": "#2e7d32",
    "deleted_line": "#c62828",
    "changed_line": "#b07d00",
    "moved_line": "#3949ab",
    "muted_text": "#5f6670",
    "header_background": "#eef0f3",
}
_HEX = re.compile(r"#[0-9a-fA-F]{6}")

# The only class names a run of article text can get: chosen from this table, never from data.
_MARK_CLASS = {
    PLAIN: "",
    DELETED: "del",
    INSERTED: "ins",
    CHANGED: "chg",
    STRONG: "chs",
    MOVED: "mov",
    VALUE: "val",
    SENTENCE_DELETED: "s-del",
    SENTENCE_INSERTED: "s-ins",
}
_STATUS_CLASS = {
    MatchStatus.CONFLICT: "st-conflict",
    MatchStatus.VARIANT: "st-variant",
    MatchStatus.LEFT: "st-left",
    MatchStatus.RIGHT: "st-right",
    MatchStatus.BOTH: "st-both",
}
_QUOTE_CLASS = {"same": "st-both", "in part": "st-both", "altered": "st-conflict", "only in A": "st-left", "only in B": "st-right"}
_KIND_LABEL = {"figure": "Figure", "date": "Date", "name": "Name", "quote": "Quote"}

SERIF = "'Georgia', 'DejaVu Serif', 'Liberation Serif', 'Times New Roman', serif"
SANS = "'Helvetica Neue', 'Arial', 'DejaVu Sans', 'Liberation Sans', sans-serif"
MONO = "'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace"


def _palette(overrides: Mapping[str, str] | None) -> dict[str, str]:
    colours = dict(PRINT_PALETTE)
    for key, value in (overrides or {}).items():
        # Only known roles and plain #rrggbb values reach the stylesheet.
        if key in colours and isinstance(value, str) and _HEX.fullmatch(value):
            colours[key] = value
    return colours


def stylesheet(target: str = "browser", palette: Mapping[str, str] | None = None) -> str:
    """The fixed stylesheet. `target` is "qt" (QTextDocument, sizes in points) or "browser"."""
    p = _palette(palette)
    common = f"""
body {{ font-family: {SERIF}; font-size: 10pt; color: #1d1f23; }}
.title {{ font-family: {SANS}; font-size: 13pt; font-weight: 600; margin-top: 3pt; margin-bottom: 3pt; }}
h2 {{ font-family: {SANS}; font-size: 12.5pt; font-weight: 600; margin-top: 16pt; margin-bottom: 5pt;
      color: #1d1f23; }}
h3 {{ font-family: {SANS}; font-size: 10pt; font-weight: 600; margin-top: 9pt; margin-bottom: 3pt; }}
p {{ margin-top: 0pt; margin-bottom: 5pt; }}
.kicker {{ font-family: {SANS}; font-size: 8pt; color: {p['muted_text']}; letter-spacing: 1pt; }}
.muted {{ color: {p['muted_text']}; }}
.small {{ font-size: 8.5pt; }}
.note {{ font-family: {SANS}; font-size: 8.5pt; color: {p['muted_text']}; }}
.side {{ font-family: {SANS}; font-size: 8pt; font-weight: 700; color: #ffffff; background-color: #4a5160; }}
.label {{ font-family: {SANS}; font-size: 8pt; color: {p['muted_text']}; }}
.hash {{ font-family: {MONO}; font-size: 7pt; color: {p['muted_text']}; }}
.big {{ font-family: {SANS}; font-size: 20pt; font-weight: 300; }}
.del {{ color: {p['word_text']}; background-color: {p['word_delete']}; text-decoration: line-through; }}
.ins {{ color: {p['word_text']}; background-color: {p['word_insert']}; text-decoration: underline; }}
.chg {{ color: {p['word_text']}; background-color: {p['word_change']}; }}
.chs {{ color: {p['word_text']}; background-color: {p['char_change']}; font-weight: 700; }}
.mov {{ background-color: {p['moved']}; }}
.val {{ color: {p['word_text']}; background-color: {p['word_change']}; font-weight: 700; }}
.mark {{ font-family: {SANS}; font-size: 7pt; font-weight: 700; color: {p['moved_line']}; }}
.s-del {{ background-color: {p['deleted']}; }}
.s-ins {{ background-color: {p['inserted']}; }}
.st-conflict {{ font-family: {SANS}; font-size: 8pt; font-weight: 700; color: {p['discrepancy']}; }}
.st-variant {{ font-family: {SANS}; font-size: 8pt; font-weight: 700; color: {p['changed_line']}; }}
.st-left {{ font-family: {SANS}; font-size: 8pt; color: {p['deleted_line']}; }}
.st-right {{ font-family: {SANS}; font-size: 8pt; color: {p['inserted_line']}; }}
.st-both {{ font-family: {SANS}; font-size: 8pt; color: {p['muted_text']}; }}
.arrow {{ color: {p['muted_text']}; }}
.gap {{ font-family: {SANS}; font-size: 8pt; color: {p['muted_text']}; text-align: center;
        background-color: {p['header_background']}; }}
th {{ font-family: {SANS}; font-size: 8pt; font-weight: 600; color: {p['muted_text']}; text-align: left; }}
td {{ vertical-align: top; }}
.facts td {{ border-bottom: 1px solid #dde0e5; }}
.grid td {{ border-bottom: 1px solid #e4e6ea; }}
.grid th {{ border-bottom: 1px solid #9aa0a8; }}
.body td {{ font-size: 9.5pt; border-bottom: 1px solid #eceef1; }}
.colhead {{ font-family: {SANS}; font-size: 8.5pt; font-weight: 600; background-color: {p['header_background']}; }}
.legend td {{ font-family: {SANS}; font-size: 8pt; }}
.newpage {{ page-break-before: always; }}
"""
    if target == "qt":
        return common
    return (
        common
        + f"""
html {{ background: #f3f4f6; }}
body {{ max-width: 62em; margin: 1.5em auto; padding: 2em 2.5em; background: #ffffff; line-height: 1.4; }}
table {{ border-collapse: collapse; }}
td, th {{ padding: 3pt 5pt; }}
@media print {{ html {{ background: #ffffff; }} body {{ margin: 0; padding: 0; max-width: none; }} }}
@page {{ margin: 16mm 14mm; }}
"""
    )


def _esc(text: str) -> str:
    # Every string from an article passes here: no C0 control reaches the page, and bidi
    # controls stay inside the string that holds them (FSI…PDI).
    return escape(contained(printable(text)), quote=True)


def _runs(runs: tuple[Run, ...]) -> str:
    parts = []
    for r in runs:
        cls = _MARK_CLASS.get(r.mark, "")
        text = _esc(r.text)
        parts.append(f'<span class="{cls}">{text}</span>' if cls else text)
    return "".join(parts)


def _facts_table(a: ArticleFacts, b: ArticleFacts) -> str:
    def cell(text: str, cls: str = "") -> str:
        inner = _esc(text) if text else '<span class="muted">—</span>'
        return f'<td width="44%" class="{cls}">{inner}</td>' if cls else f'<td width="44%">{inner}</td>'

    titles = (
        '<table width="100%" cellspacing="0" cellpadding="3"><tr><td width="12%"></td>'
        f'<td width="44%"><span class="side">&nbsp;A&nbsp;</span><p class="title">{_esc(a.title)}</p></td>'
        f'<td width="44%"><span class="side">&nbsp;B&nbsp;</span><p class="title">{_esc(b.title)}</p></td>'
        "</tr></table>"
    )
    rows = []
    for label, left, right, cls in (
        ("Source", a.source, b.source, ""),
        ("Author", a.author, b.author, ""),
        ("Published", a.published, b.published, ""),
        ("File", a.file_name, b.file_name, ""),
        ("Format", f"{a.file_format}, {a.words:,} words", f"{b.file_format}, {b.words:,} words", ""),
        ("Language", a.language, b.language, ""),
        ("SHA-256", a.sha256, b.sha256, "hash"),
    ):
        if label == "SHA-256":
            # Break the 64 hex digits into groups so the line can wrap in a narrow column.
            left = " ".join(left[i : i + 16] for i in range(0, len(left), 16))
            right = " ".join(right[i : i + 16] for i in range(0, len(right), 16))
        rows.append(f'<tr><td class="label" width="12%">{label}</td>{cell(left, cls)}{cell(right, cls)}</tr>')
    return titles + '<table class="facts" width="100%" cellspacing="0" cellpadding="3">' + "".join(rows) + "</table>"


def _summary(r: Report) -> str:
    big = r.figures[:3]
    out = ['<h2>Summary</h2><table width="100%" cellspacing="0" cellpadding="4"><tr>']
    for f in big:
        out.append(
            f'<td width="33%"><span class="big">{_esc(f.value)}</span><br>'
            f'<span class="label">{_esc(f.label.upper())}</span><br><span class="note">{_esc(f.note)}</span></td>'
        )
    out.append('</tr></table><table class="grid" width="100%" cellspacing="0" cellpadding="3">')
    for f in r.figures[3:]:
        note = f' <span class="note">— {_esc(f.note)}</span>' if f.note else ""
        out.append(f'<tr><td class="label" width="18%">{_esc(f.label)}</td><td>{_esc(f.value)}{note}</td></tr>')
    out.append("</table>")
    if r.classes:
        out.append("<h3>The most significant changes, by class</h3>")
        out.append('<table class="grid" width="100%" cellspacing="0" cellpadding="3">')
        for cs in r.classes:
            examples = "<br>".join(
                f'<span class="del">{_esc(left)}</span> <span class="arrow">→</span> <span class="ins">{_esc(right)}</span>'
                if left and right
                else (f'<span class="del">{_esc(left)}</span>' if left else f'<span class="ins">{_esc(right)}</span>')
                for left, right in cs.examples
            )
            more = cs.count - len(cs.examples)
            if more > 0:
                examples += f'<br><span class="note">and {more:,} more</span>'
            out.append(
                f'<tr><td width="18%"><b>{_esc(cs.label)}</b><br><span class="note">{cs.count:,} '
                f'change{"s" if cs.count != 1 else ""}</span></td><td>{examples}</td></tr>'
            )
        out.append("</table>")
    else:
        out.append('<p class="note">No labelled changes: the two texts say the same thing.</p>')
    out.append(f'<p class="note">Compared with: {_esc(r.options_note)}.</p>')
    return "".join(out)


def _discrepancies(r: Report) -> str:
    out = ["<h2>Discrepancies</h2>"]
    if not r.discrepancies:
        text = "None found." if r.has_extraction else "Not computed for this comparison."
        return out[0] + f'<p class="note">{text}</p>'
    out.append(
        '<p class="note">Facts the two articles state differently: figures, dates, names and quotes. '
        "Each value is shown inside its sentence.</p>"
    )
    out.append(
        '<table class="grid" width="100%" cellspacing="0" cellpadding="4"><thead><tr>'
        '<th width="4%">#</th><th width="18%">About</th><th width="39%">A says</th><th width="39%">B says</th>'
        "</tr></thead>"
    )
    for n, d in enumerate(r.discrepancies, 1):
        about = _esc(d.subject) if d.subject else '<span class="muted">—</span>'
        kind = _KIND_LABEL.get(d.kind, "Other")
        if d.left_value or d.right_value:
            left = f'<b>{_esc(d.left_value)}</b><br><span class="small">{_runs(d.left_context)}</span>'
            right = f'<b>{_esc(d.right_value)}</b><br><span class="small">{_runs(d.right_context)}</span>'
        else:  # a quote: its words, with the difference marked
            left, right = f"“{_runs(d.left_context)}”", f"“{_runs(d.right_context)}”"
        out.append(
            f'<tr><td class="label">{n}</td><td>{about}<br><span class="label">{kind}</span></td>'
            f"<td>{left}</td><td>{right}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def _language_notes(r: Report) -> str:
    return "".join(f'<p class="note"><b>{_esc(note)}</b></p>' for note in r.language_notes)


def _entities(r: Report) -> str:
    out = ["<h2>People, places, organisations, dates and figures</h2>" + _language_notes(r)]
    if not r.entities and not r.shared:
        text = "None found." if r.has_extraction else "Not computed for this comparison."
        return out[0] + f'<p class="note">{text}</p>'
    if not r.entities:
        out.append('<p class="note">Every one is named the same way in both articles.</p>')
        return "".join(out) + _shared(r)
    out.append('<p class="note">Those that differ between the two articles, then those named alike in both. '
               "The A and B columns count mentions.</p>")
    out.append(
        '<table class="grid" width="100%" cellspacing="0" cellpadding="3"><thead><tr>'
        '<th width="13%">Kind</th><th width="30%">In A</th><th width="30%">In B</th>'
        '<th width="6%">A</th><th width="6%">B</th><th width="15%">Status</th></tr></thead>'
    )
    for e in r.entities:
        left = _esc(e.left_name) if e.left_name else '<span class="muted">—</span>'
        right = _esc(e.right_name) if e.right_name else '<span class="muted">—</span>'
        cls = _STATUS_CLASS.get(e.status, "st-both")
        out.append(
            f'<tr><td class="label">{_esc(e.type.title())}</td><td>{left}</td><td>{right}</td>'
            f'<td>{e.left_count}</td><td>{e.right_count}</td>'
            f'<td><span class="{cls}">{_esc(e.status_label)}</span></td></tr>'
        )
    out.append("</table>")
    return "".join(out) + _shared(r)


_KIND_PLURAL = {"person": "People", "organization": "Organisations", "place": "Places", "date": "Dates",
                "figure": "Figures"}


def _shared(r: Report) -> str:
    if not r.shared:
        return ""
    rows = "".join(
        f'<tr><td class="label" width="16%">{_esc(_KIND_PLURAL.get(kind, kind.title()))}</td>'
        f'<td>{" · ".join(_esc(n) for n in names)}</td></tr>'
        for kind, names in r.shared
    )
    return ('<h3>Named alike in both</h3><table class="grid" width="100%" cellspacing="0" cellpadding="3">'
            f"{rows}</table>")


def _quotes(r: Report) -> str:
    out = ["<h2>Quotes, by speaker</h2>" + _language_notes(r)]
    if not r.quotes:
        text = "No quotations found." if r.has_extraction else "Not computed for this comparison."
        return out[0] + f'<p class="note">{text}</p>'
    out.append('<table class="grid" width="100%" cellspacing="0" cellpadding="4">')
    out.append('<thead><tr><th width="20%">Speaker</th><th width="40%">A</th><th width="40%">B</th></tr></thead>')
    previous = None
    for q in r.quotes:
        speaker = f"<b>{_esc(q.speaker)}</b>" if q.speaker else '<span class="muted">not attributed</span>'
        if q.speaker_for:
            speaker += f'<br><span class="muted">for {_esc(q.speaker_for)}</span>'
        shown = speaker if q.speaker != previous else ""
        previous = q.speaker
        left = f"“{_runs(q.left)}”" if q.left else '<span class="muted">—</span>'
        right = f"“{_runs(q.right)}”" if q.right else '<span class="muted">—</span>'
        note = f'<br><span class="note">{_esc(q.note)}</span>' if q.note else ""
        cls = _QUOTE_CLASS.get(q.status, "st-both")
        out.append(
            f'<tr><td>{shown}{"<br>" if shown else ""}<span class="{cls}">{_esc(q.status)}</span></td>'
            f"<td>{left}{note}</td><td>{right}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def _legend() -> str:
    items = (
        ('<span class="del">struck</span>', "words only in A"),
        ('<span class="ins">underlined</span>', "words only in B"),
        ('<span class="chg">ch<span class="chs">a</span>nged</span>', "a word changed; the letters that differ in bold"),
        ('<span class="s-del">&nbsp;sentence&nbsp;</span> <span class="s-ins">&nbsp;sentence&nbsp;</span>',
         "a whole sentence only in A / only in B"),
        ('<span class="mov">moved</span> <span class="mark">M1 ↓</span>',
         "a sentence that moved; the same label marks where it stood in A and where it stands in B"),
    )
    cells = "".join(f"<tr><td width=\"24%\">{sample}</td><td>{text}</td></tr>" for sample, text in items)
    return f'<table class="legend" width="100%" cellspacing="0" cellpadding="2">{cells}</table>'


def _sentence(s: Sentence) -> str:
    marker = f'<span class="mark">{_esc(s.marker)}</span>&nbsp;' if s.marker else ""
    return marker + _runs(s.runs)


def _cell(sentences: tuple[Sentence, ...]) -> str:
    return " ".join(_sentence(s) for s in sentences)


def _body(r: Report) -> str:
    title = "The two articles side by side"
    out = [f'<h2 class="newpage">{title}</h2>']
    if r.changes_only:
        out.append(
            f'<p class="note">Only the changes are shown, each with {r.context} sentence'
            f'{"s" if r.context != 1 else ""} of context; the grey bands count what was left out.</p>'
        )
    out.append(_legend())
    out.append(
        '<table class="body" width="100%" cellspacing="0" cellpadding="5"><thead><tr>'
        f'<td width="50%" class="colhead">A · {_esc(r.left.source or r.left.file_name)}</td>'
        f'<td width="50%" class="colhead">B · {_esc(r.right.source or r.right.file_name)}</td>'
        "</tr></thead>"
    )
    for row in r.body:
        out.append(_body_row(row))
    if not r.body:
        out.append('<tr><td colspan="2" class="gap">Both articles are empty.</td></tr>')
    out.append("</table>")
    return "".join(out)


def _body_row(row: BodyRow) -> str:
    if row.skipped:
        n = row.skipped
        return f'<tr><td colspan="2" class="gap">⋯ {n:,} unchanged sentence{"s" if n != 1 else ""} ⋯</td></tr>'
    return f"<tr><td>{_cell(row.left)}</td><td>{_cell(row.right)}</td></tr>"


def report_html(r: Report, *, target: str = "browser", palette: Mapping[str, str] | None = None) -> str:
    """The whole report as one HTML page. `target` is "browser" (export) or "qt" (PDF, print)."""
    title = f"Comparison: {r.left.title} / {r.right.title}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="generator" content="Diptych">',
        f"<title>{_esc(title)}</title>",
        f"<style>{stylesheet(target, palette)}</style></head><body>",
        f'<p class="kicker">COMPARISON REPORT · {_esc(r.generated)}</p>',
        _facts_table(r.left, r.right),
        _summary(r),
        _discrepancies(r),
        _entities(r),
        _quotes(r),
        _body(r),
        '<p class="note"><br>Prepared with Diptych. A and B are the two articles named at the top; '
        "spans, counts and figures come from the comparison shown on screen.</p>",
        "</body></html>",
    ]
    return "\n".join(parts)
