"""Command line: open the window, or extract, compare, report and find related articles.

`diptych [FILE...]` opens the window; the subcommands run without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from desktop import __version__

class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, sized without shutil: argparse makes one for every argument it is
    given (to check its metavar), and shutil.get_terminal_size imports shutil, bz2 and lzma for it,
    about 2 ms of every run that never prints help."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("width", _terminal_columns() - 2)  # what HelpFormatter takes without a width
        super().__init__(*args, **kwargs)


def _terminal_columns() -> int:
    """shutil.get_terminal_size().columns: $COLUMNS, else the terminal's width, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="diptych",
        formatter_class=_Formatter,
        description="Compare news articles side by side. "
        f"Subcommands (run 'diptych CMD --help'): {', '.join(_COMMANDS)}.",
    )
    p.add_argument("files", nargs="*", help="article files or folders to open")
    p.add_argument("--samples", action="store_true", help="open the bundled sample articles, compared")
    p.add_argument("--screenshot", metavar="PNG", help="render the window offscreen once painted, save, exit")
    p.add_argument("--size", default="1280x800", help="window size for --screenshot (WxH)")
    p.add_argument("--dark", action="store_true", help="use a dark palette (for --screenshot)")
    p.add_argument("--smoke-test", action="store_true", help="start, show the window, quit (exit 0)")
    p.add_argument("--version", action="version", version=f"diptych {__version__}")
    return p


def _command_parser(command: str) -> argparse.ArgumentParser:
    """The parser of one subcommand, built alone: argv[0] names it already, and argparse's
    subparsers would build all five on every run. Same prog, usage, help and errors."""
    p = argparse.ArgumentParser(prog=f"diptych {command}", formatter_class=_Formatter)
    _COMMANDS[command][0](p)
    return p


def _extract_args(e: argparse.ArgumentParser) -> None:  # read articles and print their structure
    e.add_argument("files", nargs="+")
    e.add_argument("--json", action="store_true", help="print a JSON list, one object per article")
    e.add_argument("--no-entities", action="store_true", help="skip entity extraction")
    _language_flag(e)
    _pretty_flag(e)
    _time_limit_flag(e)


def _compare_args(c: argparse.ArgumentParser) -> None:  # compare two articles
    c.add_argument("left")
    c.add_argument("right")
    c.add_argument("--json", action="store_true")
    c.add_argument("--no-entities", action="store_true", help="compare the text only: no entities or discrepancies")
    _language_flag(c)
    _pretty_flag(c)
    _option_flags(c)
    _time_limit_flag(c)


def _report_args(r: argparse.ArgumentParser) -> None:  # write a comparison report (PDF, HTML) without a display
    r.add_argument("left")
    r.add_argument("right")
    r.add_argument("-o", "--output", help="PDF file to write")
    r.add_argument("--html", help="HTML file to write (self-contained)")
    r.add_argument("--changes-only", action="store_true", help="print only the changes with context")
    r.add_argument("--context", type=int, default=1, help="sentences of context with --changes-only")
    r.add_argument("--page-size", choices=("auto", "a4", "letter"), default="auto")
    _language_flag(r)
    _option_flags(r)
    _time_limit_flag(r)


def _coverage_args(cv: argparse.ArgumentParser) -> None:  # three or more articles on one story, fact by fact
    cv.add_argument("files", nargs="+", help="two or more article files")
    cv.add_argument("--json", action="store_true", help="print the coverage as JSON (shape in the README)")
    cv.add_argument("-o", "--output", help="PDF report to write")
    cv.add_argument("--html", help="HTML report to write (self-contained)")
    cv.add_argument("--base", metavar="FILE", help="collate against this file (default: earliest published, else longest)")
    cv.add_argument("--page-size", choices=("auto", "a4", "letter"), default="auto")
    _pretty_flag(cv)
    _option_flags(cv)
    _time_limit_flag(cv)


def _related_args(rel: argparse.ArgumentParser) -> None:  # rank articles by how likely they cover the same story
    rel.add_argument("paths", nargs="+", help="files or folders")
    rel.add_argument("--json", action="store_true")
    rel.add_argument("--top", type=int, default=5)
    _pretty_flag(rel)




def _time_limit_flag(p: argparse.ArgumentParser) -> None:
    from desktop.core.ingest.isolated import DEFAULT_SECONDS

    p.add_argument("--time-limit", type=float, default=DEFAULT_SECONDS, metavar="SECONDS",
                   help=f"refuse a file that takes longer to read (default {DEFAULT_SECONDS:g})")


def _language_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", metavar="CODE", type=_language_code,
                   help="read every article as this language (ISO 639-1, e.g. ja), not the one detected")


def _language_code(value: str) -> str:
    code = value.strip().lower()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise argparse.ArgumentTypeError(f"{value!r} is not a two-letter ISO 639-1 code (en, de, ja, ...)")
    return code


def _with_language(article, args):
    """The article as the reader says it is written, when --language overrides the detection."""
    from desktop.core.language import with_language

    return article if not args.language else with_language(article, args.language)


def _pretty_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pretty", action="store_true", help="indent the JSON (slower: Python's own encoder)")


def write_json(obj, pretty: bool = False) -> None:
    """One JSON document on stdout. json.dumps without indent goes through the C encoder;
    json.dump, and any indent, through the pure-Python one (0.36 s of a 100k-word compare)."""
    import json

    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None))
    sys.stdout.write("\n")


def _option_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ignore-case", action="store_true")
    p.add_argument("--ignore-punctuation", action="store_true")
    p.add_argument("--digits-as-words", action="store_true", help='treat "five" and "5" as equal')
    p.add_argument("--include-boilerplate", action="store_true")


def _options(args):
    from desktop.core.compare.model import Options

    return Options(
        ignore_case=args.ignore_case,
        ignore_punctuation=args.ignore_punctuation,
        digits_as_words=args.digits_as_words,
        include_boilerplate=args.include_boilerplate,
    )


def _printed_each(paths: list[str], args) -> tuple[list, int]:
    """What `diptych extract` prints for every article of `paths`, made in the reading worker
    (`_printed`), each file within its time limit; each failure reported on stderr.
    Returns (one printed item per article, in order; the number of files that failed).

    The whole list goes to the worker as one request, answered file by file, as a folder loads:
    a request and its answers per file cost a third of the CPU of reading 150 short articles.
    The worker sends back the printed text (or, with --pretty, the JSON object), not the article
    and its entities: those are thousands of small frozen dataclasses, which pickle and unpickle
    through Python code (0.1-0.2 s of CPU for 150 BASIL articles); a string goes across in C."""
    from functools import partial

    from desktop.core.ingest.isolated import read_each_within_budget

    prepare = partial(_printed, as_json=args.json, pretty=args.pretty, entities=not args.no_entities,
                      language=args.language)
    printed, failed = [], 0
    for path, read, reason in read_each_within_budget(paths, seconds=args.time_limit, index=False, prepare=prepare):
        if reason:
            print(f"diptych: {path}: {reason}", file=sys.stderr)
            failed += 1
            continue
        printed.extend(read)
    return printed, failed


def _printed(article, *, as_json: bool, pretty: bool, entities: bool, language: str | None):
    """In the reading worker (module level, so it can be sent there): what `diptych extract`
    prints for one slim article. Its JSON text, or the JSON object when --pretty indents the whole
    list; the summary lines without --json.

    The sentences are split once, here, and the extractor reads them from the article rather than
    splitting the body again; the words are counted without tokens (library/slim.py)."""
    from desktop.core.ingest.build import with_sentences
    from desktop.core.library.slim import word_count

    if language:
        from desktop.core.language import with_language

        article = with_language(article, language)
    article = with_sentences(article)
    words = word_count(article)
    extraction = None
    if entities:
        from desktop.core.entities.extract import extract

        extraction = extract(article)
    if not as_json:
        from desktop.summary import extract_summary

        return extract_summary(article, extraction, words)
    from desktop.core.article import article_json

    obj = article_json(article, words)
    if extraction is not None:
        from desktop.core.entities.model import entity_json, quote_json

        obj["entities"] = [entity_json(e) for e in extraction.entities]
        obj["quotes"] = [quote_json(q) for q in extraction.quotes]
    if pretty:
        return obj
    import json

    return json.dumps(obj, ensure_ascii=False)


def _load_one(path: str, seconds: float):
    from desktop.core.errors import ReadError
    from desktop.core.ingest.isolated import read_within_budget

    try:
        articles = read_within_budget(path, seconds=seconds).articles
    except ReadError as exc:
        raise SystemExit(f"diptych: {exc.path}: {exc.reason}") from None
    if not articles:
        raise SystemExit(f"diptych: {path}: no article found in the file")
    return articles[0]


def cmd_extract(args) -> int:
    """Print each article's metadata, blocks and sentences (JSON shape in README, "extract")."""
    from desktop.core.library.folder import SUPPORTED_SUFFIXES, article_files

    skipped = []

    def on_skip(path: str, why: str) -> None:
        print(f"diptych: {path}: {why}", file=sys.stderr)
        skipped.append(path)

    paths = list(article_files(args.files, on_skip=on_skip))
    if not paths and not skipped:
        shown = ", ".join(args.files)
        print(f"diptych: no article files in {shown} (looked for {', '.join(sorted(SUPPORTED_SUFFIXES))})",
              file=sys.stderr)
        return 1
    printed, failed = _printed_each(paths, args)
    failed += len(skipped)
    if args.json and args.pretty:
        write_json(printed, pretty=True)
    elif args.json:
        # The list json.dumps would write of the objects (its separator is ", "), from their texts.
        sys.stdout.write(f"[{', '.join(printed)}]\n")
    else:
        for text in printed:
            print(text)
    return 1 if failed else 0


def cmd_compare(args) -> int:
    from desktop.core.compare import compare

    left, right = (_with_language(_load_one(p, args.time_limit), args) for p in (args.left, args.right))
    result = compare(left, right, _options(args), entities=not args.no_entities)
    if args.json:
        from desktop.core.compare.model import comparison_json

        write_json(comparison_json(result), args.pretty)
    else:
        from desktop.summary import compare_summary

        print(compare_summary(result))
    return 0


def cmd_report(args) -> int:
    if not args.output and not args.html:
        raise SystemExit("diptych report: give -o FILE.pdf, --html FILE.html, or both")
    from desktop.core.compare import compare
    from desktop.ui.report.export import export_report

    _refuse_overwriting("report", (args.output, args.html), (args.left, args.right))
    left, right = (_with_language(_load_one(p, args.time_limit), args) for p in (args.left, args.right))
    result = compare(left, right, _options(args))
    return export_report(
        result,
        pdf=args.output,
        html=args.html,
        changes_only=args.changes_only,
        context=args.context,
        page_size=args.page_size,
    )


def _refuse_overwriting(command: str, targets, inputs) -> None:
    """Exit, writing nothing, when an output would replace one of the input articles."""
    from desktop.core.files import overwritten_input

    for target in targets:
        hit = overwritten_input(target, inputs) if target else None
        if hit is not None:
            which = "" if os.path.abspath(hit) == os.path.abspath(target) else f" (the same file as {hit})"
            raise SystemExit(f"diptych {command}: {target}{which} is one of the articles being compared; "
                             "the report was not written (choose another file name)")


def cmd_coverage(args) -> int:
    from desktop.core.coverage import cover
    from desktop.core.coverage.as_json import coverage_json
    from desktop.core.coverage.summary import coverage_summary

    _refuse_overwriting("coverage", (args.output, args.html), [*args.files, *([args.base] if args.base else [])])
    articles = [_load_one(path, args.time_limit) for path in args.files]
    if len(articles) < 2:
        raise SystemExit("diptych coverage: give two or more article files")
    base = None
    if args.base:
        wanted = Path(args.base).resolve()
        matches = [k for k, path in enumerate(args.files) if Path(path).resolve() == wanted]
        if not matches:
            articles.append(_load_one(args.base, args.time_limit))
            matches = [len(articles) - 1]
        base = matches[0]
    result = cover(articles, base, _options(args))
    if args.json:
        write_json(coverage_json(result), args.pretty)
    elif not args.output and not args.html:
        print(coverage_summary(result))
    if args.output or args.html:
        from desktop.ui.report.coverage_export import export_coverage_report

        return export_coverage_report(result, pdf=args.output, html=args.html, page_size=args.page_size)
    return 0


def cmd_related(args) -> int:
    from desktop.core.library.related import related_main

    return related_main(args.paths, as_json=args.json, top=args.top, pretty=args.pretty)


def _quiet_when_the_reader_stops(run, args) -> int:
    """`diptych extract … | head`: when the reader of our output goes away, stop without a
    traceback. Python ignores SIGPIPE, so the write fails with BrokenPipeError; stdout is
    then pointed at devnull so the flush at exit cannot fail again (the recipe in Python's
    signal module documentation). Exit status 1, as the documentation does."""
    try:
        code = run(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


# Each subcommand: what it takes (its parser's arguments) and what runs it.
_COMMANDS = {"extract": (_extract_args, cmd_extract), "compare": (_compare_args, cmd_compare),
             "report": (_report_args, cmd_report), "coverage": (_coverage_args, cmd_coverage),
             "related": (_related_args, cmd_related)}
# The commands that build a large heap of values living until the process ends, and need nothing
# done at exit but stopping the reading worker.
_HEAP_COMMANDS = ("compare", "extract")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in _COMMANDS:
        import gc

        collecting = gc.isenabled()
        if argv[0] in _HEAP_COMMANDS:
            # One pass over acyclic values (tokens, spans, pieces) that live until the process
            # exits: the cycle collector only rescans that growing heap, a tenth of a 100k-word
            # compare's CPU, and frees next to nothing (peak memory the same). The reading worker
            # turns it back on (it parses hostile files), and so does a caller's process after.
            gc.disable()
        try:
            args = _command_parser(argv[0]).parse_args(argv[1:])
            return _quiet_when_the_reader_stops(_COMMANDS[argv[0]][1], args)
        finally:
            if collecting:
                gc.enable()
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


def run() -> NoReturn:
    """The `diptych` command (and `python -m desktop`): `main`, then exit with its status.

    After `compare` or `extract` the process leaves at once (os._exit), its output flushed and its
    reading worker stopped (what the exit handlers would have done): the interpreter's teardown
    frees every token, piece and entity one by one, 2% of a compare's CPU (about 15 ms at 10k
    words, 0.1 s at 100k), for memory the system takes back anyway. Tests call `main`, never this."""
    argv = sys.argv[1:]
    code = main(argv)
    if argv and argv[0] in _HEAP_COMMANDS:
        from desktop.core.ingest.isolated import shutdown

        shutdown()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            code = code or 1  # output that could not be written is a failed run, as at a normal exit
        os._exit(code)
    sys.exit(code)
