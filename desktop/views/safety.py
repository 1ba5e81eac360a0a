"""Safety tab: contraindications and precautions first, then adverse events."""

from __future__ import annotations

from db.kinds import SAFETY_CATEGORIES
from db.lists import Column, ListQuery
from desktop.views import tab_identity
from desktop.views.base import FilterChoice, RecordTab


class SafetyTab(RecordTab):
    name, title, kinds = tab_identity("safety")  # from TAB_SPECS
    noun = "safety notes"
    column_widths = (0, 110, 110)
    stretch_column = 0

    def list_query(self) -> ListQuery:
        return ListQuery(
            "safety",
            [
                Column("Title", "title"),
                Column("Category", "category"),
                Column("Applies to", "modality_label"),
            ],
            text_fields=["title", "text", "who"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [
            FilterChoice("Applies to", "All modalities", "modality", "modality_label"),
            FilterChoice("Category", "Every category", "category", order=SAFETY_CATEGORIES),
        ]
