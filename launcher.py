"""Where the installed `filiform` and `filiform-gui` commands start.

A wheel installs one top-level package, `filiform/`, holding main.py, db/,
desktop/ and resources/ (see setup.py). The code imports `db...`, `desktop...`
and `main` as top-level names, as it does in the repository, so this puts the
package's own folder first on sys.path and then runs `main`. Nothing else
changes: resources are found relative to the code (db/paths.py), which holds
in the repository, an installed wheel and a PyInstaller build alike.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = str(Path(__file__).resolve().parent)


def _use_package_dir() -> None:
    """Our folder first, so our `db` wins over any other installed `db`."""
    if sys.path[:1] != [PACKAGE_DIR]:
        sys.path.insert(0, PACKAGE_DIR)


def console() -> int:
    """`filiform [--db PATH] [VERB ...]`: a verb, or the window with none."""
    _use_package_dir()
    from main import main

    return main()


def gui() -> int:
    """`filiform-gui`: the window, for desktop entries and Start menus (no console)."""
    _use_package_dir()
    from main import main

    return main()


if __name__ == "__main__":
    sys.exit(console())
