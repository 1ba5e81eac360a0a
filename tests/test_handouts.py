"""Handouts as a patient gets them: every one exported to PDF and read back with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from db.settings import save_settings
from desktop.printing.handouts import GENERAL_NOTE, HandoutError, catalogue, compose, format_date
from desktop.printing.printer import render_pdf

CLINIC = {
    "clinic_name": "Riverside Needling Clinic",
    "clinic_phone": "020 7946 0123",
    "clinic_email": "desk@riverside.example",
    "clinic_website": "riverside.example",
    "clinic_address": "12 Mill Lane\nRiverside RS1 2AB",
    "handout_footer": "Open Monday to Friday, 8am to 6pm.",
}
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


@pytest.fixture
def db(store, qapp):
    """The shipped database with a clinic's details filled in."""
    save_settings(store.db, CLINIC)
    return store.db


def flat(text: str) -> str:
    return " ".join(text.split())


def export(db, name: str, params: dict | None = None, **kwargs) -> PdfReader:
    data, pages = render_pdf(compose(db, name, params, **kwargs))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == pages
    return reader


def page_texts(reader: PdfReader) -> list[str]:
    """Each page's text as a person reads it (pypdf gives tabs between words)."""
    return [flat(page.extract_text()) for page in reader.pages]


def test_at_least_six_named_handouts_ship_including_the_required_ones(db):
    names = [h.name for h in catalogue(db)]
    assert len(names) >= 6
    for required in (
        "acupuncture-what-to-expect",
        "acupuncture-aftercare",
        "dry-needling-what-to-expect",
        "dry-needling-aftercare",
        "acupuncture-vs-dry-needling",
        "before-your-first-appointment",
    ):
        assert required in names
    assert len(set(names)) == len(names)


def test_every_modality_in_the_database_gets_its_two_handouts(db):
    names = {h.name for h in catalogue(db)}
    for row in db.query("SELECT key FROM modalities WHERE hidden = 0"):
        assert f"{row['key']}-what-to-expect" in names
        assert f"{row['key']}-aftercare" in names


def test_every_page_of_every_handout_carries_clinic_date_page_number_and_note(db):
    today = format_date(date.today())
    for info in catalogue(db):
        texts = page_texts(export(db, info.name))
        count = len(texts)
        for number, text in enumerate(texts, 1):
            where = f"{info.name} page {number}"
            assert CLINIC["clinic_name"] in text, where
            assert CLINIC["clinic_phone"] in text, where
            assert today in text, where
            assert f"page {number} of {count}" in text.lower(), where
            assert GENERAL_NOTE in text, where
            assert CLINIC["handout_footer"] in text, where
        whole = " ".join(texts)
        assert info.title in whole, info.name
        # "When to call" is never left out.
        assert "Get urgent care straight away" in whole, info.name
        assert "short of breath" in whole, info.name


def test_dry_needling_aftercare_says_soreness_is_normal_and_usually_gone_in_3_days(db):
    text = " ".join(page_texts(export(db, "dry-needling-aftercare")))
    assert "What is normal" in text
    assert "Soreness after dry needling is normal" in text
    assert "Usually: starts within hours, gone within 3 days" in text
    assert "usually lasts less than 3 days" in text


def test_aftercare_frames_every_contact_and_urgent_note(db):
    text = " ".join(page_texts(export(db, "dry-needling-aftercare")))
    notes = list(
        db.query(
            "SELECT title, level FROM aftercare WHERE hidden = 0 "
            "AND modality IN ('dry-needling', 'general') AND level IN ('contact', 'urgent')"
        )
    )
    assert any(n["level"] == "urgent" for n in notes)
    for note in notes:
        assert flat(note["title"]) in text
    assert "Get urgent care straight away" in text
    assert "Call the clinic" in text


def test_what_to_expect_covers_each_phase_and_the_session(db):
    text = " ".join(page_texts(export(db, "acupuncture-what-to-expect")))
    for heading in ("What it is", "Before your session", "During your session"):
        assert heading in text
    assert "20 to 40 minutes" in text
    assert "(Vickers 2018)" not in text  # citations are for staff, not patients


def test_first_appointment_asks_about_what_keeps_people_safe(db):
    text = " ".join(page_texts(export(db, "before-your-first-appointment"))).lower()
    for thing in (
        "pregnant",
        "blood thinners",
        "bleeding disorder",
        "lymphoedema",
        "afraid of needles",
        "pacemaker",
        "electrical stimulation",
    ):
        assert thing in text, thing


def test_acupuncture_vs_dry_needling_puts_both_side_by_side(db):
    text = " ".join(page_texts(export(db, "acupuncture-vs-dry-needling")))
    assert "Acupuncture and dry needling: how they differ" in text
    assert "Traditional Chinese Medicine" in text
    assert "trigger point" in text
    assert "Strength of the evidence" in text


def test_a_clinic_edit_appears_in_the_handout(db):
    db.execute(
        "UPDATE aftercare SET text = ? WHERE key = 'dn-soreness-24-48h'",
        ["Our physios suggest a warm bath the evening after dry needling."],
    )
    db.conn.commit()
    text = " ".join(page_texts(export(db, "dry-needling-aftercare")))
    assert "Our physios suggest a warm bath" in text


def test_when_to_call_stays_even_if_every_urgent_note_is_hidden(db):
    db.execute("UPDATE aftercare SET hidden = 1 WHERE level IN ('contact', 'urgent')")
    db.conn.commit()
    text = " ".join(page_texts(export(db, "dry-needling-aftercare")))
    assert "When to call" in text
    assert "Get urgent care straight away" in text
    assert "chest pain" in text


def test_large_print_gives_more_pages_and_bigger_type(db):
    for name in ("dry-needling-aftercare", "acupuncture-what-to-expect"):
        normal = export(db, name, large_print=False)
        large = export(db, name, large_print=True)
        assert len(large.pages) > len(normal.pages), name


def test_large_print_setting_is_the_default(db):
    normal = len(export(db, "dry-needling-aftercare").pages)
    save_settings(db, {"large_print": True})
    assert len(export(db, "dry-needling-aftercare").pages) > normal


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_paper_size_sets_the_page_size_in_points(db, paper, size):
    reader = export(db, "acupuncture-aftercare", paper=paper)
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(size[0], abs=1)
        assert float(box.height) == pytest.approx(size[1], abs=1)


def test_paper_size_setting_is_the_default(db):
    save_settings(db, {"paper_size": "letter"})
    box = export(db, "acupuncture-aftercare").pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(LETTER, abs=1)


def test_html_typed_into_a_record_prints_as_literal_text(db):
    db.execute(
        "UPDATE aftercare SET title = ?, text = ? WHERE key = 'dn-soreness-24-48h'",
        [
            "<script>alert('x')</script> Sore muscles",
            'See <img src="http://example.com/x.png"> & <b>rest</b>.',
        ],
    )
    db.conn.commit()
    save_settings(db, {"clinic_name": "<i>Riverside</i> & Co"})
    handout = compose(db, "dry-needling-aftercare")
    assert "<script>" not in handout.body_html
    assert "<i>Riverside" not in handout.header_html
    text = " ".join(page_texts(PdfReader(io.BytesIO(render_pdf(handout)[0]))))
    assert "<script>alert('x')</script> Sore muscles" in text
    assert 'See <img src="http://example.com/x.png"> & <b>rest</b>.' in text
    assert "<i>Riverside</i> & Co" in text


def test_a_single_record_and_a_comparison_print_with_when_to_call(db):
    text = " ".join(page_texts(export(db, "record", {"kind": "faqs", "key": "will-it-hurt"})))
    assert "Will it hurt?" in text
    assert "Get urgent care straight away" in text
    text = " ".join(page_texts(export(db, "compare/acupuncture/dry-needling")))
    assert "Acupuncture" in text and "Dry needling" in text
    assert CLINIC["clinic_phone"] in text


def test_unknown_handouts_and_records_say_what_is_known(db):
    with pytest.raises(HandoutError, match="Known handouts: .*dry-needling-aftercare"):
        compose(db, "dry-needling-afercare")
    with pytest.raises(HandoutError, match="no patient question 'nope'"):
        compose(db, "record", {"kind": "faqs", "key": "nope"})
    with pytest.raises(HandoutError, match="no modality"):
        compose(db, "compare", {"a": "acupuncture", "b": "nope"})


def test_a_handout_with_no_clinic_details_still_prints(store, qapp):
    texts = page_texts(export(store.db, "dry-needling-aftercare"))
    assert "page 1 of" in texts[0].lower()
    assert GENERAL_NOTE in texts[0]


def _template_prose(path) -> str:
    """The fixed patient-facing words in a template: no Jinja, no tags."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\{#.*?#\}", " ", text, flags=re.S)
    text = re.sub(r"\{[%{].*?[%}]\}", " ", text, flags=re.S)
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def test_the_fixed_handout_wording_reads_at_about_grade_8_and_promises_no_cure():
    import textstat

    from db.paths import TEMPLATES_DIR

    for path in sorted((TEMPLATES_DIR / "handouts").glob("*.html")):
        prose = _template_prose(path)
        assert "cure" not in prose.lower(), path.name
        if len(prose.split()) >= 40:
            assert textstat.flesch_kincaid_grade(prose) <= 9, path.name


def test_the_readme_shows_page_images_of_two_handouts_that_the_script_writes():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"\]\((docs/handouts/[^)]+\.png)\)", readme)
    assert len({i.rsplit("-", 1)[0] for i in images}) >= 2
    for image in images:
        assert (root / image).is_file(), image
    script = (root / "scripts" / "render_handout_images.py").read_text(encoding="utf-8")
    assert "pdftoppm" in script and "docs" in script
    assert "scripts/render_handout_images.py" in readme
