"""Data safety (issue 10): Filiform only touches its own files, keeps each
database's backups apart, restores only what it can, and `check` only looks.

Each test here failed on the code before the fix it names.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from db import backups, checks, editing, ownership
from db.connection import DatabaseError, open_store
from db.records import get_record
from db.restore import RestoreError, restore_backup
from desktop.cli.verbs import run

SOURCE = "who-2008-point-locations"


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
    # ...and a backup clinic makes now, beside clinic-b's ten, is not pruned at once.
    store = open_store(clinic)
    newest = backups.make_backup(store.db.conn, clinic, "manual")
    store.close()
    assert newest.exists() and ours.exists()
    assert len(backups.list_backups(clinic_b)) == backups.KEEP_BACKUPS

    # A damaged clinic.sqlite3 comes back from its own backup, not clinic-b's.
    clinic.write_bytes(clinic.read_bytes()[:4096] + b"\xde\xad" * 40000)
    store = open_store(clinic)
    assert get_record(store.db, "faqs", key)["answer"] == "Clinic A's own answer."
    assert str(newest) in " ".join(store.notices)


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


@contextmanager
def held_exclusively(path: Path) -> Iterator[None]:
    """Another program holding the file locked, mid-write, for the duration."""
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE settings SET value = value")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


def test_check_reports_a_lock_as_a_lock(db_path, monkeypatch):
    monkeypatch.setattr(checks, "CHECK_BUSY_TIMEOUT_MS", 50)
    with held_exclusively(db_path):
        code, out, err = cli("--db", str(db_path), "check")
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


# --- 5. every undo is undoable; undo never silently throws later edits away ----


def _add_clinic_faq(store, key: str = "parking") -> str:
    return editing.add_record(
        store,
        "faqs",
        {
            "key": key,
            "question": "Where do I park?",
            "answer": "Behind the building.",
            "sources": [SOURCE],
        },
    )


def test_undo_of_an_add_with_later_edits_is_refused_until_confirmed(store):
    key = _add_clinic_faq(store)
    added = editing.history(store, "faqs", key)[-1]
    editing.update_record(store, "faqs", key, {"answer": "Behind the building, bay 3."})
    with pytest.raises(editing.UndoWouldDiscard, match="changed 1 time"):
        editing.undo(store, added.id)
    assert get_record(store.db, "faqs", key)["answer"] == "Behind the building, bay 3."

    undone = editing.undo(store, added.id, force=True)  # the person confirmed
    assert get_record(store.db, "faqs", key) is None
    editing.undo(store, undone)  # ...and changed their mind: the undo is undone
    assert get_record(store.db, "faqs", key)["answer"] == "Behind the building, bay 3."


def test_every_undo_can_itself_be_undone(store):
    key = _add_clinic_faq(store)
    added = editing.history(store, "faqs", key)[-1]
    first = editing.undo(store, added.id)  # nothing later: no question asked
    assert get_record(store.db, "faqs", key) is None
    second = editing.undo(store, first)
    assert get_record(store.db, "faqs", key)["question"] == "Where do I park?"
    third = editing.undo(store, second)
    assert get_record(store.db, "faqs", key) is None
    editing.undo(store, third)
    assert get_record(store.db, "faqs", key)["answer"] == "Behind the building."


def test_undo_of_a_delete_after_the_key_was_reused_is_one_sentence(store):
    key = _add_clinic_faq(store)
    editing.update_record(store, "faqs", key, {"answer": "The first record's text."})
    editing.delete_record(store, "faqs", key)
    deletion = editing.history(store, "faqs", key)[0]
    editing.add_record(
        store,
        "faqs",
        {"key": key, "question": "Reused key?", "answer": "A new record.", "sources": [SOURCE]},
    )
    with pytest.raises(editing.ConflictError, match="has been added since"):
        editing.undo(store, deletion.id)
    assert get_record(store.db, "faqs", key)["answer"] == "A new record."
    old = json.loads(deletion.old)
    assert old["answer"] == "The first record's text."  # still in History


def test_a_hidden_record_deleted_and_undeleted_comes_back_hidden(store):
    key = _add_clinic_faq(store)
    editing.set_hidden(store, "faqs", key, True)
    editing.delete_record(store, "faqs", key)
    editing.undo(store, editing.history(store, "faqs", key)[0].id)
    assert get_record(store.db, "faqs", key)["hidden"]


def test_forced_field_undo_keeps_the_newer_text_undoable(store):
    key = first_faq(store)
    first = editing.update_record(store, "faqs", key, {"answer": "One."})
    editing.update_record(store, "faqs", key, {"answer": "Two."})
    with pytest.raises(editing.UndoWouldDiscard):
        editing.undo(store, first)
    original = json.loads(json.dumps(editing.history(store, "faqs", key)[-1].old))
    undo_rev = editing.undo(store, first, force=True)
    assert get_record(store.db, "faqs", key)["answer"] == original
    editing.undo(store, undo_rev)
    assert get_record(store.db, "faqs", key)["answer"] == "Two."


def test_history_dialog_asks_before_an_undo_that_replaces_later_changes(
    qtbot, window, store, monkeypatch
):
    from desktop.dialogs import history_dialog

    key = _add_clinic_faq(store)
    editing.update_record(store, "faqs", key, {"answer": "Edited after adding."})
    asked: list[str] = []
    answer = {"yes": False}

    def fake_confirm(parent, text):
        asked.append(text)
        return answer["yes"]

    monkeypatch.setattr(history_dialog, "confirm_discard", fake_confirm)
    assert window.open_record("faqs", key)
    window.actions_by_name["history"].trigger()
    dialog = window.history_dialog
    dialog.table.selectRow(dialog.table.rowCount() - 1)  # the "add", oldest
    dialog.undo_button.click()
    assert asked and "changed 1 time" in asked[0]
    assert "Nothing was changed" in dialog.status.text()
    assert get_record(store.db, "faqs", key)["answer"] == "Edited after adding."

    answer["yes"] = True
    dialog.table.selectRow(dialog.table.rowCount() - 1)
    dialog.undo_button.click()
    assert get_record(store.db, "faqs", key) is None
    assert "deleted" in dialog.status.text()
    dialog.table.selectRow(0)  # the undo just made
    dialog.undo_button.click()
    assert get_record(store.db, "faqs", key)["answer"] == "Edited after adding."
    dialog.reject()


# --- 7. one huge record does not stall search ------------------------------------


def test_a_one_megabyte_answer_is_kept_whole_and_search_still_answers(store):
    from db.schema import SEARCH_FIELD_CHARS
    from db.search import search

    key = first_faq(store)
    sentence = "The needle goes in gently and the practitioner watches for soreness. "
    huge = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000] + " zyxwenddword"
    editing.update_record(store, "faqs", key, {"answer": huge})
    assert get_record(store.db, "faqs", key)["answer"] == huge  # nothing cut from the record

    result = search(store.db, "practitioner watches soreness", limit=50)
    hit = next(h for h in result.hits if h.key == key)
    assert "watches" in hit.snippet and len(hit.snippet) < 400
    assert search(store.db, "ST36").hits[0].key == "ST36"
    # Search reads a bounded prefix of each field; that bound is what keeps it fast
    # (tests/benchmarks/bench_large_record.py has the timing).
    indexed = store.db.execute(
        "SELECT length(body) FROM search_docs WHERE kind = 'faqs' AND key = ?", [key]
    ).fetchone()[0]
    assert indexed < 3 * SEARCH_FIELD_CHARS
    assert all(h.key != key for h in search(store.db, "zyxwenddword").hits)


def test_an_older_file_with_a_huge_record_is_reindexed_bounded_on_upgrade(db_path):
    from db import schema

    conn = sqlite3.connect(db_path)
    huge = "needle " * 200_000
    conn.execute("DROP TRIGGER faqs_search_au")  # as the previous Filiform's file stood
    conn.execute("UPDATE faqs SET answer = ? WHERE rowid = 1", [huge])
    conn.execute(
        "UPDATE search_docs SET body = ? WHERE kind = 'faqs' AND key = "
        "(SELECT key FROM faqs WHERE rowid = 1)",
        [huge],
    )
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_bounded_search_text'")
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    store = open_store(db_path)
    assert schema.schema_version(store.db) == schema.SCHEMA_VERSION
    longest = store.db.execute("SELECT max(length(body)) FROM search_docs").fetchone()[0]
    assert longest < 3 * schema.SEARCH_FIELD_CHARS
    store.close()


# --- 9. the command line's import backs up first ---------------------------------


def test_cli_import_backs_up_first_and_a_refused_pack_makes_no_backup(db_path, tmp_path):
    pack = tmp_path / "pack.json"
    assert cli("--db", str(db_path), "export", str(pack))[0] == 0
    assert backups.list_backups(db_path) == []
    bad = tmp_path / "bad.json"
    bad.write_text('{"filiform_pack": 1, "records": {"faqs": [{"key": "x"}]}}', encoding="utf-8")
    code, _, err = cli("--db", str(db_path), "import", str(bad))
    assert code == 1 and backups.list_backups(db_path) == []

    code, out, err = cli("--db", str(db_path), "import", str(pack))
    assert code == 0, err
    made = backups.list_backups(db_path)
    assert len(made) == 1 and made[0].name.endswith("-before-import.sqlite3")
    assert str(made[0]) in out


# --- 10. one sentence, never a traceback --------------------------------------------


def _pack_text(db_path: Path, tmp_path: Path, change) -> Path:
    """An exported pack with one textual change (to make what json.dumps cannot)."""
    pack = tmp_path / "pack.json"
    assert cli("--db", str(db_path), "export", str(pack))[0] == 0
    data = json.loads(pack.read_text(encoding="utf-8"))
    pack.write_text(change(data, json.dumps(data)), encoding="utf-8")
    return pack


def _first_answer(data) -> str:
    return data["records"]["faqs"][0]["answer"]


BAD_PACKS = {
    "a lone surrogate": (
        lambda d, t: t.replace(json.dumps(_first_answer(d)), '"Broken \\ud800 text"', 1),
        "not valid Unicode",
    ),
    "5,000-deep nesting": (
        lambda d, t: t.replace(json.dumps(_first_answer(d)), "[" * 5000 + "]" * 5000, 1),
        "nested too deeply",
    ),
    "a 30-digit integer": (
        lambda d, t: t.replace(
            '"year": ', '"year": 123456789012345678901234567890 + 0 * ', 1
        ).replace(" + 0 * ", ', "was": ', 1),
        "too large",
    ),
    "a 5,000-digit integer": (
        lambda d, t: t.replace('"year": ', '"year": ' + "9" * 5000 + ', "was": ', 1),
        "cannot read",
    ),
}


@pytest.mark.parametrize("case", list(BAD_PACKS))
def test_a_hostile_pack_gets_one_sentence_and_changes_nothing(db_path, tmp_path, case):
    change, words = BAD_PACKS[case]
    pack = _pack_text(db_path, tmp_path, change)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    code, _, err = cli("--db", str(db_path), "import", str(pack))
    assert code == 1
    assert err.startswith("filiform: Nothing was imported") and words in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert backups.list_backups(db_path) == []
    store = open_store(db_path)
    assert store.db["faqs"].count > 0
    store.close()
    assert before  # the file was read, never rewritten by a failed import


def test_output_into_a_closed_pipe_is_quiet(db_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(db_path), "search", "needle", "--limit", "200"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader (`| head`) has gone before anything is written
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert err == ""
    assert proc.returncode == 0


def test_a_misspelt_verb_is_a_usage_error_not_a_window(tmp_path):
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"  # a window would abort here, as without a display
    proc = subprocess.run(
        [sys.executable, "main.py", "--db", str(tmp_path / "x.sqlite3"), "serch", "ST36"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "'serch' is not a command" in proc.stderr and "did you mean 'search'" in proc.stderr
    assert not (tmp_path / "x.sqlite3").exists()


def test_every_usage_error_is_one_sentence_with_exit_2(db_path):
    for args in (["search"], ["search", "x", "--limit", "many"], ["bogus"], [], ["check", "-x"]):
        code, _, err = cli("--db", str(db_path), *args)
        assert code == 2, args
        assert err.startswith("filiform: ") and err.count("\n") == 1, (args, err)


# --- 11. smaller things ------------------------------------------------------------


def test_a_backups_path_that_is_a_file_does_not_stop_editing(store):
    (store.path.parent / "backups").write_text("someone's notes", encoding="utf-8")
    key = first_faq(store)
    editing.update_record(store, "faqs", key, {"answer": "Saved all the same."})
    assert get_record(store.db, "faqs", key)["answer"] == "Saved all the same."
    made = backups.list_backups(store.path)
    assert made and made[0].parent == store.path.parent / "filiform.sqlite3.backups"
    assert (store.path.parent / "backups").read_text(encoding="utf-8") == "someone's notes"


def test_a_failed_backup_leaves_no_partial_file(store, tmp_path):
    closed = sqlite3.connect(store.path)
    closed.close()
    target = tmp_path / "out" / "copy.sqlite3"
    with pytest.raises(sqlite3.ProgrammingError):
        backups.backup_to(closed, target)
    assert list(target.parent.iterdir()) == []


def _import(store, pack):
    from db.exchange import PackError, import_pack

    with pytest.raises(PackError) as caught:
        import_pack(store.db, pack)
    return " ".join(caught.value.problems)


def test_a_pack_marker_of_the_wrong_type_is_not_called_newer(store):
    problem = _import(store, {"filiform_pack": "1", "records": {}})
    assert "must be a whole number" in problem and "newer" not in problem
    assert "newer" in _import(store, {"filiform_pack": 2, "records": {}})


def test_hidden_false_as_text_does_not_hide_a_record(store):
    from db.exchange import export_pack

    pack = export_pack(store.db)
    pack["records"]["faqs"][0]["hidden"] = "false"
    key = pack["records"]["faqs"][0]["key"]
    problem = _import(store, pack)
    assert "'hidden'" in problem and "true or false" in problem
    assert not get_record(store.db, "faqs", key)["hidden"]


def test_a_pack_cannot_point_the_logo_at_a_file_on_this_computer(store):
    from db.exchange import export_pack
    from db.settings import get_setting_value

    pack = export_pack(store.db)
    pack["settings"]["clinic_logo"] = "/etc/passwd"
    assert "logo image itself" in _import(store, pack)
    assert get_setting_value(store.db, "clinic_logo") == ""


def test_a_test_run_leaves_no_home_folder_in_tmp(tmp_path):
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_readme.py"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-2000:]
    assert not list(tmp_path.glob("filiform-test-home-*"))


def test_readme_names_the_mark_filiform_puts_in_its_files():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**Damaged or unusual files**") :]
    section = section[: section.index("\n- **")]
    assert f"{ownership.APPLICATION_ID:#010x}".lower() in section.lower()
    for table in ownership.LEGACY_TABLES:
        assert f"`{table}`" in section
    assert "byte for byte" in section and "exit status 1" in section


def test_a_locked_file_is_reported_as_locked_and_never_set_aside(db_path, monkeypatch):
    from db import connection

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)
    with held_exclusively(db_path):
        with pytest.raises(DatabaseError, match="locked by another program"):
            open_store(db_path)
        code, _, err = cli("--db", str(db_path), "search", "needle")
    assert code == 1 and "locked" in err and err.count("\n") == 1
    assert not list(db_path.parent.glob("*.damaged-*"))
    store = open_store(db_path)
    assert store.notices == [] and store.db["faqs"].count > 0
    store.close()


def test_the_app_shows_one_dialog_for_a_folder_and_leaves_it_alone(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop import app as desktop_app

    target = _not_ours(tmp_path, "folder")
    before = tree_hash(tmp_path / "home")
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda p, title, text: shown.append((title, text)))
    assert desktop_app.main(["--db", str(target)]) == 1
    assert len(shown) == 1 and "is a folder, not a Filiform database" in shown[0][1]
    assert tree_hash(tmp_path / "home") == before
