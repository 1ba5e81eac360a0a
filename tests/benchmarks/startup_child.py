"""One start-up, in a fresh process: the bare baseline window or the real app.

    python tests/benchmarks/startup_child.py bare
    python tests/benchmarks/startup_child.py app DB_PATH
    python tests/benchmarks/startup_child.py app DB_PATH --profile OUT.prof

Run by `run.py`, which notes the wall-clock time just before starting this
process. When the main window has been painted for the first time (and one
more turn of the event loop has run, so anything queued by `show()` is done),
this prints one JSON line: the wall-clock time, the peak resident memory
(VmHWM) and what the window holds, then exits at once without tearing down.

The script imports nothing from the tests package, so the only code on the
measured path is Python's own start-up, Qt, and (for `app`) Filiform's
`main.main(["--db", DB_PATH])`, the same call `python main.py --db DB_PATH`
makes. With `--profile`, cProfile records the whole start-up (imports
included) and writes its statistics to OUT.prof before the process exits.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

SCRIPT_START = time.time()  # the interpreter is up; only the standard library is loaded

ROOT = Path(__file__).resolve().parent.parent.parent
_PROFILER: Any = None
_PROFILE_OUT = ""


def _status_kb(field: str) -> int:
    """A memory figure of this process from /proc/self/status, in kB (0 if absent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _content_rows(window: Any) -> int:
    """Rows in the item views the window shows: evidence that content is on screen."""
    from PySide6.QtWidgets import QAbstractItemView

    rows = 0
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None:
            rows += model.rowCount()
    return rows


def _report(window: Any) -> None:
    from PySide6 import QtCore

    shown = time.time()
    print(
        json.dumps(
            {
                "shown": shown,
                "script_start": SCRIPT_START,
                "peak_rss_kb": _status_kb("VmHWM"),
                "rss_kb": _status_kb("VmRSS"),
                "content_rows": _content_rows(window),
                "title": window.windowTitle(),
                "qt": QtCore.qVersion(),
                "modules": len(sys.modules),
            }
        ),
        flush=True,
    )
    if _PROFILER is not None:
        _PROFILER.disable()
        _PROFILER.dump_stats(_PROFILE_OUT)
    os._exit(0)  # measured up to the first paint; teardown is not start-up


def _watch_first_paint(app: Any) -> None:
    """Report once a visible QMainWindow has received its first paint event.

    A Python event filter on the whole application would be called for every
    event of every widget (and would make Qt wrap each kind of event for
    Python), which costs the real window far more than the bare one. So the
    application-wide filter only waits for the first event addressed to a
    QMainWindow, moves to that window alone, and removes itself.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.done = False
            self.window: QObject | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
            if self.window is None:
                if isinstance(watched, QMainWindow):
                    self.window = watched
                    app.removeEventFilter(self)
                    watched.installEventFilter(self)
                return False
            # (`watched` may be another Python wrapper of the same window: the first
            # event came while the window was still being constructed.)
            if (
                not self.done
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QMainWindow)
            ):
                self.done = True
                QTimer.singleShot(0, lambda w=watched: _report(w))
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    app._benchmark_watcher = watcher  # keep it alive


def run_bare() -> int:
    """The baseline: a bare QMainWindow holding a QTabWidget, shown."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    app = QApplication([sys.argv[0]])
    _watch_first_paint(app)
    window = QMainWindow()
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "Tab")
    window.setCentralWidget(tabs)
    window.resize(1200, 800)
    window.show()
    return app.exec()


def run_app(db_path: str) -> int:
    """The real launcher, with a watcher added to the QApplication it creates."""
    sys.path.insert(0, str(ROOT))
    import desktop.app as app_module
    import main

    create = app_module.create_application

    def create_and_watch(*args: Any, **kwargs: Any) -> Any:
        app = create(*args, **kwargs)
        _watch_first_paint(app)
        return app

    app_module.create_application = create_and_watch
    return main.main(["--db", db_path])


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--profile" in args:
        import cProfile

        i = args.index("--profile")
        _PROFILE_OUT = args[i + 1]
        del args[i : i + 2]
        _PROFILER = cProfile.Profile()
        _PROFILER.enable()
    mode = args[0] if args else "bare"
    sys.exit(run_app(args[1]) if mode == "app" else run_bare())
