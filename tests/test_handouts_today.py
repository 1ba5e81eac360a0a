"""Today's treatment sheet: from the command line and from the desk, nothing stored."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from desktop.actions import print_actions
from desktop.cli.verbs import run
from desktop.dialogs.today_dialog import TodaySheetDialog
from desktop.printing.handouts import HandoutError, compose
from desktop.printing.printer import render_pdf
from desktop.printing.today import region_key


def _text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages), len(reader.pages)


def run_main(args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(args, out, err), err.getvalue()


def _tables(db) -> dict[str, int]:
    return {t: db[t].count for t in db.table_names() if not t.startswith("search")}


def test_the_cli_prints_todays_sheet_with_aftercare_and_when_to_call(db_path, tmp_path, qapp):
    out = tmp_path / "today.pdf"
    status, _err = run_main(
        [
            "--db", str(db_path), "handout", "today", "--modality", "dry-needling",
            "--regions", "neck-back,Shoulder blade,shoulder", "--points", "TrP-upper-trapezius",
            "--note", "Next appointment Tuesday 10:30", "--pdf", str(out),
        ]
    )  # fmt: skip
    assert status == 0
    text, pages = _text(out.read_bytes())
    assert pages <= 2  # like aftercare: at most two pages
    assert "Your treatment today" in text and "Dry needling" in text
    assert "Back of the neck, Shoulder blade, Shoulder" in text
    assert "Upper trapezius" in text
    assert "Next appointment Tuesday 10:30" in text
    assert "What is normal" in text and "Soreness after dry needling is normal" in text
    assert "When to call" in text and "Can start up to 2 days later." in text


def test_plain_region_names_are_accepted_and_unknown_ones_explained(store, qapp):
    assert region_key(store.db, "neck") == "neck-back"
    assert region_key(store.db, "Back of the neck") == "neck-back"
    assert region_key(store.db, "LOWER-BACK") == "lower-back"
    assert region_key(store.db, "tailbone") == "sacrum"
    with pytest.raises(HandoutError, match="'elbowz' is not a body region"):
        compose(store.db, "today", {"modality": "dry-needling", "regions": "elbowz"})
    with pytest.raises(HandoutError, match="needs a treatment"):
        compose(store.db, "today", {"regions": "neck"})


def test_a_bad_region_on_the_command_line_is_one_sentence(db_path, tmp_path, qapp):
    status, err = run_main(
        ["--db", str(db_path), "handout", "today", "--modality", "dry-needling",
         "--regions", "nek", "--pdf", str(tmp_path / "t.pdf")]
    )  # fmt: skip
    assert status == 1
    assert "'nek' is not a body region" in err
    assert not (tmp_path / "t.pdf").exists()


def test_the_desk_dialog_prints_the_sheet_and_stores_nothing(window, monkeypatch, tmp_path):
    printed = []

    class FakeToday(TodaySheetDialog):
        def exec(self):
            self.modality.setCurrentIndex(self.modality.findData("acupuncture"))
            for i in range(self.regions.count()):
                if self.regions.item(i).data(256) in ("lower-back", "hip"):
                    self.regions.item(i).setCheckState(print_actions.Qt.CheckState.Checked)
            self.note.setText("Next visit in two weeks")
            return self.PRINT

    monkeypatch.setattr(print_actions, "print_handout", lambda w, h: printed.append(h))
    before = _tables(window.store.db)
    print_actions.today_sheet(window, FakeToday)
    assert len(printed) == 1
    text, pages = _text(render_pdf(printed[0])[0])
    assert pages <= 2  # like aftercare: at most two pages
    assert "Acupuncture" in text and "Lower back, Hip" in text
    assert "Next visit in two weeks" in text and "When to call" in text
    assert _tables(window.store.db) == before
    assert "today_sheet" in window.actions_by_name
