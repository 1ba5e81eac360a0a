"""The clinic logo on handouts: read from the settings, checked, sized for the header.

Apart from composing, because the clinic settings dialog previews the same
logo with the same checks, and because it is the one piece of a handout that
needs Qt's image reader (imported only when there is a logo).
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from typing import Any

LOGO_BOX = (150, 52)  # largest logo in the header, layout px (96 per inch)
MAX_LOGO_PIXELS = 40_000_000  # refuse absurd images rather than stall the UI
LOGO_DATA_PREFIX = "data:image/png;base64,"


def load_logo(value: str | None) -> tuple[Any, str | None]:
    """(QImage, None) for a readable logo, else (None, why it was left out).

    The settings dialog stores the logo itself in the database (a PNG data
    URI) so it travels with the file; a script may store a file path instead.
    """
    if not value:
        return None, None
    from PySide6.QtGui import QImage, QImageReader

    if value.startswith(LOGO_DATA_PREFIX):
        image = QImage()
        try:
            data = base64.b64decode(value[len(LOGO_DATA_PREFIX) :], validate=True)
        except (binascii.Error, ValueError):
            data = b""
        if not data or not image.loadFromData(data, "PNG"):
            return None, "The logo was left out: the logo stored in the settings is damaged."
        return image, None
    file = Path(value).expanduser()
    if not file.is_file():
        return None, f"The logo was left out: the file {file} does not exist."
    reader = QImageReader(str(file))
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_LOGO_PIXELS:
        return None, (
            f"The logo was left out: {file.name} is too large ({size.width()}x{size.height()})."
        )
    image = reader.read()
    if image.isNull():
        return None, (
            f"The logo was left out: {file.name} could not be read ({reader.errorString()})."
        )
    return image, None


def logo_size(image: Any) -> tuple[int, int]:
    """The logo's size in the header: as large as fits LOGO_BOX, proportions kept."""
    scale = min(LOGO_BOX[0] / image.width(), LOGO_BOX[1] / image.height())
    return max(1, round(image.width() * scale)), max(1, round(image.height() * scale))
