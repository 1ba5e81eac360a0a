"""Every clinic setting, registered once with its default (Picard's options.py idea).

Clinic settings live in the database's `settings` table (key TEXT, value TEXT),
so they travel with the file: a backup, a copy on a second front-desk computer
or an exported pack prints the same branded handouts. Remembered window state
(sizes, last folder) is not a clinic setting and does not belong here.

No Qt in this module: the CLI and the tests read settings without a display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from db import vocab
from db.database import Database
from db.errors import FiliformError, wraps_storage
from db.vocab import Vocabulary

PAPER_SIZES = vocab.PAPER_SIZE.keys


class SettingError(FiliformError, ValueError):
    """A value a setting cannot take; the message is one sentence for a person."""


@dataclass(frozen=True)
class Setting:
    """One clinic setting: its key in the table, label, type and default."""

    key: str
    label: str
    default: Any
    type: str = "text"  # text | multiline | bool | choice | path
    vocabulary: Vocabulary | None = None  # a choice's words (db/vocab.py)
    help: str = ""

    @property
    def choices(self) -> tuple[str, ...]:
        return self.vocabulary.keys if self.vocabulary else ()

    def choice_label(self, choice: str) -> str:
        """What the settings dialog shows for a choice: 'A4 (210 × 297 mm)'."""
        term = self.vocabulary.term(choice) if self.vocabulary else None
        if term is None:
            return choice
        return f"{term.text} ({term.detail})" if term.detail else term.text

    def to_text(self, value: Any) -> str:
        """The value as stored in the TEXT column; raises SettingError if it is not allowed."""
        if self.type == "bool":
            if isinstance(value, str):
                value = value.strip().lower() in ("1", "true", "yes", "on")
            return "1" if value else "0"
        text = "" if value is None else str(value).strip()
        if self.type == "choice":
            text = text.lower()
            if text not in self.choices:
                raise SettingError(
                    f"{self.label} must be one of {', '.join(self.choices)}, not '{text}'."
                )
        if self.type != "multiline":
            text = " ".join(text.split())
        return text

    def from_text(self, text: str | None) -> Any:
        """The stored text as a Python value; a bad stored value falls back to the default."""
        if text is None:
            return self.default
        if self.type == "bool":
            return text.strip().lower() in ("1", "true", "yes", "on")
        if self.type == "choice" and text.strip().lower() not in self.choices:
            return self.default
        return text.strip().lower() if self.type == "choice" else text


SETTINGS: tuple[Setting, ...] = (
    Setting("clinic_name", "Clinic name", "", help="Printed at the top of every handout page."),
    Setting("clinic_address", "Address", "", "multiline"),
    Setting("clinic_phone", "Phone", ""),
    Setting("clinic_email", "Email", ""),
    Setting("clinic_website", "Website", ""),
    Setting(
        "clinic_booking_url",
        "Booking page",
        "",
        help="Web address for booking; handouts print a QR code to it (else to the website).",
    ),
    Setting(
        "clinic_logo",
        "Logo image",
        "",
        "path",
        help=(
            "The logo image itself, stored as a PNG data URI so it travels with the "
            "database (a file path also works). A missing or unreadable logo prints without it."
        ),
    ),
    Setting(
        "handout_footer",
        "Footer line",
        "",
        help="A short line printed at the bottom of every page, e.g. opening hours.",
    ),
    Setting("paper_size", "Paper size", "a4", "choice", vocab.PAPER_SIZE),
    Setting("large_print", "Large print", False, "bool", help="Print handouts in large type."),
    Setting(
        "handout_sources",
        "Sources on handouts",
        True,
        "bool",
        help="End each handout with a short numbered list of its sources. "
        "Turn off for patient-only handouts.",
    ),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


def _setting(key: str) -> Setting:
    try:
        return BY_KEY[key]
    except KeyError:
        raise SettingError(f"'{key}' is not a clinic setting.") from None


def get_setting_value(db: Database, key: str) -> Any:
    """One setting's value, or its registered default when unset."""
    setting = _setting(key)
    rows = list(db.query("SELECT value FROM settings WHERE key = ?", [key]))
    return setting.from_text(rows[0]["value"] if rows else None)


@wraps_storage("read the clinic settings")
def load_settings(db: Database) -> dict[str, Any]:
    """Every registered setting with its value (defaults filled in), in one query."""
    stored = {r["key"]: r["value"] for r in db.query("SELECT key, value FROM settings")}
    return {s.key: s.from_text(stored.get(s.key)) for s in SETTINGS}


@wraps_storage("save the clinic settings")
def save_settings(db: Database, values: Mapping[str, Any]) -> None:
    """Write several settings in one transaction; all are checked before any is written."""
    rows = [(key, _setting(key).to_text(value)) for key, value in values.items()]
    with db.conn:
        for key, text in rows:
            put_text(db, key, text)


def put_text(db: Database, key: str, text: str) -> None:
    """Write one row of the `settings` table as it is (the caller commits).

    Registered settings go through `save_settings`, which checks them; the
    home page's pins and the first-start flag use this for their own rows.
    """
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, text],
    )
