"""Modalities tab: every field of a treatment, safety notes first."""

from __future__ import annotations

from db.lists import Column, ListQuery
from desktop.views import tab_identity
from desktop.views.base import RecordTab


class ModalitiesTab(RecordTab):
    name, title, kinds = tab_identity("modalities")  # from TAB_SPECS
    noun = "modalities"
    column_widths = (160,)

    def list_query(self) -> ListQuery:
        return ListQuery(
            "modalities",
            [Column("Name", "name"), Column("Tradition", "tradition")],
            text_fields=["name", "also_known_as", "tradition"],
        )
