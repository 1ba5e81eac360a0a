"""The record partials and the comparison render every kind, escaped."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.kinds import KINDS
from db.records import Record, get_record, list_records
from desktop.rendering.record_context import render_compare, render_page, render_record


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_has_a_partial_that_renders(store, kind):
    records = list_records(store.db, kind)
    if not records:  # a kind with no shipped records still renders a made-up one
        fields = {f.name: f"{f.label} text" for f in KINDS[kind].fields}
        fields.update({f.name: [] for f in KINDS[kind].fields if f.type in ("list", "reflist")})
        records = [Record(kind, "made-up", fields)]
    for record in records[:5]:
        html = render_record(store.db, record)
        assert 'class="record' in html
        assert "<script" not in html


def test_database_text_is_escaped_in_every_field(store):
    record = get_record(store.db, "faqs", "same-as-acupuncture")
    evil = replace(
        record,
        data={**record.data, "question": "<script>alert(1)</script>", "answer": "<img src=x> ST36"},
    )
    html = render_record(store.db, evil)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x&gt;" in html
    assert 'href="filiform://points/ST36"' in html


def test_modality_detail_puts_safety_before_technique(store):
    html = render_record(store.db, get_record(store.db, "modalities", "dry-needling"))
    assert html.index("Safety first") < html.index("Technique")
    assert "Point selection" in html


def test_compare_shows_both_retention_times(store):
    html = render_compare(store.db, "acupuncture", "dry-needling")
    acu = get_record(store.db, "modalities", "acupuncture")
    assert "Needle retention" in html
    assert acu["retention"][:40] in html
    assert "Call the clinic" in html  # a contact note stands out in the aftercare row
    assert render_compare(store.db, "acupuncture", "no-such-thing") is None


def test_page_wrapper_keeps_the_fragment_and_sets_zoom(store):
    page = render_page("<p>hello</p>", zoom=14)
    assert "<p>hello</p>" in page and "font-size: 14pt" in page


def test_a_modality_with_very_many_notes_lists_a_page_of_them_and_says_more(store):
    """A detail page lists related records, not thousands of them."""
    from db import editing
    from db.records import get_record
    from desktop.rendering.record_context import RELATED_SHOWN, render_record

    for n in range(RELATED_SHOWN + 5):
        editing.add_record(
            store,
            "rationales",
            {
                "key": f"many-{n}",
                "title": f"Clinic rationale number {n}",
                "modalities": ["acupuncture"],
                "strategy": "local",
                "text": "Needled near the pain, as acupuncture often is.",
                "sources": ["who-2008-point-locations"],
            },
        )
    html = render_record(store.db, get_record(store.db, "modalities", "acupuncture"))
    shown = html.count("Clinic rationale number")
    assert 0 < shown <= RELATED_SHOWN
    assert "More in the Point selection tab." in html
