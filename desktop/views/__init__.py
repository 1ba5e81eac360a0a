"""One module per tab of the main window, loaded when the tab is first built.

`TAB_SPECS` is the order of the tabs; Ctrl+1 to Ctrl+9 follow it, and the
first seven are the ones the issue names. The Body tab comes last, so no
Ctrl+number the front desk already knows moves; it has Ctrl+B
(`EXTRA_TAB_SHORTCUTS`). A spec says what the tab bar and the window need
before a tab is built (its name, title and the kinds of record it opens) and
where its class lives, so a start-up imports none of the tab modules; each
class takes its name, title and kinds from its spec (`tab_identity`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TabSpec:
    """A tab before it is built: what the bar shows and which records it opens."""

    name: str  # short id: "points"
    title: str  # the tab's title: "Points"
    kinds: tuple[str, ...]  # kinds of record it opens; the first is its list's
    module: str  # the module that holds its class
    class_name: str

    def load(self) -> type[Any]:
        """The tab's class (importing its module the first time)."""
        return getattr(importlib.import_module(self.module), self.class_name)


TAB_SPECS: tuple[TabSpec, ...] = (
    TabSpec(
        "modalities", "Modalities", ("modalities",), "desktop.views.modalities", "ModalitiesTab"
    ),
    TabSpec("points", "Points", ("points", "point_links"), "desktop.views.points", "PointsTab"),
    TabSpec(
        "expectations",
        "Session expectations",
        ("expectations",),
        "desktop.views.expectations",
        "ExpectationsTab",
    ),
    TabSpec("aftercare", "Aftercare", ("aftercare",), "desktop.views.aftercare", "AftercareTab"),
    TabSpec("compare", "Compare", (), "desktop.views.compare", "CompareTab"),
    TabSpec("faqs", "Patient questions", ("faqs",), "desktop.views.faqs", "FaqsTab"),
    TabSpec("sources", "Sources", ("sources",), "desktop.views.sources", "SourcesTab"),
    TabSpec(
        "rationales",
        "Point selection",
        ("rationales",),
        "desktop.views.rationales",
        "RationalesTab",
    ),
    TabSpec("safety", "Safety", ("safety",), "desktop.views.safety", "SafetyTab"),
    TabSpec("body", "Body: where it hurts", (), "desktop.views.body", "BodyTab"),
)

EXTRA_TAB_SHORTCUTS = {"body": "Ctrl+B"}


def tab_identity(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(name, title, kinds) of the tab called `name`, for its class to take as its own."""
    spec = next(spec for spec in TAB_SPECS if spec.name == name)
    return spec.name, spec.title, spec.kinds


__all__ = ["TAB_SPECS", "TabSpec", "EXTRA_TAB_SHORTCUTS", "tab_identity"]
