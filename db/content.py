"""Read, validate and install the shipped content in `resources/content/`.

Content is data written by people, so every problem is reported with the file,
the record number, its key and the field, and nothing is written to the
database until the whole folder is valid.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from db.database import Database
from db.errors import FiliformError
from db.kinds import GENERAL_MODALITY, KINDS, Kind
from db.paths import CONTENT_DIR
from db.shapes import ShapeError, path_commands

CONTENT_FORMAT = 1
MANIFEST = "manifest.json"
ACUPOINT_INDEX = "acupoints-index.csv"
# Locations of the index points, in Filiform's own words: one or more
# `acupoint-locations-*.csv` files with the columns below.
ACUPOINT_LOCATIONS = "acupoint-locations-*.csv"
LOCATION_COLUMNS = ("code", "regions", "location", "cautions", "sources")
# The index is cited to the WHO standard it follows and the ontology it was
# derived from; both are records in sources.json.
INDEX_SOURCES = ("who-2008-point-locations", "tara-acupoints-ontology")


class ContentError(FiliformError):
    """Content that cannot be loaded; `problems` lists each one in a sentence."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        first = problems[0] if problems else "unknown problem"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)


@dataclass
class ContentBundle:
    """Validated content: records by kind, ready to insert."""

    version: str
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def count(self) -> int:
        return sum(len(v) for v in self.records.values())


def _where(file: str, index: int | None = None, key: Any = None, fld: str | None = None) -> str:
    parts = [file]
    if index is not None:
        parts.append(f"record {index + 1}")
    if key:
        parts.append(f"'{key}'")
    if fld:
        parts.append(f"field '{fld}'")
    return ", ".join(parts)


def validate_record(
    kind: Kind, record: Any, file: str, index: int, *, strict_unknown: bool = True
) -> tuple[dict[str, Any], list[str]]:
    """Check one record's fields against its kind; returns (clean record, problems)."""
    problems: list[str] = []
    if not isinstance(record, dict):
        return {}, [f"{_where(file, index)}: is not an object"]
    key = record.get("key")
    clean: dict[str, Any] = {}
    known = set(kind.field_names)
    # The clinic's own records ("Where do I park?") need no publication to cite;
    # shipped content always does (a shipped file cannot say origin: clinic).
    clinic_own = not strict_unknown and record.get("origin") == "clinic"
    if strict_unknown:
        for name in record:
            if name not in known:
                problems.append(f"{_where(file, index, key, name)}: unknown field")
    for f in kind.fields:
        value = record.get(f.name)
        where = _where(file, index, key, f.name)
        if f.name == "sources" and not kind.needs_sources:
            continue
        empty = value is None or value == "" or value == []
        if empty and f.name == "sources" and clinic_own:
            clean[f.name] = []
            continue
        if empty:
            if f.required:
                problems.append(f"{where}: is required but empty")
            clean[f.name] = [] if f.type in ("list", "reflist") else None
            continue
        if f.type == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                problems.append(f"{where}: must be a whole number")
        elif f.type in ("list", "reflist"):
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                problems.append(f"{where}: must be a list of non-empty texts")
        elif not isinstance(value, str):
            problems.append(f"{where}: must be text")
        elif not value.strip():
            if f.required:
                problems.append(f"{where}: is required but empty")
        elif f.type == "choice" and value not in f.choices:
            problems.append(f"{where}: '{value}' is not one of {', '.join(f.choices)}")
        elif f.type == "shape" and (shape_problem := _shape_problem(value)):
            problems.append(f"{where}: {shape_problem}")
        clean[f.name] = value
    return clean, problems


def _shape_problem(value: str) -> str | None:
    """Why a body-map shape cannot be drawn, or None when it can."""
    try:
        path_commands(value)
    except ShapeError as e:
        return f"is not a shape the body chart can draw ({e})"
    return None


def check_references(records: dict[str, list[dict[str, Any]]], suffix: str = ".json") -> list[str]:
    """Every ref and reflist must name a record that exists.

    Problems are labelled `<kind><suffix>, record N, 'key', field 'f'`.
    """
    keys = {kind: {r["key"] for r in rows} for kind, rows in records.items()}
    problems: list[str] = []
    for kind_name, rows in records.items():
        kind = KINDS[kind_name]
        for i, r in enumerate(rows):
            for f in kind.fields:
                if f.type not in ("ref", "reflist") or f.ref is None:
                    continue
                if f.name == "sources" and not kind.needs_sources:
                    continue
                values = r.get(f.name) or []
                if isinstance(values, str):
                    values = [values]
                for v in values:
                    if f.ref == "modalities" and v == GENERAL_MODALITY:
                        continue
                    if v not in keys.get(f.ref, set()):
                        where = _where(f"{kind_name}{suffix}", i, r.get("key"), f.name)
                        problems.append(
                            f"{where}: '{v}' is not a known {KINDS[f.ref].label.lower()}"
                        )
    return problems


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ContentError(
            [f"{path.name}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"]
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ContentError([f"{path.name}: cannot be read ({e})"]) from None


def read_acupoint_index(path: Path) -> list[dict[str, Any]]:
    """The 361 standard acupoints as point records (codes, names, categories only)."""

    def split(text: str) -> list[str]:
        return [p.strip() for p in (text or "").split(";") if p.strip()]

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        {
            "key": row["code"],
            "kind": "acupoint",
            "name": f"{row['meridian']} {row['number']}",
            "pinyin": row["pinyin"].strip() or None,
            "aliases": split(row["aliases"]),
            "channel": row["meridian"],
            "region": None,
            "regions": [],
            "location": None,
            "indications": None,
            "referral": None,
            "referral_regions": [],
            "cautions": None,
            "categories": split(row["categories"]),
            "sources": list(INDEX_SOURCES),
            "detail": 0,
        }
        for row in rows
    ]


def _split(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split(";") if p.strip()]


def read_acupoint_locations(folder: Path, known_codes: set[str]) -> tuple[dict, list[str]]:
    """Location rows by code from every locations file, and the problems found.

    Each row gives a point's location, its body-map regions (`;`-separated
    region keys), any standard caution and the sources they rest on.
    """
    rows: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for path in sorted(folder.glob(ACUPOINT_LOCATIONS)):
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                if tuple(reader.fieldnames or ()) != LOCATION_COLUMNS:
                    problems.append(f"{path.name}: columns must be {', '.join(LOCATION_COLUMNS)}")
                    continue
                for i, row in enumerate(reader):
                    code = (row["code"] or "").strip()
                    where = _where(path.name, i, code)
                    if code not in known_codes:
                        problems.append(f"{where}: not a code in {ACUPOINT_INDEX}")
                        continue
                    if code in rows:
                        problems.append(f"{where}: located twice")
                        continue
                    entry = {
                        "location": (row["location"] or "").strip() or None,
                        "regions": _split(row["regions"]),
                        "cautions": (row["cautions"] or "").strip() or None,
                        "sources": _split(row["sources"]),
                    }
                    for name in ("location", "regions", "sources"):
                        if not entry[name]:
                            problems.append(f"{_where(path.name, i, code, name)}: required")
                    rows[code] = entry
        except (OSError, UnicodeDecodeError, csv.Error) as e:
            problems.append(f"{path.name}: cannot be read ({e})")
    return rows, problems


def _locate(index_row: dict[str, Any], located: dict[str, Any]) -> dict[str, Any]:
    merged = dict(index_row)
    for name in ("location", "regions", "cautions"):
        if located.get(name):
            merged[name] = located[name]
    merged["sources"] = list(dict.fromkeys(located["sources"] + index_row["sources"]))
    return merged


def _merge_point(index_row: dict[str, Any], write_up: dict[str, Any]) -> dict[str, Any]:
    merged = dict(index_row)
    for name, value in write_up.items():
        if value not in (None, "", []):
            merged[name] = value
    merged["aliases"] = list(dict.fromkeys(index_row["aliases"] + (write_up.get("aliases") or [])))
    merged["sources"] = list(dict.fromkeys(write_up["sources"] + index_row["sources"]))
    merged["detail"] = 1
    return merged


def _check_write_up(record: dict[str, Any], file: str, index: int) -> list[str]:
    needed = ["region", "location", "indications"]
    if record.get("kind") == "trigger point":
        needed.append("referral")
    return [
        f"{_where(file, index, record.get('key'), name)}: a point write-up needs it"
        for name in needed
        if not record.get(name)
    ]


def load_content_dir(folder: Path) -> ContentBundle:
    """Read and validate every content file; raises ContentError listing all problems."""
    problems: list[str] = []
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        raise ContentError([f"{MANIFEST}: missing from {folder}"])
    manifest = _read_json(manifest_path)
    if not isinstance(manifest, dict) or manifest.get("format") != CONTENT_FORMAT:
        raise ContentError([f"{MANIFEST}: 'format' must be {CONTENT_FORMAT}"])
    version = str(manifest.get("content_version") or "")
    if not version:
        problems.append(f"{MANIFEST}: 'content_version' is required")

    records: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    origins: dict[str, list[str]] = {k: [] for k in KINDS}  # file of each record
    for path in sorted(folder.glob("*.json")):
        if path.name == MANIFEST:
            continue
        data = _read_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("records"), list):
            problems.append(f"{path.name}: must be an object with a 'records' list")
            continue
        kind = KINDS.get(data.get("kind", ""))
        if kind is None:
            problems.append(f"{path.name}: 'kind' must be one of {', '.join(KINDS)}")
            continue
        for i, raw in enumerate(data["records"]):
            clean, found = validate_record(kind, raw, path.name, i)
            problems.extend(found)
            if kind.name == "points" and not found:
                problems.extend(_check_write_up(clean, path.name, i))
            if not found:
                records[kind.name].append(clean)
                origins[kind.name].append(path.name)

    index_path = folder / ACUPOINT_INDEX
    index_rows = read_acupoint_index(index_path) if index_path.exists() else []
    by_code = {r["key"]: r for r in index_rows}
    located, location_problems = read_acupoint_locations(folder, set(by_code))
    problems.extend(location_problems)
    for code, entry in located.items():
        by_code[code] = _locate(by_code[code], entry)
    write_ups = []
    for r in records["points"]:
        if r["key"] in by_code:
            by_code[r["key"]] = _merge_point(by_code[r["key"]], r)
        else:
            write_ups.append({**r, "detail": 1})
    records["points"] = list(by_code.values()) + write_ups

    for kind_name, rows in records.items():
        seen: set[str] = set()
        for r in rows:
            if r["key"] in seen:
                problems.append(f"{kind_name}: key '{r['key']}' is used twice")
            seen.add(r["key"])
    problems.extend(check_references(records))
    if problems:
        raise ContentError(problems)
    return ContentBundle(version=version, records=records)


def validate_content_dir(folder: Path) -> list[str]:
    """All problems in a content folder (empty when it is valid)."""
    try:
        load_content_dir(folder)
    except ContentError as e:
        return e.problems
    return []


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def install_content(db: Database, bundle: ContentBundle) -> None:
    """Write shipped content into an empty database, with a snapshot of each row.

    The snapshot (`shipped`) is what "restore the shipped text" and content
    updates compare against, so a clinic's edits are never mistaken for ours.
    """
    stamp = now_iso()
    with db.atomic():
        for kind_name, rows in bundle.records.items():
            _insert_shipped(db, kind_name, rows, bundle.version, stamp)
        db["meta"].insert({"key": "content_version", "value": bundle.version}, replace=True)
        db["meta"].insert({"key": "content_installed_at", "value": stamp}, replace=True)


def _insert_shipped(
    db: Database, kind_name: str, rows: list[dict[str, Any]], version: str, stamp: str
) -> None:
    """Insert shipped rows of one kind and the `shipped` snapshot of each."""
    if not rows:
        return
    db[kind_name].insert_all(
        ({**r, "origin": "shipped", "hidden": 0, "updated_at": stamp} for r in rows),
        pk="key",
    )
    db["shipped"].insert_all(
        (
            {
                "kind": kind_name,
                "key": r["key"],
                "data": json.dumps(r, ensure_ascii=False, sort_keys=True),
                "content_version": version,
            }
            for r in rows
        ),
        pk=("kind", "key"),
        replace=True,
    )


def content_version(db: Database) -> str | None:
    if not db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone():
        return None
    rows = list(db.query("SELECT value FROM meta WHERE key = 'content_version'"))
    return rows[0]["value"] if rows else None


def row_data(kind_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """The content fields of a stored row, decoded, for comparing with shipped text."""
    kind = KINDS[kind_name]
    out: dict[str, Any] = {}
    for f in kind.fields:
        value = row.get(f.name)
        if f.type in ("list", "reflist"):
            if isinstance(value, str):
                try:
                    value = json.loads(value)
                except json.JSONDecodeError:
                    value = [value]
            value = value or []
        elif value == "":
            value = None
        out[f.name] = value
    for col in kind.extra_columns:
        out[col] = row.get(col)
    return out


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    keys = set(a) | set(b)
    return all((a.get(k) or None) == (b.get(k) or None) for k in keys)


@dataclass
class UpdateReport:
    """What a content update did, for the notice shown at start-up."""

    old_version: str | None
    new_version: str
    added: int = 0
    updated: int = 0
    removed: int = 0
    kept_edits: list[tuple[str, str]] = field(default_factory=list)
    kept_removed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"Content updated from {self.old_version} to {self.new_version}: "
            f"{self.added} added, {self.updated} updated, {self.removed} removed."
        )
        if self.kept_edits:
            text += (
                f" {len(self.kept_edits)} record(s) you edited kept your wording; "
                "each shows that a newer shipped text exists."
            )
        if self.kept_removed:
            text += f" {len(self.kept_removed)} edited record(s) no longer shipped were kept."
        return text


def version_tuple(version: str | None) -> tuple[int, ...] | None:
    """ "2026.11.2" -> (2026, 11, 2); None when it is not dot-separated numbers."""
    parts = (version or "").strip().split(".")
    if not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def is_newer_version(candidate: str | None, installed: str | None) -> bool:
    """True only if `candidate` is a later content version than `installed`.

    Versions compare as numbers part by part (2026.10.1 is after 2026.9.3); an
    unreadable version is never newer, so nothing is replaced on a guess.
    """
    new, old = version_tuple(candidate), version_tuple(installed)
    if new is None:
        return False
    if old is None:
        return installed is None  # no content yet; an unreadable one is left alone
    return new > old


def update_content(db: Database, bundle: ContentBundle) -> UpdateReport:
    """Bring shipped content up to `bundle` in one transaction, keeping clinic edits.

    A row the clinic never touched (it still equals its shipped snapshot)
    takes the new text; an edited row keeps the clinic's text and the new
    shipped text is stored beside it; a row no longer shipped is removed
    unless the clinic edited it, in which case it becomes the clinic's own.
    """
    report = UpdateReport(old_version=content_version(db), new_version=bundle.version)
    if not is_newer_version(bundle.version, report.old_version):
        report.new_version = report.old_version or bundle.version
        return report  # content only moves forward
    stamp = now_iso()
    with db.atomic():
        for kind_name in KINDS:
            table = db[kind_name]
            snapshots = {
                r["key"]: r for r in db.query("SELECT * FROM shipped WHERE kind = ?", [kind_name])
            }
            current = {r["key"]: r for r in db.query(f'SELECT * FROM "{kind_name}"')}
            new_rows = {r["key"]: r for r in bundle.records.get(kind_name, [])}
            for key, new in new_rows.items():
                new_json = json.dumps(new, ensure_ascii=False, sort_keys=True)
                snap = snapshots.get(key)
                row = current.get(key)
                if row is None:
                    table.insert({**new, "origin": "shipped", "hidden": 0, "updated_at": stamp})
                    report.added += 1
                    previous = None
                else:
                    old_shipped = json.loads(snap["data"]) if snap else None
                    live = row_data(kind_name, row)
                    if _same(live, new):
                        previous = None
                    elif old_shipped is not None and _same(live, old_shipped):
                        table.update(key, {**new, "updated_at": stamp})
                        report.updated += 1
                        previous = None
                    else:
                        report.kept_edits.append((kind_name, key))
                        previous = snap["data"] if snap else json.dumps(live, sort_keys=True)
                db["shipped"].insert(
                    {
                        "kind": kind_name,
                        "key": key,
                        "data": new_json,
                        "content_version": bundle.version,
                        "previous": previous,
                    },
                    pk=("kind", "key"),
                    replace=True,
                )
            for key, snap in snapshots.items():
                if key in new_rows:
                    continue
                row = current.get(key)
                db.execute("DELETE FROM shipped WHERE kind = ? AND key = ?", [kind_name, key])
                if row is None:
                    continue
                if _same(row_data(kind_name, row), json.loads(snap["data"])):
                    table.delete(key)
                    report.removed += 1
                else:
                    table.update(key, {"origin": "clinic"})
                    report.kept_removed.append((kind_name, key))
        db["meta"].insert({"key": "content_version", "value": bundle.version}, replace=True)
    return report


def install_missing_kinds(
    db: Database, kinds: tuple[str, ...], content_dir: Path | None = None
) -> list[str]:
    """Give a file that already holds shipped content the records of kinds added later.

    A migration that adds a kind calls this, so a clinic's existing database
    gets the new shipped records (with their snapshots, so later updates and
    "restore the shipped text" work) without waiting for a content update.
    Kinds that already have rows or snapshots are left alone. Returns the
    kinds filled.
    """
    installed = content_version(db)
    if installed is None:
        return []  # a new file: install_content brings every kind
    bundle = load_content_dir(content_dir or CONTENT_DIR)
    filled: list[str] = []
    stamp = now_iso()
    for kind_name in kinds:
        rows = bundle.records.get(kind_name, [])
        has_rows = db.execute(f'SELECT 1 FROM "{kind_name}" LIMIT 1').fetchone()
        has_snapshots = db.execute(
            "SELECT 1 FROM shipped WHERE kind = ? LIMIT 1", [kind_name]
        ).fetchone()
        if not rows or has_rows or has_snapshots:
            continue
        _insert_shipped(db, kind_name, rows, installed, stamp)
        filled.append(kind_name)
    return filled
