"""Record tabs are built when first needed; a person never sees the difference.

The window opens on its home page with every tab in the bar (label, icon,
tooltip, Ctrl+number), but the tabs' lists and detail panes are built the
first time a tab is shown or a record in it is opened. These tests check
what a person gets from a tab built late: the same place in the bar, the
text size chosen before it existed, the split they left it at last time,
and edits made before it was built.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, Qt

from db import editing
from db.records import list_records
from desktop import preferences as prefs
from desktop.views import TAB_SPECS
from desktop.views.base import RecordTab
from desktop.window.main_window import MainWindow
from tests.helpers import show_active


def test_the_window_opens_with_every_tab_in_the_bar_but_builds_none(window):
    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert labels[:3] == ["Home", "Modalities", "Points"] and "Body" in labels
    assert window.tabs.tabToolTip(labels.index("Points")) == "Points (Ctrl+2)"
    assert window.views.built_views() == []
    assert not window.tabs.tabIcon(labels.index("Points")).isNull()


def test_ctrl_number_builds_the_tab_in_its_place_and_shows_its_first_record(qtbot, window):
    labels_before = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    points = window.current_view()
    assert isinstance(points, RecordTab) and points.name == "points"
    assert window.tabs.indexOf(points) == labels_before.index("Points")
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == labels_before
    assert window.tabs.tabToolTip(window.tabs.indexOf(points)) == "Points (Ctrl+2)"
    assert points.model.rowCount() > 300  # the whole point index is listed
    assert points.current_record() is not None  # and the first one is on screen
    assert window.views.built_views() == [points]
    # Back and forth: the same view, not a second copy.
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.home_visible()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() is points
    assert window.history.can_go_back()


def test_opening_a_record_from_home_builds_only_the_tab_that_holds_it(qtbot, window):
    key, button = next(iter(window.home.question_buttons.items()))
    button.click()
    faqs = window.current_view()
    assert faqs is window.view("faqs")
    assert faqs.current_record() == ("faqs", key)
    assert [v.name for v in window.views.built_views()] == ["faqs"]


def test_a_tab_built_after_zooming_uses_the_chosen_text_size(qtbot, window):
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    size = window.text_size
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    sources = window.current_view()
    assert sources.name == "sources"
    assert sources.list.font().pointSize() == size


def test_a_tab_built_late_gets_back_the_split_left_at_the_last_close(qtbot, store):
    first = MainWindow(store)
    qtbot.addWidget(first)
    show_active(qtbot, first)
    points = first.view("points")
    first.show_tab(first.tabs.indexOf(points))
    points.splitter.setSizes([300, 900])
    saved = points.splitter.sizes()
    assert saved[0] < 400  # narrower than the default list width (520)
    first.close()
    stored = prefs.settings().value(f"{prefs.SPLITTERS}/points")
    assert isinstance(stored, QByteArray) and not stored.isEmpty()

    second = MainWindow(store)
    qtbot.addWidget(second)
    show_active(qtbot, second)
    assert second.views.built_views() == []
    again = second.view("points")
    second.show_tab(second.tabs.indexOf(again))
    assert again.splitter.sizes()[0] == saved[0]  # the list keeps the width it was given
    second.close()  # closing without opening "faqs" keeps nothing of it; points' split stays
    assert prefs.settings().value(f"{prefs.SPLITTERS}/points") == stored


def test_an_edit_made_before_a_tab_is_built_shows_when_it_is_opened(qtbot, window, store):
    key = list_records(store.db, "aftercare")[0].key
    editing.update_record(store, "aftercare", key, {"title": "Caring for yourself tonight"})
    window.refresh_all()  # what the Edit form does after saving
    assert not window.views.is_built("aftercare")
    assert window.open_record("aftercare", key)
    view = window.current_view()
    assert view.name == "aftercare"
    assert "Caring for yourself tonight" in view.detail.toPlainText()
    rows = [view.model.index(i, 0).data() for i in range(view.model.rowCount())]
    assert "Caring for yourself tonight" in rows


def test_each_tab_spec_loads_the_class_that_takes_its_identity():
    """The bar and the window read a tab's spec before its class is loaded; a spec
    that loaded another tab's class would open records in the wrong tab."""
    for spec in TAB_SPECS:
        cls = spec.load()
        assert (cls.name, cls.title, tuple(cls.kinds)) == (spec.name, spec.title, spec.kinds)


LOADED_WHEN_USED = (
    "desktop.actions.edit_actions",
    "desktop.actions.print_actions",
    "desktop.widgets.search_panel",
    "db.search",
    "PySide6.QtPrintSupport",
    "jinja2",
)


def test_a_start_up_imports_no_tab_module(store, tmp_path):
    """Opening the window loads the home page's code only; a tab's module loads
    with the tab, and the editing, printing and search code with their first use
    (checked in a fresh interpreter, where nothing is loaded yet)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from db.connection import open_store\n"
        "from desktop.window.main_window import MainWindow\n"
        "app = QApplication([])\n"
        f"store = open_store({str(store.path)!r}, read_only=True)\n"
        "w = MainWindow(store); w.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.startswith('desktop.views.')))\n"
        f"print(sorted(m for m in {LOADED_WHEN_USED!r} if m in sys.modules))\n"
        "w.view('points')\n"
        "print('desktop.views.points' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),  # never the real preferences
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        },
    )
    assert done.returncode == 0, done.stderr
    loaded, used_later, points_loaded = done.stdout.strip().splitlines()[-3:]
    assert loaded == "['desktop.views.home']"
    assert used_later == "[]"
    assert points_loaded == "True"


def test_the_results_page_is_built_at_the_first_keystroke_and_arrows_before_it_do_nothing(
    qtbot, window
):
    assert window.stack.count() == 1 and not window.search.panel_built
    window.search_box.setFocus()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)  # nothing typed yet: no results to move
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.home_visible() and not window.search.panel_built
    with qtbot.waitSignal(window.searchShown, timeout=5000):
        qtbot.keyClicks(window.search_box, "cupping")
    assert window.search.panel_built and window.results_visible()
    titles = [h.title for h in window.search_panel.model.result.hits]
    assert any("upping" in t for t in titles), titles
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.home_visible()


def test_reading_answers_of_every_kind_builds_no_tab_and_a_points_answer_has_its_chart(
    qtbot, window
):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from desktop.printing.body_chart import CHART_URL

    window.search_box.setFocus()
    with qtbot.waitSignal(window.searchShown, timeout=5000):
        qtbot.keyClicks(window.search_box, "needle")
    hits = window.search_panel.model.result.hits
    kinds_read = set()
    for row, hit in enumerate(hits[:20]):
        window.search_panel.list.setCurrentIndex(window.search_panel.model.index(row, 0))
        window.answer.render_now()
        assert hit.title.split(" (")[0] in window.answer.detail.toPlainText()
        kinds_read.add(hit.kind)
    assert len(kinds_read) >= 3, kinds_read
    assert window.views.built_views() == []  # read beside the results, no tab was built

    with qtbot.waitSignal(window.searchShown, timeout=5000):
        window.search_box.setText("TrP-upper-trapezius")
    window.search_panel.list.setCurrentIndex(window.search_panel.model.index(0, 0))
    window.answer.render_now()
    assert "Body chart" in window.answer.detail.toPlainText()
    image = window.answer.detail.loadResource(
        QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL)
    )
    assert image is not None and not image.isNull() and image.width() > 100


def test_building_a_tab_shows_only_that_tab(qtbot, window):
    """A tab is built in its placeholder's place; the tab beside it is not shown
    on the way (a tab with work in its show event would do that work for nothing)."""
    from PySide6.QtCore import QEvent, QObject

    body = window.view("body")
    window.show_tab(window.tabs.indexOf(body))
    window.show_home()

    class Shows(QObject):
        count = 0

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Show:
                Shows.count += 1
            return False

    watcher = Shows()
    body.installEventFilter(watcher)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)  # Safety
    assert window.current_view().name == "safety"
    assert Shows.count == 0
