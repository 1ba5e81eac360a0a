"""Sources tab: every citation, and which records cite it."""

from __future__ import annotations

from db.lists import Column, ListQuery
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
            [Column("Year", "year"), Column("Citation", "citation")],
            text_fields=["citation", "locator", "notes", "year"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [FilterChoice("Type of source", "Every type", "type")]
