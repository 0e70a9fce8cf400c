"""Readable text summaries for the command line (without --json)."""

from __future__ import annotations

from desktop.core.article import Article, BlockKind
from desktop.core.language import language_label, names_note


def extract_summary(article: Article, extraction=None, words: int | None = None) -> str:
    lines = [f"{article.path} [{article.format}]", f"  title:     {article.title or '-'}"]
    for label, value in (
        ("source", article.source),
        ("author", article.author),
        ("category", article.category),
        ("published", f"{article.published.value} (from {article.published.origin})" if article.published else ""),
    ):
        if value:
            lines.append(f"  {label + ':':<10} {value}")
    lines.append(f"  words:     {article.word_count if words is None else words} in the body, {len(article.sentences)} sentences")
    lines.append(f"  language:  {language_label(article.language)}")
    blocks = article.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        # A run of blocks set aside for the same reason (a list of other posts) is one line.
        j = i + 1
        while j < len(blocks) and block.reason and (blocks[j].kind, blocks[j].reason) == (block.kind, block.reason):
            j += 1
        if block.kind != BlockKind.BODY:
            snippet = " ".join(article.text[block.start : block.end].split())[:70]
            why = block.reason
            if j - i > 1:
                why += f"; {j - i} paragraphs"
            lines.append(f"  {block.kind:<12}{snippet}{f' ({why})' if why else ''}")
        i = j
    if extraction is not None:
        if not extraction.names_available:
            lines.append(f"  {names_note(article.language)}")
        for ent in extraction.entities:
            extra = f" = {ent.value}" if ent.value else ""
            lines.append(f"  {ent.type:<13}{ent.name}{extra} ×{len(ent.mentions)}")
    return "\n".join(lines)


# Most significant first: what changes the facts, then who said it, then wording.
_SIGNIFICANCE = ("figure", "date", "name", "quote", "attribution", "hedging", "other", "cosmetic")
_MAX_CHANGES = 40


def _clip(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def compare_summary(c) -> str:
    """The comparison as a reader's summary: figures, then changes by significance, then moves."""
    s = c.stats
    lines = [
        f"{c.left.display_title}  ⟷  {c.right.display_title}",
        f"similarity {s.similarity:.2f}; {s.left_in_right:.0%} of the left's words are in the right, "
        f"{s.right_in_left:.0%} of the right's in the left",
        f"sentences: {s.sentences_kept} kept, {s.sentences_changed} changed, {s.sentences_added} added, "
        f"{s.sentences_removed} removed, {s.sentences_moved} moved",
        f"words: {s.words_kept} kept, {s.words_changed} changed, {s.words_added} added, "
        f"{s.words_removed} removed, {s.words_moved} moved",
    ]
    if c.shared_passages:
        longest = max(p.words for p in c.shared_passages)
        lines.append(f"shared passages of 8+ words: {len(c.shared_passages)} (longest {longest} words)")
    for d in c.discrepancies:
        lines.append(f"  discrepancy [{d.kind}] {d.left_text!r} ≠ {d.right_text!r}")
    if c.changes:
        rank = {name: k for k, name in enumerate(_SIGNIFICANCE)}
        ordered = sorted(c.changes, key=lambda ch: rank.get(str(ch.cls), len(rank)))  # stable: text order within
        lines.append(f"changes ({len(c.changes)}), most significant first:")
        for ch in ordered[:_MAX_CHANGES]:
            if not ch.left_text:
                what = f"added {_clip(ch.right_text)!r}"
            elif not ch.right_text:
                what = f"removed {_clip(ch.left_text)!r}"
            else:
                what = f"{_clip(ch.left_text)!r} → {_clip(ch.right_text)!r}"
            lines.append(f"  {str(ch.cls):<12}{what}")
        if len(ordered) > _MAX_CHANGES:
            lines.append(f"  … and {len(ordered) - _MAX_CHANGES} more (use --json for all)")
    moves = [p for p in c.paragraphs if str(p.op) == "moved" and p.left is not None]
    if moves:
        lines.append(f"moved paragraphs ({len(moves)}):")
        for p in moves:
            lines.append(f"  {_clip(c.left.text[p.left.start : p.left.end])!r}")
    if not c.changes and not moves:
        lines.append("no differences in the compared text")
    return "\n".join(lines)
