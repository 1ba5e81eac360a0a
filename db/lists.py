"""Reads for the window's lists: row ids, a page of rows, distinct values.

The Qt side never writes SQL (docs/ARCHITECTURE.md). A list tab describes
what it shows by field names (`ListQuery`); this module turns that into
SQL: the ordered row ids of the visible records that match a filter, the
columns of a page of those rows, the values a drop-down filter offers. Like
Anki's browser, the list model keeps only the row ids and asks for a page
when it is scrolled into view, so 100,000 records cost one list of integers.

How each kind's list is ordered and which rows stand out is decided here,
from the vocabularies in `db/vocab.py`, so the lists, the detail panes and
the handouts agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from db import vocab
from db.database import Database
from db.errors import wraps_storage
from db.kinds import KINDS

MODALITY_LABEL_SQL = (
    "CASE WHEN t.modality = 'general' THEN 'All needling' ELSE coalesce("
    "(SELECT m.name FROM modalities m WHERE m.key = t.modality), t.modality) END"
)
_FIRST_MODALITY_SQL = (
    "(SELECT j.value FROM json_each(CASE WHEN json_valid(t.modalities) "
    "THEN t.modalities ELSE '[]' END) j LIMIT 1)"
)

# Values a list can show or filter on besides a kind's own fields, by kind.
DERIVED: dict[str, dict[str, str]] = {
    "aftercare": {
        "modality_label": MODALITY_LABEL_SQL,
        "level_label": vocab.AFTERCARE_LEVEL.label_sql("t.level"),
    },
    "expectations": {
        "modality_label": MODALITY_LABEL_SQL,
        "phase_label": vocab.PHASE.label_sql("t.phase"),
    },
    "safety": {"modality_label": MODALITY_LABEL_SQL},
    "points": {"point_name": "CASE WHEN t.pinyin IS NOT NULL THEN t.pinyin ELSE t.name END"},
    "faqs": {
        "first_modality": _FIRST_MODALITY_SQL,
        "first_modality_label": (
            f"coalesce((SELECT m.name FROM modalities m WHERE m.key = {_FIRST_MODALITY_SQL}), "
            f"{_FIRST_MODALITY_SQL})"
        ),
    },
}

# How each kind's list is ordered (the rest: as stored).
_GENERAL_LAST = "t.modality = 'general', t.modality"
LIST_ORDER: dict[str, str] = {
    "aftercare": (f"{_GENERAL_LAST}, {vocab.AFTERCARE_LEVEL.order_sql('t.level')}, t.rowid"),
    "expectations": f"{_GENERAL_LAST}, {vocab.PHASE.order_sql('t.phase')}, t.rowid",
    "safety": (
        f"{vocab.SAFETY_CATEGORY.order_sql('t.category')}, "
        f"{vocab.SAFETY_SEVERITY.order_sql('t.severity')}, t.rowid"
    ),
    "sources": "t.citation COLLATE NOCASE",
}

# Rows that stand out in a list (bold and tinted): notes that tell a patient to
# call someone, and absolute contraindications.
EMPHASIS: dict[str, str] = {
    "aftercare": "t.level IN ({})".format(", ".join(f"'{k}'" for k in vocab.CALL_LEVELS)),
    "safety": "t.category = 'contraindication' AND t.severity = 'absolute'",
}


@dataclass(frozen=True)
class Column:
    """One column of a list: its header and the field (or derived value) it shows."""

    header: str
    field: str


@dataclass
class ListQuery:
    """What a list shows: which kind, its columns, and the fields its filter box searches."""

    kind: str
    columns: list[Column]
    text_fields: list[str] = field(default_factory=list)

    @property
    def emphasised(self) -> bool:
        """Whether some rows of this list stand out (see `EMPHASIS`)."""
        return self.kind in EMPHASIS


def like_pattern(word: str) -> str:
    """A LIKE pattern that matches `word` anywhere, with % and _ taken literally."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", word) + "%"


def _table(kind: str) -> str:
    try:
        return KINDS[kind].table
    except KeyError:
        raise ValueError(f"'{kind}' is not a kind of record") from None


def _expr(kind: str, name: str) -> str:
    """The SQL for a field or a derived value of `kind`, over the alias `t`."""
    derived = DERIVED.get(kind, {})
    if name in derived:
        return derived[name]
    known = {"key", "rowid", "hidden", *KINDS[kind].field_names}
    if name not in known:
        raise ValueError(f"'{name}' is not a field of {kind}")
    return f't."{name}"' if name != "rowid" else "t.rowid"


def _where(query: ListQuery, text: str, equals: Mapping[str, Any] | None) -> tuple[str, list[Any]]:
    clauses, params = ["t.hidden = 0"], []
    for name, value in (equals or {}).items():
        if value is None or value == "":
            continue
        clauses.append(f"({_expr(query.kind, name)}) = ?")
        params.append(value)
    fields = [_expr(query.kind, f) for f in query.text_fields]
    if fields:
        for word in (text or "").split():
            ors = " OR ".join(f"({c}) LIKE ? ESCAPE '\\'" for c in fields)
            clauses.append(f"({ors})")
            params.extend([like_pattern(word)] * len(fields))
    return " AND ".join(clauses), params


@wraps_storage("read the list")
def row_ids(
    db: Database, query: ListQuery, text: str = "", equals: Mapping[str, Any] | None = None
) -> list[int]:
    """Row ids of the visible records in list order that contain every word of `text`
    in one of the query's text fields and match `equals` ({field: value}; empty
    values are ignored)."""
    where, params = _where(query, text, equals)
    order = LIST_ORDER.get(query.kind, "t.rowid")
    sql = f'SELECT t.rowid FROM "{_table(query.kind)}" t WHERE {where} ORDER BY {order}'
    return [r[0] for r in db.execute(sql, params).fetchall()]


@wraps_storage("read the list")
def row_id_of(db: Database, kind: str, key: str) -> int | None:
    """The row id of the record with this key (hidden or not), or None."""
    found = db.execute(f'SELECT rowid FROM "{_table(kind)}" WHERE key = ?', [key]).fetchone()
    return found[0] if found else None


@wraps_storage("read the list")
def page(db: Database, query: ListQuery, ids: Iterable[int]) -> dict[int, tuple[Any, ...]]:
    """{row id: (column values..., stands out, key)} for these row ids."""
    ids = [int(i) for i in ids]
    if not ids:
        return {}
    cols = [_expr(query.kind, c.field) for c in query.columns]
    cols.append(EMPHASIS.get(query.kind, "0"))
    cols.append("t.key")
    sql = (
        f'SELECT t.rowid, {", ".join(cols)} FROM "{_table(query.kind)}" t '
        f"WHERE t.rowid IN ({', '.join(str(i) for i in ids)})"
    )
    return {r[0]: tuple(r[1:]) for r in db.execute(sql).fetchall()}


@wraps_storage("read the list")
def distinct_values(
    db: Database,
    kind: str,
    name: str,
    label: str | None = None,
    first: tuple[str, ...] = (),
) -> list[tuple[Any, str]]:
    """(value, label) of a field over the visible records, for a drop-down filter.

    Values in `first` come first in that order (phases, levels); the rest
    follow alphabetically by label. Empty values are left out.
    """
    value_sql = _expr(kind, name)
    label_sql = _expr(kind, label) if label else value_sql
    rows = db.execute(
        f'SELECT DISTINCT {value_sql}, {label_sql} FROM "{_table(kind)}" t '
        f"WHERE t.hidden = 0 AND {value_sql} IS NOT NULL AND {value_sql} != ''"
    ).fetchall()
    rank = {v: i for i, v in enumerate(first)}
    rows.sort(key=lambda r: (rank.get(r[0], len(rank)), str(r[1]).lower()))
    return [(value, str(text)) for value, text in rows]


@wraps_storage("read the list")
def titles(db: Database, kind: str, *, hidden: bool = False) -> list[tuple[str, str]]:
    """(key, title) of the visible records of a kind in stored order (or the hidden ones)."""
    title = KINDS[kind].title_field
    rows = db.execute(
        f'SELECT key, "{title}" FROM "{_table(kind)}" WHERE hidden = ? ORDER BY rowid',
        [1 if hidden else 0],
    ).fetchall()
    return [(key, "" if text is None else str(text)) for key, text in rows]


@wraps_storage("read the list")
def all_keys(db: Database, kind: str) -> list[str]:
    """Every key of a kind, hidden ones too, sorted (for a reference field's choices)."""
    return [r[0] for r in db.execute(f'SELECT key FROM "{_table(kind)}" ORDER BY key').fetchall()]
