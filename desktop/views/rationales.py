"""Point selection tab: why a point or strategy is chosen."""

from __future__ import annotations

from db.kinds import STRATEGIES
from db.lists import Column, ListQuery
from desktop.views import tab_identity
from desktop.views.base import FilterChoice, RecordTab


class RationalesTab(RecordTab):
    name, title, kinds = tab_identity("rationales")  # from TAB_SPECS
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
