"""Aftercare tab: by modality, with time frames; "contact the clinic" stands out."""

from __future__ import annotations

from db.kinds import AFTERCARE_LEVELS
from db.lists import Column, ListQuery
from desktop.views import tab_identity
from desktop.views.base import FilterChoice, RecordTab


class AftercareTab(RecordTab):
    name, title, kinds = tab_identity("aftercare")  # from TAB_SPECS
    noun = "aftercare notes"
    column_widths = (0, 85, 112, 95)
    stretch_column = 0
    hide_first = (3, 1)  # modality, then time frame; "What to do" stays

    def list_query(self) -> ListQuery:
        return ListQuery(
            "aftercare",
            [
                Column("Title", "title"),
                Column("Time frame", "time_frame"),
                Column("What to do", "level_label"),
                Column("Modality", "modality_label"),
            ],
            text_fields=["title", "text", "time_frame"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [
            FilterChoice("Modality", "All modalities", "modality", "modality_label"),
            FilterChoice(
                "What to do", "Every level", "level", "level_label", order=AFTERCARE_LEVELS
            ),
        ]
