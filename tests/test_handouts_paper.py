"""Issue 14: handouts that waste no paper, say each warning once and speak only to the patient.

Every named handout is exported to PDF and read back with pypdf, on A4 and
Letter, in normal and large print.
"""

from __future__ import annotations

import io
import re
import shutil

import pytest
from pypdf import PdfReader

from db.connection import open_store
from db.editing import add_record, update_record
from db.plain_text import first_sentence
from db.settings import save_settings
from desktop.printing.handouts import catalogue, compose
from desktop.printing.printer import render_pdf
from desktop.printing.qr import qr_target
from desktop.printing.when_to_call import call_section, time_label

CLINIC = {
    "clinic_name": "Riverside Needling Clinic",
    "clinic_phone": "020 7946 0123",
    "clinic_website": "riverside.example",
    "clinic_address": "12 Mill Lane\nRiverside RS1 2AB",
}
SINGLE_ANSWERS = (
    "record/faqs/will-it-hurt",
    "record/faqs/breathless-after",
    "record/faqs/can-i-drive",
)


def _pages(db, name: str, **kwargs) -> list[str]:
    data, count = render_pdf(compose(db, name, **kwargs))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == count
    return [" ".join(p.extract_text().split()) for p in reader.pages]


def _chrome(db) -> set[str]:
    """Words the header and footer print on every page (not body text)."""
    blank = _pages(db, "record/faqs/will-it-hurt")[0]
    head = blank.split("Will it hurt?")[0]
    foot = blank.split("This handout is general information")[-1]
    return (
        set(head.split()) | set(foot.split()) | {"This", "handout", "is", "general", "information"}
    )


@pytest.fixture(scope="module")
def shipped_store_module(built_db, tmp_path_factory, qapp):
    """One copy of the shipped database, branded, shared by the read-only tests here."""
    path = tmp_path_factory.mktemp("paper") / "filiform.sqlite3"
    shutil.copyfile(built_db, path)
    store = open_store(path)
    save_settings(store.db, CLINIC)
    yield store
    store.close()


@pytest.fixture(scope="module")
def counts(shipped_store_module):
    """{(name, paper, large): page texts} for every named handout and three single answers."""
    db = shipped_store_module.db
    names = [i.name for i in catalogue(db)] + list(SINGLE_ANSWERS)
    return {
        (name, paper, large): _pages(db, name, paper=paper, large_print=large)
        for name in names
        for paper in ("a4", "letter")
        for large in (False, True)
    }


def test_page_counts_waste_no_paper(counts):
    for (name, paper, large), pages in counts.items():
        normal = len(counts[(name, paper, False)])
        if name.startswith("record/faqs/") and not large:
            assert len(pages) == 1, (name, paper)
        if name.endswith("-aftercare") and not large:
            assert len(pages) <= 2, (name, paper)
        if large:
            assert len(pages) <= 2 * normal, (name, paper, len(pages), normal)


def test_every_page_carries_body_text_and_every_handout_says_when_to_call(
    counts, shipped_store_module
):
    chrome = _chrome(shipped_store_module.db)
    for (name, paper, large), pages in counts.items():
        for number, text in enumerate(pages, 1):
            body = [w for w in text.split() if w not in chrome]
            assert len(body) >= 25, (name, paper, large, number, text[:200])
        assert "When to call" in " ".join(pages), (name, paper, large)


def test_no_handout_prints_the_same_warning_twice(counts, shipped_store_module):
    db = shipped_store_module.db
    notes = list(db.query("SELECT title, text FROM aftercare WHERE level = 'urgent'"))
    for (name, _paper, _large), pages in counts.items():
        text = " ".join(pages)
        for note in notes:
            assert text.count(" ".join(note["title"].split())) <= 1, (name, note["title"])
            opening = " ".join(first_sentence(note["text"]).split())
            assert text.count(opening) <= 1, (name, opening)


def test_time_labels_say_when_signs_can_start_not_a_deadline(counts):
    text = " ".join(counts[("dry-needling-aftercare", "a4", False)])
    assert "Can start up to 2 days later." in text
    assert "· up to 2 days after" not in text
    assert time_label("1-7 days") == "Can start 1 to 7 days later."
    assert time_label("same day to 1 week") == "Can start the same day or up to 1 week later."
    assert time_label("during and soon after treatment") == (
        "Can happen during or soon after treatment."
    )
    assert time_label("whenever") == "When it can start: whenever."


def test_two_notes_that_say_the_same_thing_print_once(store, qapp):
    """A clinic adds its own chest warning beside the shipped one: one box, not two."""
    add_record(
        store,
        "aftercare",
        {
            "key": "clinic-chest-breathless",
            "modality": "acupuncture",
            "title": "Short of breath after acupuncture on the chest or upper back",
            "text": "After needles near your chest, back, shoulder or neck, get urgent care if "
            "you are short of breath or have chest pain, pain on breathing in, or new pain "
            "in the upper back. A needle can rarely puncture a lung.",
            "time_frame": "up to 2 days after",
            "level": "urgent",
            "sources": ["huisma-2015"],
        },
    )
    section = call_section(store.db, ["acupuncture"])
    assert len(section.urgent) == 1
    assert len(section.urgent[0].records) == 2
    text = " ".join(_pages(store.db, "record/faqs/will-it-hurt"))
    assert "Short of breath after acupuncture on the chest" not in text
    assert text.count("A needle can rarely puncture a lung") == 1


def test_a_long_clinic_edited_urgent_note_prints_whole_in_large_print(store, qapp):
    """Taller than 45% of a page: it may run on, but its label stays with its first lines."""
    long_text = "\n\n".join(
        f"Paragraph {i}: if you are short of breath or your chest hurts after needling, "
        "call your local emergency number and say you had needling. Do not drive yourself."
        for i in range(1, 13)
    )
    update_record(store, "aftercare", "needle-chest-breathless", {"text": long_text})
    pages = _pages(store.db, "dry-needling-aftercare", large_print=True)
    text = " ".join(pages)
    for i in range(1, 13):
        assert f"Paragraph {i}:" in text
    for page in pages:
        assert len(page.split()) > 60, page[:200]
    label = "Get urgent care straight away"
    first = next(p for p in pages if label in p)
    assert "Paragraph 1:" in first


def test_a_point_handout_is_patient_text_with_numbered_sources(store, qapp):
    save_settings(store.db, CLINIC)
    text = " ".join(_pages(store.db, "record/points/ST36"))
    assert "Where it is" in text and "Why it may be used" in text
    for internal in ("Kind acupoint", "Categories", "Corresponding points", "Point selection"):
        assert internal not in text
    patient_text = text.split("Sources 1.")[0]
    assert not re.search(r"\([^()]*(?:19|20)\d\d\)", patient_text), "author-year left"
    assert "Sources" in text and re.search(r"\[1\]", text)
    assert re.search(r"Sources 1\. \S", text)


def test_patient_only_handouts_leave_the_sources_out(store, qapp):
    save_settings(store.db, {**CLINIC, "handout_sources": False})
    text = " ".join(_pages(store.db, "record/points/ST36"))
    assert "Sources" not in text
    assert not re.search(r"\[\d+\]", text)
    assert "Where it is" in text


def test_the_clinic_is_on_every_page_and_a_qr_code_leads_to_booking(store, qapp):
    save_settings(store.db, {**CLINIC, "clinic_booking_url": "https://riverside.example/book"})
    handout = compose(store.db, "dry-needling-aftercare")
    reader = PdfReader(io.BytesIO(render_pdf(handout)[0]))
    for page in reader.pages:
        text = " ".join(page.extract_text().split())
        assert "Riverside Needling Clinic" in text and "020 7946 0123" in text
        assert "12 Mill Lane, Riverside RS1 2AB" in text and "riverside.example" in text
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Scan to book your next visit https://riverside.example/book" in text
    assert len(reader.pages[-1].images) == 1  # the QR code, once, under "When to call"
    assert qr_target({"clinic_website": "riverside.example"}) == "https://riverside.example"
    assert qr_target({}) == ""


def test_a_new_database_prints_lines_to_write_the_clinic_in(store, qapp):
    text = _pages(store.db, "record/faqs/will-it-hurt")[0]
    assert "Clinic: ____" in text and "Phone: ____" in text
    reader = PdfReader(io.BytesIO(render_pdf(compose(store.db, "record/faqs/will-it-hurt"))[0]))
    assert len(reader.pages[0].images) == 0  # no website: no QR code
