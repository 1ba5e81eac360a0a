"""Points tab: acupoints, trigger points and extra points.

Filter by kind, channel or muscle, and region; the detail shows location, why
the point is selected, referral pattern, cautions and corresponding points.
A corresponding-points record (point_links) opens its first point here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from db.connection import Store
from db.kinds import POINT_KINDS
from db.lists import Column, ListQuery
from db.records import get_record
from desktop.rendering.record_context import render_record
from desktop.rendering.templating import render
from desktop.views.base import FilterChoice, RecordTab

# The chart beside a point's text is narrower than on paper; it is drawn at
# twice this width, so it stays crisp when the text is zoomed.
CHART_WIDTH = 300


class PointsTab(RecordTab):
    name = "points"
    title = "Points"
    kinds = ("points", "point_links")
    noun = "points"
    column_widths = (110, 0, 130, 90)
    stretch_column = 1

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self._chart: Any = None  # desktop.printing.body_chart.Chart of the point shown
        self.detail.image_provider = self._chart_image

    def fragment(self, kind: str, key: str) -> str | None:
        """The point's name, its body chart (where it lies and, for a trigger
        point, where it sends pain: the chart its handout prints), then its text.

        The chart comes first because "where is it?" is what the desk is asked.
        """
        record = get_record(self.db, kind, key)
        if record is None:
            return None
        html = render_record(self.db, record)
        self._chart = None
        if kind != "points":
            return html
        # Loaded with the first point shown, not at start-up.
        from desktop.printing.body_chart import point_chart

        chart = point_chart(self.db, record)
        if chart is None:
            return html
        self._chart = chart
        context = chart.template_context()
        shown = context["body_chart"]
        shown["height"] = round(shown["height"] * CHART_WIDTH / shown["width"])
        shown["width"] = CHART_WIDTH
        chart_html = render("handouts/_body_chart.html", **context)
        head, found, rest = html.partition("</h2>")
        return head + found + chart_html + rest if found else chart_html + html

    def _chart_image(self, url: str) -> QImage | None:
        if self._chart is None:
            return None
        image = self._chart.images().get(url)
        # Drawn large for paper; scaled smoothly here, or the lines break up.
        return (
            image.scaledToWidth(CHART_WIDTH * 2, Qt.TransformationMode.SmoothTransformation)
            if image
            else None
        )

    def list_query(self) -> ListQuery:
        return ListQuery(
            "points",
            [
                Column("Code", "key"),
                Column("Name", "point_name"),
                Column("Channel or muscle", "channel"),
                Column("Kind", "kind"),
            ],
            text_fields=["key", "name", "pinyin", "aliases", "channel"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [
            FilterChoice(
                "Kind of point",
                "All kinds",
                "kind",
                order=POINT_KINDS,
            ),
            FilterChoice("Channel or muscle", "Any channel or muscle", "channel"),
            FilterChoice("Region", "Any region", "region"),
        ]

    def resolve(self, kind: str, key: str) -> tuple[str, str]:
        if kind == "point_links":
            link = get_record(self.db, "point_links", key)
            if link is not None:
                return "points", str(link["a"])
        return kind, key
