"""QApplication set-up and the window's entry point.

Resolves the database path the same way the CLI does (`--db`, then
`FILIFORM_DB`, then the user's data folder) and shows a clear dialog, never a
traceback, when the file cannot be opened.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from desktop.preferences import APP_NAME, ORG_NAME

__all__ = ["APP_NAME", "ORG_NAME", "create_application", "main", "open_database", "parse_args"]

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="filiform")
    parser.add_argument("--db", metavar="PATH")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def create_application(argv: list[str] | None = None) -> Any:  # QApplication
    """The one QApplication, named so QSettings and data folders find Filiform's."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    # The name of the desktop entry (resources/desktop/filiform.desktop).
    app.setDesktopFileName("filiform")
    from desktop.widgets.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def show_error(title: str, text: str) -> None:
    """A dialog a person can read (tests replace QMessageBox.critical)."""
    from PySide6.QtWidgets import QMessageBox

    print(f"{title}: {text}", file=sys.stderr)
    QMessageBox.critical(None, title, text)


def open_database(path: Path) -> Any:  # Store | None
    """Open the clinic's database, or explain in a dialog why it cannot be."""
    from db.connection import DatabaseError, open_store

    try:
        return open_store(path)
    except DatabaseError as e:
        log.warning("cannot open %s: %s", path, e)
        show_error("Filiform cannot open its database", str(e))
    except Exception as e:  # noqa: BLE001 - a person gets a sentence, not a traceback
        log.exception("opening %s failed unexpectedly", path)
        show_error(
            "Filiform cannot open its database",
            f"Opening {path} failed unexpectedly ({type(e).__name__}: {e}).",
        )
    return None


def main(argv: list[str] | None = None) -> int:
    """Open the main window on the clinic's database."""
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    from desktop.logfile import start_logging

    start_logging()
    app = create_application()
    from PySide6.QtCore import QStandardPaths

    from db.paths import default_db_path
    from desktop.rendering import use_bytecode_cache
    from desktop.window.main_window import MainWindow

    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    if cache:
        use_bytecode_cache(Path(cache) / "templates")

    path = Path(args.db) if args.db else default_db_path()
    store = open_database(path)
    if store is None:
        return 1
    log.info("window opened on %s (read-only: %s)", path, store.read_only)
    window = MainWindow(store)
    window.show()
    from db.frontdesk import setup_needed

    if not store.read_only and setup_needed(store.db):
        # A new database: ask for the letterhead, skippable. The dialog's module
        # (and the settings form under it) loads only then, not on every start.
        from desktop.dialogs.first_start import offer_first_start

        offer_first_start(store, window)
    try:
        return app.exec()
    finally:
        store.close()
