"""Sources tab: every citation, and which records cite it."""

from __future__ import annotations

from desktop.models import Column, ListQuery
from desktop.views.base import FilterChoice, RecordTab


class SourcesTab(RecordTab):
    name = "sources"
    title = "Sources"
    kinds = ("sources",)
    noun = "sources"
    column_widths = (50,)

    def list_query(self) -> ListQuery:
        return ListQuery(
            "sources",
            [Column("Year", "t.year"), Column("Citation", "t.citation")],
            order_by="t.citation COLLATE NOCASE",
            filter_sql=["t.citation", "t.locator", "t.notes", "CAST(t.year AS TEXT)"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [FilterChoice("Type of source", "Every type", "t.type")]
