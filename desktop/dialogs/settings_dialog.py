"""The clinic settings dialog: the details printed on every handout page.

Fields are built from the one registry in `db.settings`, so a setting added
there appears here. The logo is copied into the database (scaled down, as
PNG) rather than referenced by path, so a backup or a second front-desk
computer prints the same letterhead.
"""

from __future__ import annotations

import base64
from typing import Any

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.connection import Store
from db.errors import FiliformError
from db.settings import SETTINGS, Setting, load_settings, save_settings
from desktop.printing.logo import LOGO_DATA_PREFIX, load_logo

LOGO_MAX = (900, 300)  # stored logo, px: sharp in print at the header's size, small in the file
LOGO_PREVIEW = (180, 60)


def encode_logo(image: QImage) -> str:
    """A logo as the PNG data URI stored in the settings, scaled down if large."""
    if image.width() > LOGO_MAX[0] or image.height() > LOGO_MAX[1]:
        image = image.scaled(
            *LOGO_MAX,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return LOGO_DATA_PREFIX + base64.b64encode(bytes(buffer.data().data())).decode("ascii")


class LogoField(QWidget):
    """Choose or remove the logo; shows it, or says why it cannot be used."""

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self.preview = QLabel()
        self.preview.setAccessibleName("Logo preview")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.choose_button = QPushButton("Choose…")
        self.remove_button = QPushButton("Remove")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._show()

    def _show(self) -> None:
        image, problem = load_logo(self.value)
        self.remove_button.setEnabled(bool(self.value))
        if image is None:
            self.preview.clear()
            self.preview.setText("" if problem else "No logo: handouts print the clinic name.")
            self.message.setText(problem or "")
            return
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                *LOGO_PREVIEW,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.message.setText("")

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the clinic's logo", "", "Images (*.png *.jpg *.jpeg *.bmp *.gif)"
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> bool:
        """Copy an image file into the setting; on failure keep the old logo and say why."""
        reader = QImageReader(path)
        image = reader.read()
        if image.isNull():
            self.message.setText(f"That file cannot be used as a logo: {reader.errorString()}.")
            return False
        self.value = encode_logo(image)
        self._show()
        return True

    def remove(self) -> None:
        self.value = ""
        self._show()


class ClinicSettingsDialog(QDialog):
    """Edit every clinic setting; Save writes them all in one transaction."""

    def __init__(
        self, store: Store, parent: QWidget | None = None, keys: tuple[str, ...] = ()
    ) -> None:
        """`keys` limits the dialog to those settings (the first-start set-up)."""
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Clinic settings")
        self.setMinimumWidth(520)
        self.editors: dict[str, QWidget] = {}
        values = load_settings(store.db)
        intro = QLabel(
            "These details are printed on every handout page. They are saved in the "
            "database, so they travel with it."
        )
        intro.setWordWrap(True)
        self.intro = intro
        form = QFormLayout()
        for setting in SETTINGS:
            if keys and setting.key not in keys:
                continue
            editor = self._editor(setting, values[setting.key])
            editor.setAccessibleName(setting.label)
            if setting.help:
                editor.setToolTip(setting.help)
            self.editors[setting.key] = editor
            form.addRow(setting.label + ":", editor)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #8b0000")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if store.read_only:
            self.error.setText(f"Read-only: {store.read_only_reason}. Settings cannot be changed.")
            for editor in self.editors.values():
                editor.setEnabled(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

    def _editor(self, setting: Setting, value: Any) -> QWidget:
        if setting.type == "bool":
            box = QCheckBox("Print handouts in large type")
            box.setChecked(bool(value))
            return box
        if setting.type == "choice":
            combo = QComboBox()
            for choice in setting.choices:
                combo.addItem(setting.choice_label(choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if setting.type == "multiline":
            edit = QPlainTextEdit(str(value))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            return edit
        if setting.type == "path":
            return LogoField(str(value))
        line = QLineEdit(str(value))
        if setting.help:
            line.setPlaceholderText(setting.help)
        return line

    def values(self) -> dict[str, Any]:
        """What the dialog holds now, by setting key."""
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QCheckBox):
                out[key] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                out[key] = editor.currentData()
            elif isinstance(editor, QPlainTextEdit):
                out[key] = editor.toPlainText()
            elif isinstance(editor, LogoField):
                out[key] = editor.value
            elif isinstance(editor, QLineEdit):
                out[key] = editor.text()
        return out

    def accept(self) -> None:
        """Save, or stay open and say why not."""
        try:
            save_settings(self.store.db, self.values())
        except FiliformError as e:  # a value not allowed, or the file refused it
            self.error.setText(f"Not saved: {e}")
            return
        super().accept()
