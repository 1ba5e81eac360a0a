"""The read API behind the window's lists (db/lists.py) and the vocabularies it orders by."""

from __future__ import annotations

import pytest

from db import editing, lists, vocab
from db.lists import Column, ListQuery
from db.records import get_record

AFTERCARE = ListQuery(
    "aftercare",
    [Column("Title", "title"), Column("What to do", "level_label")],
    text_fields=["title", "text"],
)


def _levels(store, ids):
    rows = lists.page(store.db, AFTERCARE, ids)
    return [get_record(store.db, "aftercare", rows[i][-1])["level"] for i in ids]


def test_rows_come_in_level_order_with_their_labels(store):
    ids = lists.row_ids(store.db, AFTERCARE, equals={"modality": "electroacupuncture"})
    levels = _levels(store, ids)
    assert levels == sorted(levels, key=vocab.AFTERCARE_LEVEL.rank)
    assert {"normal", "watch", "urgent"} <= set(levels)
    rows = lists.page(store.db, AFTERCARE, ids)
    for i, level in zip(ids, levels, strict=True):
        title, label, stands_out, _key = rows[i]
        assert label == vocab.AFTERCARE_LEVEL.label(level)
        assert bool(stands_out) == (level in vocab.CALL_LEVELS)


def test_text_filter_needs_every_word_and_takes_wildcards_literally(store):
    everything = lists.row_ids(store.db, AFTERCARE)
    some = lists.row_ids(store.db, AFTERCARE, "needle")
    assert 0 < len(some) < len(everything)
    assert lists.row_ids(store.db, AFTERCARE, "needle zzqx") == []
    assert lists.row_ids(store.db, AFTERCARE, "%") == []


def test_a_hidden_record_leaves_the_list_and_joins_the_hidden_titles(store):
    key, title = lists.titles(store.db, "faqs")[0]
    faqs = ListQuery("faqs", [Column("Question", "question")])
    before = lists.row_ids(store.db, faqs)
    editing.set_hidden(store, "faqs", key, True)
    assert lists.row_id_of(store.db, "faqs", key) not in lists.row_ids(store.db, faqs)
    assert len(lists.row_ids(store.db, faqs)) == len(before) - 1
    assert (key, title) in lists.titles(store.db, "faqs", hidden=True)
    assert key not in dict(lists.titles(store.db, "faqs"))
    assert key in lists.all_keys(store.db, "faqs")


def test_distinct_values_put_the_vocabulary_order_first(store):
    phases = vocab.PHASE.keys
    values = lists.distinct_values(store.db, "expectations", "phase", "phase_label", phases)
    assert values == [(t.key, t.text) for t in vocab.PHASE.terms]
    modalities = lists.distinct_values(store.db, "aftercare", "modality", "modality_label")
    assert ("general", "All needling") in modalities
    labels = [label for _value, label in modalities]
    assert labels == sorted(labels, key=str.lower)


def test_an_unknown_field_is_refused_not_run_as_sql(store):
    with pytest.raises(ValueError, match="not a field"):
        lists.row_ids(store.db, ListQuery("faqs", [], text_fields=["1); DROP TABLE faqs; --"]), "a")


def test_a_vocabulary_orders_and_labels_in_sql_as_in_python(store):
    level = vocab.AFTERCARE_LEVEL
    for key in (*level.keys, "something else"):
        rank, label = store.db.execute(
            f"SELECT {level.order_sql('?1')}, {level.label_sql('?1')}", [key]
        ).fetchone()
        assert rank == level.rank(key)
        assert label == level.label(key)
    assert vocab.one_of(vocab.PAPER_SIZE) == "A4 or Letter"
