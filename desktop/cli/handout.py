"""`filiform handout`: list the handouts or write one to PDF, without a display.

Batch printing from a script is the point (docs/ARCHITECTURE.md, "The
command-line contract"), so output is stable: `--list` prints `name  title` lines,
`--list --json` a JSON array of {name, title, description}; errors are one
sentence via CliError.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from db.connection import Store
from desktop.cli.errors import CliError


def ensure_gui_application() -> None:
    """Text layout needs a QGuiApplication; with no display, use the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP
    _APP = QGuiApplication([sys.argv[0] if sys.argv else "filiform"])


_APP = None


def _list(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from desktop.printing.handouts import PARAMETERISED, catalogue

    items = catalogue(store.db)
    if args.json:
        json.dump([i.as_dict() for i in items], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    width = max((len(i.name) for i in items), default=0)
    for item in items:
        out.write(f"{item.name:<{width}}  {item.title}\n")
    out.write("\nAlso: " + "; ".join(PARAMETERISED.values()) + ".\n")
    return 0


def _check_target(path: Path) -> None:
    """Say plainly why a PDF cannot go where asked, before any work is done."""
    if path.is_dir():
        raise CliError(f"Cannot write {path}: it is a folder; give a file name ending in .pdf.")
    folder = path.parent
    if not folder.is_dir():
        raise CliError(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CliError(f"Cannot write {path}: permission denied.")


def _answers(args: argparse.Namespace) -> dict[str, object] | None:
    """`{"answers": ...}` from --answers FILE.json, read before any work is done."""
    if getattr(args, "answers", None) is None:
        return None
    from db.guide import AnswersError, read_answers_file
    from desktop.printing.guide_handout import NAME

    if args.name != NAME:
        raise CliError(f"--answers goes with the {NAME} handout, not with {args.name}.")
    try:
        return {"answers": read_answers_file(args.answers)}
    except AnswersError as e:
        raise CliError(str(e)) from None


TODAY_OPTIONS = ("modality", "regions", "points", "note")


def _today(args: argparse.Namespace) -> dict[str, object] | None:
    """The treatment sheet's choices from --modality, --regions, --points and --note."""
    given = {k: getattr(args, k, None) for k in TODAY_OPTIONS if getattr(args, k, None)}
    if args.name != "today":
        if given:
            raise CliError(f"--{next(iter(given))} goes with the today handout, not {args.name}.")
        return None
    return given


def run_handout(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    """Run the handout verb; returns the exit status, raises CliError for a person."""
    if args.list:
        return _list(store, args, out)
    if not args.name:
        raise CliError("Name a handout to print, or use --list to see them.")
    if not args.pdf:
        raise CliError(f"Say where to write it: handout {args.name} --pdf OUT.pdf.")
    target = Path(args.pdf).expanduser()
    _check_target(target)
    params = _answers(args) or _today(args)
    ensure_gui_application()
    from desktop.printing.handouts import HandoutError, compose
    from desktop.printing.printer import PrintError, write_pdf

    try:
        handout = compose(
            store.db,
            args.name,
            params,
            paper=args.paper,
            large_print=True if args.large_print else None,
        )
        result = write_pdf(handout, target)
    except HandoutError as e:
        raise CliError(str(e)) from None
    except PrintError as e:
        raise CliError(str(e)) from None
    for note in result.notes:
        sys.stderr.write(f"filiform: note: {note}\n")
    pages = "page" if result.pages == 1 else "pages"
    out.write(f"Wrote '{handout.title}' ({result.pages} {pages}) to {target}.\n")
    return 0
