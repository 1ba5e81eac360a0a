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


def test_the_answer_waits_while_keys_are_typed_and_shows_once_typing_pauses(
    qtbot, window, monkeypatch
):
    """Typing never waits for a detail pane: while keys keep coming (a fake clock
    here) the answer is held; once typing has paused it appears by itself."""
    from desktop.widgets import answer_pane

    now = [1000.0]
    monkeypatch.setattr(answer_pane, "_clock", lambda: now[0])
    type_search(qtbot, window, "bruising")
    pane = window.answer
    wanted = pane._wanted
    assert wanted is not None and pane.shown != wanted
    for _ in range(5):  # a key every 0.1 s: the answer keeps waiting
        now[0] += 0.1
        pane.typing()
        assert pane._timer.isActive() and pane._timer.interval() >= 250
        assert pane.shown != wanted
    now[0] += 1.0  # the person stopped typing and reads
    pane.show_record(*wanted)
    qtbot.waitUntil(lambda: pane.shown == wanted, timeout=3000)
    assert "ruis" in pane.detail.toPlainText()
