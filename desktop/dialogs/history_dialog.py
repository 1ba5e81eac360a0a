"""A record's history: every change, when, with Undo and Restore.

Practitioners trust an editor they can take back. This dialog lists the
`revisions` of one record in words a person reads (field labels, local
dates, "Changed" rather than "edit"), shows the whole text before and after
the selected change, undoes it, and puts the shipped text back; refusals (a
newer change in the way) are shown, not raised. With nothing recorded there
is nothing to undo, and the dialog says so.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import editing
from db.connection import Store
from db.kinds import KINDS

COLUMNS = ("When", "Change", "Field", "Before", "After")
PREVIEW_CHARS = 160
ACTIONS = {
    "edit": "Changed",
    "add": "Added",
    "delete": "Deleted",
    "hide": "Hidden",
    "unhide": "Shown again",
    "undo": "Undone",
    "restore": "Shipped text restored",
    "update": "Content update",
}


def when_text(stamp: str, today: date | None = None) -> str:
    """'2026-11-21T14:05:09+00:00' -> 'Today 14:05' or '21 Nov 2026, 14:05' (local time)."""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    today = today or date.today()
    clock = moment.strftime("%H:%M")
    if moment.date() == today:
        return f"Today {clock}"
    return f"{moment.day} {moment.strftime('%b %Y')}, {clock}"


def field_text(kind: str, name: str) -> str:
    """The label a person knows a field by ('answer' -> 'Answer', '*' -> 'Whole record')."""
    if name == "*":
        return "Whole record"
    spec = KINDS.get(kind)
    if spec is not None and name in spec.field_names:
        return spec.field(name).label
    return name.replace("_", " ").capitalize()


def value_text(kind: str, name: str, text: str | None) -> str:
    """A stored value as a person reads it: lists joined, whole records as labelled lines."""
    if text is None:
        return ""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return text
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        lines = []
        for field, item in value.items():
            if item in (None, "", []):
                continue
            shown = "; ".join(map(str, item)) if isinstance(item, list) else str(item)
            lines.append(f"{field_text(kind, field)}: {shown}")
        return "\n".join(lines)
    return text


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


def _preview(text: str) -> str:
    if not text:
        return "—"
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


class HistoryDialog(QDialog):
    """History of one record, newest change first."""

    def __init__(self, store: Store, kind: str, key: str, parent: QWidget | None = None) -> None:
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
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Changes")
        layout.addWidget(self.table, 1)
        # The whole text before and after the selected change, not two cut lines.
        self.before = QPlainTextEdit(readOnly=True)
        self.before.setAccessibleName("Before the change")
        self.after = QPlainTextEdit(readOnly=True)
        self.after.setAccessibleName("After the change")
        whole = QGridLayout()
        whole.addWidget(QLabel("Before"), 0, 0)
        whole.addWidget(QLabel("After"), 0, 1)
        whole.addWidget(self.before, 1, 0)
        whole.addWidget(self.after, 1, 1)
        layout.addLayout(whole, 1)
        self.table.itemSelectionChanged.connect(self._show_selected)
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
        self.editable = not store.read_only and not store.editing_locked
        self.undo_button.setEnabled(self.editable)
        self.restore_button.setEnabled(self.editable)
        self.refresh()

    def refresh(self) -> None:
        self.revisions = editing.history(self.store, self.kind, self.key)
        self.table.setRowCount(len(self.revisions))
        for i, rev in enumerate(self.revisions):
            values = (
                when_text(rev.at),
                ACTIONS.get(rev.action, rev.action.capitalize()),
                field_text(self.kind, rev.field),
                _preview(value_text(self.kind, rev.field, rev.old)),
                _preview(value_text(self.kind, rev.field, rev.new)),
            )
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(rev.at if j == 0 else value)
                self.table.setItem(i, j, item)
        self.undo_button.setEnabled(self.editable and bool(self.revisions))
        if self.revisions:
            self.table.selectRow(0)
        else:
            self.before.setPlainText("")
            self.after.setPlainText("")
        count = len(self.revisions)
        parts = [
            "No changes yet, so there is nothing to undo."
            if not count
            else f"{count} change{'s' if count != 1 else ''}."
        ]
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

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        rev = self.revisions[rows[0].row()]
        self.before.setPlainText(value_text(self.kind, rev.field, rev.old) or "(nothing)")
        self.after.setPlainText(value_text(self.kind, rev.field, rev.new) or "(nothing)")

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
