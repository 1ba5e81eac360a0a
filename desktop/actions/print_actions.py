"""The File menu's Print…, Print preview…, Export PDF… and Clinic settings….

`desktop.actions.print_menu` puts them in the File menu and imports this
module the first time one is chosen. Each takes the main window
(as `desktop.actions.api.WindowApi`), asks it what is on screen
(`window.current_handout()`: ("record", {kind, key}), ("compare", {a, b}) or
None), composes that handout and sends it to the printer, the preview or a
file. With nothing on screen, it offers the catalogue of named handouts.
A handout renders in tens of milliseconds, so the work runs on the GUI
thread under a wait cursor; the only long waits are the person's own, in the
dialogs. Messages go to the status bar; a failure to save also gets a dialog.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from db.records import list_records
from desktop.actions.api import WindowApi
from desktop.printing.printer import (
    PrintableHandout,
    PrintError,
    page_layout,
    paint_handout,
    write_pdf,
)

STATUS_MS = 8000
NOTHING_OPEN = "Open a record or the Compare tab first, or choose one of the named handouts."


def _status(window: WindowApi, text: str) -> None:
    window.statusBar().showMessage(text, STATUS_MS)


@contextmanager
def _busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def choose_named_handout(window: WindowApi) -> str | None:
    """Ask which named handout to print when nothing printable is on screen."""
    from desktop.printing.handouts import catalogue  # loaded when first printed, not at start

    items = catalogue(window.store.db)
    if not items:
        return None
    titles = [item.title for item in items]
    title, ok = QInputDialog.getItem(
        window,
        "Choose a handout",
        "Nothing on screen to print. Print this handout:",
        titles,
        0,
        False,
    )
    if not ok or title not in titles:
        return None
    return items[titles.index(title)].name


def current_handout(window: WindowApi) -> PrintableHandout | None:
    """Compose what is on screen (or a handout the person picks); None if there is nothing."""
    wanted = window.current_handout() if hasattr(window, "current_handout") else None
    if wanted is None:
        name = choose_named_handout(window)
        if name is None:
            _status(window, f"Nothing to print. {NOTHING_OPEN}")
            return None
        wanted = (name, {})
    name, params = wanted
    from desktop.printing.handouts import HandoutError, compose  # not on the start-up path

    try:
        with _busy():
            handout = compose(window.store.db, name, params)
    except HandoutError as e:
        _status(window, f"Cannot print this: {e}")
        return None
    return handout


def _notes(handout: PrintableHandout) -> str:
    return (" " + " ".join(handout.notes)) if handout.notes else ""


def _page_of(printer: QPrinter) -> QPageSize | None:
    """The paper the person picked in the print dialog (A4, Letter, A5, ...), if valid."""
    chosen = printer.pageLayout().pageSize()
    return QPageSize(chosen) if chosen.isValid() else None


def new_printer(handout: PrintableHandout) -> QPrinter:
    """A printer set to the handout's paper, full-page (the design has its own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(handout.title)
    printer.setCreator("Filiform")
    printer.setPageLayout(page_layout(handout.paper))
    printer.setFullPage(True)
    return printer


def _paint(printer: QPrinter, handout: PrintableHandout) -> int:
    printer.setFullPage(True)
    fitted = dataclasses.replace(handout, page=_page_of(printer))
    with _busy():
        return paint_handout(printer, fitted)


def print_current(window: WindowApi) -> None:
    """Ctrl+P: the print dialog for what is on screen, then print it."""
    handout = current_handout(window)
    if handout is None:
        return
    print_handout(window, handout)


def print_handout(window: WindowApi, handout: PrintableHandout) -> None:
    """The print dialog for a composed handout, then print it (status bar says where)."""
    printer = new_printer(handout)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle(f"Print: {handout.title}")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        _status(window, "Printing cancelled.")
        return
    try:
        pages = _paint(printer, handout)
    except PrintError as e:
        QMessageBox.warning(window, "Not printed", str(e))
        _status(window, f"Not printed: {e}")
        return
    where = printer.printerName() or printer.outputFileName() or "the printer"
    _status(window, f"Sent '{handout.title}' ({pages} pages) to {where}.{_notes(handout)}")


def preview_current(window: WindowApi) -> None:
    """Print preview of what is on screen, laid out exactly as it will print."""
    handout = current_handout(window)
    if handout is None:
        return
    preview_handout(window, handout)


def preview_handout(window: WindowApi, handout: PrintableHandout) -> None:
    """Print preview of a composed handout; printing from it uses the paper chosen there."""
    printer = new_printer(handout)
    preview = QPrintPreviewDialog(printer, window)
    preview.setWindowTitle(f"Print preview: {handout.title}")
    preview.paintRequested.connect(lambda p: _paint(p, handout))
    preview.exec()
    if handout.notes:
        _status(window, " ".join(handout.notes))


def _file_name(title: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()
    return f"{slug or 'handout'}.pdf"


def export_pdf_current(window: WindowApi) -> None:
    """Export PDF…: ask where, then write what is on screen as a PDF file."""
    handout = current_handout(window)
    if handout is None:
        return
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder or Path.home()) / _file_name(handout.title))
    path, _ = QFileDialog.getSaveFileName(
        window, f"Export PDF: {handout.title}", suggested, "PDF files (*.pdf)"
    )
    if not path:
        _status(window, "Export cancelled.")
        return
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    try:
        with _busy():
            result = write_pdf(handout, path)
    except PrintError as e:
        QMessageBox.warning(window, "PDF not saved", str(e))
        _status(window, f"PDF not saved: {e}")
        return
    _status(window, f"Saved '{handout.title}' ({result.pages} pages) to {path}.{_notes(handout)}")


def today_sheet(window: WindowApi, dialog_factory: Callable[..., Any] | None = None) -> None:
    """Today's treatment sheet…: pick, tick, note, then preview or print; nothing is kept."""
    from desktop.dialogs.today_dialog import TodaySheetDialog
    from desktop.printing.handouts import HandoutError, compose
    from desktop.printing.today import body_regions

    modalities = list_records(window.store.db, "modalities")
    regions = body_regions(window.store.db)
    dialog = (dialog_factory or TodaySheetDialog)(modalities, regions, window)
    choice = dialog.exec()
    if choice not in (TodaySheetDialog.PREVIEW, TodaySheetDialog.PRINT):
        _status(window, "Today's sheet cancelled.")
        return
    try:
        with _busy():
            handout = compose(window.store.db, "today", dialog.params())
    except HandoutError as e:
        _status(window, f"Cannot print today's sheet: {e}")
        return
    if choice == TodaySheetDialog.PREVIEW:
        preview_handout(window, handout)
    else:
        print_handout(window, handout)


def open_clinic_settings(
    window: WindowApi, dialog_factory: Callable[..., QDialog] | None = None
) -> None:
    """Clinic settings…: edit the details printed on every handout."""
    from desktop.dialogs.settings_dialog import ClinicSettingsDialog

    dialog = (dialog_factory or ClinicSettingsDialog)(window.store, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        _status(window, "Clinic settings saved. New handouts use them.")
