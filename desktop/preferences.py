"""Every setting the window remembers, with its default, created in one place.

Like Picard's options module: preferences a person chooses (text size) are
kept apart from remembered UI state (geometry, splitters). All QSettings are
made by `settings()`, so tests redirect them with `use_settings_file()` and
never touch the real user folders.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

ORG_NAME = "Filiform"
APP_NAME = "Filiform"

TEXT_SIZE = "preferences/text_size"
EDITING_LOCKED = "preferences/editing_locked"  # this computer only
GEOMETRY = "state/geometry"
SPLITTERS = "state/splitters"  # + "/<tab name>"
RECENT = "state/recent_records"  # ["kind/key", ...], newest first

DEFAULTS: dict[str, Any] = {TEXT_SIZE: 11, EDITING_LOCKED: 0}
TEXT_SIZE_MIN, TEXT_SIZE_MAX = 8, 28

_settings_file: Path | None = None


def use_settings_file(path: Path | str | None) -> None:
    """Keep settings in this INI file instead of the user's (tests, portable use)."""
    global _settings_file
    _settings_file = Path(path) if path is not None else None


def settings() -> QSettings:
    """The QSettings every part of the window reads and writes."""
    if _settings_file is not None:
        return QSettings(str(_settings_file), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def get_int(key: str) -> int:
    """An integer setting, falling back to its default when missing or garbled."""
    value = settings().value(key, DEFAULTS.get(key, 0))
    try:
        return int(value)
    except (TypeError, ValueError):
        return int(DEFAULTS.get(key, 0))


def set_value(key: str, value: Any) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()


def clamp_text_size(size: int) -> int:
    return max(TEXT_SIZE_MIN, min(TEXT_SIZE_MAX, int(size)))
