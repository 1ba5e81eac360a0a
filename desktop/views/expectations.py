"""Session expectations tab: by modality and phase (before, during, after)."""

from __future__ import annotations

from db.kinds import PHASES
from desktop.models import Column, ListQuery
from desktop.views.base import MODALITY_LABEL_SQL, FilterChoice, RecordTab

PHASE_ORDER = "CASE t.phase WHEN 'before' THEN 0 WHEN 'during' THEN 1 ELSE 2 END, t.rowid"


class ExpectationsTab(RecordTab):
    name = "expectations"
    title = "Session expectations"
    kinds = ("expectations",)
    noun = "expectations"
    column_widths = (64, 0, 110)
    stretch_column = 1

    def list_query(self) -> ListQuery:
        return ListQuery(
            "expectations",
            [
                Column("Phase", "upper(substr(t.phase, 1, 1)) || substr(t.phase, 2)"),
                Column("Title", "t.title"),
                Column("Modality", MODALITY_LABEL_SQL),
            ],
            order_by=f"t.modality = 'general', t.modality, {PHASE_ORDER}",
            filter_sql=["t.title", "t.text"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [
            FilterChoice("Modality", "All modalities", "t.modality", MODALITY_LABEL_SQL),
            FilterChoice(
                "Phase",
                "Before, during and after",
                "t.phase",
                "upper(substr(t.phase, 1, 1)) || substr(t.phase, 2)",
                order=PHASES,
            ),
        ]
