"""The Edit menu and the File menu's Data entries, installed without their code.

The entries and their shortcuts are there from the first paint; what they do
(`desktop.actions.edit_actions`, with the record form, the history dialog
and the backup, restore and pack code under it) is imported the first time
one is chosen. Locking editing and Refresh are small enough to live here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from desktop import preferences as prefs
from desktop.actions.api import WindowApi
from desktop.actions.deferred import chosen

IMPLEMENTATION = "desktop.actions.edit_actions"
# The entries that change records: off when the database is read-only
# (Hidden records… still lists them).
EDIT_ACTIONS = (
    "edit_record",
    "new_record",
    "history",
    "hide_record",
    "delete_record",
    "restore_shipped",
    "hidden_records",
    "pin_question",
    "new_clinic_question",
)
STATUS_MS = 8000


def _add(
    window: WindowApi,
    menu: str,
    name: str,
    text: str,
    slot: Callable[..., None],
    shortcut: str | None = None,
) -> QAction:
    shortcuts = [shortcut] if shortcut else None
    return window.menu_registry.add(name, text, slot, shortcuts=shortcuts, menu=menu)


def _later(window: WindowApi, function: str) -> Callable[..., None]:
    return chosen(window, IMPLEMENTATION, function)


def toggle_lock(window: WindowApi) -> None:
    """Lock or unlock editing on this computer (remembered between runs)."""
    locked = window.menu_registry.actions["lock_editing"].isChecked()
    window.store.editing_locked = locked
    prefs.set_value(prefs.EDITING_LOCKED, int(locked))
    message = "Editing is locked on this computer." if locked else "Editing is unlocked."
    window.statusBar().showMessage(message, STATUS_MS)


def refresh(window: WindowApi) -> None:
    """Re-read everything: another front-desk computer may have saved changes."""
    window.refresh_all()
    window.statusBar().showMessage("Refreshed from the database.", STATUS_MS)


def install(window: WindowApi) -> None:
    """Add the Edit menu and the File menu's backup and exchange actions."""
    menus = window.menu_registry
    menus.menu("edit", "&Edit", before="view")
    # (action name, menu text, function in edit_actions, shortcut); None is a separator.
    entries: tuple[tuple[str, str, str, str | None] | None, ...] = (
        ("edit_record", "&Edit this record…", "edit_record", "Ctrl+E"),
        ("new_record", "&New record in this tab…", "new_record", "Ctrl+N"),
        ("new_clinic_question", "New &clinic question…", "new_clinic_question", None),
        ("history", "&History of this record…", "show_history", "Ctrl+H"),
        ("pin_question", "&Pin to Home / unpin", "pin_question", None),
        None,
        ("restore_shipped", "&Restore the shipped text", "restore_shipped", None),
        ("hide_record", "Hi&de this record", "hide_record", None),
        ("delete_record", "De&lete this record (clinic's own)", "delete_record", None),
        ("hidden_records", "Hidden records…", "hidden_records", None),
    )
    for entry in entries:
        if entry is None:
            menus.separator("edit")
            continue
        name, text, function, shortcut = entry
        _add(window, "edit", name, text, _later(window, function), shortcut)
    menus.separator("edit")
    lock = _add(
        window,
        "edit",
        "lock_editing",
        "Lock editing on this computer",
        lambda _=False: toggle_lock(window),
    )
    lock.setCheckable(True)
    window.store.editing_locked = bool(prefs.get_int(prefs.EDITING_LOCKED))
    lock.setChecked(window.store.editing_locked)

    menus.submenu("file", "data", "&Data", before="quit")
    for name, text, function in (
        ("backup_now", "&Back up now", "back_up_now"),
        ("restore_backup", "&Restore a backup…", "restore_backup"),
        ("import_pack", "&Import content pack…", "import_pack"),
        ("export_pack", "&Export content pack…", "export_pack"),
    ):
        _add(window, "data", name, text, _later(window, function))
    menus.separator("file", before="quit")
    _add(window, "view", "refresh", "&Refresh", lambda _=False: refresh(window), "F5")

    read_only = window.store.read_only
    for name in (*EDIT_ACTIONS, "restore_backup", "import_pack"):
        if name != "hidden_records":
            menus.actions[name].setEnabled(not read_only)
