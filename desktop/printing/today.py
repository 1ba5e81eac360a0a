"""Today's treatment sheet: what was done at this visit, what is normal, when to call.

At the desk, staff pick the modality, tick the body regions or points
treated and add a one-line note (the next appointment); the sheet composes
that modality's aftercare, what is normal and "When to call" around it.
Nothing about the patient is stored: the choices live only in the dialog or
on the command line and go straight onto paper.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from db.errors import FiliformError
from db.records import Record, get_record, records_about

NAME = "today"
TITLE = "Your treatment today"
MAX_NOTE_CHARS = 160  # one line on the sheet

# The body-map region keys (HELPERS.md, issue 13) with the words a patient
# reads. When the body figure's own vocabulary lands, it replaces this table.
REGIONS: dict[str, str] = {
    "head-top": "Top of the head",
    "forehead": "Forehead",
    "temple": "Temple",
    "back-of-head": "Back of the head",
    "face": "Face",
    "ear": "Ear",
    "jaw": "Jaw",
    "neck-front": "Front of the neck",
    "neck-back": "Back of the neck",
    "shoulder": "Shoulder",
    "armpit": "Armpit",
    "shoulder-blade": "Shoulder blade",
    "upper-back": "Upper back",
    "lower-back": "Lower back",
    "sacrum": "Sacrum and tailbone",
    "chest": "Chest",
    "side-of-trunk": "Ribs and flank",
    "upper-abdomen": "Upper abdomen",
    "lower-abdomen": "Lower abdomen",
    "groin": "Groin",
    "buttock": "Buttock",
    "hip": "Hip",
    "upper-arm": "Upper arm",
    "elbow": "Elbow",
    "forearm": "Forearm",
    "wrist": "Wrist",
    "hand": "Hand and fingers",
    "thigh-front": "Front of the thigh",
    "thigh-inner": "Inner thigh",
    "thigh-outer": "Outer thigh",
    "thigh-back": "Back of the thigh",
    "knee-front": "Front of the knee",
    "knee-back": "Back of the knee",
    "shin": "Shin",
    "calf": "Calf",
    "ankle": "Ankle",
    "heel": "Heel",
    "foot": "Top of the foot and toes",
    "sole": "Sole of the foot",
}
# Plain words people type for a region, beyond the labels themselves.
_PLAIN: dict[str, str] = {
    "neck": "neck-back",
    "back": "lower-back",
    "low back": "lower-back",
    "shoulders": "shoulder",
    "tailbone": "sacrum",
    "ribs": "side-of-trunk",
    "flank": "side-of-trunk",
    "belly": "lower-abdomen",
    "stomach": "upper-abdomen",
    "fingers": "hand",
    "toes": "foot",
    "knee": "knee-front",
    "thigh": "thigh-front",
    "head": "head-top",
    "arm": "upper-arm",
}


class TodayError(FiliformError, ValueError):
    """A region, point or modality the sheet cannot use; one sentence for a person."""


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())


def region_key(text: str) -> str:
    """'neck-back', 'Back of the neck' or 'neck' -> 'neck-back'; TodayError if unknown."""
    wanted = _norm(text)
    for key, label in REGIONS.items():
        if wanted in (_norm(key), _norm(label)):
            return key
    if wanted in _PLAIN:
        return _PLAIN[wanted]
    raise TodayError(f"'{text.strip()}' is not a body region; use one of: {', '.join(REGIONS)}.")


def split_list(value: str | Iterable[str] | None) -> list[str]:
    """'neck-back, shoulder' or ['neck-back', 'shoulder'] -> ['neck-back', 'shoulder']."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [i.strip() for i in items if i and i.strip()]


@dataclass
class TodaySheet:
    """What the sheet prints, with nothing of it kept afterwards."""

    modality: Record
    regions: list[str]
    points: list[Record]
    note: str

    @property
    def region_names(self) -> list[str]:
        return [REGIONS[r] for r in self.regions]


def today_sheet(
    db: Database, modality: Record, regions: Iterable[str], points: Iterable[str], note: str
) -> TodaySheet:
    """Check the choices and gather the records; raises TodayError for a person."""
    keys = list(dict.fromkeys(region_key(r) for r in regions))
    found: list[Record] = []
    for code in points:
        record = get_record(db, "points", code.strip().upper()) or get_record(
            db, "points", code.strip()
        )
        if record is None:
            raise TodayError(f"There is no point '{code.strip()}'.")
        found.append(record)
    note = " ".join((note or "").split())
    if len(note) > MAX_NOTE_CHARS:
        raise TodayError(
            f"The note is {len(note)} characters; keep it to one line ({MAX_NOTE_CHARS} at most)."
        )
    return TodaySheet(modality, keys, found, note)


def context(db: Database, sheet: TodaySheet) -> dict[str, Any]:
    """The template context: the sheet, then what is normal and what to watch."""
    notes = records_about(db, "aftercare", [sheet.modality.key])
    point_regions = [r for p in sheet.points for r in (p.get("regions") or [])]
    return {
        "sheet": sheet,
        "lead": f"{sheet.modality.title}. Keep this sheet for the next few days.",
        "normal": [n for n in notes if n["level"] == "normal"],
        "watch": [n for n in notes if n["level"] == "watch"],
        "figure_regions": (list(dict.fromkeys([*sheet.regions, *point_regions])), []),
    }
