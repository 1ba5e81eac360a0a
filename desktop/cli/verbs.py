"""The command line: search, handout, export, import and check.

Scripts and tests rely on this contract (docs/ARCHITECTURE.md, "The
command-line contract"): output on stdout, one clear sentence on stderr for an
error, exit 1 for errors and 2 for usage. Only the `handout` verb loads Qt,
and then without a display.
"""

from __future__ import annotations

import argparse
import difflib
import json
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from db.errors import FiliformError, StorageError
from db.kinds import SEARCHABLE_KINDS
from db.vocab import PAPER_SIZE
from desktop.cli.errors import CliError
from desktop.logfile import start_logging

VERBS = ("search", "handout", "export", "import", "check")


log = logging.getLogger(__name__)


class UsageError(FiliformError):
    """The command line itself is wrong: one sentence, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one sentence (exit 2), not usage + error."""

    def error(self, message: str):  # noqa: ANN201 - argparse's signature
        verb = re.search(r"invalid choice: '([^']*)'", message)
        if verb and self.prog == "filiform":
            raise UsageError(unknown_verb_message(verb.group(1)))
        raise UsageError(f"{message[:1].upper()}{message[1:]}; see '{self.prog} --help'")


def unknown_verb_message(word: str) -> str:
    """'serch is not a command...': names the closest verb, if any."""
    close = difflib.get_close_matches(word, VERBS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return (
        f"'{word}' is not a command{hint}; the commands are {', '.join(VERBS)}, "
        "and with no command the window opens"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="filiform",
        description="Filiform: an offline needling reference for the clinic front desk.",
    )
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: FILIFORM_DB or the user data folder)"
    )
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)

    p = sub.add_parser("search", help="search every kind of record")
    p.add_argument("query", nargs="+", help="what to look for")
    p.add_argument(
        "--kind", action="append", choices=SEARCHABLE_KINDS, help="only this kind (repeatable)"
    )
    p.add_argument("--limit", type=int, default=10, help="at most this many hits (default 10)")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser("handout", help="list handouts or export one to PDF")
    p.add_argument("name", nargs="?", help="handout name (see --list)")
    p.add_argument("--list", action="store_true", help="list the handouts")
    p.add_argument("--json", action="store_true", help="with --list: print a JSON array")
    p.add_argument("--pdf", metavar="OUT.pdf", help="write the handout to this PDF file")
    p.add_argument("--large-print", action="store_true", help="large print")
    p.add_argument(
        "--answers",
        metavar="FILE.json",
        help="with which-approach-fits: print the result of these answers (format in README)",
    )
    p.add_argument(
        "--paper", choices=PAPER_SIZE.keys, help="paper size (default: the clinic setting)"
    )
    p.add_argument("--modality", help="with today: the treatment given, e.g. dry-needling")
    p.add_argument("--regions", help="with today: body regions treated, e.g. neck-back,shoulder")
    p.add_argument("--points", help="with today: points treated, e.g. LI4,ST36")
    p.add_argument("--note", help="with today: a one-line note, e.g. the next appointment")

    p = sub.add_parser("export", help="export all content, clinic edits included, to a JSON pack")
    p.add_argument("out", metavar="OUT.json")

    p = sub.add_parser("import", help="import a JSON content pack (all or nothing)")
    p.add_argument("source", metavar="IN.json")

    sub.add_parser("check", help="check the database and its content")
    return parser


def _open(args: argparse.Namespace, read_only: bool = False):  # -> Store
    from db.connection import DatabaseError, open_store
    from db.paths import default_db_path

    path = Path(args.db) if args.db else default_db_path()
    try:
        store = open_store(path, read_only=read_only)
    except DatabaseError as e:
        raise CliError(str(e)) from None
    for notice in store.notices:
        if not notice.startswith("Created a new database"):
            getattr(args, "err", sys.stderr).write(f"filiform: note: {notice}\n")
    return store


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from db.search import search

    if args.limit < 1:
        raise CliError("--limit must be at least 1.")
    store = _open(args)
    result = search(store.db, " ".join(args.query), kinds=args.kind, limit=args.limit)
    if args.json:
        json.dump([h.as_dict() for h in result.hits], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    if result.suggestion:
        verb = "Showing results for" if result.corrected else "Did you mean"
        out.write(f"{verb}: {result.suggestion}\n")
    if not result.hits:
        out.write("No results. Try fewer words, another spelling, or a point code such as ST36.\n")
        return 0
    for i, hit in enumerate(result.hits, 1):
        out.write(f"{i:>2}. [{hit.kind_label}] {hit.title}  ({hit.kind}:{hit.key})\n")
        if hit.snippet:
            out.write(f"    {hit.snippet}\n")
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from db.exchange import write_pack

    store = _open(args)
    target = Path(args.out)
    try:
        count = write_pack(store.db, target)
    except OSError as e:
        raise CliError(f"Cannot write {target}: {e.strerror or e}.") from None
    out.write(f"Exported {count} records to {target}.\n")
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """Import a pack all or nothing, after a backup (as the File menu does)."""
    from db.exchange import PackError, import_file

    store = _open(args)
    if store.read_only:
        raise CliError(f"Cannot import: the database is read-only ({store.read_only_reason}).")
    source = Path(args.source)
    try:
        summary, backup = import_file(store.db, store.path, source)
    except PackError as e:
        details = "; ".join(e.problems[:5])
        more = f" (and {len(e.problems) - 5} more)" if len(e.problems) > 5 else ""
        raise CliError(f"Nothing was imported from {source.name}: {details}{more}.") from None
    except StorageError as e:
        raise CliError(f"Nothing was imported. {e}") from None
    except OSError as e:
        raise CliError(f"Nothing was imported: the backup failed ({e.strerror or e}).") from None
    out.write(
        f"Imported {source.name}: {summary.added} added, {summary.updated} updated, "
        f"{summary.unchanged} unchanged, {summary.settings} settings. "
        f"Backed up first to {backup}.\n"
    )
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    """Inspect only: read-only, nothing moved or repaired (db.checks.check_file)."""
    from db.checks import CheckRefused, check_file
    from db.paths import default_db_path

    try:
        report = check_file(Path(args.db) if args.db else default_db_path())
    except CheckRefused as e:
        raise CliError(str(e)) from None
    for line in report.lines:
        out.write(line + "\n")
    if report.problems:
        for p in report.problems:
            out.write(f"PROBLEM: {p}\n")
        raise CliError(
            f"The check found {len(report.problems)} problem(s); the first: {report.problems[0]}."
        )
    out.write("All checks passed.\n")
    return 0


def cmd_handout(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.cli.handout import run_handout  # loads Qt: only this verb pays for it

    return run_handout(args, _open(args), out)


COMMANDS = {
    "search": cmd_search,
    "export": cmd_export,
    "import": cmd_import,
    "check": cmd_check,
    "handout": cmd_handout,
}


def _say(err: TextIO, message: str) -> None:
    message = " ".join(str(message).split())
    err.write(f"filiform: {message}{'' if message.endswith(('.', '?', '!')) else '.'}\n")


def _silence_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so exit's flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's StringIO): nothing to flush at exit


def run(argv: Sequence[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one CLI verb; returns the exit status (0 ok, 1 bad data, 2 bad usage).

    Whatever goes wrong, a person gets one sentence on stderr, never a
    traceback; a reader that closes the pipe early (`| head`) gets silence.
    """
    log_file = start_logging()
    try:
        args = build_parser().parse_args(argv)
        if args.verb is None:
            raise UsageError("Name a command: " + ", ".join(VERBS) + "; see 'filiform --help'")
        args.err = err
        code = COMMANDS[args.verb](args, out)
        out.flush()
        return code
    except UsageError as e:
        _say(err, str(e))
        return 2
    except FiliformError as e:  # CliError and every error of db/: one sentence
        _say(err, str(e))
        return 1
    except BrokenPipeError:
        _silence_stdout()
        return 0  # the reader took what it wanted (`filiform search x | head -1`)
    except KeyboardInterrupt:
        _say(err, "interrupted")
        return 1
    except OSError as e:
        _say(err, f"{e.strerror or e}" + (f": {e.filename}" if e.filename else ""))
        return 1
    except Exception as e:  # noqa: BLE001 - a sentence, not a traceback, for a person
        log.exception("command %s failed unexpectedly", list(argv))
        where = f" and send {log_file}" if log_file else ""
        _say(err, f"Unexpected error ({type(e).__name__}: {e}); please report it{where}")
        return 1


__all__ = ["run", "build_parser", "VERBS", "unknown_verb_message"]
