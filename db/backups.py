"""Backups and recovery of the database file.

Copies are made with SQLite's backup API (consistent even while another
Filiform is writing) into a folder of their own for each database,
`backups/<database file name>/` beside it, so two databases in one folder
never see (or prune) each other's backups. Names are `<stamp>-<reason>.sqlite3`,
so name order is age order. Pruning keeps the newest few, and never removes a
backup the caller protects (the one being restored) or the newest sound one.
A damaged file is moved aside, never deleted.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from db import ownership
from db.errors import wraps_storage

KEEP_BACKUPS = 10
BACKUP_DIR_NAME = "backups"
# Used when `backups/` (or `backups/<name>`) is a file: backups still get made.
FALLBACK_SUFFIX = ".backups"
_SUFFIXES = ("-wal", "-shm")
BACKUP_NAME = re.compile(r"^\d{8}-\d{6}-\d{6}-[a-z0-9-]+\.sqlite3$")


def _folders(db_path: Path) -> tuple[Path, Path]:
    return (
        db_path.parent / BACKUP_DIR_NAME / db_path.name,
        db_path.parent / (db_path.name + FALLBACK_SUFFIX),
    )


def _usable(folder: Path) -> bool:
    """A folder exists there, or could: nothing on the way is a file."""
    for part in (folder, *folder.parents):
        if part.exists():
            return part.is_dir()
    return True


def backup_dir(db_path: Path) -> Path:
    """Where new backups of this database go.

    `backups/<db file name>/`, unless something there is a file rather than a
    folder; then `<db file name>.backups/` beside the database.
    """
    primary, fallback = _folders(db_path)
    return primary if _usable(primary) else fallback


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database (and no other), oldest first."""
    found: list[Path] = []
    for folder in _folders(db_path):
        if folder.is_dir():
            found += [p for p in folder.iterdir() if BACKUP_NAME.match(p.name) and p.is_file()]
    return sorted(found, key=lambda p: p.name)


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of an open database to `target`.

    The copy is written to `<target>.partial` and renamed when whole; a
    failed copy leaves nothing behind.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def make_backup(
    conn: sqlite3.Connection,
    db_path: Path,
    reason: str,
    *,
    protect: Iterable[Path] = (),
) -> Path:
    """Back up into this database's backup folder, then prune (see `prune`)."""
    safe_reason = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "manual"
    target = backup_dir(db_path) / f"{_stamp()}-{safe_reason}.sqlite3"
    backup_to(conn, target)
    prune(db_path, protect=protect)
    return target


@wraps_storage("make the backup")
def backup_now(conn: sqlite3.Connection, db_path: Path) -> Path:
    """A backup a person asked for (File > Back up now); SQLite's errors as a sentence."""
    return make_backup(conn, db_path, "manual")


def prune(db_path: Path, *, protect: Iterable[Path] = (), keep: int = KEEP_BACKUPS) -> list[Path]:
    """Remove all but the newest `keep` backups; returns what was removed.

    Never removed: a backup in `protect` (say, the one being restored) and the
    newest backup that passes SQLite's quick check, even if it is older than
    the newest `keep` (a damaged database backs up damaged copies).
    """
    existing = list_backups(db_path)
    if len(existing) <= keep:
        return []
    kept = {p.resolve() for p in protect}
    kept.update(p.resolve() for p in existing[-keep:])
    sound = newest_sound(existing)
    if sound is not None:
        kept.add(sound.resolve())
    removed = [p for p in existing if p.resolve() not in kept]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


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
    try:
        shutil.copyfile(backup, partial)
        partial.replace(db_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def newest_sound(found: list[Path]) -> Path | None:
    """The newest of these backups (oldest first, as `list_backups` gives them) that
    passes SQLite's quick check; only as many are checked as it takes."""
    return next((p for p in reversed(found) if is_sound(p)), None)


def is_sound(path: Path) -> bool:
    """True if the file is a Filiform database that passes SQLite's quick check."""
    try:
        ownership.classify(path)
    except ownership.NotOursError:
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
