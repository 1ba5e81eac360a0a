"""The "Which approach fits me?" handouts: the blank questionnaire and a filled-in result.

`desktop.printing.handouts` lists them under one name (`which-approach-fits`)
and prints them like any other handout; this module only gathers what their
templates need from `db.guide`, so the screen and the paper say the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from db.database import Database
from db.guide import Guide, GuideResult, load_guide, score

NAME = "which-approach-fits"
TITLE = "Which approach fits me?"
# The strongest reasons each tradition fits are explained; the rest are named,
# so a patient who ticked everything still gets two pages.
MAX_REASONS = 2
# With more evidence lines and safety answers than this, the reasons are only
# named (the evidence and safety text stay whole), so the result keeps to two
# pages even when a patient ticks nearly everything.
BRIEF_ABOVE = 8
PART_HEADINGS = {
    "your problem": "About what you want help with",
    "what matters": "What matters to you",
    "safety": "Tell us first",
}


@dataclass(frozen=True)
class GuidePage:
    """A guide handout before the page frame: title, template and its context."""

    title: str
    template: str
    context: dict[str, Any]


def _parts(guide: Guide) -> list[tuple[str, list[Any]]]:
    """Questions grouped under their part's heading, numbered straight through."""
    groups: list[tuple[str, list[Any]]] = []
    for q in guide.questions:
        heading = PART_HEADINGS.get(q.part, q.part.capitalize())
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append(q)
    return groups


def questionnaire(db: Database) -> GuidePage:
    """The blank questionnaire with tick boxes, for a patient to fill in at the counter."""
    guide = load_guide(db)
    closing = guide.text("closing")
    return GuidePage(
        TITLE,
        "handouts/guide_questionnaire.html",
        {
            "lead": "A few questions to help you and your practitioner choose between "
            "acupuncture and dry needling. Tick the boxes that fit you.",
            "parts": _parts(guide),
            "names": [guide.name(m) for m in ("acupuncture", "dry-needling")],
            "closing": closing,
        },
    )


def result_context(result: GuideResult) -> dict[str, Any]:
    """What `guide/_result.html` needs, on screen and on paper."""
    brief = len(result.evidence) + len(result.safety) > BRIEF_ABOVE
    return {
        "result": result,
        "max_reasons": MAX_REASONS,
        "brief": brief,
    }


def result_page(db: Database, answers: Mapping[str, Any]) -> GuidePage:
    """The filled-in result; raises db.guide.AnswersError for answers it cannot read."""
    result = score(load_guide(db), answers)
    return GuidePage(
        f"{TITLE} Your answers",
        "handouts/guide_result.html",
        {"lead": "", **result_context(result)},
    )
