"""Points tab: acupoints, trigger points and extra points.

Filter by kind, channel or muscle, and region; the detail shows location, why
the point is selected, referral pattern, cautions and corresponding points.
A corresponding-points record (point_links) opens its first point here.
"""

from __future__ import annotations

from db.records import get_record
from desktop.models import Column, ListQuery
from desktop.views.base import FilterChoice, RecordTab


class PointsTab(RecordTab):
    name = "points"
    title = "Points"
    kinds = ("points", "point_links")
    noun = "points"
    column_widths = (110, 0, 130, 90)
    stretch_column = 1

    def list_query(self) -> ListQuery:
        return ListQuery(
            "points",
            [
                Column("Code", "t.key"),
                Column("Name", "CASE WHEN t.pinyin IS NOT NULL THEN t.pinyin ELSE t.name END"),
                Column("Channel or muscle", "t.channel"),
                Column("Kind", "t.kind"),
            ],
            order_by="t.rowid",
            filter_sql=["t.key", "t.name", "t.pinyin", "t.aliases", "t.channel"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [
            FilterChoice(
                "Kind of point",
                "All kinds",
                "t.kind",
                order=("acupoint", "trigger point", "extra point"),
            ),
            FilterChoice("Channel or muscle", "Any channel or muscle", "t.channel"),
            FilterChoice("Region", "Any region", "t.region"),
        ]

    def resolve(self, kind: str, key: str) -> tuple[str, str]:
        if kind == "point_links":
            link = get_record(self.db, "point_links", key)
            if link is not None:
                return "points", str(link["a"])
        return kind, key
