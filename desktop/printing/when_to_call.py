"""The "When to call" section: each warning once, in proportion, with honest time labels.

A handout gathers the "contact the clinic" and "urgent" aftercare notes of
its modalities and of all needling. Clinics edit and add notes, so two of
them can say the same thing ("Breathless or chest pain after needling" and
"Short of breath after acupuncture on the chest"); printed one under the
other they alarm more than they inform. Notes whose titles share most of
their words, or that open with the same sentence, or whose texts are mostly
the same words, are merged: the fuller text is kept, once, at the more
serious level.

A time frame such as "up to 2 days after" is when symptoms may start, not a
deadline; `time_label` turns it into "Can start up to 2 days later".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from db.database import Database
from db.plain_text import first_sentence
from db.records import Record, records_about

LEVEL_RANK = {"urgent": 0, "contact": 1}
TITLE_OVERLAP = 0.5  # share of title words two notes must share to be one warning
TEXT_OVERLAP = 0.6  # share of text words two notes must share to be one warning
_FILLER = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "after",
        "your",
        "you",
        "if",
        "get",
        "call",
        "care",
        "urgent",
        "clinic",
        "needling",
        "needle",
        "needles",
        "acupuncture",
        "treatment",
    ]
)


@dataclass
class CallNote:
    """One warning as printed: title, text, level and when it can start."""

    title: str
    text: str
    level: str
    when: str
    records: list[Record] = field(default_factory=list)  # the notes merged into it

    @property
    def record(self) -> Record:
        """The record whose text is printed (for its sources)."""
        return self.records[0]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _FILLER and len(w) > 2}


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def same_warning(a: Record, b: Record) -> bool:
    """True when two notes say the same thing and should print once."""
    if " ".join(first_sentence(a.get("text")).lower().split()) == " ".join(
        first_sentence(b.get("text")).lower().split()
    ):
        return True
    if a.get("title", "").strip().lower() == b.get("title", "").strip().lower():
        return True
    titles = _overlap(_words(a.get("title", "")), _words(b.get("title", "")))
    texts = _overlap(_words(a.get("text", "")), _words(b.get("text", "")))
    return titles >= TITLE_OVERLAP and texts >= TEXT_OVERLAP / 2 or texts >= TEXT_OVERLAP


_LABELS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), r)
    for p, r in (
        (r"^up to (.+?) (?:after|later)$", r"Can start up to \1 later"),
        (r"^(\d+)\s*(?:-|–|to)\s*(\d+) (\w+)$", r"Can start \1 to \2 \3 later"),
        (r"^same day to (.+)$", r"Can start the same day or up to \1 later"),
        (r"^within (.+)$", r"Can start any time within \1"),
        (r"^during and soon after (.+)$", r"Can happen during or soon after \1"),
        (r"^((?:while|in the|after|during|the days|starts|first|same day).*)$", r"Can happen \1"),
    )
)


def time_label(time_frame: str | None) -> str:
    """When a warning sign can start, worded so it cannot be read as a deadline."""
    frame = " ".join((time_frame or "").split()).rstrip(".")
    if not frame:
        return ""
    for pattern, replacement in _LABELS:
        if pattern.match(frame):
            label = pattern.sub(replacement, frame)
            return label[0].upper() + label[1:] + "."
    return f"When it can start: {frame}."


def merge_notes(records: Iterable[Record]) -> list[CallNote]:
    """The notes with each warning once: urgent first, then in the order given."""
    ordered = sorted(records, key=lambda r: LEVEL_RANK.get(r.get("level", ""), 9))
    merged: list[CallNote] = []
    for record in ordered:
        twin = next((n for n in merged if any(same_warning(record, r) for r in n.records)), None)
        if twin is None:
            merged.append(
                CallNote(
                    record.get("title", ""),
                    record.get("text", ""),
                    record.get("level", ""),
                    time_label(record.get("time_frame")),
                    [record],
                )
            )
            continue
        twin.records.append(record)
        fuller = len(record.get("text", "")) > len(twin.text)
        if fuller and record.get("level") == twin.level:  # keep the fuller wording
            twin.text = record.get("text", "")
            twin.title = record.get("title", "")
            twin.when = time_label(record.get("time_frame")) or twin.when
            twin.records.insert(0, twin.records.pop())
    return merged


@dataclass
class WhenToCall:
    """What the section prints: urgent warnings, then reasons to call the clinic."""

    urgent: list[CallNote]
    contact: list[CallNote]


def call_section(
    db: Database, modalities: Iterable[str], levels: tuple[str, ...] = ("contact", "urgent")
) -> WhenToCall:
    """Every warning that applies to these modalities (and all needling), each once."""
    notes = [r for r in records_about(db, "aftercare", modalities) if r.get("level") in levels]
    merged = merge_notes(notes)
    return WhenToCall(
        [n for n in merged if n.level == "urgent"], [n for n in merged if n.level == "contact"]
    )
