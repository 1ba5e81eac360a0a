"""What the Edit menu and the File menu's data-safety entries do.

Kept apart from the window so the window stays about browsing: this module
turns `db.editing` (edit, add, hide, delete, history, restore) and
`desktop.actions.file_actions` (backup, restore, import, export) into menu
actions. `desktop.actions.edit_menu` puts them in the menus and imports this
module the first time one is chosen.
Dialogs open window-modal with `open()`, never `exec()`, so nothing blocks
and tests can fill them in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from db import editing, lists
from db.frontdesk import MAX_PINNED, pinned_keys, set_pinned_keys
from db.kinds import KINDS
from desktop.actions import file_actions
from desktop.actions.api import WindowApi
from desktop.dialogs.history_dialog import HistoryDialog
from desktop.dialogs.record_form import RecordForm


def _say(window: WindowApi, message: str) -> None:
    window.statusBar().showMessage(message, 8000)


def _current(window: WindowApi) -> tuple[str, str] | None:
    """The record on screen: the selected search hit, or the current tab's record."""
    return window.current_record()


def _editable(window: WindowApi) -> bool:
    try:
        editing.check_editable(window.store)
    except editing.ReadOnlyError as e:
        _say(window, str(e))
        return False
    return True


def _after_change(window: WindowApi, kind: str, key: str | None) -> None:
    window.refresh_all()
    if key is not None and kind in KINDS:
        window.open_record(kind, key)


def edit_record(window: WindowApi) -> RecordForm | None:
    """Edit > Edit record: the form for the record on screen (refused when editing is off)."""
    current = _current(window)
    if current is None:
        _say(window, "Open a record first, then choose Edit.")
        return None
    if not _editable(window):
        return None
    kind, key = current
    form = RecordForm(window.store, kind, key, window)
    form.accepted.connect(lambda: (_after_change(window, kind, key), _say(window, "Saved.")))
    window.edit_form = form
    form.open()
    return form


def _open_new_form(window: WindowApi, kind: str, title: str | None = None) -> RecordForm | None:
    """Open an empty record form for `kind`; the new record is shown once it is saved."""
    if not _editable(window):
        return None
    form = RecordForm(window.store, kind, None, window)
    if title:
        form.setWindowTitle(title)
    form.accepted.connect(
        lambda: (_after_change(window, kind, form.saved_key), _say(window, "Added."))
    )
    window.edit_form = form
    form.open()
    return form


def new_record(window: WindowApi) -> RecordForm | None:
    """Add a record of the kind the current tab lists (a question on Home or Compare)."""
    kinds = getattr(window.current_view(), "kinds", ()) or ("faqs",)
    return _open_new_form(window, kinds[0])


def new_clinic_question(window: WindowApi) -> RecordForm | None:
    """Add the clinic's own patient question ("Where do I park?"): question and answer."""
    return _open_new_form(window, "faqs", "New clinic question")


def show_history(window: WindowApi) -> HistoryDialog | None:
    """Edit > History: the record's changes, each one undoable; the tabs refresh after an undo."""
    current = _current(window)
    if current is None:
        _say(window, "Open a record first, then choose History.")
        return None
    kind, key = current
    dialog = HistoryDialog(window.store, kind, key, window)
    dialog.finished.connect(lambda _: dialog.changed and _after_change(window, kind, key))
    window.history_dialog = dialog
    dialog.open()
    return dialog


def hide_record(window: WindowApi) -> None:
    """Hide the record on screen from lists, search and handouts (Hidden records… shows it)."""
    current = _current(window)
    if current is None or not _editable(window):
        return
    kind, key = current
    try:
        editing.set_hidden(window.store, kind, key, True)
    except editing.EditError as e:
        _say(window, str(e))
        return
    window.refresh_all()
    _say(
        window,
        f"Hidden {KINDS[kind].label.lower()} '{key}'. Edit > Hidden records… shows it again.",
    )


def delete_record(window: WindowApi) -> None:
    """Delete the clinic's own record on screen, after asking; History keeps a copy."""
    current = _current(window)
    if current is None or not _editable(window):
        return
    kind, key = current
    if not file_actions.confirm(
        window,
        "Delete this record?",
        f"Delete the clinic's {KINDS[kind].label.lower()} '{key}'? "
        "History keeps a copy, and Undo brings it back.",
    ):
        return
    try:
        editing.delete_record(window.store, kind, key)
    except editing.EditError as e:
        _say(window, str(e))
        return
    window.refresh_all()
    _say(window, f"Deleted '{key}'.")


def restore_shipped(window: WindowApi) -> None:
    """Put back the text Filiform shipped for the record on screen (undoable in History)."""
    current = _current(window)
    if current is None or not _editable(window):
        return
    kind, key = current
    try:
        editing.restore_shipped(window.store, kind, key)
    except editing.EditError as e:
        _say(window, str(e))
        return
    _after_change(window, kind, key)
    _say(window, "The shipped text is back. History… can undo this.")


def pin_question(window: WindowApi) -> bool | None:
    """Pin the patient question on screen to the home page, or unpin it.

    Returns True when pinned, False when unpinned, None when nothing changed.
    """
    current = _current(window)
    if current is None or current[0] != "faqs":
        _say(window, "Open a patient question first, then pin it to Home.")
        return None
    if not _editable(window):
        return None
    key = current[1]
    keys = pinned_keys(window.store.db)
    pinned = key not in keys
    if pinned and len(keys) >= MAX_PINNED:
        _say(window, f"Home holds {MAX_PINNED} pinned questions; unpin one first.")
        return None
    set_pinned_keys(window.store.db, [*keys, key] if pinned else [k for k in keys if k != key])
    window.refresh_all()
    _say(window, "Pinned to Home." if pinned else "Unpinned from Home.")
    return pinned


class HiddenRecordsDialog(QDialog):
    """Hidden records of every kind, each one click from being shown again."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Hidden records")
        self.resize(520, 400)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName("Hidden records")
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_button = buttons.addButton("Show again", QDialogButtonBox.ButtonRole.ActionRole)
        self.show_button.clicked.connect(self.unhide_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for kind in KINDS.values():
            for row in _hidden_rows(self.window_, kind.name):
                item = QListWidgetItem(f"{kind.label}: {row['title']}  ({row['key']})")
                item.setData(Qt.ItemDataRole.UserRole, (kind.name, row["key"]))
                self.list.addItem(item)

    def unhide_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        kind, key = item.data(Qt.ItemDataRole.UserRole)
        try:
            editing.set_hidden(self.window_.store, kind, key, False)
        except editing.EditError as e:
            _say(self.window_, str(e))
            return
        self.reload()
        _after_change(self.window_, kind, key)


def _hidden_rows(window: WindowApi, kind: str) -> list[dict]:
    return [
        {"key": key, "title": title}
        for key, title in lists.titles(window.store.db, kind, hidden=True)
    ]


def hidden_records(window: WindowApi) -> HiddenRecordsDialog:
    """Edit > Hidden records…: the hidden records, to show again."""
    dialog = HiddenRecordsDialog(window)
    window.hidden_dialog = dialog
    dialog.open()
    return dialog


def back_up_now(window: WindowApi) -> None:
    file_actions.backup_now(window, window.store)


def export_pack(window: WindowApi) -> None:
    file_actions.export_content(window, window.store)


def restore_backup(window: WindowApi) -> None:
    if file_actions.restore_backup(window, window.store):
        window.refresh_all()


def import_pack(window: WindowApi) -> None:
    if file_actions.import_content(window, window.store):
        window.refresh_all()
