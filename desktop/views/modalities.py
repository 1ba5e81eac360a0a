"""Modalities tab: every field of a treatment, safety notes first."""

from __future__ import annotations

from desktop.models import Column, ListQuery
from desktop.views.base import RecordTab


class ModalitiesTab(RecordTab):
    name = "modalities"
    title = "Modalities"
    kinds = ("modalities",)
    noun = "modalities"
    column_widths = (160,)

    def list_query(self) -> ListQuery:
        return ListQuery(
            "modalities",
            [Column("Name", "t.name"), Column("Tradition", "t.tradition")],
            order_by="t.rowid",
            filter_sql=["t.name", "t.also_known_as", "t.tradition"],
        )
