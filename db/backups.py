"""Backups and recovery of the database file.

Copies are made with SQLite's backup API (consistent even while another
Filiform is writing), kept beside the database in `backups/`, newest last,
and pruned to the last few. A damaged file is moved aside, never deleted.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

KEEP_BACKUPS = 10
BACKUP_DIR_NAME = "backups"
_SUFFIXES = ("-wal", "-shm")


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR_NAME


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, oldest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.sqlite3"))


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of an open database to `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    partial.replace(target)
    return target


def make_backup(conn: sqlite3.Connection, db_path: Path, reason: str) -> Path:
    """Back up into the backups folder and keep only the newest KEEP_BACKUPS."""
    safe_reason = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "manual"
    target = backup_dir(db_path) / f"{db_path.stem}-{_stamp()}-{safe_reason}.sqlite3"
    backup_to(conn, target)
    for old in list_backups(db_path)[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return target


def move_aside(db_path: Path) -> Path:
    """Rename a damaged database (and its WAL files) so nothing is lost."""
    target = db_path.with_name(f"{db_path.name}.damaged-{_stamp()}")
    db_path.replace(target)
    for suffix in _SUFFIXES:
        extra = db_path.with_name(db_path.name + suffix)
        if extra.exists():
            extra.replace(target.with_name(target.name + suffix))
    return target


def restore_file(backup: Path, db_path: Path) -> None:
    """Put a backup in place of the database file (the caller has closed it)."""
    for suffix in _SUFFIXES:
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    partial = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup, partial)
    partial.replace(db_path)


def is_sound(path: Path) -> bool:
    """True if the file opens and passes SQLite's quick check."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
