"""Clinic edits: change, add, hide, delete, undo and restore, with history.

Every change is one transaction that writes the record and its `revisions`
rows together, so history and data never disagree. A form remembers the
revision it was opened with; saving over someone else's newer change is
refused (ConflictError) instead of silently losing one of the two edits.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from db.backups import make_backup
from db.connection import Store
from db.content import now_iso, row_data, validate_record
from db.errors import FiliformError, is_lock
from db.kinds import GENERAL_MODALITY, KINDS, Kind
from db.plain_text import key_from_title


class EditError(FiliformError):
    """An edit that was not saved; the message is one sentence for a person."""


class ReadOnlyError(EditError):
    pass


class ConflictError(EditError):
    pass


@dataclass(frozen=True)
class Revision:
    id: int
    at: str
    table: str
    key: str
    field: str
    old: str | None
    new: str | None
    action: str


@dataclass(frozen=True)
class ShippedStatus:
    """How a record stands against the shipped content."""

    origin: str  # shipped | clinic
    edited: bool  # differs from the shipped text
    newer_shipped: bool  # a content update brought new text the clinic has not taken
    shipped: dict[str, Any] | None


def _kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise EditError(f"'{kind}' is not a kind of record.")
    return KINDS[kind]


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _from_text(kind: Kind, field_name: str, text: str | None) -> Any:
    if field_name not in kind.field_names:
        return int(text) if field_name == "hidden" and text is not None else text
    f = kind.field(field_name)
    if text is None:
        return [] if f.type in ("list", "reflist") else None
    if f.type in ("list", "reflist"):
        return json.loads(text)
    if f.type == "int":
        return int(text)
    return text


def check_editable(store: Store) -> None:
    """Raise the reason this computer may not edit, if any."""
    if store.read_only:
        raise ReadOnlyError(
            f"Editing is off: the database is read-only ({store.read_only_reason})."
        )
    if store.editing_locked:
        raise ReadOnlyError(
            "Editing is locked on this computer (Edit > Lock editing on this computer)."
        )


def latest_revision(store: Store, kind: str, key: str) -> int:
    """The id of the newest change to a record (0 if none): what a form is opened with."""
    row = store.db.execute(
        'SELECT max(id) FROM revisions WHERE "table" = ? AND key = ?', [kind, key]
    ).fetchone()
    return row[0] or 0


def history(store: Store, kind: str, key: str) -> list[Revision]:
    """Every recorded change to a record, newest first."""
    rows = store.db.query(
        'SELECT * FROM revisions WHERE "table" = ? AND key = ? ORDER BY id DESC', [kind, key]
    )
    return [Revision(**r) for r in rows]


def _current(store: Store, kind: Kind, key: str) -> dict[str, Any]:
    rows = list(store.db.query(f'SELECT * FROM "{kind.table}" WHERE key = ?', [key]))
    if not rows:
        raise EditError(f"There is no {kind.label.lower()} '{key}'.")
    return rows[0]


def _check_refs(store: Store, kind: Kind, record: dict[str, Any]) -> list[str]:
    problems = []
    for f in kind.fields:
        if f.type not in ("ref", "reflist") or not f.ref:
            continue
        values = record.get(f.name) or []
        for v in [values] if isinstance(values, str) else values:
            if f.ref == "modalities" and v == GENERAL_MODALITY:
                continue
            found = store.db.execute(
                f'SELECT 1 FROM "{KINDS[f.ref].table}" WHERE key = ?', [v]
            ).fetchone()
            if not found:
                problems.append(f"{f.label}: '{v}' is not a known {KINDS[f.ref].label.lower()}")
    return problems


def validate(store: Store, kind_name: str, record: dict[str, Any]) -> dict[str, Any]:
    """Validate a whole record for saving; raise EditError naming each bad field."""
    kind = _kind(kind_name)
    clean, problems = validate_record(kind, record, kind.label, 0, strict_unknown=False)
    problems = [_field_msg(kind, p) for p in problems]
    problems += _check_refs(store, kind, clean)
    if problems:
        raise EditError("Not saved: " + "; ".join(problems) + ".")
    return clean


def _field_msg(kind: Kind, problem: str) -> str:
    """ "Label, record 1, 'key', field 'answer': is required" -> "Answer is required"."""
    head, _, tail = problem.partition(": ")
    if "field '" not in head:
        return tail or problem
    name = head.rsplit("field '", 1)[-1].rstrip("'")
    label = kind.field(name).label if name in kind.field_names else name
    return f"{label} {tail}"


def _backup_before_first_edit_today(store: Store) -> None:
    today = date.today().isoformat()
    row = store.db.execute("SELECT value FROM meta WHERE key = 'last_edit_backup'").fetchone()
    if row and row[0] == today:
        return
    make_backup(store.db.conn, store.path, "before-first-edit-of-day")
    store.db.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('last_edit_backup', ?)", [today]
    )


def _write(store: Store, work) -> Any:  # noqa: ANN001 - a callable run in the transaction
    """Run `work` in one transaction; turn SQLite failures into one clear sentence."""
    check_editable(store)
    try:
        _backup_before_first_edit_today(store)
        with store.db.atomic():
            return work()
    except sqlite3.OperationalError as e:
        message = str(e).lower()
        if "full" in message:
            raise EditError(
                "Not saved: the disk is full. Nothing was changed; free some space and try again."
            ) from None
        if is_lock(e):
            raise EditError(
                "Not saved: another Filiform is saving right now. Try again in a moment."
            ) from None
        if "readonly" in message or "read-only" in message:
            raise ReadOnlyError("Not saved: the database file has become read-only.") from None
        raise EditError(f"Not saved: the database refused the change ({e}).") from None
    except OSError as e:
        raise EditError(
            f"Not saved: the backup before editing failed ({e.strerror or e})."
        ) from None


def _log(
    store: Store, stamp: str, kind: str, key: str, name: str, old: Any, new: Any, action: str
) -> int:
    return (
        store.db["revisions"]
        .insert(
            {
                "at": stamp,
                "table": kind,
                "key": key,
                "field": name,
                "old": _as_text(old),
                "new": _as_text(new),
                "action": action,
            }
        )
        .last_pk
    )


def update_record(
    store: Store,
    kind_name: str,
    key: str,
    changes: dict[str, Any],
    *,
    expected_revision: int | None = None,
) -> int:
    """Save changed fields of a record; returns the new latest revision id.

    `expected_revision` is what `latest_revision` said when the form opened;
    if someone saved since, ConflictError is raised and nothing is written.
    """
    kind = _kind(kind_name)
    if "key" in changes and changes["key"] != key:
        raise EditError("Not saved: a record's key cannot be changed.")

    def work() -> int:
        if (
            expected_revision is not None
            and latest_revision(store, kind_name, key) != expected_revision
        ):
            raise ConflictError(
                "Not saved: someone else changed this record after you opened it. "
                "Your text is still in the form; reopen the record to see their change."
            )
        row = _current(store, kind, key)
        current = row_data(kind_name, row)
        merged = validate(
            store, kind_name, {**current, **changes, "key": key, "origin": row["origin"]}
        )
        changed = {n: v for n, v in merged.items() if n in changes and current.get(n) != v}
        if not changed:
            return latest_revision(store, kind_name, key)
        stamp = now_iso()
        last = 0
        for name, value in changed.items():
            last = _log(store, stamp, kind_name, key, name, current.get(name), value, "edit")
        store.db[kind.table].update(key, {**changed, "updated_at": stamp})
        return last

    return _write(store, work)


def new_key(store: Store, kind_name: str, title: str) -> str:
    """A free key made from a record's title ("where-do-i-park", then "-2", "-3")."""
    table = _kind(kind_name).table
    base = key_from_title(title or "")
    key, n = base, 1
    while store.db.execute(f'SELECT 1 FROM "{table}" WHERE key = ?', [key]).fetchone():
        n += 1
        key = f"{base}-{n}"
    return key


def add_record(store: Store, kind_name: str, record: dict[str, Any]) -> str:
    """Add a clinic record; returns its key.

    Without a key, one is made from the title. The clinic's own record may
    cite no source (it is marked as the clinic's own wherever it is shown).
    """
    kind = _kind(kind_name)

    def work() -> str:
        wanted = dict(record)
        if not str(wanted.get("key") or "").strip():
            wanted["key"] = new_key(store, kind_name, str(wanted.get(kind.title_field) or ""))
        clean = validate(store, kind_name, {**wanted, "origin": "clinic"})
        key = clean["key"]
        exists = store.db.execute(f'SELECT 1 FROM "{kind.table}" WHERE key = ?', [key]).fetchone()
        if exists:
            raise EditError(f"Not saved: there is already a {kind.label.lower()} '{key}'.")
        stamp = now_iso()
        extra = {"detail": 1} if "detail" in kind.extra_columns else {}
        store.db[kind.table].insert(
            {**clean, **extra, "origin": "clinic", "hidden": 0, "updated_at": stamp}
        )
        _log(store, stamp, kind_name, key, "*", None, clean, "add")
        return key

    return _write(store, work)


def delete_record(store: Store, kind_name: str, key: str) -> None:
    """Delete a clinic-added record (shipped ones are hidden instead)."""
    kind = _kind(kind_name)

    def work() -> None:
        row = _current(store, kind, key)
        if row["origin"] != "clinic":
            raise EditError(
                "Not deleted: this record ships with Filiform. "
                "Hide it instead; it can be shown again."
            )
        _log(store, now_iso(), kind_name, key, "*", _snapshot(kind_name, row), None, "delete")
        store.db[kind.table].delete(key)

    _write(store, work)


def set_hidden(store: Store, kind_name: str, key: str, hidden: bool) -> None:
    """Hide a record from lists, search and handouts (or show it again)."""
    kind = _kind(kind_name)

    def work() -> None:
        row = _current(store, kind, key)
        if bool(row["hidden"]) == hidden:
            return
        _log(
            store,
            now_iso(),
            kind_name,
            key,
            "hidden",
            row["hidden"],
            int(hidden),
            "hide" if hidden else "unhide",
        )
        store.db[kind.table].update(key, {"hidden": int(hidden), "updated_at": now_iso()})

    _write(store, work)


class UndoWouldDiscard(ConflictError):
    """Undoing this would throw away later changes; allowed only when confirmed (force)."""


def _later_changes(store: Store, rev: Revision) -> int:
    return store.db.execute(
        'SELECT count(*) FROM revisions WHERE "table" = ? AND key = ? AND id > ?',
        [rev.table, rev.key, rev.id],
    ).fetchone()[0]


def _snapshot(kind_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """A whole record as history keeps it, so taking it away can be undone."""
    return {**row_data(kind_name, row), "hidden": int(row.get("hidden") or 0)}


def _remove(store: Store, kind: Kind, rev: Revision, stamp: str, force: bool) -> int:
    """Undo a change that made a record exist (an add, an undone delete)."""
    row = _current(store, kind, rev.key)
    later = _later_changes(store, rev)
    if later and not force:
        raise UndoWouldDiscard(
            f"Not undone: '{rev.key}' has been changed {later} "
            f"time{'' if later == 1 else 's'} since it was added; "
            "undoing the addition removes the record with those changes "
            "(they stay in History, and this undo can be undone too)."
        )
    if row["origin"] != "clinic":
        raise EditError("Not undone: this record now ships with Filiform; hide it instead.")
    snapshot = _snapshot(rev.table, row)
    store.db[kind.table].delete(rev.key)
    return _log(store, stamp, rev.table, rev.key, "*", snapshot, None, "undo")


def _bring_back(store: Store, kind: Kind, rev: Revision, stamp: str) -> int:
    """Undo a change that took a record away (a delete, an undone add)."""
    exists = store.db.execute(f'SELECT 1 FROM "{kind.table}" WHERE key = ?', [rev.key]).fetchone()
    if exists:
        raise ConflictError(
            f"Not undone: a {kind.label.lower()} with the key '{rev.key}' has been added "
            "since; delete or rename that one first, then undo this."
        )
    restored = json.loads(rev.old or "{}")
    hidden = int(restored.pop("hidden", 0) or 0)
    extra = {"detail": 1} if "detail" in kind.extra_columns else {}
    known = {*kind.field_names, *kind.extra_columns}
    record = {k: v for k, v in restored.items() if k in known}
    store.db[kind.table].insert(
        {**extra, **record, "origin": "clinic", "hidden": hidden, "updated_at": stamp}
    )
    return _log(store, stamp, rev.table, rev.key, "*", None, {**record, "hidden": hidden}, "undo")


def undo(store: Store, revision_id: int, *, force: bool = False) -> int:
    """Undo one recorded change; returns the id of the revision that records the undo.

    Every undo is itself a revision, so it can be undone. An undo that would
    throw away later changes (the field was changed again; the record added
    was edited since) raises UndoWouldDiscard unless `force` is set, which the
    window does only after the person confirms.
    """

    def work() -> int:
        rows = list(store.db.query("SELECT * FROM revisions WHERE id = ?", [revision_id]))
        if not rows:
            raise EditError(f"There is no change number {revision_id} to undo.")
        rev = Revision(**rows[0])
        kind = _kind(rev.table)
        stamp = now_iso()
        if rev.field == "*":
            if rev.old is None and rev.new is not None:  # the record came into being
                return _remove(store, kind, rev, stamp, force)
            if rev.old is not None and rev.new is None:  # the record was taken away
                return _bring_back(store, kind, rev, stamp)
            raise EditError(f"Change number {revision_id} cannot be undone.")
        row = _current(store, kind, rev.key)
        now_value = _as_text(row_data(rev.table, row).get(rev.field, row.get(rev.field)))
        same = now_value == rev.new or (rev.field == "hidden" and str(row["hidden"]) == rev.new)
        if not same and not force:
            raise UndoWouldDiscard(
                f"Not undone: '{rev.field}' has been changed again since; undoing this "
                "would replace the newer text (it stays in History)."
            )
        old_value = _from_text(kind, rev.field, rev.old)
        store.db[kind.table].update(rev.key, {rev.field: old_value, "updated_at": stamp})
        return _log(store, stamp, rev.table, rev.key, rev.field, now_value, rev.old, "undo")

    return _write(store, work)


def shipped_status(store: Store, kind_name: str, key: str) -> ShippedStatus:
    """Whether a record differs from what Filiform ships, and if newer text waits."""
    kind = _kind(kind_name)
    row = _current(store, kind, key)
    snap = store.db.execute(
        "SELECT data, previous FROM shipped WHERE kind = ? AND key = ?", [kind_name, key]
    ).fetchone()
    if snap is None:
        return ShippedStatus(row["origin"], False, False, None)
    shipped = json.loads(snap[0])
    live = row_data(kind_name, row)
    edited = any((live.get(k) or None) != (shipped.get(k) or None) for k in shipped)
    return ShippedStatus(row["origin"], edited, edited and snap[1] is not None, shipped)


def restore_shipped(store: Store, kind_name: str, key: str) -> int:
    """Put the shipped text back (and take a newer shipped text, if one waits)."""
    kind = _kind(kind_name)

    def work() -> int:
        status = shipped_status(store, kind_name, key)
        if status.shipped is None:
            raise EditError("Nothing to restore: this record was added by the clinic.")
        live = row_data(kind_name, _current(store, kind, key))
        stamp = now_iso()
        last = latest_revision(store, kind_name, key)
        changed = {k: v for k, v in status.shipped.items() if (live.get(k) or None) != (v or None)}
        for name, value in changed.items():
            last = _log(store, stamp, kind_name, key, name, live.get(name), value, "restore")
        if changed:
            store.db[kind.table].update(key, {**changed, "updated_at": stamp})
        store.db.execute(
            "UPDATE shipped SET previous = NULL WHERE kind = ? AND key = ?", [kind_name, key]
        )
        return last

    return _write(store, work)
