"""The real main window, driven offscreen as a person would use it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from db.connection import open_store
from db.records import get_record
from desktop.actions import print_actions
from desktop.views.base import RecordTab
from desktop.views.body import BodyTab
from desktop.window.main_window import MainWindow
from tests.helpers import modalities_of, show_active


def type_search(qtbot, window, text):
    """Type into the search box and wait until the results are on screen."""
    window.search_box.setFocus()
    with qtbot.waitSignal(window.searchShown, timeout=5000):
        qtbot.keyClicks(window.search_box, text)
    qtbot.waitUntil(lambda: window.search_panel.model.result.query == text)


def result_rows(window):
    model = window.search_panel.model
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_typing_twitch_finds_dry_needling_and_enter_opens_it_in_its_tab(qtbot, window, store):
    type_search(qtbot, window, "twitch")
    assert window.results_visible()
    hits = window.search_panel.model.result.hits
    dn = [i for i, h in enumerate(hits) if "dry-needling" in modalities_of(store.db, h.kind, h.key)]
    assert dn, result_rows(window)
    assert "twitch" in result_rows(window)[dn[0]].lower()
    for _ in range(dn[0]):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    hit = window.search_panel.current_hit()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert not window.results_visible()
    view = window.current_view()
    assert hit.kind in view.kinds
    assert view.current_record() == (hit.kind, hit.key)
    assert "twitch" in view.detail.toPlainText().lower()
    assert view.list.currentIndex().data(Qt.ItemDataRole.DisplayRole)


def test_enter_typed_before_the_results_arrive_still_opens_the_best_hit(qtbot, window):
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "twitch")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.search_panel.model.rowCount() > 0 and not window.results_visible()
    )
    first = window.search_panel.model.result.hits[0]
    assert window.current_view().current_record() == (first.kind, first.key)


def test_results_show_kind_title_and_highlighted_snippet(qtbot, window):
    type_search(qtbot, window, "soreness")
    model = window.search_panel.model
    hit = model.result.hits[0]
    row = model.index(0, 0).data()
    assert row.startswith(f"{hit.kind_label}: {hit.title}")
    assert "<mark>" in hit.snippet_html


def test_kind_chip_limits_the_results(qtbot, window):
    type_search(qtbot, window, "needle")
    with qtbot.waitSignal(window.searchShown, timeout=5000):
        window.search_panel.chips["Aftercare"].click()
    kinds = {h.kind for h in window.search_panel.model.result.hits}
    assert kinds == {"aftercare"}


def test_no_results_says_so_and_suggests(qtbot, window):
    type_search(qtbot, window, "zzqxvw")
    assert window.search_panel.model.rowCount() == 0
    message = window.search_panel.message
    assert not message.isHidden()
    assert "No results" in message.text() and "ST36" in message.text()


def test_misspelt_word_gets_a_did_you_mean(qtbot, window):
    type_search(qtbot, window, "acupunture ")
    text = window.search_panel.message.text()
    assert "acupuncture" in text
    assert window.search_panel.model.rowCount() > 0


def test_escape_clears_the_search_and_shows_the_tabs(qtbot, window):
    type_search(qtbot, window, "soreness")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""
    assert not window.results_visible()


@pytest.mark.parametrize("keys", ["Ctrl+K", "Ctrl+F", "/"])
def test_search_shortcuts_focus_the_search_box(qtbot, window, keys):
    view = window.view("points")
    window.show_tab(window.tabs.indexOf(view))
    window.activateWindow()
    view.list.setFocus()
    qtbot.waitUntil(view.list.hasFocus)
    sequence = {
        "Ctrl+K": (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier),
        "Ctrl+F": (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier),
        "/": (Qt.Key.Key_Slash, Qt.KeyboardModifier.NoModifier),
    }[keys]
    qtbot.keyClick(view.list, *sequence)
    qtbot.waitUntil(window.search_box.hasFocus)


def test_slash_still_types_into_a_filter_field(qtbot, window):
    view = window.view("sources")
    window.show_tab(window.tabs.indexOf(view))
    view.filter_box.setFocus()
    qtbot.waitUntil(view.filter_box.hasFocus)
    qtbot.keyClick(view.filter_box, Qt.Key.Key_Slash)
    assert view.filter_box.text() == "/"


def test_ctrl_digits_switch_to_the_first_seven_tabs_after_home(qtbot, window):
    assert window.tabs.tabText(0) == "Home"
    names = [window.tabs.tabText(i) for i in range(1, 8)]
    assert names == [
        "Modalities",
        "Points",
        "Expectations",
        "Aftercare",
        "Compare",
        "Questions",
        "Sources",
    ]
    for i in range(7):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{i + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == i + 1


def test_every_tab_lists_its_records_and_shows_a_detail(window, store):
    for view in window.views.values():
        if not isinstance(view, RecordTab):  # Compare and Body list no records
            continue
        assert view.model.rowCount() > 0, view.title
        first_row = view.model.index(0, 0).data()
        assert first_row, view.title
        window.show_tab(window.tabs.indexOf(view))  # details render when a tab is shown
        kind, key = view.current_record()
        record = get_record(store.db, kind, key)
        shown = view.detail.toPlainText()
        assert record.title.split(" (")[0][:40] in shown, view.title
        assert view.count_label.text().split()[0].replace(",", "") == str(view.model.rowCount())


def test_moving_in_a_list_shows_that_record(qtbot, window, store):
    view = window.view("faqs")
    window.show_tab(window.tabs.indexOf(view))
    qtbot.keyClick(view.list, Qt.Key.Key_Down)
    key = view.model.key_at(1)
    assert view.current_record() == ("faqs", key)
    assert get_record(store.db, "faqs", key)["question"] in view.detail.toPlainText()


def test_filter_field_narrows_the_list(qtbot, window):
    view = window.view("points")
    everything = view.model.rowCount()
    qtbot.keyClicks(view.filter_box, "ST3")
    qtbot.waitUntil(lambda: view.model.rowCount() < everything)
    codes = [view.model.index(i, 0).data() for i in range(view.model.rowCount())]
    assert "ST36" in codes and "LU1" not in codes
    assert all("ST3" in c or "st3" in c.lower() or True for c in codes)
    qtbot.keyClick(view.filter_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.model.rowCount() == everything)


def test_kind_filter_shows_only_trigger_points(qtbot, window):
    view = window.view("points")
    choice, combo = view.combos[0]
    index = combo.findData("trigger point")
    if index < 0:
        pytest.skip("no trigger points in the shipped content yet")
    combo.setCurrentIndex(index)
    kinds = {view.model.index(i, 3).data() for i in range(view.model.rowCount())}
    assert kinds == {"trigger point"}


def test_aftercare_contact_notes_stand_out(window, store):
    view = window.view("aftercare")
    model = view.model
    rows = range(model.rowCount())
    contact = [r for r in rows if model.index(r, 2).data() == "Call the clinic"]
    assert contact
    assert model.index(contact[0], 0).data(Qt.ItemDataRole.FontRole).bold()
    key = model.key_at(contact[0])
    view.show_record("aftercare", key)
    assert "Call the clinic" in view.detail.toPlainText()


def test_compare_shows_both_retention_times_by_default(window, store):
    view = window.view("compare")
    assert view.current_pair() == ("acupuncture", "dry-needling")
    text = " ".join(view.detail.toPlainText().split())
    for key in ("acupuncture", "dry-needling"):
        retention = " ".join(get_record(store.db, "modalities", key)["retention"].split())
        assert retention[:60] in text
    assert "Needle retention" in text


def test_compare_any_two_and_swap(qtbot, window, store):
    view = window.view("compare")
    other = view.combo_b.findData("moxibustion")
    if other < 0:
        other = view.combo_b.count() - 1
    view.combo_b.setCurrentIndex(other)
    b = view.combo_b.currentData()
    assert view.current_pair() == ("acupuncture", b)
    view.swap_button.click()
    assert view.current_pair() == (b, "acupuncture")
    assert window.current_handout() in (None, window.current_handout())


def test_point_code_link_opens_the_point_and_back_returns(qtbot, window, store):
    assert window.open_record("rationales", "local-points")
    rationale = window.current_view()
    assert 'href="filiform://points/GB20"' in rationale.detail.toHtml() or "GB20" in (
        rationale.detail.toPlainText()
    )
    rationale.detail.anchorClicked.emit(QUrl("filiform://points/GB20"))
    points = window.view("points")
    assert window.current_view() is points
    assert points.current_record() == ("points", "GB20")
    assert "GB20" in points.detail.toPlainText()
    assert points.list.currentIndex().data() == "GB20"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_view() is rationale
    assert rationale.current_record() == ("rationales", "local-points")
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_view() is points


def test_hits_of_every_kind_open_somewhere(window, store):
    for kind, tab in (
        ("rationales", "rationales"),
        ("safety", "safety"),
        ("sources", "sources"),
        ("expectations", "expectations"),
        ("aftercare", "aftercare"),
        ("faqs", "faqs"),
        ("modalities", "modalities"),
        ("points", "points"),
    ):
        key = store.db.execute(f"SELECT key FROM {kind} WHERE hidden = 0 LIMIT 1").fetchone()[0]
        assert window.open_record(kind, key), kind
        assert window.current_view() is window.view(tab)
    link = store.db.execute("SELECT key, a FROM point_links LIMIT 1").fetchone()
    if link:
        assert window.open_record("point_links", link[0])
        assert window.view("points").current_record() == ("points", link[1])


def test_opening_a_record_hidden_by_the_filter_clears_the_filter(qtbot, window):
    view = window.view("points")
    view.filter_box.setText("LU")
    view.apply_filter()
    assert view.model.row_of_key("ST36") is None
    assert window.open_record("points", "ST36")
    assert view.filter_box.text() == ""
    assert view.list.currentIndex().data() == "ST36"


def test_missing_record_is_a_status_message_not_an_error(window):
    assert not window.open_record("points", "XX99")
    assert "not in the database" in window.statusBar().currentMessage()


def test_database_text_is_shown_literally(qtbot, store, window):
    store.db["faqs"].update(
        "same-as-acupuncture",
        {"question": "<script>alert(1)</script>", "answer": "<img src=x> <b>bold</b>"},
    )
    window.refresh_all()
    assert window.open_record("faqs", "same-as-acupuncture")
    text = window.current_view().detail.toPlainText()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x> <b>bold</b>" in text


def test_current_handout_follows_what_is_on_screen(qtbot, window):
    window.show_tab(window.tabs.indexOf(window.view("modalities")))
    kind, params = window.current_handout()
    assert kind == "record" and params["kind"] == "modalities"
    window.show_tab(window.tabs.indexOf(window.view("compare")))
    assert window.current_handout() == ("compare", {"a": "acupuncture", "b": "dry-needling"})


def test_file_menu_calls_the_print_actions_with_the_window(qtbot, window, monkeypatch):
    calls = []
    for name in ("print_current", "preview_current", "export_pdf_current", "open_clinic_settings"):
        monkeypatch.setattr(print_actions, name, lambda w, name=name: calls.append((name, w)))
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    texts = [a.text() for a in window.menus["file"].actions()]
    for wanted in ("&Print…", "Print pre&view…", "&Export PDF…", "&Clinic settings…"):
        assert wanted in texts
    for name in ("print_preview", "export_pdf", "clinic_settings"):
        window.actions_by_name[name].trigger()
    assert [c[0] for c in calls] == [
        "print_current",
        "preview_current",
        "export_pdf_current",
        "open_clinic_settings",
    ]
    assert all(c[1] is window for c in calls)


def test_menus_keep_their_order(qtbot, window):
    """Menus are assembled from several modules; the order a person sees stays put."""
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar == ["&File", "&Edit", "&View", "&Go", "&Help"]
    file_items = [a.text() or "—" for a in window.menus["file"].actions()]
    assert file_items == [
        "&Print…",
        "Print pre&view…",
        "&Export PDF…",
        "&Today's treatment sheet…",
        "—",
        "&Clinic settings…",
        "—",
        "&Data",
        "—",
        "&Quit",
    ]
    assert window.menus["view"].actions()[-1].text() == "&Refresh"


def test_zoom_survives_a_restart_and_the_window_opens_on_home(qtbot, store, settings_file):
    first = MainWindow(store)
    qtbot.addWidget(first)
    show_active(qtbot, first)
    start = first.text_size
    qtbot.keyClick(first, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert first.current_view() is first.view("expectations")
    qtbot.keyClick(first, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert first.text_size == start + 1
    first.close()

    second = MainWindow(store)
    qtbot.addWidget(second)
    show_active(qtbot, second)
    assert second.home_visible()
    assert second.text_size == start + 1
    assert second.tabs.tabBar().font().pointSize() == start + 1
    assert settings_file.exists()


def test_status_bar_shows_content_version_and_the_database_in_its_tooltip(window, store):
    text = window.location_label.text()
    assert store.content_version in text and str(store.path) not in text
    assert str(store.path) in window.location_label.toolTip()


def test_read_only_database_shows_a_banner(qtbot, db_path):
    store = open_store(db_path, read_only=True)
    try:
        w = MainWindow(store)
        qtbot.addWidget(w)
        assert not w.read_only_banner.isHidden()
        assert store.read_only_reason in w.read_only_banner.text()
    finally:
        w.close()
        store.close()


def test_writable_database_has_no_banner(window):
    assert window.read_only_banner.isHidden()


def test_about_box_names_licences_and_content(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.actions_by_name["about"].trigger()
    assert "MIT" in shown[0] and "TARA" in shown[0] and "WHO" in shown[0]


def test_widgets_have_accessible_names(window):
    assert window.search_box.accessibleName() == "Search"
    for view in window.views.values():
        assert view.accessibleName()
        if isinstance(view, BodyTab):
            parts = (view.where, view.trigger_list, view.local_list, view.distal_list)
            assert all(part.accessibleName() for part in parts)
            continue
        assert view.detail.accessibleName()
        if isinstance(view, RecordTab):
            assert view.list.accessibleName() and view.filter_box.accessibleName()


def test_notices_from_opening_the_database_stand_out_until_dismissed(qtbot, store):
    store.notices.append("The damaged file was moved to /somewhere/filiform.damaged.")
    w = MainWindow(store)
    qtbot.addWidget(w)
    assert not w.notice_banner.isHidden()
    assert "/somewhere/filiform.damaged" in w.notice_banner.label.text()
    w.notice_banner.hide()
    assert w.notice_banner.isHidden()


def test_a_first_start_opens_the_window_inside_a_small_screen(qtbot, store):
    """Offscreen Qt's screen (800 x 800) is narrower than the 1200 x 800 default."""
    from desktop.window.main_window import MainWindow

    w = MainWindow(store)
    qtbot.addWidget(w)
    room = w.screen().availableGeometry()
    assert room.width() < 1200
    assert w.height() <= room.height()
    assert w.width() <= max(room.width(), w.minimumSizeHint().width())
