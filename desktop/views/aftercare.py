"""Aftercare tab: by modality, with time frames; "contact the clinic" stands out."""

from __future__ import annotations

from db.kinds import AFTERCARE_LEVELS
from desktop.models import Column, ListQuery
from desktop.views.base import MODALITY_LABEL_SQL, FilterChoice, RecordTab

LEVEL_LABEL_SQL = (
    "CASE t.level WHEN 'contact' THEN 'Contact the clinic' WHEN 'urgent' THEN 'Urgent' "
    "WHEN 'watch' THEN 'Keep an eye on it' ELSE 'Normal' END"
)
LEVEL_ORDER_SQL = (
    "CASE t.level WHEN 'normal' THEN 0 WHEN 'watch' THEN 1 WHEN 'contact' THEN 2 "
    "WHEN 'urgent' THEN 3 ELSE 4 END"
)


class AftercareTab(RecordTab):
    name = "aftercare"
    title = "Aftercare"
    kinds = ("aftercare",)
    noun = "aftercare notes"
    column_widths = (0, 85, 112, 95)
    stretch_column = 0

    def list_query(self) -> ListQuery:
        return ListQuery(
            "aftercare",
            [
                Column("Title", "t.title"),
                Column("Time frame", "t.time_frame"),
                Column("What to do", LEVEL_LABEL_SQL),
                Column("Modality", MODALITY_LABEL_SQL),
            ],
            order_by=f"t.modality = 'general', t.modality, {LEVEL_ORDER_SQL}, t.rowid",
            filter_sql=["t.title", "t.text", "t.time_frame"],
            emphasis_sql="t.level IN ('contact', 'urgent')",
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [
            FilterChoice("Modality", "All modalities", "t.modality", MODALITY_LABEL_SQL),
            FilterChoice(
                "What to do", "Every level", "t.level", LEVEL_LABEL_SQL, order=AFTERCARE_LEVELS
            ),
        ]
