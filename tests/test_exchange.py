"""Content packs: export, import, and bad packs that change nothing."""

from __future__ import annotations

import json

import pytest

from db.connection import open_store
from db.exchange import PackError, export_pack, import_pack
from db.records import get_record


def _content(db):
    """Records and settings as exported, without the per-file write times."""
    pack = export_pack(db)
    records = {
        kind: [{k: v for k, v in r.items() if k != "updated_at"} for r in rows]
        for kind, rows in pack["records"].items()
    }
    return records, pack["settings"]


def test_export_into_an_empty_database_gives_the_same_content(store, tmp_path):
    store.db["faqs"].update(
        next(store.db["faqs"].rows)["key"], {"answer": "Our clinic's own wording."}
    )
    store.db["faqs"].insert(
        {
            "key": "clinic-parking",
            "question": "Where do I park?",
            "answer": "Behind the clinic.",
            "modalities": [],
            "sources": ["who-2008-point-locations"],
            "origin": "clinic",
            "hidden": 0,
        }
    )
    store.db["settings"].insert({"key": "clinic_name", "value": "Harbour Needling"})
    pack = json.loads(json.dumps(export_pack(store.db)))

    other = open_store(tmp_path / "empty.sqlite3")
    import_pack(other.db, pack)
    assert _content(other.db) == _content(store.db)
    assert get_record(other.db, "faqs", "clinic-parking")["answer"] == "Behind the clinic."


def test_an_error_in_record_500_writes_nothing(store):
    pack = export_pack(store.db)
    faqs = pack["records"]["faqs"]
    for faq in faqs:
        faq["answer"] += " (edited)"
    faqs += [
        {
            "key": f"clinic-q{i}",
            "question": f"Question {i}?",
            "answer": "An answer.",
            "sources": ["who-2008-point-locations"],
        }
        for i in range(600 - len(faqs))
    ]
    faqs[499]["sources"] = "not a list"
    before = _content(store.db)
    with pytest.raises(PackError) as e:
        import_pack(store.db, pack)
    assert e.value.problems[0].startswith("faqs, record 500, 'clinic-q")
    assert "field 'sources'" in e.value.problems[0]
    assert _content(store.db) == before


def test_a_pack_from_a_newer_filiform_is_refused(store):
    pack = export_pack(store.db)
    pack["filiform_pack"] = 99
    with pytest.raises(PackError, match="newer version of Filiform"):
        import_pack(store.db, pack)


def test_a_dangling_reference_is_named(store):
    pack = {
        "filiform_pack": 1,
        "records": {
            "faqs": [{"key": "x", "question": "Q?", "answer": "A.", "sources": ["nowhere"]}]
        },
    }
    with pytest.raises(PackError, match="faqs, record 1, 'x', field 'sources': 'nowhere'"):
        import_pack(store.db, pack)


def test_import_records_a_revision_for_each_changed_field(store):
    pack = export_pack(store.db)
    target = pack["records"]["faqs"][0]
    target["answer"] = "Changed elsewhere."
    summary = import_pack(store.db, pack)
    assert summary.updated == 1
    rev = list(store.db.query("SELECT * FROM revisions WHERE key = ?", [target["key"]]))
    assert rev[-1]["field"] == "answer" and rev[-1]["new"] == "Changed elsewhere."
