"""Readable text summaries for the command line (without --json)."""

from __future__ import annotations

from desktop.core.article import Article, BlockKind


def extract_summary(article: Article, extraction=None) -> str:
    lines = [f"{article.path} [{article.format}]", f"  title:     {article.title or '-'}"]
    for label, value in (
        ("source", article.source),
        ("author", article.author),
        ("category", article.category),
        ("published", f"{article.published.value} (from {article.published.origin})" if article.published else ""),
    ):
        if value:
            lines.append(f"  {label + ':':<10} {value}")
    lines.append(f"  words:     {article.word_count} in the body, {len(article.sentences)} sentences")
    for block in article.blocks:
        if block.kind != BlockKind.BODY:
            snippet = " ".join(article.text[block.start : block.end].split())[:70]
            why = f" ({block.reason})" if block.reason else ""
            lines.append(f"  {block.kind:<12}{snippet}{why}")
    if extraction is not None:
        for ent in extraction.entities:
            extra = f" = {ent.value}" if ent.value else ""
            lines.append(f"  {ent.type:<13}{ent.name}{extra} ×{len(ent.mentions)}")
    return "\n".join(lines)


def compare_summary(c) -> str:
    s = c.stats
    lines = [
        f"{c.left.display_title}  ⟷  {c.right.display_title}",
        f"similarity {s.similarity:.2f}; left in right {s.left_in_right:.0%}, right in left {s.right_in_left:.0%}",
        f"words: {s.words_kept} kept, {s.words_changed} changed, {s.words_added} added, "
        f"{s.words_removed} removed, {s.words_moved} moved",
    ]
    for d in c.discrepancies:
        lines.append(f"  discrepancy [{d.kind}] {d.left_text!r} ≠ {d.right_text!r}")
    for ch in c.changes:
        lines.append(f"  {ch.cls:<12}{ch.left_text[:60]!r} → {ch.right_text[:60]!r}")
    return "\n".join(lines)
