"""Today's treatment sheet, at the desk: pick, tick, add a note, preview or print.

The dialog keeps nothing: its choices go to `compose(db, "today", ...)` and
onto paper, and are gone when it closes (no database row, no QSettings).
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
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.records import Record
from desktop.printing.today import MAX_NOTE_CHARS


class TodaySheetDialog(QDialog):
    """Modality, regions ticked, points and a one-line note; Preview… and Print…."""

    PREVIEW = 2
    PRINT = 3

    def __init__(
        self,
        modalities: list[Record],
        regions: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Today's treatment sheet")
        self.modality = QComboBox()
        for m in modalities:
            self.modality.addItem(m.title, m.key)
        dn = self.modality.findData("dry-needling")
        if dn >= 0:
            self.modality.setCurrentIndex(dn)
        self.regions = QListWidget()
        for key, label in regions.items():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.regions.addItem(item)
        self.points = QLineEdit()
        self.points.setPlaceholderText("e.g. LI4, ST36 (optional)")
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE_CHARS)
        self.note.setPlaceholderText("e.g. Next appointment Tuesday 10:30")
        form = QFormLayout()
        form.addRow("&Treatment:", self.modality)
        form.addRow("&Where treated:", self.regions)
        form.addRow("P&oints:", self.points)
        form.addRow("&Note:", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = QPushButton("Pre&view…")
        self.print_button = QPushButton("&Print…")
        self.print_button.setDefault(True)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.clicked.connect(lambda: self.done(self.PREVIEW))
        self.print_button.clicked.connect(lambda: self.done(self.PRINT))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Nothing here is saved: it goes on the sheet only."))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def checked_regions(self) -> list[str]:
        return [
            self.regions.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.regions.count())
            if self.regions.item(i).checkState() == Qt.CheckState.Checked
        ]

    def params(self) -> dict[str, Any]:
        """What `compose(db, "today", params)` needs."""
        return {
            "modality": self.modality.currentData(),
            "regions": self.checked_regions(),
            "points": self.points.text(),
            "note": self.note.text(),
        }
