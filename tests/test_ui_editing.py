"""Editing in the window as a practitioner does it: forms, history, hide,
add, backups and content packs; nothing typed is lost when a save fails."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from db import editing
from db.backups import list_backups
from db.connection import open_store
from db.records import get_record
from desktop.actions import file_actions
from desktop.window.main_window import MainWindow


@pytest.fixture
def told(monkeypatch):
    """Messages the file actions would show in a message box."""
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(
        file_actions,
        "tell",
        lambda parent, title, text, problem=False: messages.append((title, text)),
    )
    monkeypatch.setattr(file_actions, "confirm", lambda parent, title, text: True)
    return messages


def make_window(qtbot, store) -> MainWindow:
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    return w


def first_faq(store) -> str:
    return next(store.db["faqs"].rows_where("origin = 'shipped'", order_by="rowid"))["key"]


def open_faq(window, key: str):
    assert window.open_record("faqs", key)
    return window.current_view()


def trigger(window, name: str) -> None:
    window.actions_by_name[name].trigger()


def save(form) -> None:
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_edit_a_record_in_the_form_and_see_it_in_the_detail_pane(qtbot, window, store):
    key = first_faq(store)
    view = open_faq(window, key)
    trigger(window, "edit_record")
    form = window.edit_form
    assert form.isVisible() and form.windowTitle().startswith("Edit patient question")
    form.set_value("answer", "Our clinic answers this in its own words.")
    save(form)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert "Our clinic answers this in its own words." in view.detail.toPlainText()
    assert (
        get_record(store.db, "faqs", key)["answer"] == "Our clinic answers this in its own words."
    )


def test_a_form_with_a_problem_stays_open_and_keeps_the_text(qtbot, window, store):
    key = first_faq(store)
    open_faq(window, key)
    trigger(window, "edit_record")
    form = window.edit_form
    form.set_value("question", "A question rewritten by the clinic?")
    form.set_value("answer", "   ")
    save(form)
    assert form.isVisible()
    assert "Answer is required" in form.error.text()
    assert form.value("question") == "A question rewritten by the clinic?"
    assert get_record(store.db, "faqs", key)["question"] != "A question rewritten by the clinic?"


def test_second_front_desk_is_told_of_a_conflict_and_loses_nothing(qtbot, window, store, db_path):
    key = first_faq(store)
    open_faq(window, key)
    trigger(window, "edit_record")
    form = window.edit_form
    other_desk = open_store(db_path)
    editing.update_record(other_desk, "faqs", key, {"answer": "Saved first on the other desk."})
    form.set_value("answer", "Typed here at the same time.")
    save(form)
    assert form.isVisible()
    assert "someone else changed this record" in form.error.text()
    assert form.value("answer") == "Typed here at the same time."
    assert get_record(store.db, "faqs", key)["answer"] == "Saved first on the other desk."


def test_refresh_shows_what_another_computer_saved(qtbot, window, store, db_path):
    key = first_faq(store)
    view = open_faq(window, key)
    other_desk = open_store(db_path)
    editing.update_record(other_desk, "faqs", key, {"answer": "Changed at the other desk."})
    assert "Changed at the other desk." not in view.detail.toPlainText()
    trigger(window, "refresh")
    assert "Changed at the other desk." in view.detail.toPlainText()


def test_history_lists_the_change_and_undo_brings_back_the_old_text(qtbot, window, store):
    key = first_faq(store)
    before = get_record(store.db, "faqs", key)["answer"]
    editing.update_record(store, "faqs", key, {"answer": "Temporary clinic text."})
    view = open_faq(window, key)
    trigger(window, "history")
    dialog = window.history_dialog
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Changed"
    assert dialog.table.item(0, 4).text() == "Temporary clinic text."
    dialog.undo_button.click()
    assert dialog.table.rowCount() == 2
    dialog.reject()
    qtbot.waitUntil(lambda: before[:40] in view.detail.toPlainText())


def test_restore_the_shipped_text_from_the_menu(qtbot, window, store):
    key = first_faq(store)
    shipped = get_record(store.db, "faqs", key)["answer"]
    editing.update_record(store, "faqs", key, {"answer": "Clinic wording."})
    view = open_faq(window, key)
    trigger(window, "restore_shipped")
    assert get_record(store.db, "faqs", key)["answer"] == shipped
    assert shipped[:40] in view.detail.toPlainText()


def test_hide_then_show_again(qtbot, window, store):
    key = first_faq(store)
    view = open_faq(window, key)
    title = get_record(store.db, "faqs", key)["question"]
    rows = lambda: [view.model.index(i, 0).data() for i in range(view.model.rowCount())]  # noqa: E731
    assert any(title in (r or "") for r in rows())
    trigger(window, "hide_record")
    assert not any(title in (r or "") for r in rows())
    trigger(window, "hidden_records")
    dialog = window.hidden_dialog
    items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(title in t for t in items)
    dialog.list.setCurrentRow(next(i for i, t in enumerate(items) if title in t))
    dialog.show_button.click()
    assert any(title in (r or "") for r in rows())


def test_add_a_clinic_question_from_the_faq_tab(qtbot, window, store):
    window.show_tab(list(window.views).index("faqs"))
    trigger(window, "new_record")
    form = window.edit_form
    form.set_value("key", "parking")
    form.set_value("question", "Where can I park?")
    form.set_value("answer", "There is free parking behind the clinic.")
    form.set_value("sources", ["who-2008-point-locations"])
    save(form)
    qtbot.waitUntil(lambda: not form.isVisible())
    view = window.current_view()
    assert view.current_record() == ("faqs", "parking")
    assert "free parking behind the clinic" in view.detail.toPlainText()
    assert get_record(store.db, "faqs", "parking")["origin"] == "clinic"


def test_read_only_database_turns_editing_off_and_says_why(qtbot, db_path):
    store = open_store(db_path, read_only=True)
    window = make_window(qtbot, store)
    assert window.read_only_banner.isVisible()
    assert not window.actions_by_name["edit_record"].isEnabled()
    assert not window.actions_by_name["import_pack"].isEnabled()


def test_lock_editing_on_this_computer_is_remembered(qtbot, window, store, db_path):
    trigger(window, "lock_editing")
    open_faq(window, first_faq(store))
    trigger(window, "edit_record")
    assert window.edit_form is None
    assert "locked" in window.statusBar().currentMessage()
    window.close()
    again = make_window(qtbot, open_store(db_path))
    assert again.actions_by_name["lock_editing"].isChecked()
    assert again.store.editing_locked
    trigger(again, "lock_editing")
    assert not again.store.editing_locked


def test_backup_now_then_restore_it(qtbot, window, store, told, monkeypatch):
    key = first_faq(store)
    editing.update_record(store, "faqs", key, {"answer": "Before the backup."})
    trigger(window, "backup_now")
    made = [b for b in list_backups(store.path) if b.name.endswith("-manual.sqlite3")]
    assert made and told[-1][0] == "Backup made"
    editing.update_record(store, "faqs", key, {"answer": "After the backup."})
    monkeypatch.setattr(file_actions, "choose_open_file", lambda *a: str(made[0]))
    view = open_faq(window, key)
    trigger(window, "restore_backup")
    assert told[-1][0] == "Backup restored"
    assert get_record(store.db, "faqs", key)["answer"] == "Before the backup."
    assert "Before the backup." in view.detail.toPlainText()


def test_export_and_a_bad_import_from_the_menu(qtbot, window, store, told, monkeypatch, tmp_path):
    pack_path = tmp_path / "pack.json"
    monkeypatch.setattr(file_actions, "choose_save_file", lambda *a: str(pack_path))
    trigger(window, "export_pack")
    pack = json.loads(pack_path.read_text(encoding="utf-8"))
    assert told[-1][0] == "Exported"
    key = pack["records"]["faqs"][0]["key"]
    before = get_record(store.db, "faqs", key)["answer"]
    pack["records"]["faqs"][0]["answer"] = "Imported text."
    pack["records"]["faqs"][1]["sources"] = ["nowhere"]
    pack_path.write_text(json.dumps(pack), encoding="utf-8")
    monkeypatch.setattr(file_actions, "choose_open_file", lambda *a: str(pack_path))
    trigger(window, "import_pack")
    assert told[-1][0] == "Nothing was imported"
    assert "faqs, record 2" in told[-1][1] and "'nowhere'" in told[-1][1]
    assert get_record(store.db, "faqs", key)["answer"] == before


def test_html_typed_into_a_form_shows_as_text(qtbot, window, store):
    key = first_faq(store)
    view = open_faq(window, key)
    trigger(window, "edit_record")
    form = window.edit_form
    form.set_value("answer", "<script>alert(1)</script> <b>not bold</b>")
    save(form)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert "<script>alert(1)</script> <b>not bold</b>" in view.detail.toPlainText()


def test_ctrl_e_opens_the_form_for_the_record_on_screen(qtbot, window, store):
    key = first_faq(store)
    open_faq(window, key)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.current_view().list, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.edit_form is not None and window.edit_form.isVisible())
    assert window.edit_form.value("key") == key
