"""The home page: what the window opens on, one click from each common answer."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.frontdesk import COMMON_QUESTIONS, pinned_keys, set_pinned_keys
from db.records import get_record


def test_the_window_opens_on_the_home_page_with_common_questions(window, store):
    assert window.home_visible()
    shown = [b.text() for b in window.home.question_buttons.values()]
    assert get_record(store.db, "faqs", "will-it-hurt")["question"] in shown
    assert len(shown) >= 5
    glance = window.home.glance_text()
    assert "Acupuncture" in glance and "Dry needling" in glance
    assert "How long the needles stay in" in glance


def test_a_common_question_opens_its_answer_in_one_click(qtbot, window, store):
    button = window.home.question_buttons[COMMON_QUESTIONS[0]]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view = window.current_view()
    assert view is window.view("faqs")
    assert view.current_record() == ("faqs", COMMON_QUESTIONS[0])
    answer = get_record(store.db, "faqs", COMMON_QUESTIONS[0])["answer"]
    assert answer.split(".")[0] in view.detail.toPlainText()


def test_a_pinned_question_is_on_home_and_opens_its_answer_in_one_click(qtbot, window, store):
    set_pinned_keys(store.db, ["moxa-breech"])
    window.refresh_all()
    assert list(window.home.pinned_buttons) == ["moxa-breech"]
    assert window.home.pinned_hint.isHidden()
    qtbot.mouseClick(window.home.pinned_buttons["moxa-breech"], Qt.MouseButton.LeftButton)
    assert window.current_view().current_record() == ("faqs", "moxa-breech")
    assert "breech" in window.current_view().detail.toPlainText().lower()


def test_pin_to_home_from_the_edit_menu_and_unpin_again(qtbot, window, store):
    assert window.open_record("faqs", "exercise-after")
    window.actions_by_name["pin_question"].trigger()
    assert pinned_keys(store.db) == ["exercise-after"]
    window.actions_by_name["home"].trigger()
    assert window.home_visible()
    assert "exercise-after" in window.home.pinned_buttons
    window.open_record("faqs", "exercise-after")
    window.actions_by_name["pin_question"].trigger()
    assert pinned_keys(store.db) == []
    assert "exercise-after" not in window.home.pinned_buttons


def test_alt_home_and_back_return_to_the_home_page(qtbot, window):
    window.open_record("points", "ST36")
    assert not window.home_visible()
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.home_visible()
    window.open_record("faqs", "will-it-hurt")
    window.go_back()
    assert window.home_visible()
    window.go_back()
    assert window.current_view().current_record() == ("points", "ST36")


def test_records_opened_lately_are_listed_newest_first_and_reopen(qtbot, window, store):
    window.open_record("points", "ST36")
    window.open_record("faqs", "can-i-drive")
    window.show_home()
    texts = [b.text() for b in window.home.recent_buttons]
    assert texts[0] == get_record(store.db, "faqs", "can-i-drive")["question"]
    assert any("ST36" in t or "Zusanli" in t for t in texts[1:])
    qtbot.mouseClick(window.home.recent_buttons[1], Qt.MouseButton.LeftButton)
    assert window.current_view().current_record() == ("points", "ST36")


def test_which_approach_fits_me_opens_the_guide_from_home(qtbot, window):
    assert window.home.guide_button.isVisibleTo(window.home)
    qtbot.mouseClick(window.home.guide_button, Qt.MouseButton.LeftButton)
    assert window.guide_dialog is not None and window.guide_dialog.isVisible()
    window.guide_dialog.reject()


def test_the_glance_shows_edited_text_as_typed_and_says_so_when_a_modality_is_hidden(window, store):
    from db import editing

    editing.update_record(store, "modalities", "acupuncture", {"name": "Acupuncture <b>(TCM)</b>"})
    window.refresh_all()
    glance = window.home.glance_text()
    assert "Acupuncture <b>(TCM)</b>" in glance  # shown as typed, never as HTML
    editing.set_hidden(store, "modalities", "dry-needling", True)
    window.refresh_all()
    assert window.home.glance_text() == "Acupuncture or dry needling is hidden or missing."
    assert not window.home.compare_button.isEnabled()
    editing.set_hidden(store, "modalities", "dry-needling", False)
    window.refresh_all()
    assert "Dry needling" in window.home.glance_text()
