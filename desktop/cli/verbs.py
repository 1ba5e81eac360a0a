"""The command line: search, handout, export, import and check.

Scripts and tests rely on this contract (DESIGN.md, "Command line"): output on
stdout, one clear sentence on stderr for an error, exit 1 for errors and 2 for
usage. Only the `handout` verb loads Qt, and then without a display.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from db.kinds import SEARCHABLE_KINDS
from desktop.cli.errors import CliError

VERBS = ("search", "handout", "export", "import", "check")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="filiform",
        description="Filiform: an offline needling reference for the clinic front desk.",
    )
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: FILIFORM_DB or the user data folder)"
    )
    sub = parser.add_subparsers(dest="verb", metavar="VERB")

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
        "--paper", choices=("a4", "letter"), help="paper size (default: the clinic setting)"
    )

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
    from db.exchange import PackError, import_pack, read_pack

    store = _open(args)
    if store.read_only:
        raise CliError(f"Cannot import: the database is read-only ({store.read_only_reason}).")
    source = Path(args.source)
    try:
        summary = import_pack(store.db, read_pack(source))
    except PackError as e:
        details = "; ".join(e.problems[:5])
        more = f" (and {len(e.problems) - 5} more)" if len(e.problems) > 5 else ""
        raise CliError(f"Nothing was imported from {source.name}: {details}{more}.") from None
    except sqlite3.Error as e:
        raise CliError(f"Nothing was imported: the database refused the write ({e}).") from None
    out.write(
        f"Imported {source.name}: {summary.added} added, {summary.updated} updated, "
        f"{summary.unchanged} unchanged, {summary.settings} settings.\n"
    )
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from db.checks import run_checks

    store = _open(args, read_only=False)
    report = run_checks(store)
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
    try:
        from desktop.cli.handout import run_handout
    except ImportError:
        raise CliError("Handouts are not available in this version of Filiform.") from None
    return run_handout(args, _open(args), out)


COMMANDS = {
    "search": cmd_search,
    "export": cmd_export,
    "import": cmd_import,
    "check": cmd_check,
    "handout": cmd_handout,
}


def run(argv: Sequence[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one CLI verb; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    if args.verb is None:
        parser.print_usage(err)
        return 2
    args.err = err
    try:
        return COMMANDS[args.verb](args, out)
    except CliError as e:
        message = str(e).rstrip()
        err.write(f"filiform: {message}{'' if message.endswith('.') else '.'}\n")
        return 1
    except KeyboardInterrupt:
        err.write("filiform: interrupted.\n")
        return 1


__all__ = ["run", "build_parser", "VERBS"]
