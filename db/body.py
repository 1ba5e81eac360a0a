"""What the body map asks the database: regions, and the points and notes about each.

The Body tab and the "where it hurts" handout both answer one question, "it
hurts here: what do the two traditions say?", so the queries live once, here,
without Qt (docs/ARCHITECTURE.md: SQL in db/ only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from db.database import Database
from db.errors import wraps_storage
from db.records import Record, get_record, list_records

# The patient question that explains why a needle goes far from the pain
# (resources/content/faqs.json).
LOCAL_DISTAL_FAQ = "foot-for-shoulder"
ACUPOINT_KINDS = ("acupoint", "extra point")
TRIGGER_POINT_KIND = "trigger point"


@dataclass(frozen=True)
class Region:
    """A named body region and its shapes (SVG path data, 540 x 960 box)."""

    key: str
    name: str
    synonyms: tuple[str, ...]
    front: str
    back: str

    def terms(self) -> tuple[str, ...]:
        """Every name a person might type for it, name first."""
        return (self.name, *self.synonyms)


@dataclass(frozen=True)
class DistalNote:
    """A point-selection note about this region and the points it gives elsewhere."""

    rationale: Record
    points: list[Record] = field(default_factory=list)
    # True when the note is about another complaint and a point here is one of
    # its distal points ("BL40 behind the knee is used for low back pain").
    point_here: bool = False


def _region(row: dict) -> Region:
    record = Record("regions", row["key"], row)
    return Region(
        record.key,
        record.title,
        tuple(record.get("synonyms", [])),
        record.get("front", ""),
        record.get("back", ""),
    )


@wraps_storage("read the body regions")
def regions(db: Database) -> list[Region]:
    """Every visible region, in the order the content lists them."""
    return [_region(r.data) for r in list_records(db, "regions")]


def region(db: Database, key: str) -> Region | None:
    """The visible region with this key, or None (one row, not every region's shapes)."""
    record = get_record(db, "regions", key)
    return None if record is None or record["hidden"] else _region(record.data)


def find_region(db: Database, text: str) -> Region | None:
    """The region a typed phrase names ("back of the knee", "Popliteal"), or None.

    Its key, name or a synonym, ignoring case, spaces and a leading "the"/"my".
    """
    wanted = _normal(text)
    if not wanted:
        return None
    for r in regions(db):
        if wanted == _normal(r.key.replace("-", " ")) or any(
            wanted == _normal(t) for t in r.terms()
        ):
            return r
    return None


def _normal(text: str) -> str:
    words = re.sub(r"[^a-z0-9']+", " ", (text or "").lower()).split()
    while words and words[0] in ("the", "my", "in", "at", "on"):
        words = words[1:]
    return " ".join(words)


@wraps_storage("read the points of a body region")
def _points_with(db: Database, list_field: str, key: str, kinds: tuple[str, ...]) -> list[Record]:
    marks = ", ".join("?" for _ in kinds)
    return list_records(
        db,
        "points",
        where=f"kind IN ({marks}) AND EXISTS (SELECT 1 FROM json_each("
        f"CASE WHEN json_valid({list_field}) THEN {list_field} ELSE '[]' END) "
        "WHERE value = ?)",
        params=[*kinds, key],
    )


def trigger_points_referring_to(db: Database, key: str) -> list[Record]:
    """Trigger points whose referral zone covers the region."""
    return _points_with(db, "referral_regions", key, (TRIGGER_POINT_KIND,))


def acupoints_in(db: Database, key: str) -> list[Record]:
    """Acupoints and extra points that lie in the region (local points)."""
    return _points_with(db, "regions", key, ACUPOINT_KINDS)


def points_in(db: Database, key: str) -> list[Record]:
    """Every point (any kind) that lies in the region."""
    return _points_with(db, "regions", key, (*ACUPOINT_KINDS, TRIGGER_POINT_KIND))


@wraps_storage("read the points of the notes")
def _points_by_key(db: Database, keys: list[str]) -> dict[str, Record]:
    if not keys:
        return {}
    marks = ", ".join("?" for _ in keys)
    found = list_records(db, "points", where=f"key IN ({marks})", params=list(keys))
    return {p.key: p for p in found}


def _mentions(rationale: Record, place: Region) -> bool:
    """The note's complaint or title names the region. Its longer text is left
    out: it names places to say where a point lies ("BL40, behind the knee"),
    not which pain the note is for."""
    about = f"{rationale.get('complaint', '')} {rationale.get('title', '')}".lower()
    return any(re.search(rf"\b{re.escape(t.lower())}\b", about) for t in place.terms())


def distal_notes(db: Database, key: str) -> list[DistalNote]:
    """Point-selection notes for pain in this region, with the points they give
    away from it; then notes that use a point lying here as a distal point."""
    place = region(db, key)
    if place is None:
        return []
    notes = list_records(db, "rationales")
    wanted = sorted({p for n in notes for p in n.get("points", [])})
    points = _points_by_key(db, wanted)
    about: list[DistalNote] = []
    using: list[DistalNote] = []
    for note in notes:
        listed = [points[p] for p in note.get("points", []) if p in points]
        here = [p for p in listed if key in p.get("regions", [])]
        elsewhere = [p for p in listed if key not in p.get("regions", [])]
        if _mentions(note, place):
            if elsewhere:
                about.append(DistalNote(note, elsewhere))
        elif here:
            using.append(DistalNote(note, here, point_here=True))
    return about + using


def local_distal_question(db: Database) -> Record | None:
    """The patient question that explains local and distal points."""
    found = list_records(db, "faqs", where="key = ?", params=[LOCAL_DISTAL_FAQ])
    return found[0] if found else None


@dataclass(frozen=True)
class RegionAnswer:
    """Everything the Body tab and the handout show for one region."""

    region: Region
    trigger_points: list[Record]
    acupoints: list[Record]
    distal: list[DistalNote]
    question: Record | None


def where_it_hurts(db: Database, key: str) -> RegionAnswer | None:
    """The answer for a region key, or None if there is no such region."""
    place = region(db, key)
    if place is None:
        return None
    return RegionAnswer(
        place,
        trigger_points_referring_to(db, key),
        acupoints_in(db, key),
        distal_notes(db, key),
        local_distal_question(db),
    )
