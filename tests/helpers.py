"""Small helpers the tests share."""

from __future__ import annotations

from db.records import get_record


def modalities_of(db, kind: str, key: str) -> set[str]:
    """Which modalities a search hit is about (what a person would read off it)."""
    if kind == "modalities":
        return {key}
    record = get_record(db, kind, key)
    if record is None:
        return set()
    found = set(record.get("modalities", []))
    if record.get("modality"):
        found.add(record["modality"])
    return found
