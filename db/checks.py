"""The `check` report: is the file sound, is the content whole and searchable?

Run by `filiform check` and by the start-up path, so a clinic (or a script)
learns about a problem before a patient does.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from db import schema
from db.connection import Store
from db.content import check_references, content_version, validate_content_dir, validate_record
from db.kinds import KINDS
from db.paths import CONTENT_DIR
from db.records import decode_row


@dataclass
class CheckReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def run_checks(store: Store, content_dir=CONTENT_DIR) -> CheckReport:
    """Integrity, schema, content and search-index checks, each one line."""
    db = store.db
    report = CheckReport()
    report.lines.append(f"Database: {store.path}")
    if store.read_only:
        report.lines.append(f"Opened read-only: {store.read_only_reason}.")
    result = db.execute("PRAGMA integrity_check").fetchall()
    if result and result[0][0] == "ok":
        report.lines.append("Integrity: ok")
    else:
        report.problems.append(f"SQLite integrity check failed: {result[0][0] if result else '?'}")
    report.lines.append(
        f"Schema version: {schema.schema_version(db)} (this Filiform: {schema.SCHEMA_VERSION})"
    )
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
        if not store.read_only:  # the FTS5 check is written as an INSERT
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
    return report
