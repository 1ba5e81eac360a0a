"""The QR code on a handout: the clinic's booking page or website, made offline by segno.

A patient scans it to book the next visit. segno builds the code in memory
(no network, no files); Qt reads the PNG as an image the header shows.
"""

from __future__ import annotations

import io
from typing import Any

QR_URL = "filiform-qr:clinic"
QR_SIZE_PX = 80  # printed side, layout px (96 per inch): about 21 mm


def qr_target(settings: dict[str, Any]) -> str:
    """The address the code opens: the booking page if set, else the website; '' if neither."""
    target = str(settings.get("clinic_booking_url") or settings.get("clinic_website") or "")
    target = target.strip()
    if not target:
        return ""
    if "://" not in target:
        target = "https://" + target
    return target


def qr_image(target: str) -> Any:
    """The code as a QImage (black on white, one-module quiet zone), or None for no target."""
    if not target:
        return None
    import segno
    from PySide6.QtGui import QImage

    code = segno.make(target, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=8, border=2)
    image = QImage()
    if not image.loadFromData(buffer.getvalue(), "PNG"):
        return None
    return image
