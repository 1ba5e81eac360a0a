"""What the front desk's home page reads: common and pinned questions, the
acupuncture / dry needling glance, titles of recently opened records.

Pinned questions are a clinic choice, so they live in the database's
`settings` table (they travel with backups, a second front-desk computer and
exported packs); this module is the only place that reads or writes them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from db.database import Database
from db.kinds import KINDS
from db.plain_text import first_sentence, lead
from db.records import Record, get_record
from db.settings import put_text

PINNED_SETTING = "home_pinned_questions"
SETUP_DONE_SETTING = "first_start_done"
MAX_PINNED = 12
# The questions a front desk hears most, in the order they come up; shown on
# the home page when they are in the database and not hidden.
COMMON_QUESTIONS: tuple[str, ...] = (
    "will-it-hurt",
    "same-as-acupuncture",
    "how-long-needles-stay",
    "soreness-normal",
    "how-many-sessions",
    "what-to-wear",
    "can-i-drive",
    "side-effects",
    "does-it-work",
)
GLANCE_PAIR = ("acupuncture", "dry-needling")
# (label, modality field): the rows of "at a glance", on screen and on paper.
GLANCE_ROWS: tuple[tuple[str, str], ...] = (
    ("Comes from", "tradition"),
    ("How long the needles stay in", "retention"),
    ("What it feels like", "sensations"),
)


@dataclass(frozen=True)
class QuestionLead:
    """A patient question and the first sentence or two of its answer."""

    key: str
    question: str
    lead: str
    origin: str  # shipped | clinic


def question_leads(db: Database, keys: list[str]) -> list[QuestionLead]:
    """The questions with these keys, in this order; missing or hidden ones are skipped."""
    if not keys:
        return []
    marks = ", ".join("?" for _ in keys)
    rows = {
        r["key"]: r
        for r in db.query(
            f"SELECT key, question, answer, origin FROM faqs WHERE hidden = 0 AND key IN ({marks})",
            keys,
        )
    }
    return [
        QuestionLead(k, rows[k]["question"], lead(rows[k]["answer"]), rows[k]["origin"])
        for k in keys
        if k in rows
    ]


def pinned_keys(db: Database) -> list[str]:
    """The clinic's pinned questions (FAQ keys), in the clinic's order."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [PINNED_SETTING]).fetchone()
    if not row or not row[0]:
        return []
    try:
        keys = json.loads(row[0])
    except json.JSONDecodeError:
        return []
    return [k for k in keys if isinstance(k, str)] if isinstance(keys, list) else []


def set_pinned_keys(db: Database, keys: list[str]) -> None:
    """Store the pinned questions (duplicates dropped, at most MAX_PINNED)."""
    unique = list(dict.fromkeys(keys))[:MAX_PINNED]
    with db.conn:
        put_text(db, PINNED_SETTING, json.dumps(unique))


def setup_needed(db: Database) -> bool:
    """True for a database whose clinic details were never asked for (and are empty)."""
    rows = dict(
        db.execute(
            "SELECT key, value FROM settings WHERE key IN (?, ?)",
            [SETUP_DONE_SETTING, "clinic_name"],
        ).fetchall()
    )
    return not rows.get(SETUP_DONE_SETTING) and not (rows.get("clinic_name") or "").strip()


def mark_setup_done(db: Database) -> None:
    """Remember that the first-start set-up was answered (filled in or skipped)."""
    with db.conn:
        put_text(db, SETUP_DONE_SETTING, "1")


def glance_rows(
    a: Record, b: Record, fields: tuple[tuple[str, str], ...] = GLANCE_ROWS
) -> list[tuple[str, str, str]]:
    """(label, a's text, b's text): one sentence each, for a table read at a glance.

    The strength of the evidence is always the last row.
    """
    rows = [(label, first_sentence(a[f]), first_sentence(b[f])) for label, f in fields]
    rows.append(
        (
            "Strength of the evidence",
            str(a["evidence_strength"] or "not rated").capitalize(),
            str(b["evidence_strength"] or "not rated").capitalize(),
        )
    )
    return rows


def glance_pair(db: Database) -> tuple[Record, Record] | None:
    """Acupuncture and dry needling, the pair patients mix up (None if either is gone)."""
    a, b = (get_record(db, "modalities", k) for k in GLANCE_PAIR)
    if a is None or b is None or a["hidden"] or b["hidden"]:
        return None
    return a, b


def titles(db: Database, records: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(kind, key, title) of records that still exist and are not hidden, in order."""
    found = []
    for kind, key in records:
        if kind not in KINDS:
            continue
        record = get_record(db, kind, key)
        if record is None or record["hidden"]:
            continue
        title = record.title
        if kind == "points" and record["kind"] != "trigger point":
            title = f"{key} ({title})"
        found.append((kind, key, title))
    return found
