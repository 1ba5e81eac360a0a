"""Patient questions tab: the questions patients ask, with their answers."""

from __future__ import annotations

from desktop.models import Column, ListQuery
from desktop.views.base import FilterChoice, RecordTab


class FaqsTab(RecordTab):
    name = "faqs"
    title = "Patient questions"
    kinds = ("faqs",)
    noun = "questions"

    def list_query(self) -> ListQuery:
        return ListQuery(
            "faqs",
            [Column("Question", "t.question")],
            order_by="t.rowid",
            filter_sql=["t.question", "t.answer"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        modality = (
            "(SELECT j.value FROM json_each(CASE WHEN json_valid(t.modalities) "
            "THEN t.modalities ELSE '[]' END) j LIMIT 1)"
        )
        return [
            FilterChoice(
                "Modality",
                "All modalities",
                modality,
                f"coalesce((SELECT m.name FROM modalities m WHERE m.key = {modality}), {modality})",
            )
        ]
