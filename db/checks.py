"""The `check` report: is the file sound, is the content whole and searchable?

`check_file` only inspects: it refuses a file that is not Filiform's, opens
the database read-only, and runs every check that needs to write (FTS5's
integrity check is written as an INSERT; an old schema is upgraded to be
checked) on a copy in memory. So checking never moves, repairs or changes the
file; recovery happens when the app or a verb opens it, and says so. A lock
held by another program is reported as a lock, not as damage.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db import ownership, schema
from db.connection import Store
from db.content import check_references, content_version, validate_content_dir, validate_record
from db.errors import FiliformError, is_lock
from db.kinds import KINDS
from db.paths import CONTENT_DIR
from db.records import decode_row

# How long `check` waits for another program's lock before saying so.
CHECK_BUSY_TIMEOUT_MS = 3000


class CheckRefused(FiliformError):
    """The file cannot be checked at all (not Filiform's, missing); one sentence."""


@dataclass
class CheckReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _lock_problem(path: Path) -> str:
    return (
        f"the database {path} is locked by another program (another Filiform may be "
        "saving or importing); nothing is wrong with it as far as is known, try again when "
        "it has finished"
    )


def _memory_copy(conn: sqlite3.Connection) -> Database:
    """A consistent in-memory copy to run checks that write (never the file itself)."""
    copy = sqlite3.connect(":memory:")
    conn.backup(copy)
    return Database(copy)


def check_file(path: Path | str, content_dir: Path = CONTENT_DIR) -> CheckReport:
    """Inspect the database at `path` without changing it.

    Raises CheckRefused (one sentence) for a path that is not a Filiform
    database; every finding about a Filiform file is in the report.
    """
    path = Path(path).expanduser()
    try:
        found = ownership.classify(path)
    except ownership.NotOursError as e:
        raise CheckRefused(str(e)) from None
    if found is ownership.Kind.MISSING:
        raise CheckRefused(f"The database {path} does not exist.")
    report = CheckReport(lines=[f"Database: {path}", "Opened read-only: check changes nothing."])
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() or not os.access(path.parent, os.W_OK):
        # No -wal file: no Filiform has it open, and a read-only WAL connection
        # would leave new -wal/-shm files behind. Read the main file as it is.
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as e:
        report.problems.append(f"the database cannot be opened ({e})")
        return report
    try:
        conn.execute(f"PRAGMA busy_timeout = {CHECK_BUSY_TIMEOUT_MS}")
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.Error as e:
            if is_lock(e):
                report.problems.append(_lock_problem(path))
            else:
                report.problems.append(f"the file is damaged ({e}); {_RECOVERY}")
            return report
        if not rows or rows[0][0] != "ok":
            first = rows[0][0] if rows else "no answer"
            report.problems.append(f"the file is damaged ({first}); {_RECOVERY}")
            return report
        report.lines.append("Integrity: ok")
        try:
            copy = _memory_copy(conn)
        except sqlite3.Error as e:
            report.problems.append(
                _lock_problem(path) if is_lock(e) else f"the file cannot be read ({e})"
            )
            return report
    finally:
        conn.close()
    try:
        _check_contents(copy, path, report, content_dir)
    finally:
        copy.close()
    return report


_RECOVERY = (
    "Filiform sets a damaged file aside and restores the newest sound backup "
    "the next time the app or a command opens it"
)


def _check_contents(db: Database, path: Path, report: CheckReport, content_dir: Path) -> None:
    """Schema, records, references, shipped files and search index, on a copy."""
    found = schema.schema_version(db)
    report.lines.append(f"Schema version: {found} (this Filiform: {schema.SCHEMA_VERSION})")
    if found > schema.SCHEMA_VERSION:
        report.lines.append(
            f"Opened read-only: it was written by a newer version of Filiform (schema {found}); "
            "this one only reads it"
        )
    elif schema.pending_migrations(db):
        report.lines.append(
            "It will be upgraded (after a backup) when Filiform next opens it for writing; "
            "it was checked as upgraded"
        )
        schema.apply_migrations(db)
    _check_records(db, report, content_dir)


def run_checks(store: Store, content_dir: Path = CONTENT_DIR) -> CheckReport:
    """Integrity, schema, content and search-index checks of an open store, each one line."""
    report = CheckReport()
    report.lines.append(f"Database: {store.path}")
    if store.read_only:
        report.lines.append(f"Opened read-only: {store.read_only_reason}.")
    result = store.db.execute("PRAGMA integrity_check").fetchall()
    if result and result[0][0] == "ok":
        report.lines.append("Integrity: ok")
    else:
        report.problems.append(f"SQLite integrity check failed: {result[0][0] if result else '?'}")
        return report
    found = schema.schema_version(store.db)
    report.lines.append(f"Schema version: {found} (this Filiform: {schema.SCHEMA_VERSION})")
    copy = _memory_copy(store.db.conn)
    try:
        _check_records(copy, report, content_dir)
    finally:
        copy.close()
    return report


def _check_records(db: Database, report: CheckReport, content_dir: Path) -> None:
    report.lines.append(f"Content version: {content_version(db)}")
    records: dict[str, list[dict]] = {}
    for kind in KINDS.values():
        rows = [decode_row(kind, r) for r in db.query(f'SELECT * FROM "{kind.table}"')]
        records[kind.name] = rows
        hidden = sum(1 for r in rows if r.get("hidden"))
        clinic = sum(1 for r in rows if r.get("origin") == "clinic")
        report.lines.append(
            f"{kind.plural}: {len(rows)} records ({clinic} added by the clinic, {hidden} hidden)"
        )
        for i, row in enumerate(rows):
            _, found = validate_record(kind, row, kind.name, i, strict_unknown=False)
            report.problems.extend(found)
    report.problems.extend(check_references(records, suffix=""))

    shipped = validate_content_dir(content_dir)
    if shipped:
        report.problems.extend(f"shipped content: {p}" for p in shipped)
    else:
        report.lines.append("Shipped content files: valid")

    try:
        db.execute("INSERT INTO search_docs_fts(search_docs_fts) VALUES ('integrity-check')")
        expected = sum(
            1
            for kind in KINDS.values()
            if kind.searchable
            for r in records[kind.name]
            if not r.get("hidden")
        )
        indexed = db.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        if indexed != expected:
            report.problems.append(
                f"the search index holds {indexed} records but {expected} should be searchable"
            )
        else:
            report.lines.append(f"Search index: ok ({indexed} records)")
    except sqlite3.DatabaseError as e:
        report.problems.append(f"the search index is damaged ({e})")
