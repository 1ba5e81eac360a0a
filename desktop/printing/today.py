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

from db.database import Database
from db.errors import FiliformError
from db.records import Record, get_record, list_records, records_about

NAME = "today"
TITLE = "Your treatment today"
MAX_NOTE_CHARS = 160  # one line on the sheet


class TodayError(FiliformError, ValueError):
    """A region, point or modality the sheet cannot use; one sentence for a person."""


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())


def body_regions(db: Database) -> dict[str, str]:
    """{region key: name a patient reads}, from the database's body regions (issue 13)."""
    return {r.key: str(r.get("name") or r.key) for r in list_records(db, "regions")}


def region_key(db: Database, text: str) -> str:
    """'neck-back', 'Back of the neck' or 'neck' -> 'neck-back'; TodayError if unknown."""
    wanted = _norm(text)
    for record in list_records(db, "regions"):
        names = [record.key, str(record.get("name") or ""), *(record.get("synonyms") or [])]
        if wanted in {_norm(n) for n in names}:
            return record.key
    raise TodayError(
        f"'{text.strip()}' is not a body region; use one of: {', '.join(body_regions(db))}."
    )


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
    region_names: list[str]


def today_sheet(
    db: Database, modality: Record, regions: Iterable[str], points: Iterable[str], note: str
) -> TodaySheet:
    """Check the choices and gather the records; raises TodayError for a person."""
    keys = list(dict.fromkeys(region_key(db, r) for r in regions))
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
    names = body_regions(db)
    return TodaySheet(modality, keys, found, note, [names[k] for k in keys])


def context(db: Database, sheet: TodaySheet) -> dict[str, Any]:
    """The template context: the sheet, then what is normal and what to watch."""
    notes = records_about(db, "aftercare", [sheet.modality.key])
    return {
        "sheet": sheet,
        "lead": f"{sheet.modality.title}. Keep this sheet for the next few days.",
        "normal": [n for n in notes if n["level"] == "normal"],
        "watch": [n for n in notes if n["level"] == "watch"],
    }
