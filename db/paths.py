"""Where things live on disk: the database file and the shipped resources.

The resources are found relative to this file, never to the current folder:
`resources/` sits beside `db/` in the repository, inside the installed
`filiform` package (setup.py maps the repository root onto it) and in a
PyInstaller build (scripts/filiform.spec puts it beside the frozen `db`), so
one rule serves the editable install, the wheel and the standalone program.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Filiform"
DB_FILENAME = "filiform.sqlite3"
RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
CONTENT_DIR = RESOURCES_DIR / "content"
TEMPLATES_DIR = RESOURCES_DIR / "templates"


def log_dir() -> Path:
    """The user's log folder (platformdirs), where `filiform.log` is kept for support."""
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database file: `FILIFORM_DB` if set, else the user's data folder.

    platformdirs gives the same folder Qt's AppDataLocation would for an
    application named Filiform, so the CLI and the window share one file.
    """
    env = os.environ.get("FILIFORM_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME
