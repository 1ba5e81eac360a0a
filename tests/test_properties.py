"""Property-based tests: any text a person types is searched safely, saved
exactly, and shown or printed as literal text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import editing
from db.kinds import KINDS
from db.records import get_record
from db.search import search
from desktop.rendering.record_context import render_record

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
EVIL = "<b>bold?</b><script>alert(1)</script><img src=x onerror=alert(1)>&amp;"

TEXT_FIELDS = [
    (kind.name, f.name)
    for kind in KINDS.values()
    for f in kind.fields
    if f.type == "text" and f.name != "key"
]


@SETTINGS
@given(typed=st.text(max_size=300))
def test_search_never_raises_on_any_text(store, typed):
    result = search(store.db, typed)
    assert all(hit.kind in KINDS for hit in result.hits)


@pytest.mark.parametrize(("kind", "field_name"), TEXT_FIELDS)
@SETTINGS
@given(text=st.text(min_size=1, max_size=200))
def test_any_text_saved_is_read_back_exactly_and_rendered_escaped(store, kind, field_name, text):
    key = next(store.db[kind].rows_where("hidden = 0", order_by="rowid", limit=1))["key"]
    value = text + EVIL  # never blank, always hostile
    editing.update_record(store, kind, key, {field_name: value})
    record = get_record(store.db, kind, key)
    assert record[field_name] == value
    html = render_record(store.db, record)
    assert "<script>" not in html and "<img src=x" not in html and "<b>bold?</b>" not in html
    assert "&lt;script&gt;" in html


@SETTINGS
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80)
)
def test_edited_text_prints_as_literal_text(store, qapp, text):
    from PySide6.QtGui import QTextDocument

    key = next(store.db["faqs"].rows_where(order_by="rowid", limit=1))["key"]
    value = text.strip() + " " + EVIL if text.strip() else EVIL
    editing.update_record(store, "faqs", key, {"answer": value})
    document = QTextDocument()
    document.setHtml(render_record(store.db, get_record(store.db, "faqs", key)))
    plain = " ".join(document.toPlainText().split())
    assert "<script>alert(1)</script>" in plain
    assert "<b>bold?</b>" in plain
