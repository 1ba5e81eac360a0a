"""The log file a clinic can send when something goes wrong.

Each module logs through its own `logging.getLogger(__name__)`; this module
only decides where those records go: a file, `filiform.log`, in the user's
log folder (platformdirs `user_log_dir`). The window and the command line
call `start_logging()` once at start-up. The file is rotated when it is
opened past MAX_BYTES (filiform.log -> filiform.log.1 ..., three kept), not
while a run writes to it, so one run can take it past that size: a day at
the desk writes a few kilobytes, and `logging.handlers.RotatingFileHandler`
would import socket, pickle and queue with it, ~8 ms of every start-up.
Nothing here needs Qt or a display. The tests point the user's folders at a
temporary home (tests/conftest.py), so they never write to a real one.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from db.paths import log_dir

LOG_NAME = "filiform.log"
MAX_BYTES = 256 * 1024
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _ours(handler: logging.Handler) -> bool:
    return getattr(handler, "filiform_log", False)


def rotate(path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUP_COUNT) -> None:
    """If the log has grown past `max_bytes`, shift it to `.1` (`.1` to `.2`, ...),
    dropping the oldest, as RotatingFileHandler does when it rolls over."""
    try:
        if path.stat().st_size < max_bytes:
            return
    except OSError:
        return  # no log yet
    for i in range(backups - 1, 0, -1):
        older = path.with_name(f"{path.name}.{i}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{i + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def start_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the app's log records to the log file; returns its path.

    Calling it again changes nothing (the window and the CLI may both start
    in one process, as in the tests). A folder that cannot be made means no
    log file, never a failure to start: the log is a help, not a need.
    """
    root = logging.getLogger()
    for handler in root.handlers:
        if _ours(handler):
            return Path(handler.baseFilename)  # type: ignore[attr-defined]
    try:
        folder = folder or log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        # Another Filiform may have the log open (Windows cannot rename it): add to it.
        with contextlib.suppress(OSError):
            rotate(folder / LOG_NAME)
        handler = logging.FileHandler(folder / LOG_NAME, encoding="utf-8")
    except OSError:
        return None
    handler.filiform_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return Path(handler.baseFilename)


def stop_logging() -> None:
    """Close and remove the log file handler (tests, and a clean exit)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if _ours(h)]:
        root.removeHandler(handler)
        handler.close()
