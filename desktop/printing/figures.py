"""The body figure slot: where a point, trigger point or body region handout shows the body.

The figure itself is drawn by `desktop.widgets.body_figure` (issue 13, the
`body` helper's module). This slot asks it for a printable picture and, while
that module or its print function is not there yet, leaves the handout
without a figure rather than failing. The handout templates place the image
under FIGURE_URL.

The contract this slot expects (fill it in `desktop/widgets/body_figure.py`):

    render_figure_for_print(regions: list[str], referral_regions: list[str],
                            width_px: int) -> QImage | None

`regions` are marked as "here", `referral_regions` as "pain can spread
here"; region keys are those of HELPERS.md (neck-back, shoulder, ...).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

FIGURE_URL = "filiform-figure:body"
FIGURE_FUNCTION = "render_figure_for_print"
FIGURE_MODULE = "desktop.widgets.body_figure"


def body_figure(
    regions: Sequence[str], referral_regions: Sequence[str] = (), width_px: int = 220
) -> Any:
    """A QImage of the body with these regions marked, or None when there is no figure yet."""
    if not regions and not referral_regions:
        return None
    try:
        module = importlib.import_module(FIGURE_MODULE)
    except ImportError:
        return None
    draw = getattr(module, FIGURE_FUNCTION, None)
    if draw is None:
        return None
    image = draw(list(regions), list(referral_regions), width_px)
    if image is None or image.isNull():
        return None
    return image


def figure_size(image: Any, max_width: int = 220, max_height: int = 300) -> tuple[int, int]:
    """The printed size of the figure in layout px, keeping its proportions."""
    scale = min(max_width / image.width(), max_height / image.height(), 1.0)
    return max(1, round(image.width() * scale)), max(1, round(image.height() * scale))
