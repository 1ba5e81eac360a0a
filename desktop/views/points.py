"""Points tab: acupoints, trigger points and extra points.

Filter by kind, channel or muscle, and region; the detail shows location, why
the point is selected, referral pattern, cautions and corresponding points.
A corresponding-points record (point_links) opens its first point here.
"""

from __future__ import annotations

from db.kinds import POINT_KINDS
from db.lists import Column, ListQuery
from db.records import get_record
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
