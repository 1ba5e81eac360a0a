"""Compare at a glance, one zoom for the whole window, and empty states."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.test_ui_main_window import type_search


def heading_points(browser) -> float:
    """Point size of the first heading in a detail pane, as drawn."""
    block = browser.document().firstBlock()
    while block.isValid() and not block.text().strip():
        block = block.next()
    return block.charFormat().font().pointSizeF()


def test_compare_shows_the_glance_table_first_and_citations_small(window):
    window.show_compare("acupuncture", "dry-needling")
    view = window.view("compare")
    text = view.detail.toPlainText()
    assert text.index("At a glance") < text.index("How long the needles stay in")
    assert text.index("How long the needles stay in") < text.index("In detail")
    assert text.index("In detail") < text.index("Who performs it")
    html = view.detail.toHtml()
    assert "Strength of the evidence" in text
    # an author-year citation is set in smaller type than the prose beside it
    assert "APTA 2012" in text
    start = html.index("APTA 2012")
    span = html[html.rindex("<span", 0, start) : start]
    assert "font-size" in span


def text_sizes(window) -> dict[str, float]:
    """Point sizes of the text a person reads in each part of the window."""
    return {
        "tabs": window.tabs.tabBar().font().pointSizeF(),
        "results": window.search_panel.list.font().pointSizeF(),
        "chips": window.search_panel.chips["All"].font().pointSizeF(),
        "home title": window.home.title_label.font().pointSizeF(),
        "answer title": heading_points(window.answer.detail),
        "filter": window.view("points").filter_box.font().pointSizeF(),
    }


def test_zoom_enlarges_titles_results_and_tabs_by_the_same_factor(qtbot, window):
    window.zoom.set(10)
    type_search(qtbot, window, "will it hurt")
    window.answer.render_now()
    before = text_sizes(window)
    for _ in range(5):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 15
    after = text_sizes(window)
    for name in before:
        assert after[name] / before[name] == pytest.approx(1.5, rel=0.06), name
    assert before["home title"] > before["results"]  # a title is larger than its text
    assert before["answer title"] > before["results"]


def test_a_filter_that_matches_nothing_says_so_and_clears_the_detail(qtbot, window):
    view = window.view("faqs")
    window.show_tab(window.tabs.indexOf(view))
    assert view.current_record() is not None
    qtbot.keyClicks(view.filter_box, "zzqxvw")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert "No questions match" in view.count_label.text()
    assert view.current_record() is None
    assert "no question matches" in view.detail.toPlainText().lower()
    qtbot.keyClick(view.filter_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    assert view.current_record() is not None
    assert "matches this filter" not in view.detail.toPlainText()


def test_a_clinic_question_without_a_source_saves_and_is_found_by_search(qtbot, window, store):
    qtbot.mouseClick(window.home.add_button, Qt.MouseButton.LeftButton)
    form = window.edit_form
    assert form is not None and form.windowTitle() == "New clinic question"
    form.set_value("question", "Where do I park?")
    form.set_value("answer", "Park in the blue car park behind the clinic. The first hour is free.")
    form.save()
    assert form.result() == form.DialogCode.Accepted, form.error.text()
    assert form.saved_key == "where-do-i-park"
    row = store.db.execute(
        "SELECT origin, sources FROM faqs WHERE key = 'where-do-i-park'"
    ).fetchone()
    assert row == ("clinic", "[]")
    view = window.current_view()
    assert view.current_record() == ("faqs", "where-do-i-park")
    assert "The clinic's own answer" in view.detail.toPlainText()

    window.home_visible() or window.show_home()
    type_search(qtbot, window, "where can I park")
    first = window.search_panel.model.result.hits[0]
    assert (first.kind, first.key) == ("faqs", "where-do-i-park")
    assert first.snippet.startswith("Park in the blue car park")


def test_a_second_clinic_question_with_the_same_title_gets_its_own_key(qtbot, window, store):
    from db import editing

    first = editing.add_record(
        store, "faqs", {"question": "Do you take insurance?", "answer": "Yes."}
    )
    second = editing.add_record(
        store, "faqs", {"question": "Do you take insurance?", "answer": "No."}
    )
    assert (first, second) == ("do-you-take-insurance", "do-you-take-insurance-2")


def test_shipped_content_still_needs_a_source(tmp_path):
    import json
    import shutil

    from db.content import CONTENT_DIR, validate_content_dir

    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    faqs = json.loads((copy / "faqs.json").read_text(encoding="utf-8"))
    records = faqs["records"] if isinstance(faqs, dict) else faqs
    records[0]["sources"] = []
    records[1]["origin"] = "clinic"
    records[1]["sources"] = []
    (copy / "faqs.json").write_text(json.dumps(faqs), encoding="utf-8")
    problems = " ".join(validate_content_dir(copy))
    assert f"'{records[0]['key']}', field 'sources': is required" in problems
    assert f"'{records[1]['key']}', field 'sources': is required" in problems


def test_history_reads_as_words_and_shows_the_whole_before_and_after(qtbot, window, store):
    from db import editing
    from desktop.dialogs.history_dialog import HistoryDialog

    old = store.db.execute("SELECT answer FROM faqs WHERE key = 'will-it-hurt'").fetchone()[0]
    new_text = "A new answer from the clinic. " * 12
    editing.update_record(store, "faqs", "will-it-hurt", {"answer": new_text})
    dialog = HistoryDialog(store, "faqs", "will-it-hurt", window)
    qtbot.addWidget(dialog)
    row = [dialog.table.item(0, j).text() for j in range(5)]
    assert row[0].startswith("Today ") and "+00:00" not in row[0]
    assert row[1:3] == ["Changed", "Answer"]
    assert dialog.before.toPlainText() == old  # whole, not cut to two lines
    assert dialog.after.toPlainText() == new_text
    assert dialog.undo_button.isEnabled()


def test_an_empty_history_offers_no_undo(qtbot, window, store):
    from desktop.dialogs.history_dialog import HistoryDialog

    dialog = HistoryDialog(store, "faqs", "can-i-drive", window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert not dialog.undo_button.isEnabled()
    assert "nothing to undo" in dialog.status.text()


def test_history_dates_read_as_a_person_writes_them():
    from datetime import date

    from desktop.dialogs.history_dialog import field_text, value_text, when_text

    assert when_text("2026-03-04T10:15:00+00:00", today=date(2026, 11, 21)).startswith("4 Mar 2026")
    assert field_text("points", "referral_regions") == "Refers pain to (body regions)"
    assert value_text("faqs", "modalities", '["acupuncture", "dry-needling"]') == (
        "acupuncture; dry-needling"
    )
    assert "Question: Where do I park?" in value_text(
        "faqs", "*", '{"key": "park", "question": "Where do I park?", "sources": []}'
    )


def test_first_start_asks_for_the_letterhead_once_and_the_first_handout_is_branded(
    qtbot, window, store
):
    from db.settings import load_settings
    from desktop.dialogs.first_start import offer_first_start
    from desktop.printing.handouts import compose

    dialog = offer_first_start(store, window)
    assert dialog is not None and dialog.isVisible()
    assert set(dialog.editors) == {
        "clinic_name",
        "clinic_phone",
        "clinic_address",
        "clinic_website",
        "clinic_logo",
    }
    dialog.editors["clinic_name"].setText("Riverside Needling Clinic")
    dialog.editors["clinic_phone"].setText("020 7946 0123")
    dialog.accept()
    assert load_settings(store.db)["clinic_name"] == "Riverside Needling Clinic"
    assert offer_first_start(store, window) is None  # asked once per database
    handout = compose(store.db, "record", {"kind": "faqs", "key": "will-it-hurt"})
    assert "Riverside Needling Clinic" in handout.header_html
    assert "020 7946 0123" in handout.header_html + handout.footer_html


def test_first_start_can_be_skipped_and_is_not_asked_again(qtbot, window, store):
    from db.settings import load_settings
    from desktop.dialogs.first_start import offer_first_start

    dialog = offer_first_start(store, window)
    dialog.skip_button.click()
    assert not dialog.isVisible()
    assert load_settings(store.db)["clinic_name"] == ""
    assert offer_first_start(store, window) is None


def test_tabs_main_actions_and_the_window_have_icons(window):
    assert not window.windowIcon().isNull()
    for i in range(window.tabs.count()):
        assert not window.tabs.tabIcon(i).isNull(), window.tabs.tabText(i)
    for name in ("back", "forward", "home", "print", "search"):
        action = window.actions_by_name[name]
        assert not action.icon().isNull(), name
        assert not action.icon().pixmap(16, 16).isNull(), name  # the SVG really draws
    assert window.back_button.toolTip() == "Back (Alt+Left)"


def test_the_about_box_names_the_icon_licence_and_the_database(store):
    from desktop.dialogs.about import about_html

    text = about_html(store.content_version, str(store.path))
    assert "Lucide" in text and "ISC" in text
    assert "anatomapa" in text and "gganatogram" in text  # the body chart's outlines
    assert str(store.path) in text


def test_at_1024x600_list_columns_fit_what_they_show(qtbot, window):
    window.resize(1024, 600)
    view = window.view("aftercare")
    window.show_tab(window.tabs.indexOf(view))
    qtbot.waitUntil(lambda: view.list.viewport().width() > 0)
    view.fit_columns()
    header = view.list.header()
    level = next(
        i
        for i in range(header.count())
        if view.model.headerData(i, Qt.Orientation.Horizontal) == "What to do"
    )
    assert not header.isSectionHidden(level)
    metrics = view.list.fontMetrics()
    longest = max(
        metrics.horizontalAdvance(view.model.index(r, level).data())
        for r in range(view.model.rowCount())
    )
    assert header.sectionSize(level) >= longest  # "Call the clinic", not "Call th…"
    assert header.sectionSize(0) >= view.list.viewport().width() // 3  # the title keeps room
