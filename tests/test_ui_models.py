"""The list models: Qt's model rules, lazy rows, SQL filtering, 100,000 rows."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from sqlite_utils import Database

from db.lists import Column, ListQuery, like_pattern
from db.search import search
from desktop.models import KEY_ROLE, PAGE_SIZE, RecordListModel, SearchResultsModel
from desktop.views.base import RecordTab
from desktop.window.main_window import MainWindow

SYNTHETIC_ROWS = 100_000


def test_every_tab_model_passes_the_model_tester(qtbot, qtmodeltester, store):
    window = MainWindow(store)
    qtbot.addWidget(window)
    for view in window.views.values():
        if isinstance(view, RecordTab):
            qtmodeltester.check(view.model)
            view.filter_box.setText("a")
            view.apply_filter()
            qtmodeltester.check(view.model)


def test_search_results_model_passes_the_model_tester(qtmodeltester, store):
    model = SearchResultsModel()
    model.set_result(search(store.db, "needle"))
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.set_result(None)
    qtmodeltester.check(model)


def test_like_pattern_takes_wildcards_literally():
    assert like_pattern("50%_a\\") == "%50\\%\\_a\\\\%"


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    """A synthetic points table of 100,000 rows (no search index needed for lists)."""
    path = tmp_path_factory.mktemp("big") / "big.sqlite3"
    db = Database(path)
    db["points"].insert_all(
        (
            {
                "key": f"P{i:06d}",
                "kind": "trigger point" if i % 3 else "acupoint",
                "name": f"Point number {i}",
                "channel": f"Channel {i % 40}",
                "hidden": 0,
            }
            for i in range(SYNTHETIC_ROWS)
        ),
        pk="key",
        batch_size=5000,
    )
    yield db
    db.close()


def _query() -> ListQuery:
    return ListQuery(
        "points",
        [Column("Code", "key"), Column("Name", "name"), Column("Channel", "channel")],
        text_fields=["key", "name", "channel"],
    )


def test_a_hundred_thousand_rows_load_lazily_and_filter_in_sql(big_db):
    started = time.perf_counter()
    model = RecordListModel(big_db, _query())
    load_ms = (time.perf_counter() - started) * 1000
    assert model.rowCount() == SYNTHETIC_ROWS
    assert not model._pages  # nothing is fetched before it is shown
    assert model.index(SYNTHETIC_ROWS - 1, 0).data() == f"P{SYNTHETIC_ROWS - 1:06d}"
    assert len(model._pages) == 1 and len(next(iter(model._pages.values()))) <= PAGE_SIZE
    assert model.row_of_key("P050000") == 50_000

    started = time.perf_counter()
    model.set_filter("number 4242")
    filter_ms = (time.perf_counter() - started) * 1000
    keys = {model.index(r, 0).data(KEY_ROLE) for r in range(model.rowCount())}
    assert "P004242" in keys and all("4242" in k for k in keys)
    model.set_filter("", {"kind": "acupoint"})
    assert model.rowCount() == len(range(0, SYNTHETIC_ROWS, 3))
    print(f"\n100k rows: load {load_ms:.1f} ms, filter {filter_ms:.1f} ms")
    # Generous bounds so a slow CI machine passes; the benchmark issue measures properly.
    assert load_ms < 2000 and filter_ms < 2000


def test_scrolling_a_hundred_thousand_rows_reads_only_visible_pages(qtbot, big_db):
    from PySide6.QtWidgets import QTreeView

    model = RecordListModel(big_db, _query())
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    started = time.perf_counter()
    for row in range(0, SYNTHETIC_ROWS, SYNTHETIC_ROWS // 20):
        view.scrollTo(model.index(row, 0))
        view.viewport().repaint()
    per_jump_ms = (time.perf_counter() - started) * 1000 / 20
    assert len(model._pages) <= 32
    print(f"\n100k rows: {per_jump_ms:.2f} ms per scroll jump and repaint")
    assert view.indexAt(view.viewport().rect().topLeft()).data(Qt.ItemDataRole.DisplayRole)
