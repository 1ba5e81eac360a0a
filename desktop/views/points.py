"""Points tab: acupoints, trigger points and extra points.

Filter by kind, channel or muscle, and region; the detail shows location, why
the point is selected, referral pattern, cautions and corresponding points.
A corresponding-points record (point_links) opens its first point here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from db.database import Database
from db.kinds import POINT_KINDS
from db.lists import Column, ListQuery
from db.records import get_record
from desktop.rendering.record_context import render_record
from desktop.rendering.templating import render
from desktop.views import tab_identity
from desktop.views.base import FilterChoice, RecordTab
from desktop.widgets.detail import DetailPage

# The chart beside a point's text is narrower than on paper; it is drawn at
# twice this width, so it stays crisp when the text is zoomed.
CHART_WIDTH = 300


class PointsTab(RecordTab):
    name, title, kinds = tab_identity("points")  # from TAB_SPECS
    noun = "points"
    column_widths = (110, 0, 130, 90)
    stretch_column = 1

    @classmethod
    def page(cls, db: Database, kind: str, key: str) -> DetailPage | None:
        """The point's name, its body chart (where it lies and, for a trigger
        point, where it sends pain: the chart its handout prints), then its text.

        The chart comes first because "where is it?" is what the desk is asked.
        """
        record = get_record(db, kind, key)
        if record is None:
            return None
        html = render_record(db, record)
        if kind != "points":
            return DetailPage(html)
        # Loaded with the first point shown, not at start-up.
        from desktop.printing.body_chart import point_chart

        chart = point_chart(db, record)
        if chart is None:
            return DetailPage(html)
        context = chart.template_context()
        shown = context["body_chart"]
        shown["height"] = round(shown["height"] * CHART_WIDTH / shown["width"])
        shown["width"] = CHART_WIDTH
        chart_html = render("handouts/_body_chart.html", **context)
        head, found, rest = html.partition("</h2>")
        html = head + found + chart_html + rest if found else chart_html + html
        return DetailPage(html, lambda url: _screen_image(chart, url))

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

    @classmethod
    def resolve_in(cls, db: Database, kind: str, key: str) -> tuple[str, str]:
        if kind == "point_links":
            link = get_record(db, "point_links", key)
            if link is not None:
                return "points", str(link["a"])
        return kind, key


def _screen_image(chart: Any, url: str) -> QImage | None:
    """A picture of the chart (`desktop.printing.body_chart.Chart`) for the screen.

    Drawn large for paper; scaled smoothly here, or the lines break up.
    """
    image = chart.images().get(url)
    if image is None:
        return None
    return image.scaledToWidth(CHART_WIDTH * 2, Qt.TransformationMode.SmoothTransformation)
