"""The database file over its life: updates, damage, read-only, newer versions."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import editing
from db.backups import list_backups, make_backup
from db.connection import open_store
from db.paths import CONTENT_DIR
from db.records import get_record

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def content_v1(tmp_path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


def _rewrite(folder: Path, name: str, change) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _bump(folder: Path, version: str) -> None:
    _rewrite(folder, "manifest.json", lambda m: m.update(content_version=version))


def test_content_update_keeps_clinic_edits_and_updates_the_rest(content_v1, tmp_path):
    path = tmp_path / "clinic.sqlite3"
    store = open_store(path, content_dir=content_v1)
    faqs = [r["key"] for r in store.db["faqs"].rows_where(order_by="rowid")]
    edited, untouched, gone_untouched, gone_edited = faqs[:4]
    editing.update_record(store, "faqs", edited, {"answer": "Our clinic's own answer."})
    editing.update_record(store, "faqs", gone_edited, {"answer": "Kept by the clinic."})
    store.close()

    def change(data):
        records = {r["key"]: r for r in data["records"]}
        records[edited]["answer"] = "Newer shipped answer A."
        records[untouched]["answer"] = "Newer shipped answer B."
        data["records"] = [
            r for r in data["records"] if r["key"] not in (gone_untouched, gone_edited)
        ]

    _rewrite(content_v1, "faqs.json", change)
    _bump(content_v1, "2099.1.1")
    store = open_store(path, content_dir=content_v1)

    assert store.content_version == "2099.1.1"
    assert any("Content updated" in n and "kept your wording" in n for n in store.notices)
    assert get_record(store.db, "faqs", edited)["answer"] == "Our clinic's own answer."
    status = editing.shipped_status(store, "faqs", edited)
    assert status.newer_shipped and status.shipped["answer"] == "Newer shipped answer A."
    assert get_record(store.db, "faqs", untouched)["answer"] == "Newer shipped answer B."
    assert get_record(store.db, "faqs", gone_untouched) is None
    kept = get_record(store.db, "faqs", gone_edited)
    assert kept["answer"] == "Kept by the clinic." and kept["origin"] == "clinic"
    assert any("before-content-update" in b.name for b in list_backups(path))

    editing.restore_shipped(store, "faqs", edited)  # "take the newer text"
    assert get_record(store.db, "faqs", edited)["answer"] == "Newer shipped answer A."
    assert not editing.shipped_status(store, "faqs", edited).newer_shipped


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xde\xad\xbe\xef" * 4096)


def test_a_damaged_file_is_set_aside_and_the_newest_backup_restored(db_path):
    store = open_store(db_path)
    key = next(store.db["faqs"].rows)["key"]
    editing.update_record(store, "faqs", key, {"answer": "Edited before the backup."})
    make_backup(store.db.conn, db_path, "manual")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    _damage(db_path)

    store = open_store(db_path)
    moved = sorted(db_path.parent.glob(db_path.name + ".damaged-*"))
    assert moved, "the damaged file must be kept"
    text = " ".join(store.notices)
    assert str(moved[0]) in text and "Restored the newest backup" in text
    assert get_record(store.db, "faqs", key)["answer"] == "Edited before the backup."


def test_a_damaged_file_without_backups_is_rebuilt_from_shipped_content(db_path):
    db_path.write_bytes(db_path.read_bytes()[:4096] + b"\x00garbage" * 5000)
    store = open_store(db_path)
    assert "No usable backup" in " ".join(store.notices)
    assert store.db["faqs"].count > 0
    assert list(db_path.parent.glob(db_path.name + ".damaged-*"))


def test_a_file_from_a_newer_filiform_is_never_downgraded(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    store = open_store(db_path)
    assert store.read_only and "newer version of Filiform" in store.read_only_reason
    with pytest.raises(editing.ReadOnlyError):
        editing.update_record(store, "faqs", next(store.db["faqs"].rows)["key"], {"answer": "x"})
    assert (
        store.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "7"
    )


@pytest.fixture
def read_only_folder(tmp_path, built_db):
    """A folder the process cannot write to, holding a copy of the database."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        shutil.copyfile(built_db, folder / "filiform.sqlite3")
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    # root ignores permissions: use a small file system mounted read-only.
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)]).returncode:
        pytest.skip("cannot mount a read-only file system here")
    try:
        shutil.copyfile(built_db, folder / "filiform.sqlite3")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)])


def test_a_read_only_folder_opens_read_only_for_browsing(read_only_folder):
    from db.search import search

    store = open_store(read_only_folder / "filiform.sqlite3")
    assert store.read_only
    assert "read-only" in store.read_only_reason
    assert search(store.db, "ST36")[0].key == "ST36"
    with pytest.raises(editing.ReadOnlyError, match="read-only"):
        editing.update_record(store, "faqs", next(store.db["faqs"].rows)["key"], {"answer": "x"})


KILL_SCRIPT = """
import json, os, sys
sys.path.insert(0, {root!r})
from db.connection import open_store
from db.exchange import import_pack
store = open_store({db!r})
pack = json.load(open({pack!r}))
def progress(done, total):
    if done == 1000:
        print("WRITING", flush=True)
        sys.stdin.readline()  # wait here, mid-transaction, until killed
import_pack(store.db, pack, progress=progress)
print("FINISHED", flush=True)
"""


def test_kill_9_in_the_middle_of_an_import_leaves_the_database_as_before(db_path, tmp_path):
    from db.exchange import export_pack

    store = open_store(db_path)
    pack = export_pack(store.db)
    before = json.dumps(export_pack(store.db)["records"], sort_keys=True)
    pack["records"]["faqs"] += [
        {
            "key": f"bulk-{i}",
            "question": f"Q{i}?",
            "answer": "A.",
            "sources": ["who-2008-point-locations"],
        }
        for i in range(3000)
    ]
    store.close()
    pack_path = tmp_path / "big.json"
    pack_path.write_text(json.dumps(pack), encoding="utf-8")
    script = KILL_SCRIPT.format(root=str(ROOT), db=str(db_path), pack=str(pack_path))
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "WRITING"
    proc.kill()  # SIGKILL
    proc.wait(timeout=30)

    store = open_store(db_path)
    assert store.notices == []  # not damaged: nothing to recover
    assert json.dumps(export_pack(store.db)["records"], sort_keys=True) == before
    assert store.db["faqs"].count < 3000


@pytest.fixture
def tiny_filesystem(tmp_path, built_db):
    """A database on a file system with almost no free space (root only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tiny file system needs root")
    folder = tmp_path / "tiny"
    folder.mkdir()
    size = built_db.stat().st_size + 200 * 1024
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)]
    ).returncode:
        pytest.skip("cannot mount a file system here")
    try:
        shutil.copyfile(built_db, folder / "filiform.sqlite3")
        yield folder / "filiform.sqlite3"
    finally:
        subprocess.run(["umount", "-l", str(folder)])


def test_a_really_full_disk_during_an_edit_keeps_the_database_whole(tiny_filesystem):
    store = open_store(tiny_filesystem)
    key = next(store.db["faqs"].rows)["key"]
    before = get_record(store.db, "faqs", key)["answer"]
    # Today's backup is taken already, so the edit itself is what meets the full disk.
    today = __import__("datetime").date.today().isoformat()
    store.db["meta"].insert({"key": "last_edit_backup", "value": today}, replace=True)
    with pytest.raises(editing.EditError, match="disk is full"):
        editing.update_record(store, "faqs", key, {"answer": "lots of words " * 200000})
    assert get_record(store.db, "faqs", key)["answer"] == before
    store.close()
    again = open_store(tiny_filesystem)
    assert get_record(again.db, "faqs", key)["answer"] == before


def test_a_migration_is_preceded_by_a_backup_and_keeps_search_working(db_path, monkeypatch):
    from sqlite_utils import Migrations

    from db import schema
    from db.search import search

    upgraded = Migrations(schema.MIGRATION_SET)
    upgraded(name="m001_initial")(schema.m001_initial)

    @upgraded(name="m002_transform_faqs")
    def m002(db):
        db["faqs"].transform(types={"answer": str})  # a transform drops triggers...
        schema.install_search_triggers(db)  # ...so a real migration puts them back

    monkeypatch.setattr(schema, "migrations", upgraded)
    store = open_store(db_path)
    assert any("before-migration" in b.name for b in list_backups(db_path))
    assert any("Backed up" in n for n in store.notices)
    key = next(store.db["faqs"].rows)["key"]
    editing.update_record(store, "faqs", key, {"answer": "Findable after the migration."})
    assert search(store.db, "findable after migration")[0].key == key
