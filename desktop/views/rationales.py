"""Point selection tab: why a point or strategy is chosen."""

from __future__ import annotations

from db.kinds import STRATEGIES
from desktop.models import Column, ListQuery
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
            [Column("Title", "t.title"), Column("Strategy", "t.strategy")],
            order_by="t.rowid",
            filter_sql=["t.title", "t.text", "t.complaint", "t.points"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [FilterChoice("Strategy", "Every strategy", "t.strategy", order=STRATEGIES)]
