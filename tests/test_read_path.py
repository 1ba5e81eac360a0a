"""Reads run on plain sqlite3; sqlite-utils stays on the write path (issue 18).

`db.database.Database` answers reads itself and hands anything else to
sqlite-utils over the same connection. These tests hold it to what
sqlite-utils would have done, and check that opening, searching and reading
a record never import sqlite-utils (which costs a start-up ~70 ms and 16 MB).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import sqlite_utils

from db import editing
from db.connection import open_store
from db.database import Database
from db.records import get_record

ROOT = Path(__file__).resolve().parent.parent


def test_reading_the_database_never_imports_sqlite_utils(db_path: Path) -> None:
    open_store(db_path).close()  # built (the write path) in this process
    script = f"""
import json, sys
from db.connection import open_store
from db.lists import titles
from db.records import get_record
from db.search import search
store = open_store({str(db_path)!r})
hits = search(store.db, "will it hurt?")
record = get_record(store.db, hits[0].kind, hits[0].key)
names = titles(store.db, "modalities")
print(json.dumps({{"loaded": "sqlite_utils" in sys.modules, "title": hits[0].title,
                   "record": record is not None, "modalities": len(names)}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["record"] and seen["modalities"] > 0 and seen["title"]
    assert seen["loaded"] is False


def test_rows_come_back_as_sqlite_utils_gives_them(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "rows.sqlite3")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
    conn.executemany("INSERT INTO t (name) VALUES (?)", [("a",), ("b",)])
    conn.commit()
    ours, theirs = Database(conn), sqlite_utils.Database(conn)
    for sql, params in (
        ("SELECT * FROM t ORDER BY id", None),
        ("SELECT name, name FROM t WHERE id = ?", [2]),  # duplicate column names
        ("  -- a comment first\n SELECT id FROM t WHERE name = :n", {"n": "a"}),
        ("PRAGMA table_info(t)", None),
    ):
        assert list(ours.query(sql, params)) == list(theirs.query(sql, params))
    assert list(ours.query("SELECT name, name FROM t WHERE id = 2"))[0] == {
        "name": "b",
        "name_2": "b",
    }


def test_a_write_through_execute_is_committed_as_with_sqlite_utils(tmp_path: Path) -> None:
    path = tmp_path / "write.sqlite3"
    db = Database(sqlite3.connect(path))
    db.execute("CREATE TABLE t (name TEXT)")
    db.execute("INSERT INTO t VALUES (?)", ["kept"])
    other = sqlite3.connect(path)  # another connection sees it: committed, not pending
    assert other.execute("SELECT name FROM t").fetchall() == [("kept",)]
    other.close()
    db.close()


def test_edits_still_go_through_sqlite_utils_and_are_read_back(db_path: Path) -> None:
    store = open_store(db_path)
    key = store.db.execute("SELECT key FROM faqs LIMIT 1").fetchone()[0]
    editing.update_record(store, "faqs", key, {"answer": "Read back through sqlite3."})
    store.close()
    again = open_store(db_path)
    assert get_record(again.db, "faqs", key)["answer"] == "Read back through sqlite3."
    assert again.db.has_table("faqs") and not again.db.has_table("nothing-here")
    again.close()
