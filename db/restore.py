"""Restore a chosen backup into the open database, safely.

Only a sound Filiform backup whose schema this Filiform can write is taken;
what is there now is backed up first (and that pruning cannot remove the
backup being restored). An older backup is then upgraded like any old file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db import backups, ownership, schema
from db.connection import Store, prepare
from db.errors import FiliformError
from db.paths import CONTENT_DIR


class RestoreError(FiliformError):
    """A backup that was not restored; the message is one sentence for a person."""


def check_backup(path: Path) -> int:
    """The schema version of a restorable backup; raises RestoreError otherwise."""
    name = path.name
    try:
        kind = ownership.classify(path)
    except ownership.NotOursError as e:
        raise RestoreError(f"Not restored: {e}") from None
    if kind is ownership.Kind.MISSING:
        raise RestoreError(f"Not restored: {path} does not exist.")
    if not backups.is_sound(path):
        raise RestoreError(f"Not restored: {name} is damaged (it fails SQLite's quick check).")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            conn.close()
        found = int(row[0]) if row else 0
    except (sqlite3.Error, ValueError, TypeError):
        raise RestoreError(f"Not restored: {name} has no readable schema version.") from None
    if found > schema.SCHEMA_VERSION:
        raise RestoreError(
            f"Not restored: {name} was written by a newer Filiform (schema {found}; "
            f"this one knows {schema.SCHEMA_VERSION}); open it with that version."
        )
    if found < 1:
        raise RestoreError(f"Not restored: {name} holds no Filiform data.")
    return found


def restore_backup(store: Store, source: Path, content_dir: Path = CONTENT_DIR) -> Path:
    """Replace the open database's content with `source`; returns the before-restore backup.

    Raises RestoreError (nothing changed) if the backup is not restorable or
    the database cannot be written.
    """
    source = Path(source)
    if store.read_only:
        raise RestoreError(f"Not restored: the database is read-only ({store.read_only_reason}).")
    check_backup(source)
    if source.resolve() == store.path.resolve():
        raise RestoreError("Not restored: that is the database itself, not a backup of it.")
    try:
        safety = backups.make_backup(store.db.conn, store.path, "before-restore", protect=[source])
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            src.backup(store.db.conn)
        finally:
            src.close()
        if not ownership.is_stamped(store.db.conn):
            ownership.stamp(store.db.conn)  # a backup made by the first Filiform
        prepare(store, content_dir)  # an older backup is upgraded like any old file
    except (OSError, sqlite3.Error) as e:
        raise RestoreError(f"Not restored: {e}.") from None
    return safety
