""" "Did you mean" while a person types, and after the clinic changes the words."""

from __future__ import annotations

from db import editing
from db.connection import open_store
from db.search import search

TYPED = ["acu", "acup", "acupu", "acupun", "acupunt", "acupuntu", "acupuntur", "acupunture"]


def test_typing_a_misspelt_word_suggests_only_once_it_is_wrong(store):
    results = [search(store.db, typed) for typed in TYPED]
    # Still a prefix of a real word: no suggestion, and records already listed.
    for typed, result in zip(TYPED[:4], results[:4], strict=True):
        assert result.suggestion is None, typed
        assert result.hits, typed
    final = results[-1]
    assert final.suggestion == "acupuncture"
    assert any(h.key == "acupuncture" for h in final.hits[:5])
    # Typed again, the same word gets the same answer.
    again = search(store.db, "acupunture")
    assert again.suggestion == "acupuncture"
    assert [h.key for h in again] == [h.key for h in final]


def test_a_word_the_clinic_adds_is_no_longer_corrected(store):
    before = search(store.db, "acupunture")
    assert before.suggestion == "acupuncture"
    key = editing.add_record(
        store,
        "faqs",
        {"question": "Who is our acupunture lead?", "answer": "Ask at the desk about acupunture."},
    )
    after = search(store.db, "acupunture")
    assert after.suggestion is None
    assert after.hits[0].key == key
    editing.delete_record(store, "faqs", key)
    gone = search(store.db, "acupunture")
    assert gone.suggestion == "acupuncture"
    assert key not in [h.key for h in gone]


def test_a_word_added_through_another_connection_is_seen(store, db_path):
    assert search(store.db, "moxibustian").suggestion == "moxibustion"
    other = open_store(db_path)
    try:
        editing.add_record(
            other,
            "faqs",
            {"question": "Is moxibustian spelt this way?", "answer": "A clinic note."},
        )
    finally:
        other.close()
    result = search(store.db, "moxibustian")
    assert result.suggestion is None
    assert "moxibustian" in result.hits[0].title.lower()


def test_a_word_from_a_save_that_is_rolled_back_is_corrected_again(store):
    conn = store.db.conn
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO faqs (key, question, answer, origin, hidden) "
        "VALUES ('draft', 'Any moxibustian today?', 'Draft.', 'clinic', 0)"
    )
    during = search(store.db, "moxibustian")
    assert during.suggestion is None
    assert during.hits[0].key == "draft"
    conn.execute("ROLLBACK")
    after = search(store.db, "moxibustian")
    assert after.suggestion == "moxibustion"
    assert "draft" not in [h.key for h in after]
