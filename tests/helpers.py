"""Small helpers the tests share."""

from __future__ import annotations

from pypdf import PdfReader

from db.records import get_record


def modalities_of(db, kind: str, key: str) -> set[str]:
    """Which modalities a search hit is about (what a person would read off it)."""
    if kind == "modalities":
        return {key}
    record = get_record(db, kind, key)
    if record is None:
        return set()
    found = set(record.get("modalities", []))
    if record.get("modality"):
        found.add(record["modality"])
    return found


def pdf_text(path) -> str:
    """All the words of a PDF file, as a person would read them, on one line."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


def show_active(qtbot, w) -> None:
    """Show the window and make it active, as shortcuts only reach the active window."""
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
