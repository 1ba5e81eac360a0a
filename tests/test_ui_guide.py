"""The guide at the desk, gone through by keyboard as a receptionist would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.settings import save_settings
from desktop.dialogs.approach_guide import ApproachGuideDialog
from tests import test_print_ui
from tests.test_print_ui import pdf_text

CTRL = Qt.KeyboardModifier.ControlModifier


def focused(qtbot, dialog):
    """The widget with the keyboard focus inside the guide (where a key press goes)."""
    return dialog.focusWidget() or dialog


def press(qtbot, dialog, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(qtbot, dialog), key, modifier)


def result_text(dialog) -> str:
    return " ".join(dialog.result_view.toPlainText().split())


# The print tests' fake print dialog (prints to a PDF file), shared here.
fake_print = test_print_ui.fake_print


@pytest.fixture(autouse=True)
def clinic(store):
    """A branded clinic, so a printed result shows its details."""
    save_settings(store.db, {"clinic_name": "Riverside Needling Clinic", "clinic_phone": "0123"})


@pytest.fixture
def guide(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: window.guide_dialog is not None and window.guide_dialog.isVisible())
    return window.guide_dialog


def test_ctrl_g_opens_the_guide_on_its_first_question(window, guide):
    assert isinstance(guide, ApproachGuideDialog)
    page = guide.current_page()
    assert page.title.text() == "What would you like help with?"
    assert page.step.text().startswith("Question 1 of 6")
    assert guide.focusWidget() is page.buttons[0]
    assert window.actions_by_name["approach_guide"].text() == "Which approach &fits me?…"


def test_the_home_page_opens_the_guide_in_one_click(window, qtbot):
    assert window.home_visible()
    button = window.home.guide_button
    assert button.isVisible() and button.text() == "Which approach fits me?"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.guide_dialog is not None and window.guide_dialog.isVisible())
    assert window.guide_dialog.current_page().question.key == "help-with"


def test_a_sports_injury_in_rehab_by_keyboard_shows_dry_needling_first(guide, qtbot):
    press(qtbot, guide, Qt.Key.Key_1)  # a movement or sports problem
    press(qtbot, guide, Qt.Key.Key_2)  # an injury already in rehab
    assert guide.current_page().chosen() == ["help-sports", "help-rehab"]
    press(qtbot, guide, Qt.Key.Key_Return)
    assert guide.current_page().question.key == "include"
    press(qtbot, guide, Qt.Key.Key_Down)  # arrows move between answers, Space ticks
    press(qtbot, guide, Qt.Key.Key_Up)
    press(qtbot, guide, Qt.Key.Key_Space)
    assert guide.current_page().chosen() == ["include-exercise"]
    press(qtbot, guide, Qt.Key.Key_Return)
    press(qtbot, guide, Qt.Key.Key_1)  # a physiotherapist
    for _ in range(3):  # soreness, before: skipped; safety
        press(qtbot, guide, Qt.Key.Key_Return)
    assert guide.current_page().question.key == "safety"
    assert guide.next_button.text() == "Show the result ▶"
    press(qtbot, guide, Qt.Key.Key_1)  # pregnant
    press(qtbot, guide, Qt.Key.Key_Return)
    assert guide.on_result()
    text = result_text(guide)
    assert text.startswith("Your answers lean towards dry needling")
    assert text.index("Tell the practitioner first") < text.index("First to talk about")
    assert text.index("First to talk about: Dry needling") < text.index(
        "The other choice: Acupuncture"
    )
    assert "I am pregnant, or might be." in text
    assert text.rstrip().endswith("You can say no to needling, or stop at any time.")


def test_backspace_goes_back_and_the_answers_stay(guide, qtbot):
    press(qtbot, guide, Qt.Key.Key_4)  # stress
    press(qtbot, guide, Qt.Key.Key_Return)
    press(qtbot, guide, Qt.Key.Key_Backspace)
    assert guide.current_page().question.key == "help-with"
    assert guide.current_page().chosen() == ["help-stress"]
    press(qtbot, guide, Qt.Key.Key_5)  # and sleep
    for _ in range(6):
        press(qtbot, guide, Qt.Key.Key_Return)
    assert guide.on_result()
    assert result_text(guide).startswith("Your answers lean towards acupuncture")


def test_a_one_answer_question_keeps_one_and_three_ticks_is_the_most(guide, qtbot):
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):
        press(qtbot, guide, key)
    page = guide.current_page()
    assert not page.buttons[3].isEnabled()  # a fourth complaint cannot be ticked
    press(qtbot, guide, Qt.Key.Key_4)
    assert page.chosen() == ["help-sports", "help-rehab", "help-long-pain"]
    press(qtbot, guide, Qt.Key.Key_3)  # untick one: the rest come back
    assert page.buttons[3].isEnabled()
    press(qtbot, guide, Qt.Key.Key_Return)
    press(qtbot, guide, Qt.Key.Key_Return)
    press(qtbot, guide, Qt.Key.Key_1)
    press(qtbot, guide, Qt.Key.Key_2)
    assert guide.current_page().chosen() == ["who-acupuncturist"]


def test_none_of_these_clears_the_other_ticks_and_back(guide, qtbot):
    for _ in range(5):
        press(qtbot, guide, Qt.Key.Key_Return)
    page = guide.current_page()
    assert page.question.key == "safety"
    press(qtbot, guide, Qt.Key.Key_1)
    press(qtbot, guide, Qt.Key.Key_7)
    press(qtbot, guide, Qt.Key.Key_8)  # none of these
    assert page.chosen() == ["safety-none"]
    press(qtbot, guide, Qt.Key.Key_2)
    assert page.chosen() == ["safety-blood-thinners"]


def test_mixed_answers_say_both_ways_on_screen(guide, qtbot):
    press(qtbot, guide, Qt.Key.Key_2)  # rehab
    press(qtbot, guide, Qt.Key.Key_4)  # stress
    for _ in range(6):
        press(qtbot, guide, Qt.Key.Key_Return)
    text = result_text(guide)
    assert text.startswith("Your answers point both ways")
    assert "First to talk about" not in text
    assert "Acupuncture, in its own terms" in text and "Dry needling, in its own terms" in text


def test_ctrl_p_prints_the_result_with_the_clinic_details(guide, qtbot, fake_print, window):
    press(qtbot, guide, Qt.Key.Key_4)
    press(qtbot, guide, Qt.Key.Key_5)
    press(qtbot, guide, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: fake_print.target.exists())
    assert guide.on_result()  # printing shows the result first
    text = pdf_text(fake_print.target)
    assert "Riverside Needling Clinic" in text
    assert "Your answers lean towards acupuncture." in text
    assert "Dry needling, in its own terms" in text
    assert fake_print.shown == ["Print: Which approach fits me? Your answers"]


def test_start_again_clears_every_answer(guide, qtbot):
    press(qtbot, guide, Qt.Key.Key_1)
    for _ in range(6):
        press(qtbot, guide, Qt.Key.Key_Return)
    guide.again_button.click()
    assert guide.index == 0 and guide.answers() == {}


def test_esc_closes_the_guide(guide, qtbot):
    press(qtbot, guide, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not guide.isVisible())
