"""Answers in the results: the selected hit's whole answer beside the list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.records import get_record
from desktop.actions import print_actions
from tests.test_ui_main_window import type_search


def answer_text(window) -> str:
    window.answer.render_now()
    return window.answer.detail.toPlainText()


def test_the_first_hit_s_whole_answer_is_shown_beside_the_results(qtbot, window, store):
    type_search(qtbot, window, "will it hurt")
    hit = window.search_panel.current_hit()
    assert (hit.kind, hit.key) == ("faqs", "will-it-hurt")
    answer = get_record(store.db, "faqs", "will-it-hurt")["answer"]
    shown = answer_text(window)
    assert "Will it hurt?" in shown
    last_paragraph = answer.strip().split("\n\n")[-1][:60]
    assert last_paragraph in shown  # the whole answer, not a snippet
    assert window.answer.kind_label.text() == "Patient question"


def test_arrow_keys_in_the_search_box_change_the_answer_beside_the_results(qtbot, window, store):
    type_search(qtbot, window, "soreness")
    hits = window.search_panel.model.result.hits
    assert len(hits) >= 3
    first = answer_text(window)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.answer.shown == (hits[1].kind, hits[1].key))
    second = window.answer.detail.toPlainText()
    assert second != first
    assert get_record(store.db, hits[1].kind, hits[1].key).title[:30] in second
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.answer.shown == (hits[2].kind, hits[2].key))
    qtbot.keyClick(window.search_box, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: window.answer.shown == (hits[1].kind, hits[1].key))
    assert window.answer.detail.toPlainText() == second


def test_open_in_its_tab_and_print_act_on_the_answer_shown(qtbot, window, monkeypatch):
    type_search(qtbot, window, "how long do the needles stay in")
    answer_text(window)
    printed = []
    monkeypatch.setattr(
        print_actions, "print_current", lambda w: printed.append(w.current_handout())
    )
    window.answer.print_button.click()
    hit = window.search_panel.current_hit()
    assert printed == [("record", {"kind": hit.kind, "key": hit.key})]
    window.answer.open_button.click()
    assert not window.results_visible()
    assert window.current_view().current_record() == (hit.kind, hit.key)


def test_no_results_clear_the_answer_pane(qtbot, window):
    type_search(qtbot, window, "will it hurt")
    answer_text(window)
    window.search_box.clear()
    type_search(qtbot, window, "zzqxvw")
    assert "no answer" in window.answer.detail.toPlainText().lower()
    assert not window.answer.print_button.isEnabled()


def test_the_answer_waits_while_keys_are_typed_and_shows_once_typing_pauses(qtbot, window):
    """Typing never waits for a detail pane: every key typed in the search box holds
    the answer back; when the person stops typing it appears by itself."""
    window.search_box.setFocus()
    with qtbot.waitSignal(window.searchShown, timeout=5000):
        qtbot.keyClicks(window.search_box, "bruis")
    pane = window.answer
    for char in "ing":  # more keys, each holding the answer again
        qtbot.keyClick(window.search_box, char)
        assert pane.typing_pause.isActive()
        assert "Choose a result" in pane.detail.toPlainText() or pane.shown is not None
    qtbot.waitUntil(lambda: window.search_panel.model.result.query == "bruising")
    hit = window.search_panel.current_hit()
    qtbot.waitUntil(lambda: pane.shown == (hit.kind, hit.key), timeout=3000)
    assert hit.title.split(" (")[0] in pane.detail.toPlainText()


def test_an_edit_shows_in_the_answer_beside_the_results(qtbot, window, store):
    from db import editing

    type_search(qtbot, window, "will it hurt")
    assert "Will it hurt?" in answer_text(window)
    editing.update_record(store, "faqs", "will-it-hurt", {"question": "Does it hurt at all?"})
    window.refresh_all()  # what saving the edit form does
    qtbot.waitUntil(lambda: "Does it hurt at all?" in window.answer.detail.toPlainText())


def test_going_to_a_tab_while_a_search_is_on_its_way_keeps_the_tab(qtbot, window):
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "cupping")
    window.search.run()  # the debounce ran out: the search thread has the query
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() is window.view("aftercare")
    qtbot.waitUntil(lambda: window.searcher._pending == 0)  # its answer came back
    assert not window.results_visible()
    assert window.current_view() is window.view("aftercare")
    qtbot.keyClick(window.search_box, "s")  # typing again searches as ever
    qtbot.waitUntil(window.results_visible)


def test_a_broken_template_is_one_sentence_in_the_answer_and_in_the_tab(qtbot, window, monkeypatch):
    from jinja2 import TemplateSyntaxError

    from desktop.views import base

    def broken(db, record):  # noqa: ANN001, ARG001 - stands in for render_record
        raise TemplateSyntaxError("unexpected '}'", 3)

    monkeypatch.setattr(base, "render_record", broken)
    type_search(qtbot, window, "will it hurt")
    shown = answer_text(window)
    assert "cannot be shown right now" in shown and "Traceback" not in shown
    assert window.open_record("faqs", "will-it-hurt")
    assert "cannot be shown right now" in window.view("faqs").detail.toPlainText()
