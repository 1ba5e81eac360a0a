"""The index points of the Lung, Large Intestine, Stomach, Spleen, Heart,
Small Intestine and Kidney channels are located for the reader: a location in
our own words, a body-map region and the standard cautions (issue 15)."""

from __future__ import annotations

import re

import pytest

from db.content import load_content_dir
from db.paths import CONTENT_DIR

CHANNELS = {"LU": 11, "LI": 20, "ST": 45, "SP": 21, "HT": 9, "SI": 19, "KI": 27}

# The body-map vocabulary every region key must come from (HELPERS.md).
REGION_KEYS = set(
    [
        "head-top",
        "forehead",
        "temple",
        "back-of-head",
        "face",
        "ear",
        "jaw",
        "neck-front",
        "neck-back",
        "shoulder",
        "armpit",
        "shoulder-blade",
        "upper-back",
        "lower-back",
        "sacrum",
        "chest",
        "side-of-trunk",
        "upper-abdomen",
        "lower-abdomen",
        "groin",
        "buttock",
        "hip",
        "upper-arm",
        "elbow",
        "forearm",
        "wrist",
        "hand",
        "thigh-front",
        "thigh-inner",
        "thigh-outer",
        "thigh-back",
        "knee-front",
        "knee-back",
        "shin",
        "calf",
        "ankle",
        "heel",
        "foot",
        "sole",
    ]
)


def _codes(prefix: str, numbers: range) -> list[str]:
    return [f"{prefix}{n}" for n in numbers]


# Over the chest wall or the top of the lung.
THORAX = (
    _codes("LU", range(1, 3))
    + _codes("ST", range(12, 19))
    + _codes("SP", range(17, 22))
    + _codes("KI", range(22, 28))
    + _codes("SI", range(13, 16))
)

# Points the WHO standard places over or right beside a named artery.
ARTERIES = {
    "LU8": "radial artery",
    "LU9": "radial artery",
    "ST5": "facial artery",
    "ST9": "carotid artery",
    "ST30": "femoral artery",
    "ST42": "dorsalis pedis artery",
    "SP11": "femoral artery",
    "SP12": "femoral artery",
    "HT1": "axillary artery",
}


@pytest.fixture(scope="module")
def points():
    bundle = load_content_dir(CONTENT_DIR)
    return {p["key"]: p for p in bundle.records["points"]}


def test_every_point_of_the_seven_channels_has_a_location_and_regions(points):
    codes = [f"{ch}{n}" for ch, count in CHANNELS.items() for n in range(1, count + 1)]
    assert len(codes) == 152
    for code in codes:
        point = points[code]
        assert point["location"] and len(point["location"]) > 20, code
        assert point["regions"] and set(point["regions"]) <= REGION_KEYS, code
        assert "who-2008-point-locations" in point["sources"], code


def test_locations_are_in_plain_words_not_the_standard_s_phrasing(points):
    # The WHO text describes every point with these anatomical phrases; ours
    # says "front midline", "front-outer side" and the like instead.
    copied = re.compile(r"anterior median line|aspect of the|B-cun lateral to the", re.I)
    ours = re.compile(rf"({'|'.join(CHANNELS)})\d+")
    located = [code for code in points if ours.fullmatch(code)]
    assert len(located) == 152
    for code in located:
        assert not copied.search(points[code]["location"]), code


def test_chest_and_upper_back_points_warn_about_the_lung(points):
    for code in THORAX:
        cautions = (points[code]["cautions"] or "").lower()
        assert "lung" in cautions, code


def test_points_over_an_artery_name_it(points):
    for code, artery in ARTERIES.items():
        assert artery in (points[code]["cautions"] or "").lower(), code


def test_the_eye_point_and_the_pregnancy_points_carry_their_cautions(points):
    assert "eye" in points["ST1"]["cautions"].lower()
    assert "ulnar nerve" in points["SI8"]["cautions"].lower()
    for code in ("LI4", "SP6"):
        assert "pregnan" in points[code]["cautions"].lower(), code
