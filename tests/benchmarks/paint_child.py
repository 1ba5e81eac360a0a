"""First paint of one part of the window, in its own Qt process (run by `run.py`).

    python tests/benchmarks/paint_child.py DB_PATH PART REPEAT

PART is `home` (the home page, `desktop.views.home.HomePage`) or `body` (the
body figure, `desktop.widgets.body_figure`, when that module is on main).
Each sample is what a person waits for when the part first appears: build a
new widget on the database, show it, and process events until its first
paint event has run. The baseline is a bare QWidget holding one QLabel, built,
shown and painted the same way; runs are interleaved so background load hits
both alike. The part's modules are imported before the clock starts (start-up
pays for them, see the warm-start figure); the very first build, which also
warms Qt's caches, is reported on its own. Prints one JSON object, or
{"skipped": reason} when the part is not there.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
SIZE = (1000, 640)


def _factory(part: str, store: Any) -> Any:
    """A function that builds a new widget of `part`, or a string saying why there is none."""
    if part == "home":
        from desktop.views.home import HomePage

        return lambda: HomePage(store)
    if part == "body":
        try:
            from db.body import regions
            from desktop.widgets.body_figure import BodyFigure
        except ImportError:
            return "desktop/widgets/body_figure.py is not on main"
        # The regions are read each time: the desk pays for them when the figure first shows.
        return lambda: BodyFigure(regions(store.db))
    return f"unknown part {part}"


def main(db_path: str, part: str, repeat: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    from db.connection import open_store

    app = QApplication([sys.argv[0]])
    store = open_store(db_path, read_only=True)
    build = _factory(part, store)
    if isinstance(build, str):
        store.close()
        return {"skipped": build}

    class Painted(QObject):
        """Notes the first paint event of the widget or of anything inside it."""

        def __init__(self, widget: QWidget) -> None:
            super().__init__()
            self.widget = widget
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (
                not self.seen
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and (watched is self.widget or self.widget.isAncestorOf(watched))
            ):
                self.seen = True
            return False

    def bare() -> QWidget:
        widget = QWidget()
        QVBoxLayout(widget).addWidget(QLabel("Common questions"))
        return widget

    def first_paint(make: Any) -> float:
        started = time.perf_counter()
        widget = make()
        watcher = Painted(widget)
        app.installEventFilter(watcher)
        widget.resize(*SIZE)
        widget.show()
        while not watcher.seen:
            app.processEvents()
            if time.perf_counter() - started > 30:
                raise RuntimeError("no paint event within 30 s")
        ms = (time.perf_counter() - started) * 1000
        app.removeEventFilter(watcher)
        widget.close()
        widget.deleteLater()
        app.processEvents()
        return ms

    first_ms = first_paint(build)
    first_paint(bare)
    part_ms, base_ms = [], []
    for _ in range(repeat):
        part_ms.append(first_paint(build))
        base_ms.append(first_paint(bare))
    store.close()
    return {"part": part, "first_ms": first_ms, "paint_ms": part_ms, "baseline_ms": base_ms}


if __name__ == "__main__":
    result = main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
    print(json.dumps(result), flush=True)
