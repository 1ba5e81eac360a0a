"""Clinic edits: saved with history, undone, restored, hidden, never lost."""

from __future__ import annotations

import pytest

from db import editing
from db.records import get_record
from db.search import search


def _first_faq(store) -> str:
    return next(store.db["faqs"].rows_where("origin = 'shipped'", order_by="rowid"))["key"]


def test_an_edit_is_saved_searchable_and_in_the_history(store):
    key = _first_faq(store)
    opened = editing.latest_revision(store, "faqs", key)
    editing.update_record(
        store,
        "faqs",
        key,
        {"answer": "Parking is free behind the clinic."},
        expected_revision=opened,
    )
    assert get_record(store.db, "faqs", key)["answer"] == "Parking is free behind the clinic."
    assert search(store.db, "parking behind")[0].key == key
    change = editing.history(store, "faqs", key)[0]
    assert (change.field, change.new, change.action) == (
        "answer",
        "Parking is free behind the clinic.",
        "edit",
    )
    assert editing.shipped_status(store, "faqs", key).edited


def test_undo_puts_the_old_text_back(store):
    key = _first_faq(store)
    before = get_record(store.db, "faqs", key)["answer"]
    rev = editing.update_record(store, "faqs", key, {"answer": "Temporary wording."})
    editing.undo(store, rev)
    assert get_record(store.db, "faqs", key)["answer"] == before
    assert [r.action for r in editing.history(store, "faqs", key)] == ["undo", "edit"]


def test_undo_of_an_overwritten_change_is_refused(store):
    key = _first_faq(store)
    first = editing.update_record(store, "faqs", key, {"answer": "One."})
    editing.update_record(store, "faqs", key, {"answer": "Two."})
    with pytest.raises(editing.ConflictError, match="changed again"):
        editing.undo(store, first)
    assert get_record(store.db, "faqs", key)["answer"] == "Two."


def test_restore_the_shipped_text(store):
    key = _first_faq(store)
    shipped = get_record(store.db, "faqs", key)["answer"]
    editing.update_record(store, "faqs", key, {"answer": "Clinic text.", "question": "Clinic Q?"})
    editing.restore_shipped(store, "faqs", key)
    record = get_record(store.db, "faqs", key)
    assert record["answer"] == shipped
    assert not editing.shipped_status(store, "faqs", key).edited
    assert {r.action for r in editing.history(store, "faqs", key)} == {"edit", "restore"}


def test_invalid_edits_name_the_field_and_change_nothing(store):
    key = _first_faq(store)
    before = get_record(store.db, "faqs", key).data
    with pytest.raises(editing.EditError, match="Answer is required"):
        editing.update_record(store, "faqs", key, {"answer": "   "})
    with pytest.raises(editing.EditError, match="'no-such-paper' is not a known source"):
        editing.update_record(store, "faqs", key, {"sources": ["no-such-paper"]})
    with pytest.raises(editing.EditError, match="Level 'panic' is not one of"):
        aftercare_key = next(store.db["aftercare"].rows)["key"]
        editing.update_record(store, "aftercare", aftercare_key, {"level": "panic"})
    assert get_record(store.db, "faqs", key).data == before


def test_add_hide_and_delete(store):
    key = editing.add_record(
        store,
        "faqs",
        {
            "key": "clinic-parking",
            "question": "Where can I park?",
            "answer": "Behind the building.",
            "sources": ["who-2008-point-locations"],
        },
    )
    assert get_record(store.db, "faqs", key)["origin"] == "clinic"
    assert search(store.db, "where park")[0].key == key
    shipped_key = _first_faq(store)
    with pytest.raises(editing.EditError, match="Hide it instead"):
        editing.delete_record(store, "faqs", shipped_key)
    question = get_record(store.db, "faqs", shipped_key)["question"]
    assert any(h.key == shipped_key for h in search(store.db, question, limit=50))
    editing.set_hidden(store, "faqs", shipped_key, True)
    assert all(h.key != shipped_key for h in search(store.db, question, limit=50))
    editing.delete_record(store, "faqs", key)
    assert get_record(store.db, "faqs", key) is None
    deletion = editing.history(store, "faqs", key)[0]
    editing.undo(store, deletion.id)
    assert get_record(store.db, "faqs", key)["answer"] == "Behind the building."


def test_two_connections_editing_the_same_record(db_path):
    from db.connection import open_store

    desk1, desk2 = open_store(db_path), open_store(db_path)
    key = _first_faq(desk1)
    opened1 = editing.latest_revision(desk1, "faqs", key)
    opened2 = editing.latest_revision(desk2, "faqs", key)
    editing.update_record(desk1, "faqs", key, {"answer": "Desk one."}, expected_revision=opened1)
    with pytest.raises(editing.ConflictError, match="someone else changed this record"):
        editing.update_record(
            desk2, "faqs", key, {"answer": "Desk two."}, expected_revision=opened2
        )
    assert get_record(desk2.db, "faqs", key)["answer"] == "Desk one."
    # Desk two reopens the record and saves: both edits are in the history.
    editing.update_record(
        desk2,
        "faqs",
        key,
        {"answer": "Desk two."},
        expected_revision=editing.latest_revision(desk2, "faqs", key),
    )
    assert get_record(desk1.db, "faqs", key)["answer"] == "Desk two."
    assert [r.new for r in editing.history(desk1, "faqs", key)] == ["Desk two.", "Desk one."]


def test_editing_locked_and_read_only(store, db_path):
    from db.connection import open_store

    store.editing_locked = True
    with pytest.raises(editing.ReadOnlyError, match="locked"):
        editing.update_record(store, "faqs", _first_faq(store), {"answer": "x"})
    ro = open_store(db_path, read_only=True)
    with pytest.raises(editing.ReadOnlyError, match="read-only"):
        editing.update_record(ro, "faqs", _first_faq(ro), {"answer": "x"})


def test_first_edit_of_the_day_makes_a_backup(store):
    from db.backups import list_backups

    assert list_backups(store.path) == []
    key = _first_faq(store)
    editing.update_record(store, "faqs", key, {"answer": "First."})
    editing.update_record(store, "faqs", key, {"answer": "Second."})
    made = list_backups(store.path)
    assert len(made) == 1 and "before-first-edit-of-day" in made[0].name


def test_a_full_disk_leaves_the_record_as_it_was(store):
    key = _first_faq(store)
    editing.update_record(store, "faqs", key, {"answer": "Saved before the disk filled."})
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow: SQLITE_FULL
    with pytest.raises(editing.EditError, match="disk is full"):
        editing.update_record(store, "faqs", key, {"answer": "word " * 200000})
    store.db.execute("PRAGMA max_page_count = 1073741823")
    assert get_record(store.db, "faqs", key)["answer"] == "Saved before the disk filled."
    assert editing.history(store, "faqs", key)[0].new == "Saved before the disk filled."
