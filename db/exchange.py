"""Export and import of content packs: every record, clinic edits included.

A pack is one JSON file (format described in the README). Import reads and
validates the whole pack before it writes anything, then writes it in one
transaction, so a bad pack changes nothing and a good one changes everything.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db.content import check_references, content_version, now_iso, validate_record
from db.kinds import KINDS
from db.records import decode_row

PACK_FORMAT = 1
PROGRESS_EVERY = 100
PACK_MARKER = "filiform_pack"
STATE_COLUMNS = ("origin", "hidden", "updated_at")


class PackError(Exception):
    """A pack that cannot be imported; `problems` names record and field."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__((problems[0] if problems else "unknown problem") + more)


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    settings: int = 0


def export_pack(db: Database) -> dict[str, Any]:
    """Everything a clinic has: records (with their state), settings, history."""
    records: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS.values():
        rows = db.query(f'SELECT * FROM "{kind.table}" ORDER BY rowid')
        records[kind.name] = [decode_row(kind, r) for r in rows]
    settings = {r["key"]: r["value"] for r in db.query("SELECT key, value FROM settings")}
    revisions = list(db.query("SELECT * FROM revisions ORDER BY id"))
    return {
        PACK_MARKER: PACK_FORMAT,
        "exported_at": now_iso(),
        "content_version": content_version(db),
        "records": records,
        "settings": settings,
        "revisions": revisions,
    }


def write_pack(db: Database, path: Path) -> int:
    """Write a pack to `path`; returns the number of records written."""
    pack = export_pack(db)
    text = json.dumps(pack, ensure_ascii=False, indent=1)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return sum(len(v) for v in pack["records"].values())


def read_pack(path: Path) -> dict[str, Any]:
    """Parse a pack file; raises PackError with one clear sentence."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackError([f"{path} does not exist"]) from None
    except json.JSONDecodeError as e:
        raise PackError(
            [f"{path.name} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"]
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise PackError([f"{path} cannot be read ({e})"]) from None
    return data


def validate_pack(db: Database, pack: Any) -> dict[str, list[dict[str, Any]]]:
    """Check the whole pack; returns clean records by kind or raises PackError."""
    if not isinstance(pack, dict) or PACK_MARKER not in pack:
        raise PackError(["this file is not a Filiform content pack"])
    fmt = pack.get(PACK_MARKER)
    if not isinstance(fmt, int) or fmt > PACK_FORMAT:
        raise PackError(
            [f"this pack was made by a newer version of Filiform (format {fmt}); update Filiform"]
        )
    raw = pack.get("records")
    if not isinstance(raw, dict):
        raise PackError(["the pack has no 'records' object"])
    problems: list[str] = []
    clean: dict[str, list[dict[str, Any]]] = {}
    for kind_name, rows in raw.items():
        kind = KINDS.get(kind_name)
        if kind is None:
            problems.append(f"records: '{kind_name}' is not a kind of record")
            continue
        if not isinstance(rows, list):
            problems.append(f"records.{kind_name}: must be a list")
            continue
        seen: set[str] = set()
        out = []
        for i, row in enumerate(rows):
            record, found = validate_record(kind, row, kind_name, i, strict_unknown=False)
            if not found and record["key"] in seen:
                found.append(f"{kind_name}, record {i + 1}, '{record['key']}': key used twice")
            problems.extend(found)
            if found:
                continue
            seen.add(record["key"])
            for col in (*kind.extra_columns, *STATE_COLUMNS):
                if col in row:
                    record[col] = row[col]
            record["hidden"] = 1 if record.get("hidden") else 0
            if record.get("origin") not in ("shipped", "clinic"):
                record["origin"] = "clinic"
            out.append(record)
        clean[kind_name] = out
    if not isinstance(pack.get("settings", {}), dict):
        problems.append("settings: must be an object")
    if problems:
        raise PackError(problems)
    # References may point at records already in the database.
    merged: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS.values():
        in_pack = {r["key"] for r in clean.get(kind.name, [])}
        existing = [
            {"key": r["key"]}
            for r in db.query(f'SELECT key FROM "{kind.table}"')
            if r["key"] not in in_pack
        ]
        merged[kind.name] = clean.get(kind.name, []) + existing
    # Existing rows are keys only, so only the pack's own references are checked.
    ref_problems = check_references(merged, suffix="")
    if ref_problems:
        raise PackError(ref_problems)
    return clean


def import_pack(
    db: Database, pack: Any, progress: Callable[[int, int], None] | None = None
) -> ImportSummary:
    """Validate, then write every record and setting in one transaction.

    `progress(done, total)` is called every PROGRESS_EVERY records, so a
    window can show progress (and a test can interrupt a running import).
    """
    clean = validate_pack(db, pack)
    summary = ImportSummary()
    stamp = now_iso()
    total = sum(len(v) for v in clean.values())
    done = 0
    with db.atomic():
        for kind in KINDS.values():
            table = db[kind.table]
            for record in clean.get(kind.name, []):
                done += 1
                if progress is not None and done % PROGRESS_EVERY == 0:
                    progress(done, total)
                existing = list(
                    db.query(f'SELECT * FROM "{kind.table}" WHERE key = ?', [record["key"]])
                )
                if not existing:
                    record.setdefault("updated_at", stamp)
                    table.insert(record)
                    summary.added += 1
                    continue
                current = decode_row(kind, existing[0])
                changed = {
                    name: value
                    for name, value in record.items()
                    if name not in ("updated_at",) and current.get(name) != value
                }
                if not changed:
                    summary.unchanged += 1
                    continue
                for name, value in changed.items():
                    db["revisions"].insert(
                        {
                            "at": stamp,
                            "table": kind.table,
                            "key": record["key"],
                            "field": name,
                            "old": _as_text(current.get(name)),
                            "new": _as_text(value),
                            "action": "import",
                        }
                    )
                table.update(record["key"], {**changed, "updated_at": stamp})
                summary.updated += 1
        for key, value in (pack.get("settings") or {}).items():
            db["settings"].insert({"key": str(key), "value": _as_text(value)}, replace=True)
            summary.settings += 1
    return summary


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
