"""QApplication set-up and the window's entry point.

Resolves the database path the same way the CLI does (`--db`, then
`FILIFORM_DB`, then the user's data folder) and shows a clear dialog, never a
traceback, when the file cannot be opened.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

APP_NAME = "Filiform"
ORG_NAME = "Filiform"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="filiform")
    parser.add_argument("--db", metavar="PATH")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def create_application(argv: list[str] | None = None):  # -> QApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    return app


def main(argv: list[str] | None = None) -> int:
    """Open the main window on the clinic's database."""
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    app = create_application()
    from PySide6.QtWidgets import QMessageBox

    from db.connection import DatabaseError, open_store
    from db.paths import default_db_path
    from desktop.main_window import MainWindow

    path = Path(args.db) if args.db else default_db_path()
    try:
        store = open_store(path)
    except DatabaseError as e:
        QMessageBox.critical(None, "Filiform cannot open its database", str(e))
        return 1
    window = MainWindow(store)
    window.show()
    return app.exec()
