"""Ctrl+P, print preview, Export PDF… and Clinic settings… in the real main window.

Every blocking dialog (print, preview, file, message, choice) is replaced by
a fake; the fakes send the output to a PDF file, which is read back with pypdf.
"""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from db.settings import load_settings, save_settings
from desktop.actions import print_actions
from desktop.dialogs.settings_dialog import ClinicSettingsDialog, LogoField
from desktop.window.main_window import MainWindow
from tests.helpers import pdf_text


@pytest.fixture
def window(store, qtbot):
    save_settings(store.db, {"clinic_name": "Riverside Needling Clinic", "clinic_phone": "0123"})
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


class FakePrintDialog:
    """Stands in for QPrintDialog: 'prints' to a PDF file, or cancels."""

    target = None
    accept = True
    shown: list[str] = []

    def __init__(self, printer: QPrinter, parent=None):
        self.printer = printer

    def setWindowTitle(self, title: str) -> None:
        FakePrintDialog.shown.append(title)

    def exec(self) -> QDialog.DialogCode:
        if not FakePrintDialog.accept:
            return QDialog.DialogCode.Rejected
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(FakePrintDialog.target))
        return QDialog.DialogCode.Accepted


@pytest.fixture
def fake_print(monkeypatch, tmp_path):
    FakePrintDialog.target = tmp_path / "printed.pdf"
    FakePrintDialog.accept = True
    FakePrintDialog.shown = []
    monkeypatch.setattr(print_actions, "QPrintDialog", FakePrintDialog)
    return FakePrintDialog


def test_ctrl_p_prints_the_record_on_screen(window, qtbot, fake_print):
    assert window.open_record("aftercare", "dn-soreness-24-48h")
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: fake_print.target.exists())
    text = pdf_text(fake_print.target)
    assert "Soreness after dry needling is normal" in text
    assert "usually lasts less than 3 days" in text
    assert "Riverside Needling Clinic" in text and "0123" in text
    assert "Page 1 of" in text
    assert "Get urgent care straight away" in text
    assert fake_print.shown == ["Print: Soreness after dry needling is normal"]
    assert "Sent 'Soreness after dry needling is normal'" in window.statusBar().currentMessage()


def test_cancelling_the_print_dialog_prints_nothing(window, fake_print):
    fake_print.accept = False
    window.open_record("faqs", "will-it-hurt")
    window.actions_by_name["print"].trigger()
    assert not fake_print.target.exists()
    assert window.statusBar().currentMessage() == "Printing cancelled."


def test_the_letter_paper_picked_in_the_dialog_is_used(window, fake_print, monkeypatch):
    original = FakePrintDialog.exec

    def pick_letter(self):
        from PySide6.QtGui import QPageSize

        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        return original(self)

    monkeypatch.setattr(FakePrintDialog, "exec", pick_letter)
    window.open_record("faqs", "will-it-hurt")
    window.actions_by_name["print"].trigger()
    box = PdfReader(str(fake_print.target)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((612, 792), abs=1)


def test_export_pdf_writes_the_comparison_on_screen(window, monkeypatch, tmp_path):
    asked = []

    def save_as(parent, caption, suggested, filters):
        asked.append((caption, suggested))
        return str(tmp_path / "compare"), filters

    monkeypatch.setattr(print_actions.QFileDialog, "getSaveFileName", save_as)
    assert window.show_compare("acupuncture", "dry-needling")
    window.actions_by_name["export_pdf"].trigger()
    target = tmp_path / "compare.pdf"
    assert target.exists()
    assert asked[0][1].endswith(".pdf")
    text = pdf_text(target)
    assert "Acupuncture" in text and "Dry needling" in text
    assert "Riverside Needling Clinic" in text
    assert f"to {target}" in window.statusBar().currentMessage()


def test_export_to_an_unwritable_place_says_so(window, monkeypatch, tmp_path):
    warnings = []
    monkeypatch.setattr(
        print_actions.QFileDialog,
        "getSaveFileName",
        lambda *a: (str(tmp_path / "no-such-folder" / "x.pdf"), ""),
    )
    monkeypatch.setattr(
        print_actions.QMessageBox, "warning", lambda parent, title, text: warnings.append(text)
    )
    window.open_record("faqs", "will-it-hurt")
    window.actions_by_name["export_pdf"].trigger()
    assert len(warnings) == 1 and warnings[0].startswith("Cannot write")
    assert "PDF not saved" in window.statusBar().currentMessage()


def test_print_preview_paints_the_same_pages(window, monkeypatch, tmp_path):
    target = tmp_path / "preview.pdf"

    class FakePreview:
        def __init__(self, printer, parent=None):
            self.printer = printer
            self.slots = []
            self.paintRequested = self

        def connect(self, slot):
            self.slots.append(slot)

        def setWindowTitle(self, title):
            self.title = title

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            for slot in self.slots:
                slot(self.printer)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_actions, "QPrintPreviewDialog", FakePreview)
    window.open_record("aftercare", "dn-soreness-24-48h")
    window.actions_by_name["print_preview"].trigger()
    assert "Soreness after dry needling is normal" in pdf_text(target)


def test_with_nothing_on_screen_the_catalogue_is_offered(window, monkeypatch, fake_print):
    offered = []

    def get_item(parent, title, label, items, current, editable):
        offered.extend(items)
        return "Dry needling: aftercare", True

    monkeypatch.setattr(window, "current_handout", lambda: None)
    monkeypatch.setattr(print_actions.QInputDialog, "getItem", get_item)
    window.actions_by_name["print"].trigger()
    assert "Before your first needling appointment" in offered
    assert "Dry needling: aftercare" in pdf_text(fake_print.target)


def test_declining_the_catalogue_says_there_is_nothing_to_print(window, monkeypatch, fake_print):
    monkeypatch.setattr(window, "current_handout", lambda: None)
    monkeypatch.setattr(print_actions.QInputDialog, "getItem", lambda *a: ("", False))
    window.actions_by_name["print"].trigger()
    assert not fake_print.target.exists()
    assert window.statusBar().currentMessage().startswith("Nothing to print.")


def test_a_missing_logo_prints_and_the_status_bar_says_why(window, fake_print, tmp_path):
    save_settings(window.store.db, {"clinic_logo": str(tmp_path / "gone.png")})
    window.open_record("faqs", "will-it-hurt")
    window.actions_by_name["print"].trigger()
    assert "Will it hurt?" in pdf_text(fake_print.target)
    assert "The logo was left out" in window.statusBar().currentMessage()


# ---------------------------------------------------------------- clinic settings


def _png(path, color="#336699"):
    image = QImage(1200, 400, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    image.save(str(path))
    return path


def test_the_settings_dialog_saves_every_field(store, qtbot, tmp_path):
    dialog = ClinicSettingsDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.editors["clinic_name"], "Riverside <Needling> Clinic")
    qtbot.keyClicks(dialog.editors["clinic_phone"], "020 7946 0123")
    dialog.editors["clinic_address"].setPlainText("12 Mill Lane\nRiverside")
    dialog.editors["paper_size"].setCurrentIndex(dialog.editors["paper_size"].findData("letter"))
    dialog.editors["large_print"].setChecked(True)
    logo = dialog.editors["clinic_logo"]
    assert isinstance(logo, LogoField)
    assert logo.load_file(str(_png(tmp_path / "logo.png")))
    assert not logo.preview.pixmap().isNull()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = load_settings(store.db)
    assert saved["clinic_name"] == "Riverside <Needling> Clinic"
    assert saved["clinic_address"] == "12 Mill Lane\nRiverside"
    assert saved["paper_size"] == "letter" and saved["large_print"] is True
    assert saved["clinic_logo"].startswith("data:image/png;base64,")

    # The stored logo travels with the database: delete the file, it still prints.
    (tmp_path / "logo.png").unlink()
    from desktop.printing.handouts import compose

    handout = compose(store.db, "acupuncture-aftercare")
    assert handout.logo is not None and handout.logo.width() <= 900
    assert handout.paper == "letter"


def test_a_broken_logo_file_is_refused_with_a_reason(store, qtbot, tmp_path):
    dialog = ClinicSettingsDialog(store)
    qtbot.addWidget(dialog)
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not an image")
    field = dialog.editors["clinic_logo"]
    assert not field.load_file(str(bad))
    assert "cannot be used as a logo" in field.message.text()
    assert field.value == ""


def test_clinic_settings_menu_opens_the_dialog(window, monkeypatch):
    def fill_and_save(dialog):
        dialog.editors["clinic_name"].setText("New Name Clinic")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ClinicSettingsDialog, "exec", fill_and_save)
    window.actions_by_name["clinic_settings"].trigger()
    assert load_settings(window.store.db)["clinic_name"] == "New Name Clinic"
    assert "Clinic settings saved" in window.statusBar().currentMessage()


def test_a_read_only_database_shows_settings_but_cannot_change_them(store, qtbot):
    store.read_only, store.read_only_reason = True, "the file is read-only"
    dialog = ClinicSettingsDialog(store)
    qtbot.addWidget(dialog)
    assert not dialog.editors["clinic_name"].isEnabled()
    assert "Read-only" in dialog.error.text()


def test_the_a5_paper_chosen_in_the_print_dialog_is_the_page_size(window, fake_print, monkeypatch):
    """Issue 14: any paper the dialog offers is honoured, not only A4 and Letter."""
    original = FakePrintDialog.exec

    def pick_a5(self):
        from PySide6.QtGui import QPageSize

        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
        return original(self)

    monkeypatch.setattr(FakePrintDialog, "exec", pick_a5)
    window.open_record("faqs", "will-it-hurt")
    window.actions_by_name["print"].trigger()
    reader = PdfReader(str(fake_print.target))
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx((419.5, 595.3), abs=1)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Will it hurt?" in text and "When to call" in text
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in text
