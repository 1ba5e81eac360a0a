"""Open (or create) the clinic's database file safely.

One place decides the pragmas, read-only mode, the start-up integrity check
and first-run content loading, so the window, the CLI and the tests all open
the file the same way.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from db import backups, ownership, schema
from db.content import (
    MANIFEST,
    ContentError,
    content_version,
    install_content,
    is_newer_version,
    load_content_dir,
    update_content,
)
from db.database import Database
from db.errors import FiliformError, is_lock, wraps_storage
from db.paths import CONTENT_DIR

BUSY_TIMEOUT_MS = 5000
log = logging.getLogger(__name__)


class DatabaseError(FiliformError):
    """The database cannot be opened; the message is one sentence for a person."""


@dataclass
class Store:
    """An open Filiform database and what a person should know about it."""

    db: Database
    path: Path
    read_only: bool = False
    read_only_reason: str = ""
    notices: list[str] = field(default_factory=list)
    # A front-desk computer can lock editing for itself (a preference of that
    # computer, not of the database): browsing and printing still work.
    editing_locked: bool = False

    @property
    def content_version(self) -> str | None:
        return content_version(self.db)

    def close(self) -> None:
        self.db.close()


def _configure(conn: sqlite3.Connection, read_only: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")


def _writable(path: Path) -> tuple[bool, str]:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return False, f"the file {path} is read-only"
    if not os.access(folder, os.W_OK):
        return False, f"the folder {folder} is read-only"
    return True, ""


def _locked(path: Path) -> DatabaseError:
    return DatabaseError(
        f"The database {path} is locked by another program (another Filiform may be "
        "importing or restoring); nothing was changed. Try again when it has finished."
    )


def quick_check(db: Database) -> str | None:
    """None if SQLite's quick_check passes, else its first complaint.

    A lock is not damage: it is raised (sqlite3.OperationalError), never
    returned as a complaint that would set the file aside.
    """
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as e:
        if is_lock(e):
            raise
        return str(e)
    first = rows[0][0] if rows else "no answer"
    return None if first == "ok" else first


def _connect(path: Path, read_only: bool) -> Database:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        if not os.access(path.parent, os.W_OK):
            uri += "&immutable=1"  # WAL needs a writable folder; nobody writes here
        conn = sqlite3.connect(uri, uri=True)
    else:
        new = not path.exists()
        conn = sqlite3.connect(str(path))
        if new:  # mark it as Filiform's before anything else is written
            ownership.stamp(conn)
    _configure(conn, read_only)
    return Database(conn)


@wraps_storage("open the database for searching")
def open_reader(path: Path) -> Database:
    """A read-only connection for another thread (the search worker), set up like any other.

    A SQLite connection belongs to the thread that opened it, so the search
    thread opens its own; it gets the same pragmas and read-only handling as
    the window's.
    """
    return _connect(Path(path), read_only=True)


def _ensure_stamped(db: Database) -> None:
    """Mark a file known to be Filiform's (the first Filiform's, a restored backup)."""
    if not ownership.is_stamped(db.conn):
        ownership.stamp(db.conn)
        # Put the mark in the main file; if another reader holds the WAL, the
        # tables still say it is ours and the mark is written again next time.
        with contextlib.suppress(sqlite3.OperationalError):
            db.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _open_checked(path: Path, read_only: bool) -> tuple[Database | None, str | None]:
    """(db, None) when the file passes the quick check, else (None, complaint)."""
    try:
        db = _connect(path, read_only)
        problem = quick_check(db)
    except sqlite3.DatabaseError as e:
        if is_lock(e):
            raise _locked(path) from None
        return None, str(e)
    if problem:
        db.close()
        return None, problem
    return db, None


def _recover(path: Path, problem: str, content_dir: Path) -> tuple[Database, list[str]]:
    """Move a damaged file aside and put the newest sound backup (or new content) in place."""
    moved = backups.move_aside(path)
    notices = [f"The database {path} was damaged ({problem}). It was moved to {moved}."]
    candidate = backups.newest_sound(backups.list_backups(path))
    if candidate is not None:
        backups.restore_file(candidate, path)
        notices.append(f"Restored the newest backup, {candidate}.")
    else:
        notices.append(
            "No usable backup was found, so a new database was made from the shipped content."
        )
    log.warning(" ".join(notices))
    db, still = _open_checked(path, read_only=False)
    if db is None:
        raise DatabaseError(f"{path} could not be replaced after damage ({still}).")
    return db, notices


def _manifest_version(content_dir: Path) -> str | None:
    try:
        data = json.loads((content_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return str(data.get("content_version") or "") or None


def prepare(store: Store, content_dir: Path = CONTENT_DIR) -> None:
    """Migrate, then install or update the shipped content, backing up first."""
    db, path = store.db, store.path
    pending = schema.pending_migrations(db)
    if pending and schema.schema_version(db) > 0:
        backup = backups.make_backup(db.conn, path, "before-migration")
        store.notices.append(f"Backed up to {backup} before upgrading the database.")
    schema.apply_migrations(db)
    installed = content_version(db)
    if installed is None:
        install_content(db, load_content_dir(content_dir))
        store.notices.append(f"Created a new database at {path} from the shipped content.")
        return
    shipped = _manifest_version(content_dir)
    # Only forward: an older Filiform on a shared file must not undo newer content.
    if shipped and is_newer_version(shipped, installed):
        bundle = load_content_dir(content_dir)
        backups.make_backup(db.conn, path, "before-content-update")
        report = update_content(db, bundle)
        store.notices.append(report.summary())


def open_store(
    path: Path | str,
    *,
    content_dir: Path = CONTENT_DIR,
    read_only: bool = False,
) -> Store:
    """Open the database at `path`, creating it from the shipped content if new.

    Only Filiform's own files are opened (see `db.ownership`): a folder, a
    non-SQLite file or another program's database raises DatabaseError and is
    left byte for byte as it was; a new database is made only where nothing
    exists. A damaged Filiform file is set aside and replaced (see `notices`);
    a read-only or newer file opens read-only. Raises DatabaseError, a
    sentence a person can act on, when nothing usable can be opened.
    """
    path = Path(path).expanduser()
    try:
        found_kind = ownership.classify(path)
    except ownership.NotOursError as e:
        raise DatabaseError(str(e)) from None
    reason = "opened read-only on request" if read_only else ""
    if not read_only:
        if found_kind is ownership.Kind.MISSING:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise DatabaseError(
                    f"Cannot create the folder {path.parent}: {e.strerror}."
                ) from None
        ok, why = _writable(path)
        if not ok:
            if not path.exists():
                raise DatabaseError(f"Cannot create the database: {why}.")
            read_only, reason = True, why
    if read_only and not path.exists():
        raise DatabaseError(f"The database {path} does not exist.")
    notices: list[str] = []
    db, problem = _open_checked(path, read_only)
    if db is None:
        if read_only:
            raise DatabaseError(f"{path} is damaged or not a Filiform database ({problem}).")
        db, notices = _recover(path, problem or "unknown", content_dir)
    if not read_only:
        _ensure_stamped(db)
    store = Store(db=db, path=path, read_only=read_only, read_only_reason=reason, notices=notices)
    found = schema.schema_version(db)
    if found > schema.SCHEMA_VERSION:
        store.read_only = True
        store.read_only_reason = (
            f"it was written by a newer version of Filiform (schema {found}, "
            f"this version knows {schema.SCHEMA_VERSION})"
        )
        return store
    if store.read_only:
        if schema.pending_migrations(db):
            db.close()
            raise DatabaseError(f"{path} needs an upgrade, but {reason}.")
        return store
    try:
        prepare(store, content_dir)
    except ContentError as e:
        db.close()
        raise DatabaseError(f"The shipped content cannot be loaded: {e}.") from None
    except sqlite3.DatabaseError as e:
        db.close()
        raise DatabaseError(f"Cannot prepare {path}: {e}.") from None
    return store
