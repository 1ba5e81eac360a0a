"""The File menu's printing entries, installed without loading the printing side.

Print…, Print preview…, Export PDF…, Today's treatment sheet… and Clinic
settings… are in the menu (with their shortcuts) from the first paint, but
`desktop.actions.print_actions`, which loads Qt's print support and the
handout composer, is imported the first time one of them is chosen: at
start-up nobody has printed yet.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.actions.api import WindowApi
from desktop.actions.deferred import chosen

IMPLEMENTATION = "desktop.actions.print_actions"


def _chosen(window: WindowApi, function: str) -> Callable[..., None]:
    return chosen(window, IMPLEMENTATION, function)


def install(window: WindowApi) -> None:
    """Put Print…, Print preview…, Export PDF… and Clinic settings… in the File menu."""
    menus = window.menu_registry
    menus.add("print", "&Print…", _chosen(window, "print_current"), ["Ctrl+P"], "file")
    menus.add("print_preview", "Print pre&view…", _chosen(window, "preview_current"), menu="file")
    menus.add("export_pdf", "&Export PDF…", _chosen(window, "export_pdf_current"), menu="file")
    menus.add(
        "today_sheet",
        "&Today's treatment sheet…",
        _chosen(window, "today_sheet"),
        ["Ctrl+Shift+T"],
        "file",
    )
    menus.separator("file")
    menus.add(
        "clinic_settings", "&Clinic settings…", _chosen(window, "open_clinic_settings"), menu="file"
    )
    menus.separator("file")
