"""Command line: open the window, or extract, compare, report and find related articles.

`diptych [FILE...]` opens the window; the subcommands run without a display.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop import __version__

SUBCOMMANDS = ("extract", "compare", "report", "coverage", "related")


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="diptych",
        description="Compare news articles side by side. "
        f"Subcommands (run 'diptych CMD --help'): {', '.join(SUBCOMMANDS)}.",
    )
    p.add_argument("files", nargs="*", help="article files or folders to open")
    p.add_argument("--samples", action="store_true", help="open the bundled sample articles, compared")
    p.add_argument("--screenshot", metavar="PNG", help="render the window offscreen once painted, save, exit")
    p.add_argument("--size", default="1280x800", help="window size for --screenshot (WxH)")
    p.add_argument("--dark", action="store_true", help="use a dark palette (for --screenshot)")
    p.add_argument("--smoke-test", action="store_true", help="start, show the window, quit (exit 0)")
    p.add_argument("--version", action="version", version=f"diptych {__version__}")
    return p


def _sub_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="diptych")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="read articles and print their structure")
    e.add_argument("files", nargs="+")
    e.add_argument("--json", action="store_true", help="print a JSON list, one object per article")
    e.add_argument("--no-entities", action="store_true", help="skip entity extraction")

    c = sub.add_parser("compare", help="compare two articles")
    c.add_argument("left")
    c.add_argument("right")
    c.add_argument("--json", action="store_true")
    _option_flags(c)

    r = sub.add_parser("report", help="write a comparison report (PDF, HTML) without a display")
    r.add_argument("left")
    r.add_argument("right")
    r.add_argument("-o", "--output", help="PDF file to write")
    r.add_argument("--html", help="HTML file to write (self-contained)")
    r.add_argument("--changes-only", action="store_true", help="print only the changes with context")
    r.add_argument("--context", type=int, default=1, help="sentences of context with --changes-only")
    r.add_argument("--page-size", choices=("auto", "a4", "letter"), default="auto")
    _option_flags(r)

    cv = sub.add_parser("coverage", help="three or more articles on one story, fact by fact")
    cv.add_argument("files", nargs="+", help="two or more article files")
    cv.add_argument("--json", action="store_true", help="print the coverage as JSON (shape in the README)")
    cv.add_argument("-o", "--output", help="PDF report to write")
    cv.add_argument("--html", help="HTML report to write (self-contained)")
    cv.add_argument("--base", metavar="FILE", help="collate against this file (default: earliest published, else longest)")
    cv.add_argument("--page-size", choices=("auto", "a4", "letter"), default="auto")
    _option_flags(cv)

    rel = sub.add_parser("related", help="rank articles by how likely they cover the same story")
    rel.add_argument("paths", nargs="+", help="files or folders")
    rel.add_argument("--json", action="store_true")
    rel.add_argument("--top", type=int, default=5)
    return p


def _option_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ignore-case", action="store_true")
    p.add_argument("--ignore-punctuation", action="store_true")
    p.add_argument("--digits-as-words", action="store_true", help='treat "five" and "5" as equal')
    p.add_argument("--include-boilerplate", action="store_true")


def _options(args):
    from desktop.core.comparison import Options

    return Options(
        ignore_case=args.ignore_case,
        ignore_punctuation=args.ignore_punctuation,
        digits_as_words=args.digits_as_words,
        include_boilerplate=args.include_boilerplate,
    )


def _load_all(paths: list[str]):
    """Load every file; report each failure on stderr. Returns (articles, failed)."""
    from desktop.core.errors import ReadError
    from desktop.core.load import load_file

    articles, failed = [], 0
    for path in paths:
        try:
            articles.extend(load_file(path))
        except ReadError as exc:
            print(f"diptych: {exc.path}: {exc.reason}", file=sys.stderr)
            failed += 1
    return articles, failed


def _load_one(path: str):
    from desktop.core.errors import ReadError
    from desktop.core.load import load_file

    try:
        articles = load_file(path)
    except ReadError as exc:
        raise SystemExit(f"diptych: {exc.path}: {exc.reason}") from None
    if not articles:
        raise SystemExit(f"diptych: {path}: no article found in the file")
    return articles[0]


def cmd_extract(args) -> int:
    """Print each article's metadata, blocks and sentences (JSON shape in README, "extract")."""
    from desktop.core.article import article_json
    from desktop.core.folder import article_files
    from desktop.core.summary import extract_summary

    skipped = []

    def on_skip(path: str, why: str) -> None:
        print(f"diptych: {path}: {why}", file=sys.stderr)
        skipped.append(path)

    articles, failed = _load_all(list(article_files(args.files, on_skip=on_skip)))
    failed += len(skipped)
    extractions = [None] * len(articles)
    if not args.no_entities:
        from desktop.core.entities import extract

        extractions = [extract(a) for a in articles]
    if args.json:
        out = []
        for art, ext in zip(articles, extractions):
            obj = article_json(art)
            if ext is not None:
                from desktop.core.entities.model import entity_json, quote_json

                obj["entities"] = [entity_json(e) for e in ext.entities]
                obj["quotes"] = [quote_json(q) for q in ext.quotes]
            out.append(obj)
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for art, ext in zip(articles, extractions):
            print(extract_summary(art, ext))
    return 1 if failed else 0


def cmd_compare(args) -> int:
    from desktop.core.compare import compare
    from desktop.core.comparison import comparison_json
    from desktop.core.summary import compare_summary

    left, right = _load_one(args.left), _load_one(args.right)
    result = compare(left, right, _options(args))
    if args.json:
        json.dump(comparison_json(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(compare_summary(result))
    return 0


def cmd_report(args) -> int:
    if not args.output and not args.html:
        raise SystemExit("diptych report: give -o FILE.pdf, --html FILE.html, or both")
    from desktop.core.compare import compare
    from desktop.ui.report.export import export_report

    left, right = _load_one(args.left), _load_one(args.right)
    result = compare(left, right, _options(args))
    return export_report(
        result,
        pdf=args.output,
        html=args.html,
        changes_only=args.changes_only,
        context=args.context,
        page_size=args.page_size,
    )


def cmd_coverage(args) -> int:
    from desktop.core.coverage import cover
    from desktop.core.coverage.as_json import coverage_json
    from desktop.core.coverage.summary import coverage_summary

    articles = [_load_one(path) for path in args.files]
    if len(articles) < 2:
        raise SystemExit("diptych coverage: give two or more article files")
    base = None
    if args.base:
        wanted = Path(args.base).resolve()
        matches = [k for k, path in enumerate(args.files) if Path(path).resolve() == wanted]
        if not matches:
            articles.append(_load_one(args.base))
            matches = [len(articles) - 1]
        base = matches[0]
    result = cover(articles, base, _options(args))
    if args.json:
        json.dump(coverage_json(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif not args.output and not args.html:
        print(coverage_summary(result))
    if args.output or args.html:
        from desktop.ui.report.coverage_export import export_coverage_report

        return export_coverage_report(result, pdf=args.output, html=args.html, page_size=args.page_size)
    return 0


def cmd_related(args) -> int:
    from desktop.core.related import related_main

    return related_main(args.paths, as_json=args.json, top=args.top)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        args = _sub_parser().parse_args(argv)
        handler = {"extract": cmd_extract, "compare": cmd_compare, "report": cmd_report, "coverage": cmd_coverage,
                   "related": cmd_related}
        return handler[args.command](args)
    args = _gui_parser().parse_args(argv)
    from desktop.ui.app import run

    return run(
        files=[str(Path(f)) for f in args.files],
        samples=args.samples,
        screenshot=args.screenshot,
        size=args.size,
        dark=args.dark,
        smoke_test=args.smoke_test,
    )
