"""Typed reads of records, used by the window, the handouts and the CLI.

Lists are stored as JSON text; here they come back as Python lists, so no
caller parses JSON. Hidden records are left out unless asked for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from db.kinds import KINDS, Kind


@dataclass(frozen=True)
class Record:
    """One record of a kind, with its fields decoded."""

    kind: str
    key: str
    data: dict[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.data.get(name)

    def get(self, name: str, default: Any = None) -> Any:
        value = self.data.get(name)
        return default if value is None else value

    @property
    def title(self) -> str:
        return str(self.data.get(KINDS[self.kind].title_field) or self.key)

    @property
    def spec(self) -> Kind:
        return KINDS[self.kind]


def decode_row(kind: Kind, row: dict[str, Any]) -> dict[str, Any]:
    """Turn stored JSON lists back into lists."""
    out = dict(row)
    for f in kind.fields:
        if f.type in ("list", "reflist"):
            value = out.get(f.name)
            if isinstance(value, str):
                try:
                    value = json.loads(value)
                except json.JSONDecodeError:
                    value = [value]
            out[f.name] = value if isinstance(value, list) else []
    return out


def _kind(kind: str) -> Kind:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"'{kind}' is not a kind of record") from None


def get_record(db: Database, kind: str, key: str) -> Record | None:
    """The record with this key, or None."""
    spec = _kind(kind)
    rows = list(db.query(f'SELECT * FROM "{spec.table}" WHERE key = ?', [key]))
    if not rows:
        return None
    return Record(kind, key, decode_row(spec, rows[0]))


def iter_records(
    db: Database,
    kind: str,
    *,
    where: str | None = None,
    params: list[Any] | None = None,
    include_hidden: bool = False,
    order_by: str = "rowid",
) -> Iterator[Record]:
    """Records of a kind, in order; `where` is SQL over that kind's columns."""
    spec = _kind(kind)
    clauses = [] if include_hidden else ["hidden = 0"]
    if where:
        clauses.append(f"({where})")
    sql = f'SELECT * FROM "{spec.table}"'
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += f" ORDER BY {order_by}"
    for row in db.query(sql, params or []):
        yield Record(kind, row["key"], decode_row(spec, row))


def list_records(db: Database, kind: str, **kwargs: Any) -> list[Record]:
    return list(iter_records(db, kind, **kwargs))


def count_records(db: Database, kind: str, include_hidden: bool = False) -> int:
    spec = _kind(kind)
    where = "" if include_hidden else " WHERE hidden = 0"
    return db.execute(f'SELECT count(*) FROM "{spec.table}"{where}').fetchone()[0]


def records_citing(db: Database, source_key: str) -> list[Record]:
    """Every record that cites a source (for the Sources view)."""
    found: list[Record] = []
    for spec in KINDS.values():
        if not spec.needs_sources:
            continue
        found.extend(
            iter_records(
                db,
                spec.name,
                where="EXISTS (SELECT 1 FROM json_each(sources) WHERE value = ?)",
                params=[source_key],
            )
        )
    return found


def point_links(db: Database, code: str) -> list[tuple[Record, Record | None]]:
    """Corresponding points of a point: (link, other point) pairs."""
    out = []
    for link in iter_records(db, "point_links", where="a = ? OR b = ?", params=[code, code]):
        other = link["b"] if link["a"] == code else link["a"]
        out.append((link, get_record(db, "points", other)))
    return out


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    rows = list(db.query("SELECT value FROM settings WHERE key = ?", [key]))
    return rows[0]["value"] if rows else default
