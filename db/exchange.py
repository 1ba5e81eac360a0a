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

from db.backups import make_backup
from db.content import check_references, content_version, now_iso, validate_record
from db.database import Database
from db.errors import FiliformError, wraps_storage
from db.kinds import KINDS
from db.records import decode_row
from db.settings import BY_KEY as SETTINGS_BY_KEY
from db.settings import SettingError

PACK_FORMAT = 1
PROGRESS_EVERY = 100
PACK_MARKER = "filiform_pack"
STATE_COLUMNS = ("origin", "hidden", "updated_at")
SQLITE_INT_MIN, SQLITE_INT_MAX = -(2**63), 2**63 - 1
# A pack carries the logo itself, never a path to a file on someone's computer.
LOGO_SETTING = "clinic_logo"
LOGO_DATA_PREFIX = "data:image/"


class PackError(FiliformError):
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


@wraps_storage("export the records")
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
    except RecursionError:
        raise PackError([f"{path.name} is nested too deeply to be a content pack"]) from None
    except ValueError as e:  # e.g. an integer with thousands of digits
        raise PackError([f"{path.name} holds a value Filiform cannot read ({e})"]) from None
    except (OSError, UnicodeDecodeError) as e:
        raise PackError([f"{path} cannot be read ({e.strerror or e})"]) from None
    return data


def _bad_text(value: Any, where: str, depth: int = 0) -> str | None:
    """Where the pack holds text SQLite cannot store (a lone surrogate) or a huge integer."""
    if depth > 50:
        return f"{where}: is nested too deeply"
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"{where}: contains a character that is not valid Unicode text"
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if not SQLITE_INT_MIN <= value <= SQLITE_INT_MAX:
            return f"{where}: the number {str(value)[:20]}… is too large"
        return None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for k, v in items:
        found = _bad_text(k, where, depth + 1) or _bad_text(v, f"{where}.{k}", depth + 1)
        if found:
            return found
    return None


def _flag(value: Any) -> int | None:
    """A 'hidden' value as 0/1: true/false or 0/1 only (never the text "false")."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and value in (0, 1):
        return value
    return None


def _check_state(kind_name: str, i: int, key: str, row: dict[str, Any]) -> list[str]:
    """Problems in a record's state columns (hidden, updated_at, extra columns)."""
    where = f"{kind_name}, record {i + 1}, '{key}'"
    problems = []
    if "hidden" in row and _flag(row["hidden"]) is None:
        problems.append(f"{where}, field 'hidden': must be true or false, not {row['hidden']!r}")
    if row.get("updated_at") is not None and not isinstance(row["updated_at"], str):
        problems.append(f"{where}, field 'updated_at': must be text")
    for col in KINDS[kind_name].extra_columns:
        value = row.get(col)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | str)):
            problems.append(f"{where}, field '{col}': must be a number or text")
    return problems


def _check_settings(settings: Any) -> list[str]:
    if not isinstance(settings, dict):
        return ["settings: must be an object"]
    problems = []
    for key, value in settings.items():
        setting = SETTINGS_BY_KEY.get(key)
        if setting is None:
            continue  # a setting of a newer Filiform: not imported
        if value is not None and not isinstance(value, str | bool | int):
            problems.append(f"settings.{key}: must be text")
            continue
        if key == LOGO_SETTING and value and not str(value).startswith(LOGO_DATA_PREFIX):
            problems.append(
                f"settings.{key}: a pack may carry the logo image itself, "
                "not a path to a file on a computer"
            )
            continue
        try:
            setting.to_text(value)
        except SettingError as e:
            problems.append(f"settings.{key}: {e}")
    return problems


def validate_pack(db: Database, pack: Any) -> dict[str, list[dict[str, Any]]]:
    """Check the whole pack; returns clean records by kind or raises PackError."""
    if not isinstance(pack, dict) or PACK_MARKER not in pack:
        raise PackError(["this file is not a Filiform content pack"])
    fmt = pack.get(PACK_MARKER)
    if isinstance(fmt, bool) or not isinstance(fmt, int) or fmt < 1:
        raise PackError(
            [f"'{PACK_MARKER}' must be a whole number such as {PACK_FORMAT}, not {fmt!r}"]
        )
    if fmt > PACK_FORMAT:
        raise PackError(
            [f"this pack was made by a newer version of Filiform (format {fmt}); update Filiform"]
        )
    raw = pack.get("records")
    if not isinstance(raw, dict):
        raise PackError(["the pack has no 'records' object"])
    unstorable = _bad_text(raw, "records") or _bad_text(pack.get("settings"), "settings")
    if unstorable:
        raise PackError([unstorable])
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
            if not found:
                found = _check_state(kind_name, i, record["key"], row)
            problems.extend(found)
            if found:
                continue
            seen.add(record["key"])
            for col in (*kind.extra_columns, *STATE_COLUMNS):
                if col in row:
                    record[col] = row[col]
            record["hidden"] = _flag(record.get("hidden", 0)) or 0
            if record.get("origin") not in ("shipped", "clinic"):
                record["origin"] = "clinic"
            out.append(record)
        clean[kind_name] = out
    problems += _check_settings(pack.get("settings", {}))
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
            if key not in SETTINGS_BY_KEY:
                continue
            db["settings"].insert(
                {"key": key, "value": SETTINGS_BY_KEY[key].to_text(value)}, replace=True
            )
            summary.settings += 1
    return summary


@wraps_storage("import the pack")
def import_file(
    db: Database,
    db_path: Path,
    source: Path,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[ImportSummary, Path]:
    """Read and check a pack, back the database up, then import it all or nothing.

    The same path for the menu and the command line: a pack that would be
    refused makes no backup (so it cannot push an older one out).
    Returns the summary and the backup made.
    """
    pack = read_pack(source)
    validate_pack(db, pack)
    backup = make_backup(db.conn, db_path, "before-import")
    return import_pack(db, pack, progress), backup


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
