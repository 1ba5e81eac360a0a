"""The shipped content loads, and a broken content file is named precisely."""

from __future__ import annotations

import json
import shutil

import pytest

from db.content import ContentError, load_content_dir
from db.paths import CONTENT_DIR


@pytest.fixture
def content_copy(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def _edit(folder, name, change):
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["records"])
    path.write_text(json.dumps(data), encoding="utf-8")


def test_shipped_content_is_valid_and_complete_for_the_two_traditions():
    bundle = load_content_dir(CONTENT_DIR)
    modalities = {r["key"]: r for r in bundle.records["modalities"]}
    assert {"acupuncture", "dry-needling"} <= set(modalities)
    for key in ("acupuncture", "dry-needling"):
        expectations = [r for r in bundle.records["expectations"] if r["modality"] == key]
        aftercare = [r for r in bundle.records["aftercare"] if r["modality"] == key]
        assert len(expectations) >= 4, key
        assert len(aftercare) >= 4, key
    strategies = {r["strategy"] for r in bundle.records["rationales"]}
    assert {"local", "distal", "ashi", "trigger point"} <= strategies
    assert len(bundle.records["faqs"]) >= 10


def test_the_acupoint_index_ships_all_361_points_with_its_attribution():
    bundle = load_content_dir(CONTENT_DIR)
    codes = {r["key"] for r in bundle.records["points"] if r["kind"] == "acupoint"}
    assert len({c for c in codes if c[:2].isalpha() and c[2:].isdigit()}) == 361
    st36 = next(r for r in bundle.records["points"] if r["key"] == "ST36")
    assert st36["pinyin"] == "Zusanli"
    assert "tara-acupoints-ontology" in st36["sources"]


def test_invalid_json_names_the_file_and_line(content_copy):
    (content_copy / "faqs.json").write_text('{"kind": "faqs", "records": [', encoding="utf-8")
    with pytest.raises(ContentError) as e:
        load_content_dir(content_copy)
    assert "faqs.json: not valid JSON (line 1" in e.value.problems[0]


def test_a_missing_required_field_names_file_record_key_and_field(content_copy):
    def blank_answer(records):
        records[2]["answer"] = ""

    _edit(content_copy, "faqs.json", blank_answer)
    key = json.loads((content_copy / "faqs.json").read_text())["records"][2]["key"]
    with pytest.raises(ContentError) as e:
        load_content_dir(content_copy)
    assert (
        f"faqs.json, record 3, '{key}', field 'answer': is required but empty" in e.value.problems
    )


def test_an_unknown_source_and_a_bad_choice_are_both_reported(content_copy):
    def break_records(records):
        records[0]["sources"] = ["no-such-paper"]
        records[1]["level"] = "panic"

    _edit(content_copy, "aftercare.json", break_records)
    with pytest.raises(ContentError) as e:
        load_content_dir(content_copy)
    text = "\n".join(e.value.problems)
    assert "'no-such-paper' is not a known source" in text
    assert "'panic' is not one of normal, watch, contact, urgent" in text


def test_a_broken_content_folder_is_reported_and_loads_nothing(content_copy, tmp_path):
    import sqlite3

    from db.connection import DatabaseError, open_store

    (content_copy / "modalities.json").write_text("[]", encoding="utf-8")
    path = tmp_path / "x.sqlite3"
    with pytest.raises(DatabaseError, match="modalities.json"):
        open_store(path, content_dir=content_copy)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM faqs").fetchone()[0] == 0
    conn.close()


def test_a_locations_file_places_index_points_and_names_bad_rows(content_copy):
    for shipped in content_copy.glob("acupoint-locations-*.csv"):
        shipped.unlink()  # the shipped files locate these points too
    good = content_copy / "acupoint-locations-test.csv"
    good.write_text(
        "code,regions,location,cautions,sources\n"
        'ST40,shin,"Halfway down the shin, two finger-widths outside ST38.",,'
        "who-2008-point-locations\n",
        encoding="utf-8",
    )
    bundle = load_content_dir(content_copy)
    st40 = next(p for p in bundle.records["points"] if p["key"] == "ST40")
    assert st40["location"].startswith("Halfway down the shin")
    assert st40["regions"] == ["shin"]

    good.write_text(
        "code,regions,location,cautions,sources\n"
        "XX99,shin,Nowhere.,,who-2008-point-locations\n"
        "ST41,,Front of the ankle.,,who-2008-point-locations\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_content_dir(content_copy)
    problems = "\n".join(caught.value.problems)
    assert "acupoint-locations-test.csv, record 1, 'XX99'" in problems
    assert "'ST41', field 'regions': required" in problems


def test_a_region_shape_the_chart_cannot_draw_is_named(content_copy):
    def break_shape(records):
        knee = next(r for r in records if r["key"] == "knee-back")
        knee["back"] = "M 1 2 L 3"  # a line-to with one number

    _edit(content_copy, "regions.json", break_shape)
    with pytest.raises(ContentError) as caught:
        load_content_dir(content_copy)
    assert any(
        "'knee-back', field 'back'" in p and "body chart can draw (L needs 2 numbers)" in p
        for p in caught.value.problems
    )
