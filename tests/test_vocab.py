"""Each vocabulary is spelled once (db/vocab.py) and reads the same everywhere."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from db import vocab
from db.kinds import KINDS
from desktop.cli.verbs import UsageError, build_parser
from desktop.dialogs.settings_dialog import ClinicSettingsDialog
from desktop.printing.handouts import compose
from desktop.printing.printer import PAPER_SIZES, render_pdf
from desktop.rendering.record_context import render_compare


@pytest.mark.parametrize(
    ("kind", "field", "vocabulary"),
    [
        ("aftercare", "level", vocab.AFTERCARE_LEVEL),
        ("expectations", "phase", vocab.PHASE),
        ("safety", "category", vocab.SAFETY_CATEGORY),
        ("safety", "severity", vocab.SAFETY_SEVERITY),
        ("points", "kind", vocab.POINT_KIND),
        ("rationales", "strategy", vocab.STRATEGY),
    ],
)
def test_the_kinds_take_their_choices_from_the_vocabularies(kind, field, vocabulary):
    assert KINDS[kind].field(field).choices == vocabulary.keys


def test_an_urgent_note_reads_the_same_in_the_list_the_detail_and_on_paper(window, store, qapp):
    label = vocab.AFTERCARE_LEVEL.label("urgent")
    view = window.view("aftercare")
    rows = [r for r in range(view.model.rowCount()) if view.model.index(r, 2).data() == label]
    assert rows, "the aftercare list shows the urgent label"
    view.show_record("aftercare", view.model.key_at(rows[0]))
    assert label in view.detail.toPlainText()
    handout = compose(store.db, "electroacupuncture-aftercare")
    pages = PdfReader(io.BytesIO(render_pdf(handout)[0])).pages
    printed = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert label.upper() in printed
    # and no other wording of the same level is left anywhere on screen
    assert "Urgent: seek medical help now" not in view.detail.toPlainText()


def test_the_comparison_frames_call_levels_with_their_labels(store):
    html = render_compare(store.db, "acupuncture", "electroacupuncture")
    assert f"{vocab.AFTERCARE_LEVEL.label('urgent')}:" in html


def test_paper_sizes_are_the_same_in_settings_printer_and_cli(store, qtbot):
    assert tuple(PAPER_SIZES) == vocab.PAPER_SIZE.keys
    dialog = ClinicSettingsDialog(store)
    qtbot.addWidget(dialog)
    combo = dialog.editors["paper_size"]
    shown = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
    assert shown == [("a4", "A4 (210 × 297 mm)"), ("letter", "Letter (8.5 × 11 in)")]
    with pytest.raises(UsageError, match="choose from 'a4', 'letter'"):
        build_parser().parse_args(["handout", "x", "--pdf", "o.pdf", "--paper", "a5"])
    args = build_parser().parse_args(["handout", "x", "--pdf", "o.pdf", "--paper", "letter"])
    assert args.paper == "letter"
