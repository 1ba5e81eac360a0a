"""Point selection tab: why a point or strategy is chosen."""

from __future__ import annotations

from db.kinds import STRATEGIES
from db.lists import Column, ListQuery
from desktop.views.base import FilterChoice, RecordTab


class RationalesTab(RecordTab):
    name = "rationales"
    title = "Point selection"
    kinds = ("rationales",)
    noun = "rationales"
    column_widths = (280,)

    def list_query(self) -> ListQuery:
        return ListQuery(
            "rationales",
            [Column("Title", "title"), Column("Strategy", "strategy")],
            text_fields=["title", "text", "complaint", "points"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [FilterChoice("Strategy", "Every strategy", "strategy", order=STRATEGIES)]
