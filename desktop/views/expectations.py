"""Session expectations tab: by modality and phase (before, during, after)."""

from __future__ import annotations

from db.kinds import PHASES
from db.lists import Column, ListQuery
from desktop.views import tab_identity
from desktop.views.base import FilterChoice, RecordTab


class ExpectationsTab(RecordTab):
    name, title, kinds = tab_identity("expectations")  # from TAB_SPECS
    noun = "expectations"
    column_widths = (64, 0, 110)
    stretch_column = 1

    def list_query(self) -> ListQuery:
        return ListQuery(
            "expectations",
            [
                Column("Phase", "phase_label"),
                Column("Title", "title"),
                Column("Modality", "modality_label"),
            ],
            text_fields=["title", "text"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [
            FilterChoice("Modality", "All modalities", "modality", "modality_label"),
            FilterChoice("Phase", "Before, during and after", "phase", "phase_label", order=PHASES),
        ]
