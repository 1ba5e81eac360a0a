"""Extra points, trigger points and their body-map regions, as the shipped content has them.

The region keys are the shared body-map vocabulary (HELPERS.md, issue 13):
every point's `regions` and every trigger point's `referral_regions` must use
exactly these, or the Body tab cannot draw them.
"""

from __future__ import annotations

import pytest

from db.codes import normalize_code, replace_codes
from db.content import load_content_dir
from db.paths import CONTENT_DIR
from db.search import search

REGION_KEYS = frozenset(
    """
    head-top forehead temple back-of-head face ear jaw neck-front neck-back shoulder
    armpit shoulder-blade upper-back lower-back sacrum chest side-of-trunk
    upper-abdomen lower-abdomen groin buttock hip upper-arm elbow forearm wrist hand
    thigh-front thigh-inner thigh-outer thigh-back knee-front knee-back shin calf
    ankle heel foot sole
    """.split()  # noqa: SIM905 - the vocabulary reads best as a word list
)

# Every spelling a clinic writes for an extra point, and the record it must open.
EXTRA_POINT_SPELLINGS = {
    "EX-HN3": ["Yintang", "yintang", "Yin Tang", "EX-HN3", "EX-HN-3", "EXHN3", "ex hn 3", "GV29"],
    "EX-HN5": ["Taiyang", "Tai Yang", "EX-HN5", "exhn5"],
    "EX-HN1": ["Sishencong", "Si Shen Cong", "EX-HN1"],
    "Anmian": ["Anmian", "An Mian"],
    "EX-B2": ["Huatuojiaji", "Hua Tuo Jia Ji", "Jiaji", "EX-B2", "EX B2", "EXB2"],
    "EX-LE5": ["Xiyan", "Xi Yan", "EX-LE5", "ex-le-5"],
    "EX-LE4": ["Neixiyan", "EX-LE4"],
    "EX-LE2": ["Heding", "EX-LE2"],
    "EX-LE6": ["Dannang", "Dannangxue", "EX-LE6"],
    "EX-LE7": ["Lanwei", "Lanweixue", "EX-LE7"],
    "EX-LE10": ["Bafeng", "Ba Feng", "EX-LE10"],
    "EX-UE11": ["Shixuan", "EX-UE11"],
}


@pytest.fixture(scope="module")
def points() -> dict[str, dict]:
    return {r["key"]: r for r in load_content_dir(CONTENT_DIR).records["points"]}


def test_extra_points_have_a_location_a_region_and_a_source(points):
    extra = {k: r for k, r in points.items() if r["kind"] == "extra point"}
    assert set(EXTRA_POINT_SPELLINGS) <= set(extra)
    for key, record in extra.items():
        assert record["location"] and record["sources"], key
        assert record["regions"], f"{key} has no body region"


def test_every_region_key_used_is_in_the_body_map_vocabulary(points):
    for key, record in points.items():
        used = set(record.get("regions") or []) | set(record.get("referral_regions") or [])
        assert used <= REGION_KEYS, f"{key}: unknown region keys {sorted(used - REGION_KEYS)}"


@pytest.mark.parametrize(
    ("typed", "key"),
    [(typed, key) for key, spellings in EXTRA_POINT_SPELLINGS.items() for typed in spellings],
)
def test_every_spelling_of_an_extra_point_opens_it_first(store, typed, key):
    result = search(store.db, typed)
    assert result.hits, f"{typed!r} found nothing"
    assert (result.hits[0].kind, result.hits[0].key) == ("points", key), typed
    assert not result.corrected


@pytest.mark.parametrize("typed", ["yintang", "Yintang", "Taiyang", "Huatuojiaji", "Xiyan"])
def test_a_known_point_name_gets_no_did_you_mean(store, typed):
    result = search(store.db, typed)
    assert result.suggestion is None
    assert result.hits[0].title.split()[1] == typed.capitalize()


def test_a_point_name_is_never_corrected_into_another_point(store):
    # Before extra points were indexed, "Yintang" became "yutang" and opened
    # CV18. With the record hidden from search, the word is unknown again, and
    # the closest word is still a different point's name.
    store.db.execute("UPDATE points SET hidden = 1 WHERE key = 'EX-HN3'")
    result = search(store.db, "Yintang")
    assert result.suggestion is None
    assert all(h.key != "CV18" for h in result.hits)
    # A genuine one-letter slip in a point name is still corrected.
    slip = search(store.db, "Yutnag")
    assert slip.suggestion and slip.suggestion.lower() == "yutang"
    assert slip.hits[0].key == "CV18"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("EX-HN3", "EX-HN3"),
        ("ex hn 3", "EX-HN3"),
        ("EXHN3", "EX-HN3"),
        ("Ex-B-2", "EX-B2"),
        ("EX LE 10", "EX-LE10"),
        ("EX-UE11", "EX-UE11"),
        ("GV29", "EX-HN3"),
        ("Du 29", "EX-HN3"),
        ("EX-HN16", None),
        ("EX-CA2", None),
        ("GV30", None),
    ],
)
def test_extra_point_codes_normalise_to_one_spelling(typed, code):
    assert normalize_code(typed) == code


def test_the_b_of_an_extra_back_code_is_not_read_as_bladder():
    text, found = replace_codes("needles at EX-B2 and B2")
    assert found == ["EX-B2", "BL2"]
    assert "EX-B2" in text and " BL2 " in text


def test_xiyan_names_st35_as_its_lateral_point(points):
    assert "ST35" in points["EX-LE5"]["location"]
    assert "EX-LE4" in points["EX-LE5"]["location"]


def _trigger_points(points: dict[str, dict]) -> dict[str, dict]:
    return {k: r for k, r in points.items() if r["kind"] == "trigger point"}


def test_at_least_forty_trigger_points_each_with_location_referral_and_regions(points):
    trps = _trigger_points(points)
    assert len(trps) >= 40
    for key, record in trps.items():
        assert record["location"] and record["referral"], key
        assert record["regions"], f"{key} has no region where it lies"
        assert record["referral_regions"], f"{key} has no referral region"
        assert record["sources"], key


@pytest.mark.parametrize(
    ("complaint", "region"),
    [
        ("neck", "neck-back"),
        ("shoulder", "shoulder"),
        ("between the shoulder blades", "shoulder-blade"),
        ("low back", "lower-back"),
        ("hip", "hip"),
        ("front of the knee", "knee-front"),
        ("back of the knee", "knee-back"),
        ("heel", "heel"),
        ("elbow", "elbow"),
        ("wrist", "wrist"),
        ("jaw", "jaw"),
        ("temple headache", "temple"),
        ("top of the head", "head-top"),
    ],
)
def test_every_common_complaint_has_trigger_points_that_refer_there(points, complaint, region):
    referring = [k for k, r in _trigger_points(points).items() if region in r["referral_regions"]]
    assert referring, f"no trigger point refers pain to the {complaint}"


def test_heel_pain_is_covered_by_calf_and_foot_muscles(points):
    heel = {k for k, r in _trigger_points(points).items() if "heel" in r["referral_regions"]}
    assert {"TrP-soleus", "TrP-quadratus-plantae", "TrP-abductor-hallucis"} <= heel


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("pectoralis minor", "TrP-pectoralis-minor"),
        ("rhomboids", "TrP-rhomboids"),
        ("iliopsoas", "TrP-iliopsoas"),
        ("hamstrings", "TrP-hamstrings"),
        ("quadratus plantae", "TrP-quadratus-plantae"),
        ("brachioradialis", "TrP-brachioradialis"),
    ],
)
def test_a_new_trigger_point_opens_first_by_its_muscle_name(store, typed, key):
    result = search(store.db, typed)
    assert result.hits[0].key == key


def test_trigger_points_near_the_lung_carry_the_pneumothorax_caution(points):
    for key in ("TrP-pectoralis-minor", "TrP-rhomboids"):
        assert "pneumothorax" in points[key]["cautions"], key


def test_extra_point_codes_in_a_record_become_links_to_the_extra_point():
    from desktop.rendering.templating import linkify_text

    html = str(linkify_text("Two points (ST35 and the medial knee eye EX-LE4) and Ex-LE-5."))
    assert 'href="filiform://points/EX-LE4">EX-LE4</a>' in html
    assert 'href="filiform://points/EX-LE5">Ex-LE-5</a>' in html
    assert 'href="filiform://points/ST35">ST35</a>' in html


def test_extra_point_names_use_latin_script_the_window_font_can_draw(points):
    # Offscreen and on many clinic PCs no CJK font is installed: characters
    # such as 印堂 are drawn as empty boxes, so names stay in pinyin.
    for key, record in points.items():
        if record["kind"] == "extra point":
            for alias in record["aliases"]:
                assert all(ord(ch) < 0x3000 for ch in alias), (key, alias)
