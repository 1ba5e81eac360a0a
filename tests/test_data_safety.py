"""Data safety (issue 10): Filiform only touches its own files, keeps each
database's backups apart, restores only what it can, and `check` only looks.

Each test here failed on the code before the fix it names.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from db import backups, checks, editing, ownership
from db.connection import DatabaseError, open_store
from db.records import get_record
from db.restore import RestoreError, restore_backup
from desktop.cli.verbs import run


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        code = run(list(args), out, err)
    except SystemExit as e:
        code = e.code
    return code, out.getvalue(), err.getvalue()


def tree_hash(folder: Path) -> dict[str, str]:
    """Every file under `folder` (names included) with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(folder.rglob("*"))
    }


def first_faq(store) -> str:
    return next(store.db["faqs"].rows_where(order_by="rowid", limit=1))["key"]


def other_programs_database(path: Path, application_id: int = 0) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO people VALUES ('Ada', '555-0100')")
    if application_id:
        conn.execute(f"PRAGMA application_id = {application_id}")
    conn.commit()
    conn.close()
    return path


# --- 1. --db never takes over what Filiform did not make -------------------


def _not_ours(tmp_path: Path, what: str) -> Path:
    """A place where something that is not Filiform's already is."""
    home = tmp_path / "home"
    home.mkdir()
    if what == "folder":
        target = home / "Documents"
        target.mkdir()
        (target / "letter.txt").write_text("Dear patient", encoding="utf-8")
    elif what == "text file":
        target = home / "notes.sqlite3"
        target.write_text("this is a shopping list, not a database\n" * 50, encoding="utf-8")
    elif what == "empty file":
        target = home / "empty.sqlite3"
        target.write_bytes(b"")
    elif what == "another program's database":
        target = other_programs_database(home / "contacts.sqlite3")
    else:  # a database that carries another program's application_id
        target = other_programs_database(home / "fossil.sqlite3", application_id=0x0F055112)
    return target


NOT_OURS = ["folder", "text file", "empty file", "another program's database", "marked database"]


@pytest.mark.parametrize("what", NOT_OURS)
@pytest.mark.parametrize(
    "verb", [["check"], ["search", "needle"], ["export", "OUT"], ["handout", "--list"]]
)
def test_a_path_that_is_not_filiforms_gets_one_sentence_and_is_left_byte_for_byte(
    tmp_path, what, verb
):
    target = _not_ours(tmp_path, what)
    before = tree_hash(tmp_path / "home")
    args = [str(tmp_path / "pack.json") if a == "OUT" else a for a in verb]
    code, out, err = cli("--db", str(target), *args)
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(target) in err and "Filiform" in err
    assert tree_hash(tmp_path / "home") == before  # nothing renamed, added or changed
    assert not (tmp_path / "pack.json").exists()


@pytest.mark.parametrize("what", NOT_OURS)
def test_the_window_refuses_it_too(tmp_path, what):
    target = _not_ours(tmp_path, what)
    before = tree_hash(tmp_path / "home")
    with pytest.raises(DatabaseError):
        open_store(target)
    with pytest.raises(DatabaseError):
        open_store(target, read_only=True)
    assert tree_hash(tmp_path / "home") == before


def test_a_new_database_is_made_where_nothing_exists_and_carries_filiforms_mark(tmp_path):
    path = tmp_path / "new" / "clinic.sqlite3"
    store = open_store(path)
    store.close()
    assert ownership.classify(path) is ownership.Kind.OURS
    header = path.read_bytes()[:100]
    assert ownership.header_application_id(header) == ownership.APPLICATION_ID


def test_a_file_from_the_first_filiform_is_recognised_by_its_tables_and_stamped(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA application_id = 0")  # as the first Filiform left its files
    conn.commit()
    conn.close()
    key_answer = None
    assert ownership.classify(db_path) is ownership.Kind.LEGACY
    store = open_store(db_path)
    key = first_faq(store)
    key_answer = get_record(store.db, "faqs", key)["answer"]
    assert store.notices == []  # opened as it is: not moved, not rebuilt
    store.close()
    assert ownership.classify(db_path) is ownership.Kind.OURS
    assert not list(db_path.parent.glob("*.damaged-*"))
    again = open_store(db_path)
    assert get_record(again.db, "faqs", key)["answer"] == key_answer


# --- 2. backups of two databases in one folder stay apart --------------------


def test_backups_of_two_databases_in_one_folder_neither_mix_nor_prune_each_other(
    built_db, tmp_path
):
    clinic, clinic_b = tmp_path / "clinic.sqlite3", tmp_path / "clinic-b.sqlite3"
    shutil.copyfile(built_db, clinic)
    shutil.copyfile(built_db, clinic_b)
    store = open_store(clinic)
    key = first_faq(store)
    editing.update_record(store, "faqs", key, {"answer": "Clinic A's own answer."})
    ours = backups.make_backup(store.db.conn, clinic, "manual")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()

    other = open_store(clinic_b)
    editing.update_record(other, "faqs", key, {"answer": "Clinic B's answer."})
    for _ in range(backups.KEEP_BACKUPS + 2):
        backups.make_backup(other.db.conn, clinic_b, "manual")
    other.close()

    assert ours.exists(), "clinic-b's backups pruned clinic's"
    mine, theirs = backups.list_backups(clinic), backups.list_backups(clinic_b)
    assert ours in mine and len(mine) == 2  # the first-edit-of-day backup and ours
    assert not set(mine) & set(theirs)

    # A damaged clinic.sqlite3 comes back from its own backup, not clinic-b's.
    clinic.write_bytes(clinic.read_bytes()[:4096] + b"\xde\xad" * 40000)
    store = open_store(clinic)
    assert get_record(store.db, "faqs", key)["answer"] == "Clinic A's own answer."
    assert str(ours) in " ".join(store.notices)


# --- 3. and 4. restore ---------------------------------------------------------


def test_restoring_the_oldest_backup_keeps_it_and_restores_it(store):
    key = first_faq(store)
    editing.update_record(store, "faqs", key, {"answer": "Text in the oldest backup."})
    oldest = backups.make_backup(store.db.conn, store.path, "manual")
    editing.update_record(store, "faqs", key, {"answer": "Later text."})
    for _ in range(backups.KEEP_BACKUPS - 1):
        backups.make_backup(store.db.conn, store.path, "manual")
    assert backups.list_backups(store.path)[0] == oldest

    safety = restore_backup(store, oldest)
    assert oldest.exists()
    assert get_record(store.db, "faqs", key)["answer"] == "Text in the oldest backup."
    assert safety in backups.list_backups(store.path)
    # What was there before the restore is in the safety backup.
    conn = sqlite3.connect(f"{safety.as_uri()}?mode=ro", uri=True)
    answer = conn.execute("SELECT answer FROM faqs WHERE key = ?", [key]).fetchone()[0]
    conn.close()
    assert answer == "Later text."


def test_pruning_never_removes_the_newest_sound_backup(store):
    good = backups.make_backup(store.db.conn, store.path, "manual")
    for i in range(backups.KEEP_BACKUPS):
        bad = backups.backup_dir(store.path) / f"2099010{i // 10}-000000-00000{i % 10}-bad.sqlite3"
        bad.write_bytes(good.read_bytes()[:4096] + b"\x00garbage" * 2000)
    backups.prune(store.path)
    assert good.exists()


def test_restore_refuses_a_database_that_is_not_a_filiform_backup(store, tmp_path):
    key = first_faq(store)
    before = get_record(store.db, "faqs", key)["answer"]
    foreign = other_programs_database(tmp_path / "contacts.sqlite3")
    digest = hashlib.sha256(foreign.read_bytes()).hexdigest()
    with pytest.raises(RestoreError, match="not Filiform's"):
        restore_backup(store, foreign)
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(RestoreError, match="not a SQLite file"):
        restore_backup(store, text)
    assert get_record(store.db, "faqs", key)["answer"] == before
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == digest
    assert not store.read_only


def test_restore_refuses_a_backup_from_a_newer_filiform(store):
    key = first_faq(store)
    newer = backups.make_backup(store.db.conn, store.path, "manual")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.execute("UPDATE faqs SET answer = 'From the future.' WHERE key = ?", [key])
    conn.commit()
    conn.close()
    before = get_record(store.db, "faqs", key)["answer"]
    with pytest.raises(RestoreError, match="newer Filiform"):
        restore_backup(store, newer)
    assert get_record(store.db, "faqs", key)["answer"] == before
    assert not store.read_only


def test_restore_from_the_menu_refuses_another_programs_database(
    qtbot, store, tmp_path, monkeypatch
):
    from desktop.actions import file_actions

    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        file_actions, "tell", lambda p, title, text, problem=False: told.append((title, text))
    )
    monkeypatch.setattr(file_actions, "confirm", lambda *a: True)
    foreign = other_programs_database(tmp_path / "contacts.sqlite3")
    monkeypatch.setattr(file_actions, "choose_open_file", lambda *a: str(foreign))
    assert file_actions.restore_backup(None, store) is False
    assert told[-1][0] == "Cannot restore" and "not Filiform's" in told[-1][1]
    assert store.db["faqs"].count > 0


# --- 8. check only inspects ------------------------------------------------------


def test_check_on_a_damaged_file_changes_nothing_and_names_the_damage(db_path):
    db_path.write_bytes(db_path.read_bytes()[:8192] + b"\xde\xad\xbe\xef" * 100000)
    before = tree_hash(db_path.parent)
    code, out, err = cli("--db", str(db_path), "check")
    assert code == 1
    assert "damaged" in err and err.count("\n") == 1
    assert "All checks passed" not in out
    assert tree_hash(db_path.parent) == before  # not moved aside, not rebuilt


def test_check_changes_nothing_on_a_sound_file_either(db_path):
    before = tree_hash(db_path.parent)
    code, out, _ = cli("--db", str(db_path), "check")
    assert code == 0 and "Search index: ok" in out
    assert tree_hash(db_path.parent) == before


def test_check_reports_a_lock_as_a_lock(db_path, monkeypatch):
    monkeypatch.setattr(checks, "CHECK_BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db_path)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE settings SET value = value")
    try:
        code, out, err = cli("--db", str(db_path), "check")
    finally:
        holder.rollback()
        holder.close()
    assert code == 1
    assert "locked" in err and "damaged" not in err
    code, out, _ = cli("--db", str(db_path), "check")
    assert code == 0, out


def test_check_of_a_file_from_an_older_filiform_says_it_will_be_upgraded(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_point_regions'")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = tree_hash(db_path.parent)
    code, out, err = cli("--db", str(db_path), "check")
    assert code == 0, err
    assert "will be upgraded" in out
    assert tree_hash(db_path.parent) == before
