"""Creating, migrating and opening the database file."""

from __future__ import annotations

import sqlite3

from db import schema
from db.connection import open_store
from db.kinds import KINDS
from db.search import search


def test_new_file_gets_every_table_and_the_shipped_content(tmp_path):
    store = open_store(tmp_path / "new.sqlite3")
    tables = set(store.db.table_names())
    assert set(KINDS) <= tables
    assert {"settings", "revisions", "meta", "shipped", "search_docs"} <= tables
    assert store.content_version
    assert any("Created a new database" in n for n in store.notices)
    assert store.db["points"].count >= 361
    assert [m.name for m in schema.migrations.applied(store.db)] == [
        "m001_initial",
        "m002_point_regions",
        "m003_bounded_search_text",
        "m004_guide",
        "m005_regions",
    ]
    assert schema.schema_version(store.db) == schema.SCHEMA_VERSION


def test_pragmas_wal_foreign_keys_busy_timeout(store):
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_reopening_applies_nothing_and_keeps_rows(db_path):
    first = open_store(db_path)
    count = first.db["faqs"].count
    first.close()
    again = open_store(db_path)
    assert again.notices == []
    assert schema.pending_migrations(again.db) == []
    assert again.db["faqs"].count == count


def test_an_edited_row_is_still_found_by_search(store):
    store.db["faqs"].update(
        store.db["faqs"].rows.__next__()["key"], {"answer": "Zygomaticus wobble test."}
    )
    hits = search(store.db, "zygomaticus wobble")
    assert hits and hits[0].kind == "faqs"


def test_a_hidden_row_leaves_the_search(store):
    store.db["points"].update("ST36", {"hidden": 1})
    assert all(h.key != "ST36" for h in search(store.db, "ST36"))


def test_file_from_a_newer_filiform_opens_read_only(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    store = open_store(db_path)
    assert store.read_only
    assert "newer version of Filiform" in store.read_only_reason
