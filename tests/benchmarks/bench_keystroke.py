"""Keystroke -> results shown, in the real window (pytest-qt, offscreen).

Run by `run.py` in its own pytest process (this file is not collected by the
normal test run):

    FILIFORM_BENCH_DB=PATH FILIFORM_BENCH_OUT=OUT.json \\
        python -m pytest -q -o addopts= tests/benchmarks/bench_keystroke.py

Each query is typed one key at a time with `qtbot.keyClick`. After every key
the debounce timer must be running (the key reached the window); instead of
waiting out its interval, its timeout is fired at once, and the clock stops
when the window says the hits are on screen (`searchShown`) and the results
list has been repainted. So each sample is: key handling + the search in the
worker thread + the model reset + one paint of the list, i.e. what a person
waits for after the debounce.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from db.connection import open_store

QUERIES = (
    "will it hurt?",
    "ST36",
    "dry needling soreness",
    "bruising after cupping",
    "how long is a session",
    "neddle fear",
)


@pytest.mark.skipif("FILIFORM_BENCH_DB" not in os.environ, reason="run by tests/benchmarks/run.py")
def test_keystroke_to_results(qtbot) -> None:  # noqa: ANN001 - pytest-qt fixture
    from desktop.window.main_window import MainWindow

    store = open_store(Path(os.environ["FILIFORM_BENCH_DB"]), read_only=True)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    box = window.search_box
    box.setFocus()
    results_view = window.search_panel.list

    shown_at: list[float] = []
    window.searchShown.connect(lambda _result: shown_at.append(time.perf_counter()))

    def type_key(char: str) -> dict[str, float]:
        """One key: total ms, and where it went (search thread, showing, painting)."""
        started = time.perf_counter()
        with qtbot.waitSignal(window.searchShown, timeout=10_000):
            qtbot.keyClick(box, char)
            assert window._timer.isActive(), "the key did not start the debounce timer"
            window._timer.stop()
            window._timer.timeout.emit()  # the debounce interval is not the app's work
        shown = shown_at[-1]
        results_view.viewport().repaint()
        done = time.perf_counter()
        return {
            "ms": (done - started) * 1000,
            "search_ms": window.searcher.last_seconds * 1000,
            "until_shown_ms": (shown - started) * 1000,
            "paint_ms": (done - shown) * 1000,
            "hits": window.search_panel.model.rowCount(),
        }

    # Warm up: the worker opens its connection and loads the spelling vocabulary.
    first = type_key("a")["ms"]
    box.clear()
    samples: list[dict[str, object]] = []
    repeat = int(os.environ.get("FILIFORM_BENCH_REPEAT", "1"))
    for _ in range(repeat):
        for query in QUERIES:
            box.clear()
            for i, char in enumerate(query):
                if char == " ":  # a trailing space searches the same words again
                    qtbot.keyClick(box, char)
                    window._timer.stop()
                    continue
                samples.append({"query": query[: i + 1], **type_key(char)})
            assert window.search_panel.model.result.query == query
    titles = [hit.title for hit in window.search_panel.model.result.hits] or ["Will it hurt?"]
    window.close()  # stops the search thread; nothing renders after the database closes
    store.close()
    baseline = bare_keystrokes(qtbot, titles * 10, repeat)
    Path(os.environ["FILIFORM_BENCH_OUT"]).write_text(
        json.dumps({"first_ms": first, "samples": samples, "baseline": baseline}),
        encoding="utf-8",
    )


def bare_keystrokes(qtbot, titles: list[str], repeat: int) -> list[float]:  # noqa: ANN001
    """The baseline: the same keys into a bare QLineEdit whose every key refills a
    20-row QListView (as many rows as the results list) and repaints it: Qt's own
    cost of a key and a list repaint, with no search, no thread and no database."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    line, view, model = QLineEdit(), QListView(), QStringListModel()
    view.setModel(model)
    layout = QVBoxLayout(widget)
    layout.addWidget(line)
    layout.addWidget(view)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    line.setFocus()
    samples = []
    for _ in range(repeat):
        for query in QUERIES:
            line.clear()
            for char in query:
                started = time.perf_counter()
                qtbot.keyClick(line, char)
                typed = line.text()  # a list as long as the window's: every title, typed first
                model.setStringList([f"{typed}: {t}" for t in titles[:20]])
                view.doItemsLayout()  # a model reset lays items out lazily, as the window's does
                view.viewport().repaint()
                samples.append((time.perf_counter() - started) * 1000)
    return samples
