"""File menu work that keeps the clinic's data safe: backup, restore,
import and export of content packs.

Each action says what it did, or why it did nothing, in one sentence; the
file dialogs are module functions so tests can answer them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db import backups
from db.connection import Store
from db.editing import ReadOnlyError, check_editable
from db.errors import StorageError
from db.exchange import PackError, import_file, write_pack
from db.restore import RestoreError, check_backup
from db.restore import restore_backup as restore_from

PACK_FILTER = "Filiform content pack (*.json)"
BACKUP_FILTER = "Filiform database (*.sqlite3)"
log = logging.getLogger(__name__)


def choose_save_file(parent: QWidget, title: str, start: str, filter_: str) -> str:
    return QFileDialog.getSaveFileName(parent, title, start, filter_)[0]


def choose_open_file(parent: QWidget, title: str, start: str, filter_: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, start, filter_)[0]


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget, title: str, text: str, problem: bool = False) -> None:
    (log.warning if problem else log.info)("%s: %s", title, text)
    box = QMessageBox.warning if problem else QMessageBox.information
    box(parent, title, text)


def backup_now(parent: QWidget, store: Store) -> Path | None:
    """Write a backup beside the database; returns its path."""
    try:
        target = backups.backup_now(store.db.conn, store.path)
    except (OSError, StorageError) as e:
        tell(parent, "Backup failed", f"No backup was made: {e}.", problem=True)
        return None
    tell(parent, "Backup made", f"Backed up to {target}.")
    return target


def restore_backup(parent: QWidget, store: Store) -> bool:
    """Replace the database's content with a chosen backup, after backing up the present."""
    try:
        check_editable(store)
    except ReadOnlyError as e:
        tell(parent, "Cannot restore", str(e), problem=True)
        return False
    start = str(backups.backup_dir(store.path))
    chosen = choose_open_file(parent, "Restore a backup", start, BACKUP_FILTER)
    if not chosen:
        return False
    source = Path(chosen)
    try:
        check_backup(source)
    except RestoreError as e:
        tell(parent, "Cannot restore", str(e), problem=True)
        return False
    if not confirm(
        parent,
        "Restore this backup?",
        f"Everything in the database will be replaced by {source.name}. "
        "A backup of what is there now is made first.",
    ):
        return False
    try:
        safety = restore_from(store, source)
    except RestoreError as e:
        tell(parent, "Restore failed", str(e), problem=True)
        return False
    tell(
        parent,
        "Backup restored",
        f"Restored {source.name}. What was there before is in {safety.name}.",
    )
    return True


def export_content(parent: QWidget, store: Store) -> Path | None:
    chosen = choose_save_file(
        parent, "Export content pack", str(Path.home() / "filiform-content.json"), PACK_FILTER
    )
    if not chosen:
        return None
    target = Path(chosen)
    try:
        count = write_pack(store.db, target)
    except OSError as e:
        tell(parent, "Export failed", f"Cannot write {target}: {e.strerror or e}.", problem=True)
        return None
    tell(parent, "Exported", f"Exported {count} records to {target}.")
    return target


def import_content(parent: QWidget, store: Store) -> bool:
    """Import a pack all-or-nothing; problems are listed by record and field."""
    try:
        check_editable(store)
    except ReadOnlyError as e:
        tell(parent, "Cannot import", str(e), problem=True)
        return False
    chosen = choose_open_file(parent, "Import content pack", str(Path.home()), PACK_FILTER)
    if not chosen:
        return False
    source = Path(chosen)
    try:
        summary, _backup = import_file(store.db, store.path, source)
    except PackError as e:
        listed = "\n".join(f"• {p}" for p in e.problems[:15])
        more = f"\n…and {len(e.problems) - 15} more." if len(e.problems) > 15 else ""
        tell(
            parent,
            "Nothing was imported",
            f"{source.name} has problems:\n{listed}{more}",
            problem=True,
        )
        return False
    except StorageError as e:
        tell(parent, "Nothing was imported", f"Nothing was imported. {e}", problem=True)
        return False
    except OSError as e:
        tell(parent, "Nothing was imported", f"The database refused the import: {e}.", problem=True)
        return False
    tell(
        parent,
        "Imported",
        f"Imported {source.name}: {summary.added} added, {summary.updated} updated, "
        f"{summary.unchanged} unchanged.",
    )
    return True
