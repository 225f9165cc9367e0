"""Command line: a thin layer over the library (``newsweave.analyze`` and ``newsweave.eval``)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import __version__
from .eval import TASKS


def _analyze(args: argparse.Namespace) -> int:
    from .errors import UserError
    from .pipeline import Options, analyze
    from .progress import Progress
    from .render import write_reports

    with Progress(enabled=not args.quiet and sys.stderr.isatty()) as progress:
        options = Options() if args.words is None else Options(summary_words=args.words)
        report = analyze(args.paths, options, on_file=progress.advance,
                         on_discover=progress.start, jobs=args.jobs)
    try:
        written = write_reports(report, args.output)
    except OSError as exc:
        raise UserError(f"cannot write the report to {args.output}: {exc.strerror or exc}") from None
    if not args.quiet:
        from .render.terminal import summary_lines
        for line in summary_lines(report, written):
            print(line)
    return 0 if report.articles else 1


def _ingest(args: argparse.Namespace) -> int:
    from .progress import Progress
    from .render.wording import counted
    from .store import ingest_paths

    with Progress(enabled=not args.quiet and sys.stderr.isatty()) as progress:
        result, errors, counts = ingest_paths(args.paths, args.db, on_file=progress.advance,
                                              on_discover=progress.start, jobs=args.jobs)
    if not args.quiet:
        print(f"added {counted(result.added, 'article')} ({counted(result.duplicates, 'copy')}, "
              f"{counted(result.non_articles, 'non-article')}), skipped {result.skipped} already stored; "
              f"{counted(result.new_stories, 'new story')}, "
              f"{len(result.stories_touched)} touched")
        print(f"{args.db}: {counted(counts['articles'], 'article')} in {counted(counts['stories'], 'story')}")
        for error in errors:
            print(f"  could not read {error.path}: {error.error}", file=sys.stderr)
    return 0 if result.added or result.skipped else 1


def _evaluate(args: argparse.Namespace) -> int:
    """Build the task's own parser only now, so one task's imports never slow or break another."""
    from .eval.report import print_result

    module = importlib.import_module(TASKS[args.task])
    parser = argparse.ArgumentParser(prog=f"newsweave eval {args.task}",
                                     description=(module.__doc__ or "").strip().splitlines()[0])
    module.add_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    task_args = parser.parse_args(args.task_args)
    print_result(module.run(task_args), task_args.json)
    return 0


def _positive(value: str) -> int:
    number = int(value) if value.strip().lstrip("-").isdigit() else 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def _add_jobs(command: argparse.ArgumentParser, work: str) -> None:
    from .workers import available_cpus
    cpus = available_cpus()
    command.add_argument("-j", "--jobs", type=_positive, default=cpus, metavar="N",
                         help=f"worker processes that {work} (default: one per CPU, here {cpus}; "
                              "1: everything in one process); the results do not depend on it")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsweave", description="From a pile of news articles to cited story reports.")
    parser.add_argument("--version", action="version", version=f"newsweave {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="read articles, group them into stories, write the report")
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (recursive) or globs")
    analyze.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="folder for report.json/.md/.html")
    analyze.add_argument("--words", type=_positive, default=None,
                         help="word budget of each story summary (default 120)")
    analyze.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    _add_jobs(analyze, "read, clean and segment files and build the story reports")
    analyze.set_defaults(handler=_analyze)

    ingest = commands.add_parser("ingest", help="add articles to a story store, assigning each to a story")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (recursive) or globs")
    ingest.add_argument("--db", required=True, metavar="FILE", help="SQLite store (created if missing)")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    _add_jobs(ingest, "read, clean, sketch and count the terms of files while this one adds them to the store")
    ingest.set_defaults(handler=_ingest)

    evaluate = commands.add_parser(
        "eval", help="measure quality on a third-party dataset",
        description="Tasks: " + ", ".join(TASKS) + ". Run 'newsweave eval TASK --help' for a task's options.")
    evaluate.add_argument("task", choices=list(TASKS), metavar="TASK", help=" | ".join(TASKS))
    evaluate.add_argument("task_args", nargs=argparse.REMAINDER, metavar="PATH [OPTIONS]")
    evaluate.set_defaults(handler=_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .errors import UserError
    try:
        return args.handler(args)
    except UserError as exc:
        print(f"newsweave: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsweave: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "newsweave eval ... | head": the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 141
    except Exception as exc:
        if os.environ.get("NEWSWEAVE_DEBUG"):
            raise
        print(f"newsweave: internal error ({exc.__class__.__name__}: {exc}); "
              "set NEWSWEAVE_DEBUG=1 to see where, and please report it", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
