"""First start: a short, skippable set-up so the first handout carries the clinic's name.

A new database prints handouts with no clinic name unless someone thinks to
open Clinic settings. On the first start the window asks for the five
details a letterhead needs (name, phone, address, website, logo); Skip is
always there, and either answer is remembered in the database so it is
asked once per database, not once per computer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from db.connection import Store
from db.frontdesk import mark_setup_done, setup_needed
from desktop.dialogs.settings_dialog import ClinicSettingsDialog

FIRST_START_KEYS = (
    "clinic_name",
    "clinic_phone",
    "clinic_address",
    "clinic_website",
    "clinic_logo",
)


class FirstStartDialog(ClinicSettingsDialog):
    """The clinic's letterhead details, with Skip for now."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent, keys=FIRST_START_KEYS)
        self.setWindowTitle("Welcome to Filiform")
        self.intro.setText(
            "Before the first handout: your clinic's name and phone number go at the top "
            "of every page patients take home. Fill in what you have now; everything can "
            "be changed later in File > Clinic settings."
        )
        self.skip_button = self.buttons.addButton(
            "Skip for now", QDialogButtonBox.ButtonRole.RejectRole
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            self.buttons.removeButton(cancel)
        self.finished.connect(self._remember)

    def _remember(self, _result: int) -> None:
        """Asked once per database, whether it was filled in or skipped."""
        if not self.store.read_only:
            mark_setup_done(self.store.db)


def offer_first_start(store: Store, parent: QWidget | None = None) -> FirstStartDialog | None:
    """Open the set-up (window-modal, not blocking) when this database has never had it."""
    if store.read_only or not setup_needed(store.db):
        return None
    dialog = FirstStartDialog(store, parent)
    dialog.open()
    return dialog
