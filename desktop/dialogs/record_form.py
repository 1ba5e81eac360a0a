"""The form a practitioner edits a record in, built from `db.kinds`.

The form never throws away what was typed: a validation error, a conflict
with another front-desk computer or a full disk is shown inside the dialog,
which stays open with the text as it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db import editing, lists
from db.connection import Store
from db.kinds import GENERAL_MODALITY, KINDS, Field, Kind
from db.records import get_record

LIST_SEPARATOR = "; "


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


class RecordForm(QDialog):
    """Edit an existing record (`key` given) or add a new one (`key` None)."""

    def __init__(
        self, store: Store, kind: str, key: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.kind: Kind = KINDS[kind]
        self.key = key
        self.saved_key: str | None = None
        self.editors: dict[str, QWidget] = {}
        record = get_record(store.db, kind, key) if key else None
        self.opened_revision = editing.latest_revision(store, kind, key) if key else 0
        verb = "Edit" if key else "New"
        self.setWindowTitle(f"{verb} {self.kind.label.lower()}" + (f": {key}" if key else ""))
        self.setMinimumSize(560, 480)
        self.resize(720, 640)

        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName("Record status")
        layout.addWidget(self.status)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #a00; font-weight: bold;")
        self.error.setAccessibleName("Problem saving")
        self.error.hide()
        layout.addWidget(self.error)

        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in self.kind.fields:
            editor = self._editor_for(f)
            editor.setAccessibleName(f.label)
            self.editors[f.name] = editor
            # Adding: the key is made from the title, and the clinic's own
            # record needs no publication to cite.
            required = f.required and not (key is None and f.name in ("key", "sources"))
            label = f.label + (" *" if required else "")
            if key is None and f.name == "key" and isinstance(editor, QLineEdit):
                editor.setPlaceholderText("made from the title if left empty")
            if key is None and f.name == "sources" and isinstance(editor, QLineEdit):
                editor.setPlaceholderText("optional for the clinic's own; separate with ;")
            form.addRow(label, editor)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        layout.addWidget(scroll, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if record is not None:
            self._load(record.data)
            self.editors["key"].setReadOnly(True)
            self._show_status()
        else:
            self.status.setText(
                "A record you add is the clinic's own and is shown as such; it needs no "
                "publication to cite, and content updates never change it."
            )

    def _editor_for(self, f: Field) -> QWidget:
        if f.type == "int":
            box = QSpinBox()
            box.setRange(0, 9999)
            return box
        if f.type == "choice" or f.type == "ref":
            combo = QComboBox()
            if f.type == "choice":
                values = list(f.choices)
            else:
                values = lists.all_keys(self.store.db, f.ref)
                if f.ref == "modalities":
                    values.insert(0, GENERAL_MODALITY)
                combo.setEditable(True)
            if not f.required:
                values.insert(0, "")
            combo.addItems(values)
            return combo
        if f.type in ("list", "reflist"):
            edit = QLineEdit()
            edit.setPlaceholderText("separate items with ;")
            return edit
        if f.long:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setMinimumHeight(70)
            return text
        return QLineEdit()

    def _load(self, data: dict[str, Any]) -> None:
        for f in self.kind.fields:
            self.set_value(f.name, data.get(f.name))

    def set_value(self, name: str, value: Any) -> None:
        """Put a value in a field's editor (used by the form and by tests)."""
        editor = self.editors[name]
        f = self.kind.field(name)
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QComboBox):
            text = "" if value is None else str(value)
            if editor.findText(text) < 0:
                editor.addItem(text)
            editor.setCurrentText(text)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText("" if value is None else str(value))
        elif f.type in ("list", "reflist"):
            editor.setText(LIST_SEPARATOR.join(value or []))
        else:
            editor.setText("" if value is None else str(value))

    def value(self, name: str) -> Any:
        editor = self.editors[name]
        f = self.kind.field(name)
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentText() or None
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if f.type in ("list", "reflist"):
            return _split(editor.text())
        return editor.text()

    def values(self) -> dict[str, Any]:
        return {f.name: self.value(f.name) for f in self.kind.fields}

    def _show_status(self) -> None:
        status = editing.shipped_status(self.store, self.kind.name, self.key)
        if status.origin == "clinic":
            text = "Added by the clinic."
        elif status.newer_shipped:
            text = (
                "You edited this record, and a newer shipped text exists. "
                "History… shows both; 'Restore the shipped text' takes the newer one."
            )
        elif status.edited:
            text = "You edited this record; 'Restore the shipped text' puts Filiform's text back."
        else:
            text = "Shipped with Filiform. Your edits are kept when the content is updated."
        self.status.setText(text)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def save(self) -> None:
        """Validate and save; on any problem say why and keep the dialog open."""
        data = self.values()
        try:
            if self.key is None:
                self.saved_key = editing.add_record(self.store, self.kind.name, data)
            else:
                current = get_record(self.store.db, self.kind.name, self.key)
                changes = {n: v for n, v in data.items() if current is None or current.get(n) != v}
                changes.pop("key", None)
                editing.update_record(
                    self.store,
                    self.kind.name,
                    self.key,
                    changes,
                    expected_revision=self.opened_revision,
                )
                self.saved_key = self.key
        except editing.EditError as e:
            self.show_error(str(e))
            return
        self.accept()
