"""A record's history: every change, who-knows-when, with Undo and Restore.

Practitioners trust an editor they can take back. This dialog lists the
`revisions` of one record, undoes a chosen change, and puts the shipped
text back; refusals (a newer change in the way) are shown, not raised.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from db import editing
from db.connection import Store
from db.kinds import KINDS

COLUMNS = ("When", "Change", "Field", "Before", "After")
PREVIEW_CHARS = 160


def confirm_discard(parent: QDialog, text: str) -> bool:
    """Ask before an undo that replaces later changes (tests answer it)."""
    answer = QMessageBox.question(
        parent,
        "Undo and replace later changes?",
        f"{text.removeprefix('Not undone: ')}\n\nUndo anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _preview(text: str | None) -> str:
    if text is None:
        return "—"
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


class HistoryDialog(QDialog):
    """History of one record, newest change first."""

    def __init__(self, store: Store, kind: str, key: str, parent=None) -> None:
        super().__init__(parent)
        self.store, self.kind, self.key = store, kind, key
        self.changed = False
        self.setWindowTitle(f"History: {KINDS[kind].label} {key}")
        self.setMinimumSize(640, 360)
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName("History status")
        layout.addWidget(self.status)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("Changes")
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.undo_button = QPushButton("&Undo this change")
        self.undo_button.clicked.connect(self.undo_selected)
        self.restore_button = QPushButton("&Restore the shipped text")
        self.restore_button.clicked.connect(self.restore_shipped)
        row.addWidget(self.undo_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        editable = not store.read_only and not store.editing_locked
        self.undo_button.setEnabled(editable)
        self.restore_button.setEnabled(editable)
        self.refresh()

    def refresh(self) -> None:
        self.revisions = editing.history(self.store, self.kind, self.key)
        self.table.setRowCount(len(self.revisions))
        for i, rev in enumerate(self.revisions):
            values = (
                rev.at.replace("T", " ")[:19],
                rev.action,
                rev.field,
                _preview(rev.old),
                _preview(rev.new),
            )
            for j, value in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(value))
        if self.revisions:
            self.table.selectRow(0)
        parts = [f"{len(self.revisions)} change(s)."]
        try:
            status = editing.shipped_status(self.store, self.kind, self.key)
        except editing.EditError:
            parts.append("This record has been deleted; undo the deletion to bring it back.")
            self.restore_button.setEnabled(False)
            self.status.setText(" ".join(parts))
            return
        if status.shipped is None:
            parts.append("Added by the clinic.")
            self.restore_button.setEnabled(False)
        elif status.newer_shipped:
            parts.append("A newer shipped text exists; 'Restore the shipped text' takes it.")
        elif status.edited:
            parts.append("Differs from the shipped text.")
        else:
            parts.append("Same as the shipped text.")
        self.status.setText(" ".join(parts))

    def _say(self, message: str) -> None:
        self.status.setText(message)

    def undo_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say("Choose a change to undo.")
            return
        rev = self.revisions[rows[0].row()]
        try:
            try:
                editing.undo(self.store, rev.id)
            except editing.UndoWouldDiscard as e:
                if not confirm_discard(self, str(e)):
                    self._say(f"{e} Nothing was changed.")
                    return
                editing.undo(self.store, rev.id, force=True)
        except editing.EditError as e:
            self._say(str(e))
            return
        self.changed = True
        self.refresh()

    def restore_shipped(self) -> None:
        try:
            editing.restore_shipped(self.store, self.kind, self.key)
        except editing.EditError as e:
            self._say(str(e))
            return
        self.changed = True
        self.refresh()
