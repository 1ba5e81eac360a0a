"""Typed reads of records, used by the window, the handouts and the CLI.

Lists are stored as JSON text; here they come back as Python lists, so no
caller parses JSON. Hidden records are left out unless asked for.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from db import vocab
from db.database import Database
from db.errors import wraps_storage
from db.kinds import GENERAL_MODALITY, KINDS, Kind


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


@wraps_storage("read the record")
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
    limit: int | None = None,
) -> Iterator[Record]:
    """Records of a kind, in order; `where` is SQL over that kind's columns;
    at most `limit` of them when given."""
    spec = _kind(kind)
    clauses = [] if include_hidden else ["hidden = 0"]
    if where:
        clauses.append(f"({where})")
    sql = f'SELECT * FROM "{spec.table}"'
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += f" ORDER BY {order_by}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    for row in db.query(sql, params or []):
        yield Record(kind, row["key"], decode_row(spec, row))


@wraps_storage("read the records")
def list_records(db: Database, kind: str, **kwargs: Any) -> list[Record]:
    return list(iter_records(db, kind, **kwargs))


def records_about(
    db: Database,
    kind: str,
    modalities: Iterable[str],
    *,
    general: bool = True,
    order_by: str = "rowid",
    limit: int | None = None,
    **equals: str,
) -> list[Record]:
    """Visible records of a kind about any of these modalities (and, with `general`,
    about all needling), in `order_by` (stored order unless given); `equals`
    narrows by field ({field: value})."""
    spec = _kind(kind)
    wanted = [*modalities, *([GENERAL_MODALITY] if general else [])]
    where = f"modality IN ({', '.join('?' for _ in wanted)})"
    params: list[Any] = list(wanted)
    for name, value in equals.items():
        spec.field(name)  # a KeyError for a field the kind does not have
        where += f' AND "{name}" = ?'
        params.append(value)
    return list_records(db, kind, where=where, params=params, order_by=order_by, limit=limit)


def records_citing(db: Database, source_key: str, *, limit: int | None = None) -> list[Record]:
    """Records that cite a source (for the Sources view), at most `limit` of them."""
    found: list[Record] = []
    for spec in KINDS.values():
        if not spec.needs_sources or (limit is not None and len(found) >= limit):
            continue
        found.extend(
            iter_records(
                db,
                spec.name,
                where="EXISTS (SELECT 1 FROM json_each(sources) WHERE value = ?)",
                params=[source_key],
                limit=None if limit is None else limit - len(found),
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


# Read-only helpers for the detail panes and handouts -----------------------

SAFETY_ORDER_SQL = (
    f"{vocab.SAFETY_CATEGORY.order_sql('category')}, "
    f"{vocab.SAFETY_SEVERITY.order_sql('severity')}, rowid"
)
AFTERCARE_ORDER_SQL = f"{vocab.AFTERCARE_LEVEL.order_sql('level')}, rowid"


def modality_names(db: Database) -> dict[str, str]:
    """{key: name} of every visible modality, for links and labels."""
    return {
        r["key"]: r["name"] for r in db.query("SELECT key, name FROM modalities WHERE hidden = 0")
    }


def safety_for_modality(
    db: Database, modality: str, *, general: bool = True, limit: int | None = None
) -> list[Record]:
    """Safety notes of a modality (and those for all needling), most serious first."""
    return records_about(
        db, "safety", [modality], general=general, order_by=SAFETY_ORDER_SQL, limit=limit
    )


def aftercare_for_modality(db: Database, modality: str, *, general: bool = True) -> list[Record]:
    """Aftercare notes of a modality (and general ones), normal first, urgent last."""
    return records_about(db, "aftercare", [modality], general=general, order_by=AFTERCARE_ORDER_SQL)


def rationales_for_modality(
    db: Database, modality: str, *, limit: int | None = None
) -> list[Record]:
    """Point-selection rationales that apply to a modality."""
    return list_records(
        db,
        "rationales",
        where="EXISTS (SELECT 1 FROM json_each(modalities) WHERE value = ?)",
        params=[modality],
        limit=limit,
    )


def rationales_for_point(db: Database, code: str, *, limit: int | None = None) -> list[Record]:
    """Point-selection rationales that name a point."""
    return list_records(
        db,
        "rationales",
        where="EXISTS (SELECT 1 FROM json_each(points) WHERE value = ?)",
        params=[code],
        limit=limit,
    )


def records_by_keys(db: Database, kind: str, keys: list[str]) -> list[Record]:
    """Records of a kind in the order of `keys`; missing keys are skipped."""
    found = []
    for key in keys:
        record = get_record(db, kind, key)
        if record is not None and not record.get("hidden"):
            found.append(record)
    return found
