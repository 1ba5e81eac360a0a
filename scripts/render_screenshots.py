"""Regenerate the README's window screenshots (docs/screenshots/*.png).

Builds a fresh database from the shipped content in a temporary folder, opens
the real main window offscreen, and grabs the home page, an answer in the
search results and Compare. Run from the checkout:

    python scripts/render_screenshots.py            # 1366x768, into docs/screenshots
    python scripts/render_screenshots.py --size 1024x600 --out /tmp/shots

Look at the images: they are what a front desk sees.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    tmp = Path(tempfile.mkdtemp(prefix="filiform-shots-"))
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QApplication

    from db.connection import open_store
    from db.settings import save_settings
    from desktop import preferences as prefs
    from desktop.app import create_application
    from desktop.window.main_window import MainWindow

    QStandardPaths.setTestModeEnabled(True)
    prefs.use_settings_file(tmp / "settings.ini")
    app = create_application()
    store = open_store(tmp / "filiform.sqlite3")
    save_settings(store.db, {"clinic_name": "Riverside Needling Clinic"})
    window = MainWindow(store)
    window.resize(width, height)
    window.notice_banner.hide()  # "Created a new database at /tmp/...": not what a desk sees daily
    window.show()

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def grab(name: str) -> None:
        settle()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.open_record("faqs", "what-to-wear")
    window.open_record("points", "ST36")
    window.show_home()
    grab("home")

    window.search_box.setFocus()
    window.search_box.setText("will it hurt")
    window.run_search()
    for _ in range(500):
        settle()
        result = window.search_panel.model.result
        if result is not None and result.query == "will it hurt":
            break
        time.sleep(0.01)  # the search runs in its own thread
    window.answer.render_now()
    grab("answer")

    window.search_box.clear()
    window.show_compare("acupuncture", "dry-needling")
    grab("compare")
    window.close()
    store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
