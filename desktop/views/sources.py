"""Sources tab: every citation, and which records cite it."""

from __future__ import annotations

from db.lists import Column, ListQuery
from desktop.views import tab_identity
from desktop.views.base import FilterChoice, RecordTab


class SourcesTab(RecordTab):
    name, title, kinds = tab_identity("sources")  # from TAB_SPECS
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
