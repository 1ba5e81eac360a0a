"""Filiform launcher: open the window, or run one command-line verb.

`python main.py` opens the app; `python main.py search ...` (and the other
verbs in docs/ARCHITECTURE.md) runs without a display.
"""

from __future__ import annotations

import sys


def _first_word(argv: list[str]) -> str | None:
    """The first argument that is not `--db PATH`: a verb, a flag, or nothing."""
    i = 0
    while i < len(argv):
        if argv[i] == "--db":
            i += 2
        elif argv[i].startswith("--db="):
            i += 1
        else:
            return argv[i]
    return None


def main(argv: list[str] | None = None) -> int:
    """No verb: the window. Anything else (a verb, an option, a misspelt verb
    such as `serch`) goes to the command line, which says what is wrong (exit 2)
    instead of opening a window nobody asked for."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if _first_word(argv) is not None:
        from desktop.cli.verbs import run

        return run(argv)
    from desktop.app import main as app_main

    return app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
