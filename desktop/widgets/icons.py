"""Icons for tabs, main actions and the window, from resources/icons/.

The SVG files (Lucide, ISC; see resources/icons/README.md) are read by Qt's
SVG icon engine when an icon is first painted, not at start-up: making a
QIcon from a file path costs nothing until it is drawn.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from db.paths import RESOURCES_DIR

ICONS_DIR = RESOURCES_DIR / "icons"
APP_ICON = "filiform"

# Tab name -> icon file (without .svg).
TAB_ICONS = {
    "home": "house",
    "modalities": "syringe",
    "points": "crosshair",
    "body": "person-standing",
    "expectations": "calendar-check",
    "aftercare": "heart-pulse",
    "compare": "columns-2",
    "faqs": "message-circle-question",
    "sources": "book-open",
    "rationales": "target",
    "safety": "shield-alert",
}
# Action name (desktop.window.menus) -> icon file.
ACTION_ICONS = {
    "back": "arrow-left",
    "forward": "arrow-right",
    "home": "house",
    "print": "printer",
    "search": "search",
    "new_clinic_question": "plus",
    "pin_question": "pin",
    "approach_guide": "circle-help",
}


@lru_cache(maxsize=64)
def icon(name: str) -> QIcon:
    """The icon called `name`; an empty icon (nothing drawn) if there is no such file."""
    path = ICONS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    """Filiform's own icon, for the window, the task bar and dialogs."""
    return icon(APP_ICON)
