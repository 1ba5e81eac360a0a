"""Compare at a glance, one zoom for the whole window, and empty states."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop import preferences as prefs
from desktop.window.main_window import MainWindow
from tests.test_ui_main_window import show_active, type_search


@pytest.fixture(autouse=True)
def settings_file(tmp_path):
    path = tmp_path / "settings.ini"
    prefs.use_settings_file(path)
    yield path
    prefs.use_settings_file(None)


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    show_active(qtbot, w)
    return w


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


def test_zoom_enlarges_titles_results_and_tabs_by_the_same_factor(qtbot, window):
    window.zoom.set(10)
    type_search(qtbot, window, "will it hurt")
    window.answer.render_now()
    before = {
        "tabs": window.tabs.tabBar().font().pointSizeF(),
        "results": window.search_panel.list.font().pointSizeF(),
        "chips": window.search_panel.chips["All"].font().pointSizeF(),
        "home title": window.home.title_label.font().pointSizeF(),
        "answer title": heading_points(window.answer.detail),
        "filter": window.view("points").filter_box.font().pointSizeF(),
    }
    for _ in range(5):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 15
    after = {
        "tabs": window.tabs.tabBar().font().pointSizeF(),
        "results": window.search_panel.list.font().pointSizeF(),
        "chips": window.search_panel.chips["All"].font().pointSizeF(),
        "home title": window.home.title_label.font().pointSizeF(),
        "answer title": heading_points(window.answer.detail),
        "filter": window.view("points").filter_box.font().pointSizeF(),
    }
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
