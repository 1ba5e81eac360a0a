"""Regenerate the README's handout page images (docs/handouts/*.png).

Builds a fresh database from the shipped content, brands it for a made-up
clinic (with a drawn logo and a booking page, so the QR code shows), exports
a few handouts to PDF through the same code the app and the CLI use, and
turns their pages into PNGs with poppler's pdftoppm. Run from the checkout:

    python scripts/render_handout_images.py

The date printed on the pages is fixed, so the images only change when the
content, the templates or the layout do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "handouts"
# (image name, handout name, parameters)
HANDOUTS = (
    ("dry-needling-aftercare", "dry-needling-aftercare", None),
    ("acupuncture-vs-dry-needling", "acupuncture-vs-dry-needling", None),
    (
        "todays-treatment-sheet",
        "today",
        {
            "modality": "dry-needling",
            "regions": "neck-back,shoulder",
            "note": "Next appointment: Tuesday 2 December, 10:30",
        },
    ),
    ("which-approach-fits-questionnaire", "which-approach-fits", None),
    # A made-up patient: a sports injury in a rehab plan, and pregnant.
    (
        "which-approach-fits",
        "which-approach-fits",
        {
            "answers": {
                "help-with": ["help-sports", "help-rehab"],
                "include": ["include-exercise", "include-rest"],
                "who": "who-physio",
                "soreness": "sore-fine",
                "safety": ["safety-pregnant"],
            }
        },
    ),
)
DPI = "60"
PRINTED_ON = date(2026, 11, 21)
CLINIC = {
    "clinic_name": "Riverside Needling Clinic",
    "clinic_address": "12 Mill Lane\nRiverside RS1 2AB",
    "clinic_phone": "020 7946 0123",
    "clinic_email": "desk@riverside.example",
    "clinic_website": "riverside.example",
    "clinic_booking_url": "https://riverside.example/book",
    "handout_footer": "Open Monday to Friday, 8am to 6pm.",
    "paper_size": "a4",
}


def draw_logo():  # -> QImage
    """A simple made-up logo: a needle-thin line through a circle."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    image = QImage(360, 120, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#1b3a5c"), 8))
    p.drawEllipse(QPointF(60, 60), 44, 44)
    p.setPen(QPen(QColor("#b36b00"), 4))
    p.drawLine(QPointF(20, 100), QPointF(100, 20))
    p.setPen(QColor("#1b3a5c"))
    p.setFont(QFont("DejaVu Sans", 30, QFont.Weight.Bold))
    p.drawText(125, 75, "Riverside")
    p.end()
    return image


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: install poppler-utils.", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need it
    from db.connection import open_store
    from db.settings import save_settings
    from desktop.dialogs.settings_dialog import encode_logo
    from desktop.printing.handouts import compose
    from desktop.printing.printer import write_pdf

    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "filiform.sqlite3")
        save_settings(store.db, {**CLINIC, "clinic_logo": encode_logo(draw_logo())})
        for name, handout, params in HANDOUTS:
            pdf = Path(tmp) / f"{name}.pdf"
            result = write_pdf(compose(store.db, handout, params, today=PRINTED_ON), pdf)
            subprocess.run(["pdftoppm", "-png", "-r", DPI, str(pdf), str(OUT / name)], check=True)
            print(f"{name}: {result.pages} pages -> {OUT.relative_to(ROOT)}/{name}-N.png")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
