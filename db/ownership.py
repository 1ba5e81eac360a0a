"""Is this file Filiform's? Decided before anything opens it for writing.

Filiform marks every database it makes with SQLite's `application_id` header
field (offset 68 of the file), so a folder, a text file or another program's
database given by mistake (`--db ~/Documents`) is recognised and left byte
for byte as it was. Files made by the first Filiform carry no mark; they are
recognised by their tables (`meta` with a schema_version, `shipped`,
`revisions`, `search_docs`) and stamped the first time they are opened for
writing.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

from db.errors import FiliformError

# "FlFm" in ASCII: Filiform's SQLite application_id (a signed 32-bit value in
# the file header). Fixed forever: changing it would disown every clinic's file.
APPLICATION_ID = 0x466C466D

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_APP_ID_OFFSET = 68
# Tables only a Filiform database has together (the first Filiform's files
# have these and no application_id).
LEGACY_TABLES = frozenset({"meta", "shipped", "revisions", "search_docs"})


class NotOursError(FiliformError):
    """The path is not a Filiform database; the message is one sentence for a person."""


class Kind(Enum):
    MISSING = "missing"  # nothing there yet: Filiform may make a new database
    OURS = "ours"  # carries Filiform's application_id
    LEGACY = "legacy"  # the first Filiform's file: recognised by its tables, not yet stamped


def _header(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(_HEADER_SIZE)


def header_application_id(header: bytes) -> int:
    """The application_id stored in a SQLite header (0 if the header is short)."""
    if len(header) < _APP_ID_OFFSET + 4:
        return 0
    return int.from_bytes(header[_APP_ID_OFFSET : _APP_ID_OFFSET + 4], "big", signed=False)


def _table_names(path: Path) -> set[str] | None:
    """Table names read without locking or writing anything (None if unreadable).

    `immutable=1` makes SQLite read the main file only: no -wal/-shm files are
    created beside someone else's database and a lock held elsewhere is ignored.
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        names = {r[0] for r in rows}
        if "meta" in names:
            found = conn.execute("SELECT 1 FROM meta WHERE key = 'schema_version'").fetchone()
            if found is None:
                names.discard("meta")
        return names
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def classify(path: Path) -> Kind:
    """MISSING, OURS or LEGACY; raises NotOursError (one sentence) for anything else.

    Reads at most the header and the schema, read-only: the file is never changed.
    """
    if not path.exists():
        if path.is_symlink():
            raise NotOursError(f"{path} is a link to something that does not exist.")
        return Kind.MISSING
    if path.is_dir():
        raise NotOursError(
            f"{path} is a folder, not a Filiform database; give the path of a database file."
        )
    if not path.is_file():
        raise NotOursError(f"{path} is not a regular file, so it is not a Filiform database.")
    try:
        header = _header(path)
    except OSError as e:
        raise NotOursError(f"{path} cannot be read ({e.strerror or e}).") from None
    if not header:
        raise NotOursError(
            f"{path} is an empty file, not a Filiform database; "
            "Filiform makes a new database only where no file exists."
        )
    if not header.startswith(SQLITE_MAGIC):
        raise NotOursError(f"{path} is not a Filiform database (it is not a SQLite file at all).")
    app_id = header_application_id(header)
    if app_id == APPLICATION_ID:
        return Kind.OURS
    if app_id != 0:
        raise NotOursError(
            f"{path} is another program's database (application id {app_id:#x}), "
            "not Filiform's; it was left as it is."
        )
    tables = _table_names(path)
    if tables is not None and tables >= LEGACY_TABLES:
        return Kind.LEGACY
    raise NotOursError(
        f"{path} is a SQLite database but not Filiform's "
        "(it has no Filiform mark and not Filiform's tables); it was left as it is."
    )


def stamp(conn: sqlite3.Connection) -> None:
    """Write Filiform's mark into the header of an open, writable database."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if conn.in_transaction:
        conn.commit()


def is_stamped(conn: sqlite3.Connection) -> bool:
    """True if the file carries Filiform's `application_id` mark (see `stamp`)."""
    return conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
