"""The body chart on paper: the "where it hurts" handout and a point's chart.

Kept apart from the rest of the handouts: it only adds an image (drawn by the
same painter as the Body tab) and a caption, which is text so a reader of the
PDF, and the tests, can read what the chart shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QImage

from db import body
from db.database import Database
from db.records import Record
from desktop.widgets.body_figure import render_figure_image

CHART_URL = "filiform-body:chart"
# Drawn at twice the width it is shown at, so it stays crisp on paper.
SHOWN_WIDTH = 420
DRAWN_WIDTH = SHOWN_WIDTH * 2
BOTH_TRADITIONS = ("acupuncture", "dry-needling")


@dataclass
class Chart:
    """A chart image and what the handout template needs to place it."""

    image: QImage
    caption: str
    context: dict[str, Any] = field(default_factory=dict)

    def template_context(self) -> dict[str, Any]:
        return {
            "body_chart": {
                "url": CHART_URL,
                "width": SHOWN_WIDTH,
                "height": round(self.image.height() * SHOWN_WIDTH / self.image.width()),
                "caption": self.caption,
            }
        }

    def images(self) -> dict[str, QImage]:
        return {CHART_URL: self.image}


def _the(name: str) -> str:
    return name if name.lower().startswith("the ") else f"the {name[0].lower()}{name[1:]}"


def _names(db: Database, keys: list[str]) -> str:
    places = {r.key: _the(r.name) for r in body.regions(db)}
    found = [places[k] for k in keys if k in places]
    if len(found) <= 1:
        return "".join(found)
    return ", ".join(found[:-1]) + " and " + found[-1]


def point_chart(db: Database, point: Record) -> Chart | None:
    """The chart for a point: a dot where it lies and, for a trigger point, its
    referral zone in red. None if the point has no body region."""
    regions = [k for k in point.get("regions", []) if body.region(db, k) is not None]
    referral = list(point.get("referral_regions", []))
    if not regions and not referral:
        return None
    every = body.regions(db)
    marks = [(point.key, regions[0], True)] if regions else []
    # The point's region in blue too: a dot alone is hard to find on a small chart.
    image = render_figure_image(
        every,
        DRAWN_WIDTH,
        highlight=referral,
        selected=regions[0] if regions else None,
        points=marks,
    )
    name = str(point.get("name") or point.key)
    if point.get("kind") != "trigger point":
        name = f"{name} ({point.key})"
    caption = f"Body chart: {name}"
    if regions:
        caption += (
            f" lies on {_names(db, regions[:1])}, in blue"
            " (the dot is approximate: see the location text)"
        )
    if referral:
        caption += f"; red shows where it can send pain: {_names(db, referral)}"
    return Chart(image, caption + ".")


def region_chart(db: Database, answer: body.RegionAnswer) -> Chart:
    """The chart for a region: the region in blue, and in red the zones of the
    trigger points that send pain there."""
    zones = sorted({k for p in answer.trigger_points for k in p.get("referral_regions", [])})
    image = render_figure_image(
        body.regions(db), DRAWN_WIDTH, highlight=zones, selected=answer.region.key
    )
    caption = f"Body chart: {_the(answer.region.name)} is outlined in blue"
    if zones:
        caption += "; red shows where the muscles listed below can send pain"
    return Chart(image, caption + ".")


def where_it_hurts_context(db: Database, key: str) -> tuple[str, dict[str, Any], Chart] | None:
    """Title, template context and chart of `handout body/REGION`; None if no region."""
    answer = body.where_it_hurts(db, key)
    if answer is None:
        return None
    chart = region_chart(db, answer)
    context: dict[str, Any] = {
        "region": answer.region,
        "place": _the(answer.region.name),
        "trigger_points": answer.trigger_points,
        "acupoints": answer.acupoints,
        "distal": answer.distal,
        "question": answer.question,
        **chart.template_context(),
    }
    return f"Where it hurts: {answer.region.name}", context, chart
