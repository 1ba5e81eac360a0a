"""Patient questions tab: the questions patients ask, with their answers."""

from __future__ import annotations

from db.lists import Column, ListQuery
from desktop.views import tab_identity
from desktop.views.base import FilterChoice, RecordTab


class FaqsTab(RecordTab):
    name, title, kinds = tab_identity("faqs")  # from TAB_SPECS
    noun = "questions"

    def list_query(self) -> ListQuery:
        return ListQuery(
            "faqs",
            [Column("Question", "question")],
            text_fields=["question", "answer"],
        )

    def filter_choices(self) -> list[FilterChoice]:
        return [
            FilterChoice("Modality", "All modalities", "first_modality", "first_modality_label")
        ]
