"""Safety tab: contraindications and precautions first, then adverse events."""

from __future__ import annotations

from db.kinds import SAFETY_CATEGORIES
from desktop.models import Column, ListQuery
from desktop.views.base import MODALITY_LABEL_SQL, FilterChoice, RecordTab

ORDER_SQL = (
    "CASE t.category WHEN 'contraindication' THEN 0 WHEN 'precaution' THEN 1 ELSE 2 END, "
    "CASE t.severity WHEN 'absolute' THEN 0 WHEN 'relative' THEN 1 ELSE 2 END, t.rowid"
)


class SafetyTab(RecordTab):
    name = "safety"
    title = "Safety"
    kinds = ("safety",)
    noun = "safety notes"
    column_widths = (0, 110, 110)
    stretch_column = 0

    def list_query(self) -> ListQuery:
        return ListQuery(
            "safety",
            [
                Column("Title", "t.title"),
                Column("Category", "t.category"),
                Column("Applies to", MODALITY_LABEL_SQL),
            ],
            order_by=ORDER_SQL,
            filter_sql=["t.title", "t.text", "t.who"],
            emphasis_sql="t.category = 'contraindication' AND t.severity = 'absolute'",
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [
            FilterChoice("Applies to", "All modalities", "t.modality", MODALITY_LABEL_SQL),
            FilterChoice("Category", "Every category", "t.category", order=SAFETY_CATEGORIES),
        ]
